import { useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { MEETING, POLL } from "../../../shared/limits";
import type { GroupDetail } from "../../../shared/schemas/groups";
import type { MeetingListItem, SchedulingPoll } from "../../../shared/schemas/meetings";
import { useUser } from "../../lib/auth";
import { currentLocale } from "../../lib/i18n";
import { ChoiceGroup, Field, FormDialog, FormProblem, formText } from "../../lib/ui";
import { validateRequired } from "../auth/validation";
import { useAnnounce } from "../groups/announcer";
import { SelectField } from "../methods/SelectField";
import { monthlyWeekdayOf, weekdayName } from "./format";
import { schedulingKeys } from "./live";
import { schedulingApi } from "./schedulingApi";
import { mergeMeetings, withPoll } from "./model";
import { describeTimeZone, zonedDate, zonedInputToIso } from "./time";

interface DialogProps {
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
}

/** Whole minutes within the meeting limits, or a problem to show. */
/** The title of a meeting to be planned (by a poll or directly), prefilled with the usual one. */
function MeetingTitleField() {
  const { t } = useTranslation();
  return (
    <Field
      name="title"
      label={t("scheduling.fields.title")}
      defaultValue={t("scheduling.defaultTitle")}
      isRequired
      autoFocus
      maxLength={MEETING.titleMax}
      validate={(value) => validateRequired(t, value)}
    />
  );
}

export function durationFrom(t: ReturnType<typeof useTranslation>["t"], data: FormData): number {
  const text = formText(data, "durationMinutes");
  const minutes = Number(text);
  if (!/^\d+$/.test(text) || minutes < MEETING.durationMinMinutes || minutes > MEETING.durationMaxMinutes) {
    throw new FormProblem(t("scheduling.durationInvalid", { min: MEETING.durationMinMinutes, max: MEETING.durationMaxMinutes }));
  }
  return minutes;
}

/** An optional http(s) address, checked as the server will. */
function validateVideoUrl(t: ReturnType<typeof useTranslation>["t"], value: string): string | null {
  const trimmed = value.trim();
  if (!trimmed) return null;
  try {
    const url = new URL(trimmed);
    return url.protocol === "http:" || url.protocol === "https:" ? null : t("scheduling.videoUrlInvalid");
  } catch {
    return t("scheduling.videoUrlInvalid");
  }
}

/** The place and video link fields both forms share (and the gathering dialogs). */
export function PlaceFields({ location, videoUrl }: { location?: string; videoUrl?: string } = {}) {
  const { t } = useTranslation();
  return (
    <>
      <Field
        name="location"
        label={t("scheduling.fields.location")}
        description={t("scheduling.fields.locationHint")}
        maxLength={MEETING.placeMax}
        defaultValue={location}
      />
      <Field
        name="videoUrl"
        type="url"
        defaultValue={videoUrl}
        label={t("scheduling.fields.videoUrl")}
        description={t("scheduling.fields.videoUrlHint")}
        maxLength={MEETING.urlMax}
        validate={(value) => validateVideoUrl(t, value)}
      />
    </>
  );
}

/** 17:00 a week from today in the zone, as a `datetime-local` value: a sensible first proposal. */
function defaultStart(timeZone: string): string {
  return `${zonedDate(new Date(Date.now() + 7 * 86_400_000).toISOString(), timeZone)}T17:00`;
}

/**
 * A scheduling poll: candidate times entered in the facilitator's own zone (the browser's), sent as
 * instants, so every member sees them in theirs.
 */
export function NewPollDialog({ group, viewerZone, isOpen, onOpenChange }: DialogProps & { group: GroupDetail; viewerZone: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const nextId = useRef(2);
  const [options, setOptions] = useState<number[]>([0, 1]);
  const addButton = useRef<HTMLButtonElement>(null);

  function addOption() {
    const id = nextId.current++;
    setOptions((current) => [...current, id]);
    window.setTimeout(() => document.getElementById(`poll-option-${id}`)?.querySelector("input")?.focus(), 0);
  }

  function removeOption(id: number) {
    setOptions((current) => current.filter((option) => option !== id));
    addButton.current?.focus();
  }

  async function create(data: FormData) {
    const durationMinutes = durationFrom(t, data);
    const instants = options.map((id) => formText(data, `option-${id}`)).filter(Boolean).map((value) => zonedInputToIso(value, viewerZone));
    if (instants.length < POLL.optionsMin || instants.some((instant) => instant === null)) throw new FormProblem(t("scheduling.newPoll.timesRequired"));
    const unique = [...new Set(instants as string[])].sort();
    if (unique.some((instant) => new Date(instant).getTime() < Date.now())) throw new FormProblem(t("scheduling.newPoll.timesPast"));
    const videoUrl = formText(data, "videoUrl");
    const { poll } = await schedulingApi.createPoll(group.id, {
      title: formText(data, "title"),
      durationMinutes,
      timeZone: viewerZone,
      location: formText(data, "location"),
      ...(videoUrl ? { videoUrl } : {}),
      options: unique,
    });
    queryClient.setQueryData<{ polls: SchedulingPoll[] }>(schedulingKeys.polls(group.id), (old) => (old ? { polls: withPoll(old.polls, poll) } : old));
    announce(t("scheduling.newPoll.created", { title: poll.title }));
  }

  const start = defaultStart(viewerZone);
  return (
    <FormDialog
      title={t("scheduling.newPoll.title")}
      lead={t("scheduling.newPoll.lead")}
      submitLabel={t("scheduling.newPoll.submit")}
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      onSubmit={create}
    >
      <MeetingTitleField />
      <Field
        name="durationMinutes"
        type="number"
        inputMode="numeric"
        label={t("scheduling.fields.duration")}
        defaultValue="90"
        isRequired
      />
      <fieldset className="times-fieldset">
        <legend className="field__label">{t("scheduling.newPoll.times")}</legend>
        <p className="field__description">{t("scheduling.newPoll.timesHint", { zone: describeTimeZone(viewerZone, locale) })}</p>
        <ol className="times-editor">
          {options.map((id, index) => (
            <li key={id} id={`poll-option-${id}`} className="times-editor__row">
              <Field
                name={`option-${id}`}
                type="datetime-local"
                label={t("scheduling.newPoll.option", { number: index + 1 })}
                defaultValue={index === 0 ? start : ""}
                isRequired={index === 0}
              />
              {options.length > 1 && (
                <Button className="button button--danger-quiet button--small" onPress={() => removeOption(id)}>
                  {t("scheduling.newPoll.removeOption", { number: index + 1 })}
                </Button>
              )}
            </li>
          ))}
        </ol>
        {options.length < POLL.optionsMax && (
          <Button ref={addButton} className="button button--secondary button--small" onPress={addOption}>
            {t("scheduling.newPoll.addOption")}
          </Button>
        )}
      </fieldset>
      <PlaceFields />
    </FormDialog>
  );
}

type Repeat = "none" | "weekly" | "monthly_weekday";
const ORDINALS = ["1", "2", "3", "4", "5"] as const;

/** A meeting planned straight away: one-off, or a weekly or monthly series of a given length. */
export function PlanMeetingDialog({ group, viewerZone, isOpen, onOpenChange }: DialogProps & { group: GroupDetail; viewerZone: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const user = useUser();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const [repeat, setRepeat] = useState<Repeat>("none");
  const [weeks, setWeeks] = useState("1");
  const [startValue, setStartValue] = useState(() => defaultStart(viewerZone));
  const members = group.members.filter((member) => member.agreementAccepted || member.userId === user.id);
  const [facilitatorId, setFacilitatorId] = useState(members.some((member) => member.userId === user.id) ? user.id : (members[0]?.userId ?? ""));
  const monthly = monthlyWeekdayOf(startValue);

  async function plan(data: FormData) {
    const durationMinutes = durationFrom(t, data);
    const startsAt = zonedInputToIso(startValue, viewerZone);
    if (!startsAt) throw new FormProblem(t("scheduling.plan.startRequired"));
    if (new Date(startsAt).getTime() < Date.now()) throw new FormProblem(t("scheduling.plan.startPast"));
    let count = 0;
    if (repeat !== "none") {
      const text = formText(data, "count");
      count = Number(text);
      if (!/^\d+$/.test(text) || count < 2 || count > MEETING.seriesMax) throw new FormProblem(t("scheduling.plan.countInvalid", { max: MEETING.seriesMax }));
    }
    const videoUrl = formText(data, "videoUrl");
    const { meeting } = await schedulingApi.createMeeting(group.id, {
      title: formText(data, "title"),
      startsAt,
      durationMinutes,
      timeZone: viewerZone,
      location: formText(data, "location"),
      ...(videoUrl ? { videoUrl } : {}),
      ...(facilitatorId ? { facilitatorId } : {}),
      ...(repeat === "none" ? {} : { repeat: { kind: repeat, interval: repeat === "weekly" ? Number(weeks) : 1, count } }),
    });
    await queryClient.invalidateQueries({ queryKey: schedulingKeys.meetings(group.id) });
    void queryClient.invalidateQueries({ queryKey: schedulingKeys.mine });
    announce(t(repeat === "none" ? "scheduling.plan.created" : "scheduling.plan.createdSeries", { title: meeting.title, count }));
  }

  return (
    <FormDialog
      title={t("scheduling.plan.title")}
      lead={t("scheduling.plan.lead", { zone: describeTimeZone(viewerZone, locale) })}
      submitLabel={t("scheduling.plan.submit")}
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      onSubmit={plan}
    >
      <MeetingTitleField />
      <Field name="startsAt" type="datetime-local" label={t("scheduling.fields.startsAt")} value={startValue} onChange={setStartValue} isRequired />
      <Field name="durationMinutes" type="number" inputMode="numeric" label={t("scheduling.fields.duration")} defaultValue="90" isRequired />
      <PlaceFields />
      {members.length > 1 && (
        <SelectField
          label={t("scheduling.fields.facilitator")}
          description={t("scheduling.fields.facilitatorHint")}
          value={facilitatorId}
          onChange={setFacilitatorId}
          options={members.map((member) => ({ id: member.userId, label: member.displayName }))}
        />
      )}
      <ChoiceGroup
        name="repeat"
        label={t("scheduling.plan.repeat")}
        value={repeat}
        onChange={setRepeat}
        choices={[
          { value: "none", label: t("scheduling.plan.once") },
          { value: "weekly", label: t("scheduling.plan.weekly") },
          {
            value: "monthly_weekday",
            label: t("scheduling.plan.monthly"),
            description: monthly
              ? t("scheduling.plan.monthlyHint", { ordinal: t(`scheduling.ordinals.${ORDINALS[monthly.week - 1] ?? "5"}`), weekday: weekdayName(monthly.weekday, locale) })
              : undefined,
          },
        ]}
      />
      {repeat === "weekly" && (
        <SelectField
          label={t("scheduling.plan.interval")}
          value={weeks}
          onChange={setWeeks}
          options={["1", "2", "3", "4"].map((weeks) => ({ id: weeks, label: t("scheduling.plan.everyWeeks", { count: Number(weeks) }) }))}
        />
      )}
      {repeat !== "none" && (
        <Field
          name="count"
          type="number"
          inputMode="numeric"
          label={t("scheduling.plan.count")}
          description={t("scheduling.plan.countHint", { max: MEETING.seriesMax })}
          defaultValue="6"
          isRequired
        />
      )}
    </FormDialog>
  );
}

/** A break in a series (the summer, say): its meetings in the break pause and the series goes on after it. */
export function PauseSeriesDialog({
  groupId,
  seriesId,
  title,
  firstDate,
  isOpen,
  onOpenChange,
}: DialogProps & { groupId: string; seriesId: string; title: string; firstDate: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const announce = useAnnounce();

  async function pause(data: FormData) {
    const from = formText(data, "from");
    const until = formText(data, "until");
    if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || !/^\d{4}-\d{2}-\d{2}$/.test(until)) throw new FormProblem(t("scheduling.pause.datesRequired"));
    if (from > until) throw new FormProblem(t("scheduling.pause.order"));
    const { meetings } = await schedulingApi.pauseSeries(seriesId, from, until);
    queryClient.setQueryData<{ meetings: MeetingListItem[] }>(schedulingKeys.meetings(groupId), (old) => (old ? { meetings: mergeMeetings(old.meetings, meetings) } : old));
    await queryClient.invalidateQueries({ queryKey: schedulingKeys.meetings(groupId) });
    void queryClient.invalidateQueries({ queryKey: schedulingKeys.mine });
    announce(t("scheduling.pause.done", { title }));
  }

  return (
    <FormDialog
      title={t("scheduling.pause.title", { title })}
      lead={t("scheduling.pause.lead")}
      submitLabel={t("scheduling.pause.submit")}
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      onSubmit={pause}
    >
      <Field name="from" type="date" label={t("scheduling.pause.from")} defaultValue={firstDate} isRequired autoFocus />
      <Field name="until" type="date" label={t("scheduling.pause.until")} isRequired />
    </FormDialog>
  );
}
