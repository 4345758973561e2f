import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button, Radio, RadioGroup } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { POLL_ANSWERS, type PollAnswer, type PollOption, type SchedulingPoll } from "../../../shared/schemas/meetings";
import { formatDateTime } from "../../lib/dates";
import { currentLocale } from "../../lib/i18n";
import { ChoiceGroup, FormAlert, FormDialog, FormProblem, useSubmission } from "../../lib/ui";
import { useAnnounce } from "../groups/announcer";
import { ANSWER_SYMBOLS, answerLabel, formatOptionTime } from "./format";
import { schedulingKeys } from "./live";
import { changedAnswers, myAnswers, rankPollOptions, summarisePoll, withPoll } from "./model";
import { schedulingApi } from "./schedulingApi";
import { describeTimeZone } from "./time";

function useOptionLabel(viewerZone: string) {
  const locale = currentLocale();
  return (option: PollOption, dateStyle: "full" | "short" = "full") =>
    dateStyle === "full"
      ? formatOptionTime(option.startsAt, locale, viewerZone)
      : formatDateTime(option.startsAt, locale, { dateStyle, timeStyle: "short", timeZone: viewerZone });
}

/** "3 yes, 1 if need be, 0 no" with a bar of who can come; words and symbols carry the meaning. */
function OptionCounts({ option, mostAvailable }: { option: PollOption; mostAvailable: number }) {
  const { t } = useTranslation();
  const scale = Math.max(mostAvailable, 1);
  return (
    <div className="poll-counts">
      <span className="poll-bar" aria-hidden="true">
        <span className="poll-bar__yes" style={{ width: `${(option.yes / scale) * 100}%` }} />
        <span className="poll-bar__maybe" style={{ width: `${(option.maybe / scale) * 100}%` }} />
      </span>
      <span className="poll-counts__text">
        {POLL_ANSWERS.map((answer) => (
          <span key={answer} className={`poll-count poll-count--${answer}`}>
            <span aria-hidden="true">{ANSWER_SYMBOLS[answer]} </span>
            {t(`scheduling.poll.count.${answer}`, { count: option[answer] })}
          </span>
        ))}
      </span>
    </div>
  );
}

/** My answer to one option: three radios in a row, named by the option's time. */
function AnswerRadios({ label, value, onChange, isDisabled }: { label: string; value: PollAnswer | undefined; onChange: (answer: PollAnswer) => void; isDisabled: boolean }) {
  const { t } = useTranslation();
  return (
    <RadioGroup
      className="poll-answer"
      orientation="horizontal"
      value={value ?? null}
      onChange={(next) => onChange(next as PollAnswer)}
      isDisabled={isDisabled}
      aria-label={t("scheduling.poll.myAnswerFor", { time: label })}
    >
      {POLL_ANSWERS.map((answer) => (
        <Radio key={answer} value={answer} className={`poll-answer__choice poll-answer__choice--${answer}`}>
          <span aria-hidden="true" className="poll-answer__symbol">
            {ANSWER_SYMBOLS[answer]}
          </span>
          <span>{answerLabel(t, answer)}</span>
        </Radio>
      ))}
    </RadioGroup>
  );
}

/** Everyone's answers, person by person, for those who want the detail behind the counts. */
function ResponsesTable({ poll, optionLabel }: { poll: SchedulingPoll; optionLabel: (option: PollOption, dateStyle?: "full" | "short") => string }) {
  const { t } = useTranslation();
  if (poll.responses.length === 0) return null;
  return (
    <details className="poll-responses">
      <summary>{t("scheduling.poll.byPerson", { count: poll.responses.length })}</summary>
      <div className="table-wrap" role="region" aria-label={t("scheduling.poll.byPersonTable")} tabIndex={0}>
        <table className="table poll-responses__table">
          <thead>
            <tr>
              <th scope="col">{t("scheduling.poll.person")}</th>
              {poll.options.map((option) => (
                <th key={option.id} scope="col">
                  {optionLabel(option, "short")}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {poll.responses.map((response) => (
              <tr key={response.userId}>
                <th scope="row">{response.displayName}</th>
                {poll.options.map((option) => {
                  const answer = response.answers[option.id];
                  return (
                    <td key={option.id} className={answer ? `poll-cell poll-cell--${answer}` : "poll-cell"}>
                      {answer ? (
                        <>
                          <span aria-hidden="true">{ANSWER_SYMBOLS[answer]} </span>
                          {answerLabel(t, answer)}
                        </>
                      ) : (
                        <span className="muted">{t("scheduling.poll.noAnswer")}</span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

/** The facilitator picks the time; the server then plans the meeting with the default agenda. */
function ClosePollDialog({
  poll,
  optionLabel,
  isOpen,
  onOpenChange,
  onClosed,
}: {
  poll: SchedulingPoll;
  optionLabel: (option: PollOption) => string;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  onClosed: (meetingId: string) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const ranked = rankPollOptions(poll.options);
  const { bestIds } = summarisePoll(poll);
  const [optionId, setOptionId] = useState(ranked[0]?.id ?? "");

  async function close() {
    if (!optionId) throw new FormProblem(t("scheduling.poll.chooseRequired"));
    const { poll: closed, meeting } = await schedulingApi.closePoll(poll.id, optionId);
    onClosed(meeting.id);
    queryClient.setQueryData<{ polls: SchedulingPoll[] }>(schedulingKeys.polls(poll.groupId), (old) => (old ? { polls: withPoll(old.polls, closed) } : old));
    void queryClient.invalidateQueries({ queryKey: schedulingKeys.meetings(poll.groupId) });
    void queryClient.invalidateQueries({ queryKey: schedulingKeys.mine });
  }

  return (
    <FormDialog
      title={t("scheduling.poll.closeTitle")}
      lead={t("scheduling.poll.closeLead")}
      submitLabel={t("scheduling.poll.closeSubmit")}
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      onSubmit={close}
    >
      <ChoiceGroup
        name="optionId"
        label={t("scheduling.poll.chooseTime")}
        value={optionId}
        onChange={setOptionId}
        isRequired
        choices={ranked.map((option) => ({
          value: option.id,
          label: bestIds.has(option.id) ? `${optionLabel(option)} — ${t("scheduling.poll.best")}` : optionLabel(option),
          description: t("scheduling.poll.countsText", { yes: option.yes, maybe: option.maybe, no: option.no }),
        }))}
      />
    </FormDialog>
  );
}

/**
 * A scheduling poll: each candidate time with its counts, the best ones marked in words and with a
 * star, and my own answer as a row of radios. Answers are saved together with one button, so moving
 * through the radios with the arrow keys sends nothing until I am done.
 */
export function PollCard({
  poll,
  myUserId,
  canManage,
  viewerZone,
  onClosed,
}: {
  poll: SchedulingPoll;
  myUserId: string;
  canManage: boolean;
  viewerZone: string;
  /** After I closed the poll: it leaves the open polls, so the page moves focus to the new meeting. */
  onClosed?: (meetingId: string) => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const optionLabel = useOptionLabel(viewerZone);
  const { pending, problem, submit } = useSubmission();
  const [edits, setEdits] = useState<Record<string, PollAnswer>>({});
  const [closing, setClosing] = useState(false);
  const saved = myAnswers(poll, myUserId);
  const draft = { ...saved, ...edits };
  const changes = changedAnswers(poll, draft, saved);
  const summary = summarisePoll(poll);
  const open = poll.status === "open";
  const headingId = `poll-${poll.id}-heading`;
  const best = poll.options.filter((option) => summary.bestIds.has(option.id));
  const chosen = poll.options.find((option) => option.id === poll.chosenOptionId);

  async function save() {
    if (
      await submit(async () => {
        const { poll: updated } = await schedulingApi.answerPoll(poll.id, { answers: changes });
        queryClient.setQueryData<{ polls: SchedulingPoll[] }>(schedulingKeys.polls(poll.groupId), (old) => (old ? { polls: withPoll(old.polls, updated) } : old));
      })
    ) {
      setEdits({});
      announce(t("scheduling.poll.saved"));
    }
  }

  return (
    <article className={open ? "poll" : "poll poll--closed"} aria-labelledby={headingId}>
      <div className="poll__header">
        <h4 id={headingId} className="poll__title">
          {poll.title}
        </h4>
        <span className={open ? "badge badge--kind" : "badge badge--plain"}>{open ? t("scheduling.poll.open") : t("scheduling.poll.closed")}</span>
      </div>
      <p className="poll__meta">
        {t("scheduling.durationMinutes", { count: poll.durationMinutes })}
        {poll.location && <> · {poll.location}</>}
        {poll.videoUrl && <> · {t("scheduling.videoMeeting")}</>}
        {" · "}
        {t("scheduling.poll.respondents", { count: summary.respondents })}
      </p>
      {best.length > 0 && (
        <p className="poll__best">
          <span aria-hidden="true">★ </span>
          {t("scheduling.poll.bestSummary", { count: best.length, times: best.map((option) => optionLabel(option)).join("; ") })}
        </p>
      )}
      {!open && poll.meetingId && (
        <p className="poll__result">
          {chosen ? t("scheduling.poll.chosenResult", { time: optionLabel(chosen) }) : t("scheduling.poll.closedResult")}{" "}
          <Link to={`/meetings/${poll.meetingId}`}>{t("scheduling.poll.openMeeting")}</Link>
        </p>
      )}
      <div className="table-wrap">
        <table className="table poll-table">
          <caption className="poll-table__caption">{t("scheduling.poll.zoneNote", { zone: describeTimeZone(viewerZone, locale, poll.options[0]?.startsAt) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("scheduling.poll.time")}</th>
              <th scope="col">{t("scheduling.poll.answersColumn")}</th>
              {open && <th scope="col">{t("scheduling.poll.myAnswer")}</th>}
            </tr>
          </thead>
          <tbody>
            {poll.options.map((option) => {
              const isBest = summary.bestIds.has(option.id);
              const label = optionLabel(option);
              return (
                <tr key={option.id} className={isBest ? "poll-option poll-option--best" : "poll-option"}>
                  <th scope="row" className="poll-option__time">
                    <time dateTime={option.startsAt}>{label}</time>
                    {isBest && (
                      <span className="badge poll-option__best">
                        <span aria-hidden="true">★ </span>
                        {t("scheduling.poll.best")}
                      </span>
                    )}
                  </th>
                  <td>
                    <OptionCounts option={option} mostAvailable={summary.mostAvailable} />
                  </td>
                  {open && (
                    <td>
                      <AnswerRadios
                        label={label}
                        value={draft[option.id]}
                        isDisabled={pending}
                        onChange={(answer) => setEdits((current) => ({ ...current, [option.id]: answer }))}
                      />
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {open && (
        <div className="poll__actions">
          <FormAlert problem={problem} />
          <div className="button-row button-row--tight">
            <Button className="button button--primary" isPending={pending} isDisabled={changes.length === 0} onPress={() => void save()}>
              {t("scheduling.poll.save")}
            </Button>
            {changes.length > 0 && (
              <Button className="button button--secondary" isDisabled={pending} onPress={() => setEdits({})}>
                {t("scheduling.poll.undo")}
              </Button>
            )}
            {canManage && (
              <Button className="button button--secondary" onPress={() => setClosing(true)}>
                {t("scheduling.poll.close")}
              </Button>
            )}
          </div>
          <p className="muted poll__unsaved" role="status">
            {changes.length > 0 ? t("scheduling.poll.unsaved", { count: changes.length }) : ""}
          </p>
        </div>
      )}
      <ResponsesTable poll={poll} optionLabel={optionLabel} />
      {closing && (
        <ClosePollDialog
          poll={poll}
          optionLabel={optionLabel}
          isOpen={closing}
          onOpenChange={setClosing}
          onClosed={(meetingId) => {
            announce(t("scheduling.poll.closedAnnounce", { title: poll.title }));
            onClosed?.(meetingId);
          }}
        />
      )}
    </article>
  );
}
