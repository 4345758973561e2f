import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { GroupDetail } from "../../../shared/schemas/groups";
import type { Meeting } from "../../../shared/schemas/meetings";
import { currentLocale, errorMessage } from "../../lib/i18n";
import { FormAlert } from "../../lib/ui";
import { useAnnounce } from "../groups/announcer";
import { IcsDownload } from "../scheduling/IcsDownload";
import { schedulingKeys } from "../scheduling/live";
import { schedulingApi } from "../scheduling/schedulingApi";
import { formatMeetingTime, localTimeZone, safeWebUrl } from "./format";
import { meetingStatusLabel } from "./labels";
import { meetingKeys } from "./live";
import { meetingsApi } from "./meetingsApi";

/** Where this meeting sits in its series: "3 of 8", with the occurrences before and after it. */
function SeriesInfo({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const list = useQuery({
    queryKey: schedulingKeys.meetings(meeting.groupId),
    queryFn: () => schedulingApi.meetings(meeting.groupId),
    enabled: meeting.seriesId !== null,
  });
  if (!meeting.seriesId) return <>{t("meetings.facts.oneOff")}</>;
  const series = (list.data?.meetings ?? []).filter((listed) => listed.seriesId === meeting.seriesId).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const index = series.findIndex((listed) => listed.id === meeting.id);
  if (index === -1) return <>{t("meetings.facts.inSeries")}</>;
  const previous = series[index - 1];
  const next = series[index + 1];
  return (
    <>
      {t("meetings.facts.seriesPosition", { position: index + 1, count: series.length })}
      {(previous || next) && (
        <span className="meeting-facts__series-links">
          {previous && (
            <Link to={`/meetings/${previous.id}`}>
              {t("meetings.facts.previousInSeries", { when: formatMeetingTime(previous.startsAt, previous.durationMinutes, locale) })}
            </Link>
          )}
          {next && (
            <Link to={`/meetings/${next.id}`}>
              {t("meetings.facts.nextInSeries", { when: formatMeetingTime(next.startsAt, next.durationMinutes, locale) })}
            </Link>
          )}
        </span>
      )}
    </>
  );
}

/** Rotation: the group's facilitators (or this meeting's) pick any member to facilitate this meeting. */
function FacilitatorChooser({ meeting, group }: { meeting: Meeting; group: GroupDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const selectId = useId();
  const [editing, setEditing] = useState(false);
  const [choice, setChoice] = useState(meeting.facilitatorId ?? "");
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const candidates = group.members.filter((member) => member.agreementAccepted);

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!choice || choice === meeting.facilitatorId) {
      setEditing(false);
      return;
    }
    setPending(true);
    setProblem(null);
    try {
      const { meeting: updated } = await meetingsApi.update(meeting.id, { facilitatorId: choice });
      queryClient.setQueryData(meetingKeys.detail(meeting.id), { meeting: updated });
      announce(t("meetings.facts.facilitatorChanged", { name: updated.facilitatorName ?? "" }));
      setEditing(false);
    } catch (error) {
      setProblem(errorMessage(t, error));
    } finally {
      setPending(false);
    }
  }

  if (!editing) {
    return (
      <Button
        className="button button--link meeting-facts__change"
        onPress={() => {
          setChoice(meeting.facilitatorId ?? "");
          setEditing(true);
        }}
      >
        {t("meetings.facts.changeFacilitator")}
      </Button>
    );
  }
  return (
    <form className="meeting-facts__chooser" onSubmit={(event) => void save(event)}>
      <FormAlert problem={problem} />
      <div className="field">
        <label className="field__label" htmlFor={selectId}>
          {t("meetings.facts.chooseFacilitator")}
        </label>
        <select id={selectId} className="native-select" value={choice} onChange={(event) => setChoice(event.target.value)} autoFocus>
          {candidates.map((member) => (
            <option key={member.userId} value={member.userId}>
              {member.displayName}
            </option>
          ))}
        </select>
      </div>
      <div className="button-row button-row--tight">
        <Button className="button button--secondary button--small" onPress={() => setEditing(false)}>
          {t("common.cancel")}
        </Button>
        <Button type="submit" className="button button--primary button--small" isPending={pending}>
          {t("meetings.facts.saveFacilitator")}
        </Button>
      </div>
    </form>
  );
}

/** When and where, who facilitates, the status and series, and the calendar file. */
export function MeetingFacts({ meeting, group, canPlan }: { meeting: Meeting; group: GroupDetail | undefined; canPlan: boolean }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const zone = localTimeZone();
  const videoUrl = safeWebUrl(meeting.videoUrl);
  const facilitatorName =
    group?.members.find((member) => member.userId === meeting.facilitatorId)?.displayName ?? meeting.facilitatorName ?? t("meetings.facts.noFacilitator");

  return (
    <section className="card meeting-facts" aria-labelledby="meeting-facts-heading">
      <h2 id="meeting-facts-heading">{t("meetings.facts.title")}</h2>
      <dl className="meeting-facts__list">
        <div>
          <dt>{t("meetings.facts.when")}</dt>
          <dd>
            <time dateTime={meeting.startsAt}>{formatMeetingTime(meeting.startsAt, meeting.durationMinutes, locale)}</time>
            {zone !== meeting.timeZone && (
              <span className="meeting-facts__zone muted">
                {t("meetings.facts.inZone", { time: formatMeetingTime(meeting.startsAt, meeting.durationMinutes, locale, meeting.timeZone), zone: meeting.timeZone })}
              </span>
            )}
          </dd>
        </div>
        <div>
          <dt>{t("meetings.facts.duration")}</dt>
          <dd>{t("meetings.minutes", { count: meeting.durationMinutes })}</dd>
        </div>
        <div>
          <dt>{t("meetings.facts.place")}</dt>
          <dd>
            {meeting.location && <span className="meeting-facts__place">{meeting.location}</span>}
            {videoUrl && (
              <a href={videoUrl} target="_blank" rel="noopener noreferrer" className="meeting-facts__video">
                {t("meetings.facts.videoLink")}
                <span className="visually-hidden"> {t("meetings.facts.opensInNewTab")}</span>
              </a>
            )}
            {!meeting.location && !videoUrl && t("meetings.facts.noPlace")}
          </dd>
        </div>
        <div>
          <dt>{t("meetings.facts.facilitator")}</dt>
          <dd>
            {facilitatorName}
            {canPlan && group && meeting.status !== "ended" && meeting.status !== "cancelled" && <FacilitatorChooser meeting={meeting} group={group} />}
          </dd>
        </div>
        <div>
          <dt>{t("meetings.facts.status")}</dt>
          <dd>
            <span className={`status status--meeting-${meeting.status}`}>{meetingStatusLabel(t, meeting.status)}</span>
          </dd>
        </div>
        <div>
          <dt>{t("meetings.facts.series")}</dt>
          <dd>
            <SeriesInfo meeting={meeting} />
          </dd>
        </div>
      </dl>
      <IcsDownload meetingId={meeting.id} title={meeting.title} />
    </section>
  );
}
