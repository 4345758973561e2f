import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Checkbox, CheckboxGroup, Label, Text } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { GATHERING, MEETING } from "../../../shared/limits";
import type { Gathering } from "../../../shared/schemas/gatherings";
import type { GroupSummary } from "../../../shared/schemas/groups";
import { currentLocale } from "../../lib/i18n";
import { ChoiceGroup, Field, FormDialog, FormProblem, TextAreaField, formText } from "../../lib/ui";
import { validateRequired } from "../auth/validation";
import { useAnnounce } from "../groups/announcer";
import { durationFrom, PlaceFields } from "../scheduling/dialogs";
import { describeTimeZone, isoToZonedInput, zonedDate } from "../scheduling/time";
import { gatheringKeys, gatheringsApi } from "./gatheringsApi";
import { zonedInputToOffsetIso } from "./model";

interface DialogProps {
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
}

/** The start as sent: ISO 8601 with the offset of the zone it was entered in, and not in the past. */
function startFrom(t: ReturnType<typeof useTranslation>["t"], value: string, viewerZone: string): string {
  const startsAt = zonedInputToOffsetIso(value, viewerZone);
  if (!startsAt) throw new FormProblem(t("gatherings.form.startRequired"));
  if (new Date(startsAt).getTime() < Date.now()) throw new FormProblem(t("gatherings.form.startPast"));
  return startsAt;
}

/** The title, purpose and time fields both dialogs share. */
function GatheringFields({ gathering, viewerZone }: { gathering?: Gathering; viewerZone: string }) {
  const { t } = useTranslation();
  // 13:00 two weeks from today: a gathering of several groups is planned further ahead than a meeting.
  const defaultStart = gathering
    ? isoToZonedInput(gathering.startsAt, viewerZone)
    : `${zonedDate(new Date(Date.now() + 14 * 86_400_000).toISOString(), viewerZone)}T13:00`;
  return (
    <>
      <Field
        name="title"
        label={t("gatherings.form.title")}
        defaultValue={gathering?.title}
        isRequired
        autoFocus
        maxLength={MEETING.titleMax}
        validate={(value) => validateRequired(t, value)}
      />
      <TextAreaField
        name="purpose"
        label={t("gatherings.form.purpose")}
        description={t("gatherings.form.purposeHint")}
        defaultValue={gathering?.purpose}
        maxLength={GATHERING.purposeMax}
      />
      <Field name="startsAt" type="datetime-local" label={t("gatherings.form.startsAt")} defaultValue={defaultStart} isRequired />
      <Field
        name="durationMinutes"
        type="number"
        inputMode="numeric"
        label={t("scheduling.fields.duration")}
        defaultValue={String(gathering?.durationMinutes ?? 180)}
        isRequired
      />
      <PlaceFields location={gathering?.location} videoUrl={gathering?.videoUrl ?? undefined} />
    </>
  );
}

type Invite = "all" | "chosen";

/**
 * A coordinator organises a gathering of the programme's groups: what it is for, when (entered in the
 * coordinator's own zone), where, and which groups are invited — all of them or the ones ticked.
 */
export function OrganiseGatheringDialog({
  programmeId,
  groups,
  viewerZone,
  isOpen,
  onOpenChange,
}: DialogProps & { programmeId: string; groups: readonly GroupSummary[]; viewerZone: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const [invite, setInvite] = useState<Invite>("all");
  const [chosen, setChosen] = useState<string[]>([]);

  async function organise(data: FormData) {
    const startsAt = startFrom(t, formText(data, "startsAt"), viewerZone);
    const durationMinutes = durationFrom(t, data);
    if (invite === "chosen" && chosen.length === 0) throw new FormProblem(t("gatherings.form.groupsRequired"));
    const videoUrl = formText(data, "videoUrl");
    const { gathering } = await gatheringsApi.create(programmeId, {
      title: formText(data, "title"),
      purpose: formText(data, "purpose"),
      startsAt,
      durationMinutes,
      timeZone: viewerZone,
      location: formText(data, "location"),
      ...(videoUrl ? { videoUrl } : {}),
      groupIds: invite === "all" ? "all" : chosen,
    });
    queryClient.setQueryData(gatheringKeys.detail(gathering.id), { gathering });
    void queryClient.invalidateQueries({ queryKey: gatheringKeys.programme(programmeId) });
    void queryClient.invalidateQueries({ queryKey: gatheringKeys.mine });
    announce(t("gatherings.form.created", { title: gathering.title }));
    await navigate(`/gatherings/${gathering.id}`);
  }

  return (
    <FormDialog
      title={t("gatherings.organise.title")}
      lead={t("gatherings.organise.lead", { zone: describeTimeZone(viewerZone, locale) })}
      submitLabel={t("gatherings.organise.submit")}
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      onSubmit={organise}
    >
      <GatheringFields viewerZone={viewerZone} />
      <ChoiceGroup
        name="invite"
        label={t("gatherings.organise.invite")}
        value={invite}
        onChange={setInvite}
        choices={[
          { value: "all", label: t("gatherings.organise.inviteAll", { count: groups.length }), description: t("gatherings.organise.inviteAllHint") },
          { value: "chosen", label: t("gatherings.organise.inviteChosen") },
        ]}
      />
      {invite === "chosen" && (
        <CheckboxGroup className="gathering-groups-field" value={chosen} onChange={setChosen}>
          <Label className="field__label">{t("gatherings.organise.groups")}</Label>
          <Text slot="description" className="field__description">
            {t("gatherings.organise.groupsHint")}
          </Text>
          <div className="gathering-groups-field__options">
            {groups.map((group) => (
              <Checkbox key={group.id} value={group.id} className="checkbox">
                {({ isSelected }) => (
                  <>
                    <span className="checkbox__box" aria-hidden="true">
                      {isSelected ? "✓" : ""}
                    </span>
                    {group.name}
                  </>
                )}
              </Checkbox>
            ))}
          </div>
        </CheckboxGroup>
      )}
    </FormDialog>
  );
}

/** A host changes the gathering's title, purpose, time or place; the invited see it at once. */
export function EditGatheringDialog({ gathering, viewerZone, isOpen, onOpenChange }: DialogProps & { gathering: Gathering; viewerZone: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const queryClient = useQueryClient();
  const announce = useAnnounce();

  async function save(data: FormData) {
    const entered = formText(data, "startsAt");
    // An unchanged start may already be past (a gathering going on now): only a new one is checked.
    const startsAt = entered === isoToZonedInput(gathering.startsAt, viewerZone) ? undefined : startFrom(t, entered, viewerZone);
    const durationMinutes = durationFrom(t, data);
    const videoUrl = formText(data, "videoUrl");
    const { gathering: saved } = await gatheringsApi.update(gathering.id, {
      title: formText(data, "title"),
      purpose: formText(data, "purpose"),
      ...(startsAt ? { startsAt } : {}),
      durationMinutes,
      location: formText(data, "location"),
      videoUrl: videoUrl || null,
    });
    queryClient.setQueryData(gatheringKeys.detail(gathering.id), { gathering: saved });
    void queryClient.invalidateQueries({ queryKey: gatheringKeys.programme(saved.programmeId) });
    void queryClient.invalidateQueries({ queryKey: gatheringKeys.mine });
    announce(t("gatherings.edit.saved"));
  }

  return (
    <FormDialog
      title={t("gatherings.edit.title")}
      lead={t("gatherings.edit.lead", { zone: describeTimeZone(viewerZone, locale) })}
      submitLabel={t("gatherings.edit.submit")}
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      onSubmit={save}
    >
      <GatheringFields gathering={gathering} viewerZone={viewerZone} />
    </FormDialog>
  );
}
