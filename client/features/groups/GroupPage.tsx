import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { AssessmentsCard, useStartAssessmentStep } from "../assessments/AssessmentsCard";
import { ChatPanel } from "../chat/ChatPanel";
import { UnreadBadge } from "../chat/UnreadBadge";
import type { GroupDetail, OnboardingStep } from "../../../shared/schemas/groups";
import { MeetingsSection } from "../scheduling/MeetingsSection";
import { ApiError, groupsApi } from "../../lib/api";
import { errorMessage } from "../../lib/i18n";
import { FormAlert } from "../../lib/ui";
import { Page } from "../layout/Page";
import { useAnnounce } from "./announcer";
import { GoalBoard } from "./GoalBoard";
import { InvitationsPanel } from "./InvitationsPanel";
import { kindLabel, phaseLabel, roleLabel } from "./labels";
import { groupKeys } from "./live";
import { LeaveGroup, MembersPanel } from "./MembersPanel";
import { PhasePanel } from "./PhasePanel";

/** The agreement, to be accepted before any of the group's content opens. */
function AgreementGate({ group }: { group: GroupDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function accept() {
    setPending(true);
    setProblem(null);
    try {
      await groupsApi.acceptAgreement(group.id);
      await queryClient.invalidateQueries({ queryKey: groupKeys.detail(group.id) });
    } catch (error) {
      setProblem(errorMessage(t, error));
      setPending(false);
    }
  }

  return (
    <section className="card card--accent" aria-labelledby="agreement-heading">
      <h2 id="agreement-heading">{t("agreement.title")}</h2>
      <p>{t("agreement.lead")}</p>
      <blockquote className="agreement">{group.agreement}</blockquote>
      <FormAlert problem={problem} />
      <Button className="button button--primary" isPending={pending} onPress={() => void accept()}>
        {t("agreement.accept")}
      </Button>
      <p className="muted agreement__hidden-note">{t("agreement.contentHidden")}</p>
    </section>
  );
}

function AgreementText({ group }: { group: GroupDetail }) {
  const { t } = useTranslation();
  return (
    <details className="agreement-details">
      <summary>{t("agreement.show")}</summary>
      <blockquote className="agreement">{group.agreement}</blockquote>
    </details>
  );
}

/** A new member's first steps, the starting self-assessment among them. */
function Onboarding({ group }: { group: GroupDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const [problem, setProblem] = useState<string | null>(null);
  const done = new Set<OnboardingStep>(group.myMembership.onboardingDone);
  const isMember = group.myMembership.role === "member";
  const assessment = useStartAssessmentStep(group.id, isMember);
  // A start round that is still open keeps the checklist up until it is answered.
  const assessmentPending = assessment.round !== undefined && !assessment.done;
  if (!isMember || (done.has("goals_read") && done.has("introduced") && !assessmentPending)) return null;

  async function complete(step: "goals_read" | "introduced") {
    setProblem(null);
    try {
      await groupsApi.completeOnboarding(group.id, step);
      await queryClient.invalidateQueries({ queryKey: groupKeys.detail(group.id) });
      announce(t("onboarding.stepDone"));
    } catch (error) {
      setProblem(errorMessage(t, error));
    }
  }

  const steps: { id: string; done: boolean; label: string; action?: ReactNode }[] = [
    { id: "agreement", done: done.has("agreement"), label: t("onboarding.agreement") },
    {
      id: "goals_read",
      done: done.has("goals_read"),
      label: t("onboarding.goalsRead"),
      action: (
        <Button className="button button--secondary button--small" onPress={() => void complete("goals_read")}>
          {t("onboarding.markGoalsRead")}
        </Button>
      ),
    },
    {
      id: "assessment",
      done: assessment.done,
      label: t("onboarding.assessment"),
      action: assessment.round ? (
        <Link className="button button--secondary button--small" to={`/groups/${group.id}/assessments/${assessment.round.id}`}>
          {t("assessments.onboarding.open")}
        </Link>
      ) : (
        <span className="muted">{t("assessments.onboarding.notOpen")}</span>
      ),
    },
    {
      id: "introduced",
      done: done.has("introduced"),
      label: t("onboarding.introduce"),
      action: (
        <Button className="button button--secondary button--small" onPress={() => void complete("introduced")}>
          {t("onboarding.markIntroduced")}
        </Button>
      ),
    },
  ];

  return (
    <section className="card" aria-labelledby="onboarding-heading">
      <h2 id="onboarding-heading">{t("onboarding.title")}</h2>
      <FormAlert problem={problem} />
      <ol className="checklist">
        {steps.map((step) => (
          <li key={step.id} className={step.done ? "checklist__item checklist__item--done" : "checklist__item"}>
            <span className="checklist__mark" aria-hidden="true">
              {step.done ? "✓" : ""}
            </span>
            <span className="checklist__label">
              {step.label}
              <span className="visually-hidden">, {step.done ? t("onboarding.done") : t("onboarding.notDone")}</span>
            </span>
            {!step.done && step.action}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The group's conversation, under the section's own heading (the panel draws no second frame). */
function GroupChatRegion({ group }: { group: GroupDetail }) {
  const { t } = useTranslation();
  return (
    <section className="card group-chat" aria-labelledby="group-chat-heading" id="chat">
      <div className="section-header">
        <h2 id="group-chat-heading">{t("groups.chatTitle")}</h2>
        {/* Beside the heading, not in it: the heading names the chat region and should stay fixed. */}
        <UnreadBadge conversationId={group.conversationId} />
      </div>
      <ChatPanel conversationId={group.conversationId} groupId={group.id} labelledBy="group-chat-heading" />
    </section>
  );
}

/** The way into the group's shared notebook, which opens on a page of its own (the editor is heavy). */
function NotebookLink({ group }: { group: GroupDetail }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="group-notes-heading">
      <h2 id="group-notes-heading">{t("groups.notesTitle")}</h2>
      <p>{t("groups.notesText")}</p>
      <Link className="button button--secondary" to={`/groups/${group.id}/notes`}>
        {t("groups.openNotebook")}
      </Link>
    </section>
  );
}

/** Tells screen reader users about changes made by others while they are on the page. */
function useChangeAnnouncements(group: GroupDetail | undefined) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const previous = useRef<GroupDetail | undefined>(undefined);
  useEffect(() => {
    const before = previous.current;
    previous.current = group;
    if (!before || !group || before.id !== group.id) return;
    if (before.phase !== group.phase) announce(t("groups.announce.phase", { phase: phaseLabel(t, group.phase) }));
    if (before.goals && group.goals) {
      const known = new Set(before.goals.map((goal) => goal.id));
      for (const goal of group.goals) if (!known.has(goal.id)) announce(t("goals.announce.added", { title: goal.title }));
    }
    const knownMembers = new Set(before.members.map((member) => member.userId));
    for (const member of group.members) if (!knownMembers.has(member.userId)) announce(t("members.announce.joined", { name: member.displayName }));
  }, [group, announce, t]);
}

export default function GroupPage() {
  const { t } = useTranslation();
  const { groupId = "" } = useParams();
  const query = useQuery({ queryKey: groupKeys.detail(groupId), queryFn: () => groupsApi.get(groupId) });
  const group = query.data?.group;
  useChangeAnnouncements(group);

  if (query.isPending) {
    return (
      <Page title={t("groups.loadingTitle")}>
        <p role="status">{t("common.loading")}</p>
      </Page>
    );
  }
  if (!group) {
    const gone = query.error instanceof ApiError && query.error.code === "not_found";
    return (
      <Page title={gone ? t("groups.notFoundTitle") : t("groups.errorTitle")}>
        <p>{gone ? t("groups.notFoundText") : errorMessage(t, query.error)}</p>
        <p>
          <Link to="/">{t("groups.backHome")}</Link>
        </p>
      </Page>
    );
  }

  const accepted = group.myMembership.agreementAcceptedAt !== null;
  const facilitator = group.myMembership.role === "facilitator";

  return (
    <Page title={group.name} className="group-page">
      <div className="group-page__summary">
        <span className="badge badge--kind">{kindLabel(t, group.kind)}</span>
        <span className={`badge badge--phase badge--phase-${group.phase}`}>{t("groups.phaseIs", { phase: phaseLabel(t, group.phase) })}</span>
        <span className="badge badge--plain">{t("groups.myRole", { role: roleLabel(t, group.myMembership.role) })}</span>
        {group.myMembership.peerInstructor && <span className="badge badge--peer">{t("members.peerInstructor")}</span>}
      </div>
      {group.description && <p className="page__lead">{group.description}</p>}
      <div className="group-layout">
        <div className="group-layout__main">
          {!accepted ? (
            <AgreementGate group={group} />
          ) : (
            <>
              <Onboarding group={group} />
              <GoalBoard group={group} goals={group.goals ?? []} />
              <MeetingsSection group={group} />
              <AssessmentsCard group={group} />
              <NotebookLink group={group} />
              <GroupChatRegion group={group} />
            </>
          )}
        </div>
        <div className="group-layout__side">
          <PhasePanel group={group} />
          <MembersPanel group={group} />
          {facilitator && group.phase !== "ended" && <InvitationsPanel groupId={group.id} />}
          {accepted && (
            <section className="card" aria-labelledby="agreement-side-heading">
              <h2 id="agreement-side-heading">{t("agreement.title")}</h2>
              <AgreementText group={group} />
            </section>
          )}
          <LeaveGroup group={group} />
        </div>
      </div>
    </Page>
  );
}
