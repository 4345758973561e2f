import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import type { ServerToClientEvents } from "../../../shared/events";
import type { MeetingListItem, SchedulingPoll } from "../../../shared/schemas/meetings";
import { useAuth } from "../../lib/auth";
import { listenTo, onReconnect } from "../../lib/socket";
import { withPoll } from "./model";

/** Query keys of the scheduling views; everything sits under "scheduling" so a reconnect can refetch it all. */
export const schedulingKeys = {
  all: ["scheduling"] as const,
  meetings: (groupId: string) => ["scheduling", "meetings", groupId] as const,
  polls: (groupId: string) => ["scheduling", "polls", groupId] as const,
  mine: ["scheduling", "mine"] as const,
  calendarFeed: ["scheduling", "calendarFeed"] as const,
};

type Payload<E extends keyof ServerToClientEvents> = Parameters<ServerToClientEvents[E]>[0];

/**
 * Scheduling pushes reach the query cache whichever page is open: a poll answered or closed by
 * someone else, a meeting planned, moved or paused. After a reconnect everything is fetched again,
 * as pushes sent while offline are gone.
 */
export function useSchedulingLiveUpdates(): void {
  const { socket } = useAuth();
  const queryClient = useQueryClient();

  useEffect(() => {
    if (!socket) return;

    const onPollUpdated = ({ poll }: Payload<"poll:updated">) => {
      queryClient.setQueryData<{ polls: SchedulingPoll[] }>(schedulingKeys.polls(poll.groupId), (old) =>
        old ? { polls: withPoll(old.polls, poll) } : old,
      );
    };

    const onMeetingsUpdated = ({ groupId, meetings }: Payload<"meetings:updated">) => {
      queryClient.setQueryData<{ meetings: MeetingListItem[] }>(schedulingKeys.meetings(groupId), { meetings });
      // The home page's list spans all my groups and carries group names: fetch it again.
      void queryClient.invalidateQueries({ queryKey: schedulingKeys.mine });
    };

    return listenTo(socket, {
      "poll:updated": onPollUpdated,
      "meetings:updated": onMeetingsUpdated,
      connect: onReconnect(socket, () => void queryClient.invalidateQueries({ queryKey: schedulingKeys.all })),
    });
  }, [socket, queryClient]);
}
