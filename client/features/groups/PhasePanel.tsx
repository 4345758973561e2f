import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import type { GroupDetail, GroupPhase } from "../../../shared/schemas/groups";
import { ApiError, groupsApi } from "../../lib/api";
import { currentLocale, errorMessage } from "../../lib/i18n";
import { ConfirmDialog, Field, FormAlert, FormDialog, formText } from "../../lib/ui";
import { formatCalendarDate, todayInFinland } from "./format";
import { phaseDescription, phaseLabel } from "./labels";
import { groupKeys } from "./live";

/** The arc a group follows; a pause (e.g. the summer break) keeps its place in it. */
const ARC: readonly GroupPhase[] = ["forming", "active", "paused", "ended"];

/** Transitions the server allows from each phase (server/domain/groups.ts), as buttons. */
const NEXT: Record<GroupPhase, readonly GroupPhase[]> = {
  forming: ["active", "ended"],
  active: ["paused", "ended"],
  paused: ["active", "ended"],
  ended: [],
};

function PauseDialog({ group, isOpen, onOpenChange }: { group: GroupDetail; isOpen: boolean; onOpenChange: (open: boolean) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();

  async function pause(data: FormData) {
    const resumeOn = formText(data, "resumeOn");
    const { group: updated } = await groupsApi.changePhase(group.id, { phase: "paused", ...(resumeOn ? { resumeOn } : {}) });
    queryClient.setQueryData(groupKeys.detail(group.id), { group: updated });
  }

  return (
    <FormDialog
      title={t("phase.pauseTitle")}
      lead={t("phase.pauseLead")}
      submitLabel={t("phase.actions.paused")}
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      onSubmit={pause}
    >
      <Field name="resumeOn" type="date" label={t("phase.resumeOn")} description={t("phase.resumeOnHint")} autoFocus validate={(value) => (value && value < todayInFinland() ? t("phase.resumeInPast") : null)} />
    </FormDialog>
  );
}

/** Where the group is in its arc; facilitators move it on. */
export function PhasePanel({ group }: { group: GroupDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const locale = currentLocale();
  const [problem, setProblem] = useState<{ message: string; goalsMissing: boolean } | null>(null);
  const [pending, setPending] = useState<GroupPhase | null>(null);
  const [pausing, setPausing] = useState(false);
  const [ending, setEnding] = useState(false);
  const canManage = group.myMembership.role === "facilitator";
  const current = ARC.indexOf(group.phase);
  const goalCount = group.goals?.length ?? 0;

  // A refusal such as "write a goal first" is stale once the board or the phase has changed.
  useEffect(() => {
    setProblem(null);
  }, [goalCount, group.phase]);

  async function moveTo(phase: Exclude<GroupPhase, "paused" | "forming">) {
    setPending(phase);
    setProblem(null);
    try {
      const { group: updated } = await groupsApi.changePhase(group.id, { phase });
      queryClient.setQueryData(groupKeys.detail(group.id), { group: updated });
    } catch (error) {
      setProblem({ message: errorMessage(t, error), goalsMissing: error instanceof ApiError && error.code === "goals_required" });
      throw error;
    } finally {
      setPending(null);
    }
  }

  return (
    <section className="card" aria-labelledby="phase-heading">
      <h2 id="phase-heading">{t("phase.title")}</h2>
      <ol className="phase-steps">
        {ARC.map((phase, index) => (
          <li
            key={phase}
            className={index === current ? "phase-steps__step phase-steps__step--current" : index < current ? "phase-steps__step phase-steps__step--done" : "phase-steps__step"}
            aria-current={index === current ? "step" : undefined}
          >
            {phaseLabel(t, phase)}
          </li>
        ))}
      </ol>
      <p className="phase-text">{phaseDescription(t, group.phase)}</p>
      {group.phase === "paused" && group.resumeOn && (
        <p className="phase-text">
          <strong>{t("phase.resumesOn", { date: formatCalendarDate(group.resumeOn, locale) })}</strong>
        </p>
      )}
      {canManage && NEXT[group.phase].length > 0 && (
        <>
          <FormAlert problem={problem?.message ?? null}>
            {problem?.goalsMissing && (
              <p>
                {t("phase.goalsRequiredHelp")} <a href="#goals">{t("phase.toGoals")}</a>
              </p>
            )}
          </FormAlert>
          <div className="button-row">
            {NEXT[group.phase].map((phase) =>
              phase === "paused" ? (
                <Button key={phase} className="button button--secondary" onPress={() => setPausing(true)}>
                  {t("phase.actions.paused")}
                </Button>
              ) : phase === "ended" ? (
                <Button key={phase} className="button button--danger-quiet" onPress={() => setEnding(true)}>
                  {t("phase.actions.ended")}
                </Button>
              ) : (
                <Button
                  key={phase}
                  className="button button--primary"
                  isPending={pending === phase}
                  onPress={() => void moveTo("active").catch(() => undefined)}
                >
                  {group.phase === "paused" ? t("phase.actions.resume") : t("phase.actions.active")}
                </Button>
              ),
            )}
          </div>
          <PauseDialog group={group} isOpen={pausing} onOpenChange={setPausing} />
          <ConfirmDialog
            title={t("phase.endTitle")}
            message={t("phase.endText")}
            confirmLabel={t("phase.actions.ended")}
            danger
            isOpen={ending}
            onOpenChange={setEnding}
            onConfirm={() => moveTo("ended")}
          />
        </>
      )}
      {!canManage && group.phase === "forming" && <p className="muted">{t("phase.memberForming")}</p>}
      {group.phase === "ended" && <p className="muted">{t("phase.endedNote")}</p>}
    </section>
  );
}
