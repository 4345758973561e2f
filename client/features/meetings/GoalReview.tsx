import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { Button, FieldError, Form, Label, Radio, RadioGroup } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { CHECK_IN_COMMENT_MAX, GOAL_PROGRESS } from "../../../shared/limits";
import type { Goal, GroupDetail } from "../../../shared/schemas/groups";
import { errorMessage } from "../../lib/i18n";
import { FormAlert, TextAreaField } from "../../lib/ui";
import { useAnnounce } from "../groups/announcer";
import { groupKeys } from "../groups/live";
import { meetingKeys } from "./live";
import { meetingsApi } from "./meetingsApi";

const PROGRESS_LEVELS = Array.from({ length: GOAL_PROGRESS.max - GOAL_PROGRESS.min + 1 }, (_, index) => GOAL_PROGRESS.min + index);

/** One goal: where I think it stands (1–5) and a short comment, recorded as a check-in of this meeting. */
function GoalReviewItem({ group, goal, meetingId }: { group: GroupDetail; goal: Goal; meetingId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const titleId = useId();
  const [progress, setProgress] = useState("");
  const [comment, setComment] = useState("");
  const [recorded, setRecorded] = useState<number | null>(null);
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const againButton = useRef<HTMLButtonElement>(null);
  const justRecorded = useRef(false);

  // The form gives way to the confirmation; focus follows so the keyboard does not drop to the page's top.
  useEffect(() => {
    if (recorded !== null && justRecorded.current) {
      justRecorded.current = false;
      againButton.current?.focus();
    }
  }, [recorded]);

  async function record(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!progress) return;
    setPending(true);
    setProblem(null);
    try {
      await meetingsApi.checkIn(group.id, goal.id, { progress: Number(progress), comment: comment.trim(), meetingId });
      justRecorded.current = true;
      setRecorded(Number(progress));
      setProgress("");
      setComment("");
      announce(t("meetings.goalReview.recordedAnnounce", { title: goal.title, progress: Number(progress), max: GOAL_PROGRESS.max }));
      void queryClient.invalidateQueries({ queryKey: groupKeys.detail(group.id) });
      void queryClient.invalidateQueries({ queryKey: meetingKeys.summary(meetingId) });
    } catch (error) {
      setProblem(errorMessage(t, error));
    } finally {
      setPending(false);
    }
  }

  if (recorded !== null) {
    return (
      <li className="goal-review__item">
        <h4 id={titleId} className="goal-review__title">
          {goal.title}
        </h4>
        <p className="goal-review__done">
          <span aria-hidden="true">✓ </span>
          {t("meetings.goalReview.recorded", { progress: recorded, max: GOAL_PROGRESS.max })}
        </p>
        <Button ref={againButton} className="button button--secondary button--small" onPress={() => setRecorded(null)} aria-describedby={titleId}>
          {t("meetings.goalReview.recordAgain")}
        </Button>
      </li>
    );
  }

  return (
    <li className="goal-review__item">
      <Form className="form goal-review__form" aria-labelledby={titleId} onSubmit={(event) => void record(event)}>
        <h4 id={titleId} className="goal-review__title">
          {goal.title}
        </h4>
        <FormAlert problem={problem} />
        {/*
          Not ChoiceGroup: it takes "" for "nothing chosen", which react-aria reads as a chosen value no
          radio has, and then no radio is in the tab order. null keeps the first radio reachable.
        */}
        <RadioGroup
          name={`progress-${goal.id}`}
          className="choice-group choice-group--scale"
          value={progress || null}
          onChange={setProgress}
          isRequired
        >
          <Label className="field__label">{t("meetings.goalReview.progress")}</Label>
          <div className="choice-group__options">
            {PROGRESS_LEVELS.map((level) => (
              <Radio key={level} value={String(level)} className="choice">
                <span className="choice__mark" aria-hidden="true" />
                <span className="choice__text">
                  <span className="choice__label">{t(`goals.checkIn.levels.${level}`)}</span>
                </span>
              </Radio>
            ))}
          </div>
          <FieldError className="field-error">{t("goals.checkIn.progressRequired")}</FieldError>
        </RadioGroup>
        <TextAreaField
          label={t("meetings.goalReview.comment")}
          description={t("meetings.goalReview.commentHint")}
          value={comment}
          onChange={setComment}
          maxLength={CHECK_IN_COMMENT_MAX}
          rows={2}
        />
        <Button type="submit" className="button button--primary button--small" isPending={pending}>
          {t("meetings.goalReview.record")}
        </Button>
      </Form>
    </li>
  );
}

/** The goal review block (seed 004: open every meeting by revisiting the goals). */
export function GoalReview({ group, meetingId }: { group: GroupDetail; meetingId: string }) {
  const { t } = useTranslation();
  const goals = (group.goals ?? []).filter((goal) => goal.status !== "dropped");
  if (goals.length === 0) return <p className="muted">{t("meetings.goalReview.noGoals")}</p>;
  return (
    <div className="goal-review">
      <p>{t("meetings.goalReview.lead")}</p>
      <ul className="goal-review__list">
        {goals.map((goal) => (
          <GoalReviewItem key={goal.id} group={group} goal={goal} meetingId={meetingId} />
        ))}
      </ul>
    </div>
  );
}
