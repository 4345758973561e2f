import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button, Menu, MenuItem, MenuTrigger, Popover } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import type { GroupDetail, Member } from "../../../shared/schemas/groups";
import { groupsApi } from "../../lib/api";
import { useUser } from "../../lib/auth";
import { errorMessage } from "../../lib/i18n";
import { ConfirmDialog, FormAlert } from "../../lib/ui";
import { useAnnounce } from "./announcer";
import { roleLabel } from "./labels";
import { groupKeys } from "./live";

type MemberAction = "makeFacilitator" | "handOver" | "makeMember" | "badgeOn" | "badgeOff" | "notesReadOnlyOn" | "notesReadOnlyOff" | "remove";

function MemberRow({ group, member, isMe, canManage }: { group: GroupDetail; member: Member; isMe: boolean; canManage: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const user = useUser();
  const [problem, setProblem] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<"remove" | "handOver" | null>(null);
  const name = member.displayName;

  async function refresh() {
    await queryClient.invalidateQueries({ queryKey: groupKeys.detail(group.id) });
  }

  async function run(action: MemberAction) {
    setProblem(null);
    if (action === "remove" || action === "handOver") {
      setConfirming(action);
      return;
    }
    try {
      if (action === "makeFacilitator") await groupsApi.updateMember(group.id, member.userId, { role: "facilitator" });
      if (action === "makeMember") await groupsApi.updateMember(group.id, member.userId, { role: "member" });
      if (action === "badgeOn") await groupsApi.updateMember(group.id, member.userId, { peerInstructor: true });
      if (action === "badgeOff") await groupsApi.updateMember(group.id, member.userId, { peerInstructor: false });
      if (action === "notesReadOnlyOn") await groupsApi.updateMember(group.id, member.userId, { notesReadOnly: true });
      if (action === "notesReadOnlyOff") await groupsApi.updateMember(group.id, member.userId, { notesReadOnly: false });
      await refresh();
      announce(t(`members.announce.${action}`, { name }));
    } catch (error) {
      setProblem(errorMessage(t, error));
    }
  }

  const actions: { id: MemberAction; label: string }[] = [];
  if (canManage) {
    if (member.role === "member") {
      actions.push({ id: "makeFacilitator", label: t("members.actions.makeFacilitator") });
      if (!isMe) actions.push({ id: "handOver", label: t("members.actions.handOver") });
    } else {
      actions.push({ id: "makeMember", label: isMe ? t("members.actions.stepDown") : t("members.actions.makeMember") });
    }
    actions.push(
      member.peerInstructor
        ? { id: "badgeOff", label: t("members.actions.badgeOff") }
        : { id: "badgeOn", label: t("members.actions.badgeOn") },
    );
    // Facilitators always edit the notebook; read access only is for members (e.g. a guest).
    if (member.role === "member") {
      actions.push(
        member.notesReadOnly
          ? { id: "notesReadOnlyOff", label: t("members.actions.notesReadOnlyOff") }
          : { id: "notesReadOnlyOn", label: t("members.actions.notesReadOnlyOn") },
      );
    }
    if (!isMe) actions.push({ id: "remove", label: t("members.actions.remove") });
  }

  return (
    <li className="member">
      <div className="member__row">
        <div className="member__info">
          <span className="member__avatar" aria-hidden="true">
            {name.slice(0, 1).toUpperCase()}
          </span>
          <div>
            <p className="member__name">
              {name}
              {isMe && <span className="muted"> {t("members.you")}</span>}
            </p>
            <p className="member__badges">
              <span className={member.role === "facilitator" ? "badge badge--strong" : "badge badge--plain"}>{roleLabel(t, member.role)}</span>
              {member.peerInstructor && <span className="badge badge--peer">{t("members.peerInstructor")}</span>}
              {member.notesReadOnly && member.role === "member" && <span className="badge badge--plain">{t("members.notesReadOnly")}</span>}
              {!member.agreementAccepted && <span className="badge badge--pending">{t("members.agreementPending")}</span>}
            </p>
          </div>
        </div>
        {actions.length > 0 && (
          <MenuTrigger>
            <Button className="button button--secondary button--small" aria-label={t("members.actionsFor", { name })}>
              {t("members.actionsButton")}
            </Button>
            <Popover className="popover" placement="bottom end">
              <Menu className="menu" onAction={(key) => void run(key as MemberAction)}>
                {actions.map((action) => (
                  <MenuItem key={action.id} id={action.id} className={action.id === "remove" ? "menu__item menu__item--danger" : "menu__item"}>
                    {action.label}
                  </MenuItem>
                ))}
              </Menu>
            </Popover>
          </MenuTrigger>
        )}
      </div>
      <FormAlert problem={problem} />
      <ConfirmDialog
        title={t("members.removeTitle")}
        message={t("members.removeText", { name, group: group.name })}
        confirmLabel={t("members.actions.remove")}
        danger
        isOpen={confirming === "remove"}
        onOpenChange={(open) => setConfirming(open ? "remove" : null)}
        onConfirm={async () => {
          await groupsApi.removeMember(group.id, member.userId);
          await refresh();
          announce(t("members.announce.remove", { name }));
        }}
      />
      <ConfirmDialog
        title={t("members.handOverTitle")}
        message={t("members.handOverText", { name })}
        confirmLabel={t("members.actions.handOver")}
        isOpen={confirming === "handOver"}
        onOpenChange={(open) => setConfirming(open ? "handOver" : null)}
        onConfirm={async () => {
          // Make them facilitator first: the group must never be left without one in between.
          await groupsApi.updateMember(group.id, member.userId, { role: "facilitator" });
          await groupsApi.updateMember(group.id, user.id, { role: "member" });
          await refresh();
          announce(t("members.announce.handOver", { name }));
        }}
      />
    </li>
  );
}

/** Who is in the group, their roles and badges; facilitators manage roles from each member's menu. */
export function MembersPanel({ group }: { group: GroupDetail }) {
  const { t } = useTranslation();
  const user = useUser();
  const canManage = group.myMembership.role === "facilitator";
  return (
    <section className="card" aria-labelledby="members-heading">
      <div className="section-header">
        <h2 id="members-heading">{t("members.title")}</h2>
        <p className="section-header__meta">{t("members.count", { count: group.memberCount, capacity: group.capacity })}</p>
      </div>
      <ul className="member-list">
        {group.members.map((member) => (
          <MemberRow key={member.userId} group={group} member={member} isMe={member.userId === user.id} canManage={canManage} />
        ))}
      </ul>
    </section>
  );
}

/** Leaving is for everyone; the last facilitator is told to hand the role over first. */
export function LeaveGroup({ group }: { group: GroupDetail }) {
  const { t } = useTranslation();
  const user = useUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  return (
    <section className="card card--quiet" aria-labelledby="leave-heading">
      <h2 id="leave-heading">{t("members.leaveTitle")}</h2>
      <p className="muted">{t("members.leaveLead")}</p>
      <Button className="button button--danger-quiet" onPress={() => setConfirming(true)}>
        {t("members.leave")}
      </Button>
      <ConfirmDialog
        title={t("members.leaveConfirmTitle", { group: group.name })}
        message={t("members.leaveConfirmText")}
        confirmLabel={t("members.leave")}
        danger
        isOpen={confirming}
        onOpenChange={setConfirming}
        onConfirm={async () => {
          await groupsApi.removeMember(group.id, user.id);
          queryClient.removeQueries({ queryKey: groupKeys.detail(group.id) });
          await queryClient.invalidateQueries({ queryKey: groupKeys.mine });
          await navigate("/", { state: { left: group.name } });
        }}
      />
    </section>
  );
}
