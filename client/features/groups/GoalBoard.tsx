import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { CHECK_IN_COMMENT_MAX, GOAL_PROGRESS, GOALS } from "../../../shared/limits";
import { GOAL_STATUSES, type CheckIn, type Goal, type GoalStatus, type GroupDetail } from "../../../shared/schemas/groups";
import { groupsApi } from "../../lib/api";
import { formatDateTime } from "../../lib/dates";
import { currentLocale, errorMessage } from "../../lib/i18n";
import { ChoiceGroup, ConfirmDialog, Field, FormAlert, FormDialog, FormProblem, TextAreaField, formText } from "../../lib/ui";
import { validateRequired } from "../auth/validation";
import { useAnnounce } from "./announcer";
import { formatCalendarDate } from "./format";
import { goalStatusDescription, goalStatusLabel, progressLevelLabel } from "./labels";
import { groupKeys } from "./live";

/** Dropped goals stay visible as history but free their place on the board (as the server counts). */
export function goalsInUse(goals: readonly Goal[]): number {
  return goals.filter((goal) => goal.status !== "dropped").length;
}

const PROGRESS_LEVELS = Array.from({ length: GOAL_PROGRESS.max - GOAL_PROGRESS.min + 1 }, (_, index) => GOAL_PROGRESS.min + index);

function ProgressDots({ progress }: { progress: number }) {
  return (
    <span className="progress-dots" aria-hidden="true">
      {PROGRESS_LEVELS.map((level) => (
        <span key={level} className={level <= progress ? "progress-dots__dot progress-dots__dot--on" : "progress-dots__dot"} />
      ))}
    </span>
  );
}

// ── Adding and editing a goal ────────────────────────────────────────────────

function GoalDialog({
  group,
  goal,
  isOpen,
  onOpenChange,
}: {
  group: GroupDetail;
  /** Absent when adding a new goal. */
  goal?: Goal;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const [status, setStatus] = useState<GoalStatus>(goal?.status ?? "open");

  async function save(data: FormData) {
    const input = {
      title: formText(data, "title"),
      description: formText(data, "description"),
      successCriteria: formText(data, "successCriteria"),
      targetDate: formText(data, "targetDate") || null,
    };
    if (goal) {
      await groupsApi.updateGoal(group.id, goal.id, { ...input, ...(status !== goal.status ? { status } : {}) });
      announce(t("goals.announce.saved", { title: input.title }));
    } else {
      await groupsApi.createGoal(group.id, input);
    }
    await queryClient.invalidateQueries({ queryKey: groupKeys.detail(group.id) });
  }

  return (
    <FormDialog
      title={goal ? t("goals.editTitle") : t("goals.addTitle")}
      submitLabel={goal ? t("goals.save") : t("goals.add")}
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      onSubmit={save}
    >
      <Field
        name="title"
        label={t("goals.fields.title")}
        description={t("goals.fields.titleHint")}
        defaultValue={goal?.title}
        isRequired
        autoFocus
        maxLength={GOALS.titleMax}
        validate={(value) => validateRequired(t, value)}
      />
      <TextAreaField name="description" label={t("goals.fields.description")} defaultValue={goal?.description} maxLength={GOALS.textMax} />
      <TextAreaField
        name="successCriteria"
        label={t("goals.fields.successCriteria")}
        description={t("goals.fields.successCriteriaHint")}
        defaultValue={goal?.successCriteria}
        maxLength={GOALS.textMax}
      />
      <Field name="targetDate" type="date" label={t("goals.fields.targetDate")} description={t("goals.fields.optional")} defaultValue={goal?.targetDate ?? ""} />
      {goal && (
        <ChoiceGroup
          name="status"
          label={t("goals.fields.status")}
          value={status}
          onChange={setStatus}
          choices={GOAL_STATUSES.map((value) => ({ value, label: goalStatusLabel(t, value), description: goalStatusDescription(t, value) }))}
        />
      )}
    </FormDialog>
  );
}

// ── Check-ins ────────────────────────────────────────────────────────────────

function CheckInDialog({ group, goal, isOpen, onOpenChange }: { group: GroupDetail; goal: Goal; isOpen: boolean; onOpenChange: (open: boolean) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const announce = useAnnounce();

  // The scale is left uncontrolled and read from the form: a controlled group holding "" (no choice
  // yet) counts as having a selection, which takes every radio out of the Tab order.
  async function checkIn(data: FormData) {
    const progress = formText(data, "progress");
    if (!progress) throw new FormProblem(t("goals.checkIn.progressRequired"));
    await groupsApi.checkIn(group.id, goal.id, { progress: Number(progress), comment: formText(data, "comment") });
    await queryClient.invalidateQueries({ queryKey: groupKeys.detail(group.id) });
    announce(t("goals.announce.checkedIn", { title: goal.title }));
  }

  return (
    <FormDialog
      title={t("goals.checkIn.title", { title: goal.title })}
      lead={t("goals.checkIn.lead")}
      submitLabel={t("goals.checkIn.submit")}
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      onSubmit={checkIn}
    >
      <ChoiceGroup
        name="progress"
        label={t("goals.checkIn.progress")}
        isRequired
        errorMessage={t("goals.checkIn.progressRequired")}
        className="choice-group--scale"
        choices={PROGRESS_LEVELS.map((level) => ({ value: String(level), label: progressLevelLabel(t, level) }))}
      />
      <TextAreaField name="comment" label={t("goals.checkIn.comment")} description={t("goals.checkIn.commentHint")} maxLength={CHECK_IN_COMMENT_MAX} />
    </FormDialog>
  );
}

function CheckInItem({ checkIn }: { checkIn: CheckIn }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <li className="check-in">
      <p className="check-in__head">
        <span className="check-in__who">{checkIn.displayName || t("goals.history.formerMember")}</span>
        <span className="check-in__progress">
          <ProgressDots progress={checkIn.progress} />
          {t("goals.progressOf", { progress: checkIn.progress, max: GOAL_PROGRESS.max })}
        </span>
        <time className="check-in__when" dateTime={checkIn.createdAt}>
          {formatDateTime(checkIn.createdAt, locale)}
        </time>
      </p>
      {checkIn.comment && <p className="check-in__comment">{checkIn.comment}</p>}
    </li>
  );
}

const HISTORY_PREVIEW = 3;

/** The goal's check-ins, newest first: a few at once, the rest on request. */
function CheckInHistory({ group, goal }: { group: GroupDetail; goal: Goal }) {
  const { t } = useTranslation();
  const [expanded, setExpanded] = useState(false);
  const listId = useId();
  const needsFullHistory = expanded && goal.checkInCount > goal.checkIns.length;
  const full = useQuery({
    queryKey: groupKeys.checkIns(group.id, goal.id),
    queryFn: () => groupsApi.checkIns(group.id, goal.id, { limit: 100 }),
    enabled: needsFullHistory,
  });
  const all = needsFullHistory && full.data ? full.data.checkIns : goal.checkIns;
  const shown = expanded ? all : all.slice(0, HISTORY_PREVIEW);

  return (
    <div className="goal__history">
      <h4 className="goal__subheading">{t("goals.history.title", { count: goal.checkInCount })}</h4>
      {goal.checkInCount === 0 ? (
        <p className="muted">{t("goals.history.empty")}</p>
      ) : (
        <>
          <ol className="check-ins" id={listId}>
            {shown.map((checkIn) => (
              <CheckInItem key={checkIn.id} checkIn={checkIn} />
            ))}
          </ol>
          {full.isFetching && <p className="muted">{t("common.loading")}</p>}
          {goal.checkInCount > HISTORY_PREVIEW && (
            <Button className="button button--link" aria-expanded={expanded} aria-controls={listId} onPress={() => setExpanded(!expanded)}>
              {expanded ? t("goals.history.showFewer") : t("goals.history.showAll", { count: goal.checkInCount })}
            </Button>
          )}
        </>
      )}
    </div>
  );
}

// ── One goal ─────────────────────────────────────────────────────────────────

function GoalCard({
  group,
  goal,
  index,
  count,
  canEdit,
  canCheckIn,
}: {
  group: GroupDetail;
  goal: Goal;
  index: number;
  count: number;
  canEdit: boolean;
  canCheckIn: boolean;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const locale = currentLocale();
  const titleId = useId();
  const [editing, setEditing] = useState(false);
  const [checkingIn, setCheckingIn] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const latest = goal.checkIns[0];

  async function move(position: number) {
    setProblem(null);
    try {
      await groupsApi.updateGoal(group.id, goal.id, { position });
      await queryClient.invalidateQueries({ queryKey: groupKeys.detail(group.id) });
      announce(t("goals.announce.moved", { title: goal.title, position: position + 1 }));
    } catch (error) {
      setProblem(errorMessage(t, error));
    }
  }

  return (
    <li className={`goal goal--${goal.status}`}>
      <article aria-labelledby={titleId}>
        <header className="goal__header">
          <span className="goal__number" aria-hidden="true">
            {index + 1}
          </span>
          <h3 id={titleId} className="goal__title">
            {goal.title}
          </h3>
          <span className={`status status--${goal.status}`}>{goalStatusLabel(t, goal.status)}</span>
        </header>
        {goal.description && <p className="goal__description">{goal.description}</p>}
        {goal.successCriteria && (
          <div className="goal__criteria">
            <h4 className="goal__subheading">{t("goals.fields.successCriteria")}</h4>
            <p>{goal.successCriteria}</p>
          </div>
        )}
        <dl className="goal__facts">
          <div>
            <dt>{t("goals.fields.targetDate")}</dt>
            <dd>{goal.targetDate ? formatCalendarDate(goal.targetDate, locale) : t("goals.noTargetDate")}</dd>
          </div>
          <div>
            <dt>{t("goals.latestProgress")}</dt>
            <dd>
              {latest ? (
                <span className="goal__progress">
                  <ProgressDots progress={latest.progress} />
                  {t("goals.progressOf", { progress: latest.progress, max: GOAL_PROGRESS.max })}
                </span>
              ) : (
                t("goals.noProgress")
              )}
            </dd>
          </div>
        </dl>
        <FormAlert problem={problem} />
        <div className="goal__actions">
          {canCheckIn && goal.status !== "dropped" && (
            <Button className="button button--primary button--small" onPress={() => setCheckingIn(true)} aria-describedby={titleId}>
              {t("goals.checkIn.open")}
            </Button>
          )}
          {canEdit && (
            <>
              <Button className="button button--secondary button--small" onPress={() => setEditing(true)} aria-describedby={titleId}>
                {t("goals.edit")}
              </Button>
              {index > 0 && (
                <Button className="button button--secondary button--small" onPress={() => void move(index - 1)} aria-describedby={titleId}>
                  {t("goals.moveUp")}
                </Button>
              )}
              {index < count - 1 && (
                <Button className="button button--secondary button--small" onPress={() => void move(index + 1)} aria-describedby={titleId}>
                  {t("goals.moveDown")}
                </Button>
              )}
              <Button className="button button--danger-quiet button--small" onPress={() => setDeleting(true)} aria-describedby={titleId}>
                {t("goals.remove")}
              </Button>
            </>
          )}
        </div>
        <CheckInHistory group={group} goal={goal} />
      </article>
      {editing && <GoalDialog group={group} goal={goal} isOpen={editing} onOpenChange={setEditing} />}
      <CheckInDialog group={group} goal={goal} isOpen={checkingIn} onOpenChange={setCheckingIn} />
      <ConfirmDialog
        title={t("goals.removeTitle")}
        message={t("goals.removeText", { title: goal.title })}
        confirmLabel={t("goals.remove")}
        danger
        isOpen={deleting}
        onOpenChange={setDeleting}
        onConfirm={async () => {
          await groupsApi.deleteGoal(group.id, goal.id);
          await queryClient.invalidateQueries({ queryKey: groupKeys.detail(group.id) });
          announce(t("goals.announce.removed", { title: goal.title }));
        }}
      />
    </li>
  );
}

// ── The board ────────────────────────────────────────────────────────────────

/** The group's 1–3 shared goals (seed 004's first tip), with check-ins building each goal's history. */
export function GoalBoard({ group, goals }: { group: GroupDetail; goals: Goal[] }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const facilitator = group.myMembership.role === "facilitator";
  const open = group.phase !== "ended";
  const canEdit = facilitator && open;
  const inUse = goalsInUse(goals);
  const full = inUse >= GOALS.max;

  return (
    <section className="card goal-board" aria-labelledby="goals-heading" id="goals">
      <div className="section-header">
        <h2 id="goals-heading">{t("goals.title")}</h2>
        <p className="section-header__meta">{t("goals.count", { count: inUse, max: GOALS.max })}</p>
      </div>
      <p className="muted">{t("goals.lead")}</p>
      {goals.length === 0 ? (
        <div className="empty-state empty-state--compact">
          <p className="empty-state__title">{t("goals.emptyTitle")}</p>
          <p>{facilitator ? t("goals.emptyFacilitator") : t("goals.emptyMember")}</p>
        </div>
      ) : (
        <ol className="goal-list">
          {goals.map((goal, index) => (
            <GoalCard key={goal.id} group={group} goal={goal} index={index} count={goals.length} canEdit={canEdit} canCheckIn={open} />
          ))}
        </ol>
      )}
      {canEdit && (
        <div className="goal-board__add">
          <Button className="button button--primary" onPress={() => setAdding(true)} isDisabled={full} aria-describedby={full ? "goal-limit-note" : undefined}>
            {t("goals.add")}
          </Button>
          {full && (
            <p id="goal-limit-note" className="muted">
              {t("goals.fullNote", { max: GOALS.max })}
            </p>
          )}
        </div>
      )}
      {adding && <GoalDialog group={group} isOpen={adding} onOpenChange={setAdding} />}
    </section>
  );
}
