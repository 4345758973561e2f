import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useRef, useState, type FormEvent } from "react";
import { Button, Form } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { GOAL_PROGRESS, MEETING } from "../../../shared/limits";
import type { GroupDetail } from "../../../shared/schemas/groups";
import { MEETING_ITEM_KINDS, type MeetingItem, type MeetingSummary } from "../../../shared/schemas/meetings";
import { groupsApi } from "../../lib/api";
import { useUser } from "../../lib/auth";
import { currentLocale, errorMessage } from "../../lib/i18n";
import { ChoiceGroup, Field, FormAlert, TextAreaField } from "../../lib/ui";
import { useAnnounce } from "../groups/announcer";
import { formatCalendarDate } from "../groups/format";
import { groupKeys } from "../groups/live";
import { Page } from "../layout/Page";
import { MeetingUnavailable } from "./MeetingUnavailable";
import { formatMeetingTime, formatMoment } from "./format";
import { meetingStatusLabel } from "./labels";
import { meetingKeys } from "./live";
import { meetingsApi } from "./meetingsApi";
import { markdownToPlainText } from "./minutesText";
import { canRunMeeting } from "./view";
import "./meetings.css";

type ItemKind = MeetingItem["kind"];

function Attendance({ summary }: { summary: MeetingSummary }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <section className="card" aria-labelledby="summary-attendance-heading">
      <h2 id="summary-attendance-heading">{t("meetings.summary.attendance", { count: summary.attendance.length })}</h2>
      {summary.attendance.length === 0 ? (
        <p className="muted">{t("meetings.summary.noAttendance")}</p>
      ) : (
        <ul className="summary-attendance">
          {summary.attendance.map((person) => (
            <li key={person.userId}>
              <span className="summary-attendance__name">{person.displayName}</span>{" "}
              <span className="muted">{t("meetings.summary.joinedAt", { time: formatMoment(person.joinedAt, locale) })}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function CheckIns({ summary }: { summary: MeetingSummary }) {
  const { t } = useTranslation();
  const byGoal = new Map<string, { title: string; entries: MeetingSummary["checkIns"] }>();
  for (const checkIn of summary.checkIns) {
    const goal = byGoal.get(checkIn.goalId) ?? { title: checkIn.goalTitle, entries: [] };
    goal.entries.push(checkIn);
    byGoal.set(checkIn.goalId, goal);
  }
  return (
    <section className="card" aria-labelledby="summary-checkins-heading">
      <h2 id="summary-checkins-heading">{t("meetings.summary.checkIns")}</h2>
      {byGoal.size === 0 ? (
        <p className="muted">{t("meetings.summary.noCheckIns")}</p>
      ) : (
        [...byGoal].map(([goalId, goal]) => (
          <div key={goalId} className="summary-goal">
            <h3 className="summary-goal__title">{goal.title}</h3>
            <ul className="check-ins">
              {goal.entries.map((entry, index) => (
                <li key={`${entry.userId ?? "former"}-${index}`} className="check-in">
                  <p className="check-in__head">
                    <span className="check-in__who">{entry.displayName || t("goals.history.formerMember")}</span>
                    <span className="check-in__progress">
                      <span className="progress-dots" aria-hidden="true">
                        {Array.from({ length: GOAL_PROGRESS.max }, (_, dot) => (
                          <span key={dot} className={dot < entry.progress ? "progress-dots__dot progress-dots__dot--on" : "progress-dots__dot"} />
                        ))}
                      </span>
                      {t("goals.progressOf", { progress: entry.progress, max: GOAL_PROGRESS.max })}
                    </span>
                  </p>
                  {entry.comment && <p className="check-in__comment">{entry.comment}</p>}
                </li>
              ))}
            </ul>
          </div>
        ))
      )}
    </section>
  );
}

function Minutes({ summary }: { summary: MeetingSummary }) {
  const { t } = useTranslation();
  const { meeting } = summary;
  const text = markdownToPlainText(summary.minutesMarkdown);
  return (
    <section className="card" aria-labelledby="summary-minutes-heading">
      <h2 id="summary-minutes-heading">{t("meetings.minutesTitle")}</h2>
      {/* Plain text on purpose: what was written in the notebook never becomes markup here. */}
      {text ? <div className="summary-minutes">{text}</div> : <p className="muted">{t("meetings.summary.noMinutes")}</p>}
      {meeting.minutesPageId && (
        <p>
          <Link to={`/groups/${meeting.groupId}/notes/${meeting.minutesPageId}`}>{t("meetings.summary.openMinutes")}</Link>
        </p>
      )}
    </section>
  );
}

function AddItemForm({ summary, group }: { summary: MeetingSummary; group: GroupDetail | undefined }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const ownerId = useId();
  const [kind, setKind] = useState<ItemKind>("decision");
  const [text, setText] = useState("");
  const [owner, setOwner] = useState("");
  const [dueOn, setDueOn] = useState("");
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const textField = useRef<HTMLDivElement>(null);

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!text.trim()) return;
    setPending(true);
    setProblem(null);
    try {
      await meetingsApi.addItem(summary.meeting.id, {
        kind,
        text: text.trim(),
        ...(kind === "action" && owner ? { ownerId: owner } : {}),
        ...(kind === "action" && dueOn ? { dueOn } : {}),
      });
      await queryClient.invalidateQueries({ queryKey: meetingKeys.summary(summary.meeting.id) });
      announce(kind === "decision" ? t("meetings.items.addedDecision") : t("meetings.items.addedAction"));
      setText("");
      setOwner("");
      setDueOn("");
      textField.current?.querySelector("textarea")?.focus();
    } catch (error) {
      setProblem(errorMessage(t, error));
    } finally {
      setPending(false);
    }
  }

  return (
    <Form className="form summary-items__form" aria-labelledby="summary-add-heading" onSubmit={(event) => void add(event)}>
      <h3 id="summary-add-heading">{t("meetings.items.addTitle")}</h3>
      <FormAlert problem={problem} />
      <ChoiceGroup
        name="itemKind"
        label={t("meetings.items.kind")}
        value={kind}
        onChange={setKind}
        choices={MEETING_ITEM_KINDS.map((value) => ({ value, label: t(`meetings.items.kinds.${value}`) }))}
      />
      <div ref={textField}>
        <TextAreaField
          label={t("meetings.items.text")}
          value={text}
          onChange={setText}
          isRequired
          maxLength={MEETING.itemMax}
          rows={2}
        />
      </div>
      {kind === "action" && (
        <div className="summary-items__action-fields">
          <div className="field">
            <label className="field__label" htmlFor={ownerId}>
              {t("meetings.items.owner")}
            </label>
            <select id={ownerId} value={owner} onChange={(event) => setOwner(event.target.value)}>
              <option value="">{t("meetings.items.noOwner")}</option>
              {(group?.members ?? []).map((member) => (
                <option key={member.userId} value={member.userId}>
                  {member.displayName}
                </option>
              ))}
            </select>
          </div>
          <Field label={t("meetings.items.dueOn")} description={t("meetings.items.optional")} type="date" value={dueOn} onChange={setDueOn} />
        </div>
      )}
      <Button type="submit" className="button button--primary" isPending={pending}>
        {t("meetings.items.add")}
      </Button>
    </Form>
  );
}

function ItemList({ summary, kind, canEdit }: { summary: MeetingSummary; kind: ItemKind; canEdit: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const locale = currentLocale();
  const headingId = `summary-${kind}-heading`;
  const heading = useRef<HTMLHeadingElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const items = summary.items.filter((item) => item.kind === kind);

  async function remove(item: MeetingItem) {
    setProblem(null);
    try {
      await meetingsApi.removeItem(summary.meeting.id, item.id);
      await queryClient.invalidateQueries({ queryKey: meetingKeys.summary(summary.meeting.id) });
      announce(t("meetings.items.removed", { text: item.text }));
      heading.current?.focus();
    } catch (error) {
      setProblem(errorMessage(t, error));
    }
  }

  return (
    <div className="summary-items__group">
      <h3 id={headingId} ref={heading} tabIndex={-1}>
        {t(`meetings.items.${kind === "decision" ? "decisions" : "actions"}`, { count: items.length })}
      </h3>
      <FormAlert problem={problem} />
      {items.length === 0 ? (
        <p className="muted">{kind === "decision" ? t("meetings.items.noDecisions") : t("meetings.items.noActions")}</p>
      ) : (
        <ul className="summary-items__list" aria-labelledby={headingId}>
          {items.map((item) => (
            <li key={item.id} className="summary-item">
              <p className="summary-item__text" id={`item-${item.id}`}>
                {item.text}
              </p>
              {kind === "action" && (
                <p className="summary-item__meta">
                  {item.ownerName ? t("meetings.items.ownerIs", { name: item.ownerName }) : t("meetings.items.noOwner")}
                  {item.dueOn && ` · ${t("meetings.items.dueIs", { date: formatCalendarDate(item.dueOn, locale) })}`}
                </p>
              )}
              {canEdit && (
                <Button className="button button--danger-quiet button--small" onPress={() => void remove(item)} aria-describedby={`item-${item.id}`}>
                  {t("meetings.items.remove")}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Items({ summary, group, canEdit }: { summary: MeetingSummary; group: GroupDetail | undefined; canEdit: boolean }) {
  const { t } = useTranslation();
  return (
    <section className="card summary-items" aria-labelledby="summary-items-heading">
      <h2 id="summary-items-heading">{t("meetings.items.title")}</h2>
      <ItemList summary={summary} kind="decision" canEdit={canEdit} />
      <ItemList summary={summary} kind="action" canEdit={canEdit} />
      {canEdit && <AddItemForm summary={summary} group={group} />}
    </section>
  );
}

/** After a meeting: who came, the goal check-ins, the minutes, decisions and action items — for the whole group. */
export default function SummaryPage() {
  const { t } = useTranslation();
  const me = useUser();
  const locale = currentLocale();
  const { meetingId = "" } = useParams();
  const query = useQuery({ queryKey: meetingKeys.summary(meetingId), queryFn: () => meetingsApi.summary(meetingId) });
  const summary = query.data?.summary;
  const groupId = summary?.meeting.groupId ?? "";
  const groupQuery = useQuery({ queryKey: groupKeys.detail(groupId), queryFn: () => groupsApi.get(groupId), enabled: groupId !== "" });
  const group = groupQuery.data?.group;

  if (query.isPending) {
    return (
      <Page title={t("meetings.summary.loadingTitle")}>
        <p role="status">{t("common.loading")}</p>
      </Page>
    );
  }
  if (!summary) return <MeetingUnavailable error={query.error} />;
  const { meeting } = summary;
  const canEdit = canRunMeeting(group?.myMembership.role, meeting.facilitatorId, me.id);

  return (
    <Page title={t("meetings.summary.title", { title: meeting.title })} documentTitle={t("meetings.summary.documentTitle", { title: meeting.title })} className="summary-page">
      <p className="summary-page__meta">
        <time dateTime={meeting.startsAt}>{formatMeetingTime(meeting.startsAt, meeting.durationMinutes, locale)}</time>
        {" · "}
        <span className={`status status--meeting-${meeting.status}`}>{meetingStatusLabel(t, meeting.status)}</span>
        {" · "}
        <Link to={`/meetings/${meeting.id}`}>{t("meetings.summary.backToMeeting")}</Link>
        {group && (
          <>
            {" · "}
            <Link to={`/groups/${group.id}`}>{group.name}</Link>
          </>
        )}
      </p>
      <div className="group-layout">
        <div className="group-layout__main">
          <CheckIns summary={summary} />
          <Items summary={summary} group={group} canEdit={canEdit} />
          <Minutes summary={summary} />
        </div>
        <div className="group-layout__side">
          <Attendance summary={summary} />
        </div>
      </div>
    </Page>
  );
}
