import { useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import type { ServerToClientEvents } from "../../../shared/events";
import type { GroupDetail, GroupSummary, Invitation, MyGroup } from "../../../shared/schemas/groups";
import { useAuth } from "../../lib/auth";
import { listenTo, onReconnect } from "../../lib/socket";

/** Query keys of the groups features, in one place so pages and live updates agree. */
export const groupKeys = {
  mine: ["groups"] as const,
  detail: (groupId: string) => ["group", groupId] as const,
  invitations: (groupId: string) => ["invitations", groupId] as const,
  checkIns: (groupId: string, goalId: string) => ["checkIns", groupId, goalId] as const,
  programmes: ["programmes"] as const,
  programme: (programmeId: string) => ["programme", programmeId] as const,
};

type GroupResponseData = { group: GroupDetail };
type GroupListData = { groups: MyGroup[] };
type InvitationListData = { invitations: Invitation[] };
type Payload<E extends keyof ServerToClientEvents> = Parameters<ServerToClientEvents[E]>[0];

function summaryFields(group: GroupSummary): GroupSummary {
  const { id, programmeId, name, description, kind, phase, resumeOn, capacity, memberCount } = group;
  return { id, programmeId, name, description, kind, phase, resumeOn, capacity, memberCount };
}

function applySummary(queryClient: QueryClient, group: GroupSummary): void {
  const summary = summaryFields(group);
  queryClient.setQueryData<GroupResponseData>(groupKeys.detail(group.id), (old) =>
    old ? { group: { ...old.group, ...summary } } : old,
  );
  queryClient.setQueryData<GroupListData>(groupKeys.mine, (old) =>
    old ? { groups: old.groups.map((listed) => (listed.id === group.id ? { ...listed, ...summary } : listed)) } : old,
  );
  if (group.programmeId) void queryClient.invalidateQueries({ queryKey: groupKeys.programme(group.programmeId) });
}

/**
 * Keeps every open page in step with the server: the socket's pushes are written straight into the
 * query cache (so the page changes without a request), and after a reconnect everything group-related
 * is fetched again because pushes sent while offline are gone.
 */
export function useGroupLiveUpdates(): void {
  const { socket, state } = useAuth();
  const queryClient = useQueryClient();
  const myUserId = state.status === "signedIn" ? state.user.id : null;

  useEffect(() => {
    if (!socket) return;

    const onGroupUpdated = ({ group }: { group: GroupSummary }) => applySummary(queryClient, group);

    const onMembersUpdated = ({ groupId, members }: Payload<"members:updated">) => {
      queryClient.setQueryData<GroupResponseData>(groupKeys.detail(groupId), (old) => {
        if (!old) return old;
        const me = members.find((member) => member.userId === myUserId);
        const myMembership = me
          ? { ...old.group.myMembership, role: me.role, peerInstructor: me.peerInstructor, notesReadOnly: me.notesReadOnly }
          : old.group.myMembership;
        return { group: { ...old.group, members, memberCount: members.length, myMembership } };
      });
      void queryClient.invalidateQueries({ queryKey: groupKeys.mine });
    };

    // Sent to facilitators only; the list is written in place whether or not the panel is open now.
    const onInvitationsUpdated = ({ groupId, invitations }: Payload<"invitations:updated">) => {
      queryClient.setQueryData<InvitationListData>(groupKeys.invitations(groupId), { invitations });
    };

    const onGoalsUpdated = ({ groupId, goals }: Payload<"goals:updated">) => {
      queryClient.setQueryData<GroupResponseData>(groupKeys.detail(groupId), (old) => (old ? { group: { ...old.group, goals } } : old));
      void queryClient.invalidateQueries({ queryKey: ["checkIns", groupId] });
    };

    const onMembershipStarted = () => void queryClient.invalidateQueries({ queryKey: groupKeys.mine });

    const onMembershipEnded = ({ groupId }: { groupId: string }) => {
      void queryClient.invalidateQueries({ queryKey: groupKeys.mine });
      // The group page then learns from the server that I am no longer a member.
      void queryClient.invalidateQueries({ queryKey: groupKeys.detail(groupId) });
      queryClient.removeQueries({ queryKey: groupKeys.invitations(groupId) });
    };

    const onConnect = onReconnect(socket, () => {
      for (const key of [groupKeys.mine, ["group"], ["invitations"], ["checkIns"], ["programme"]]) {
        void queryClient.invalidateQueries({ queryKey: key });
      }
    });

    return listenTo(socket, {
      "group:updated": onGroupUpdated,
      "members:updated": onMembersUpdated,
      "goals:updated": onGoalsUpdated,
      "invitations:updated": onInvitationsUpdated,
      "membership:started": onMembershipStarted,
      "membership:ended": onMembershipEnded,
      connect: onConnect,
    });
  }, [socket, queryClient, myUserId]);
}
