import { useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import type { Meeting, MeetingControl, RoomState } from "../../../shared/schemas/meetings";
import { useAuth } from "../../lib/auth";
import { listenTo, onReconnect } from "../../lib/socket";
import { emitWithAck } from "../chat/chatApi";
import { ServerClock } from "./clock";

/** Query keys of the meeting pages, in one place so pages and live updates agree. */
export const meetingKeys = {
  detail: (meetingId: string) => ["meeting", meetingId] as const,
  summary: (meetingId: string) => ["meeting", meetingId, "summary"] as const,
};

type MeetingData = { meeting: Meeting };

function patchMeeting(queryClient: QueryClient, meetingId: string, patch: Partial<Meeting>): void {
  queryClient.setQueryData<MeetingData>(meetingKeys.detail(meetingId), (old) => (old ? { meeting: { ...old.meeting, ...patch } } : old));
}

/**
 * Keeps an open meeting page in step with the group: a push saying the group's meetings changed (the
 * agenda edited, the facilitator changed, the meeting cancelled) fetches this meeting again, and a
 * reconnect does the same because pushes sent while offline are gone. (The group's list of meetings
 * itself is kept by the scheduling feature's live updates.)
 */
export function useMeetingPushes(meetingId: string, groupId: string | undefined): void {
  const { socket } = useAuth();
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!socket || !groupId) return;
    const refetch = () => void queryClient.invalidateQueries({ queryKey: meetingKeys.detail(meetingId), exact: true });
    return listenTo(socket, {
      "meetings:updated": (payload) => {
        if (payload.groupId === groupId && payload.meetings.some((listed) => listed.id === meetingId)) refetch();
      },
      connect: onReconnect(socket, refetch),
    });
  }, [socket, queryClient, meetingId, groupId]);
}

export interface LiveRoom {
  joined: boolean;
  joining: boolean;
  /** The last failure of joining, a control or a hand, for the room to show. */
  problem: unknown;
  clearProblem(): void;
  /** The failure of the call that just returned false, for a dialog that shows it in place. */
  lastError(): unknown;
  /** Corrects this browser's clock to the server's for the timer. */
  clock: ServerClock;
  join(): Promise<boolean>;
  leave(): Promise<void>;
  control(control: MeetingControl): Promise<boolean>;
  hand(raised: boolean): Promise<boolean>;
}

/**
 * The live room of one meeting over the socket: joining (which records attendance), the
 * facilitator's controls and raised hands. Every room state that arrives — an acknowledgement or a
 * `meeting:updated` push — is written into the meeting's query cache and teaches the clock the
 * server's time. After a reconnect the room is joined again, as the server forgets a dropped socket.
 */
export function useLiveRoom(meetingId: string): LiveRoom {
  const { socket } = useAuth();
  const queryClient = useQueryClient();
  const clockRef = useRef(new ServerClock());
  const [joined, setJoined] = useState(false);
  const [joining, setJoining] = useState(false);
  const [problem, setProblemState] = useState<unknown>(null);
  const problemRef = useRef<unknown>(null);
  const setProblem = useCallback((error: unknown) => {
    problemRef.current = error;
    setProblemState(error);
  }, []);
  const joinedRef = useRef(false);

  const applyRoom = useCallback(
    (room: RoomState, extra: Partial<Meeting> = {}) => {
      clockRef.current.sample(room.serverNow, Date.now());
      patchMeeting(queryClient, meetingId, { ...extra, room });
    },
    [queryClient, meetingId],
  );

  const enter = useCallback(async () => {
    if (!socket) throw new Error("no socket");
    const { meeting } = await emitWithAck(socket, "meeting:join", { meetingId });
    clockRef.current.sample(meeting.room.serverNow, Date.now());
    queryClient.setQueryData<MeetingData>(meetingKeys.detail(meetingId), { meeting });
  }, [socket, meetingId, queryClient]);

  const join = useCallback(async () => {
    setJoining(true);
    setProblem(null);
    try {
      await enter();
      joinedRef.current = true;
      setJoined(true);
      return true;
    } catch (error) {
      setProblem(error);
      return false;
    } finally {
      setJoining(false);
    }
  }, [enter, setProblem]);

  const leave = useCallback(async () => {
    joinedRef.current = false;
    setJoined(false);
    if (!socket) return;
    try {
      await emitWithAck(socket, "meeting:leave", { meetingId });
    } catch {
      // Leaving is best effort: a dropped socket leaves the room by itself.
    }
  }, [socket, meetingId]);

  const control = useCallback(
    async (next: MeetingControl) => {
      if (!socket) return false;
      setProblem(null);
      try {
        const { room } = await emitWithAck(socket, "meeting:control", { meetingId, control: next });
        applyRoom(room);
        return true;
      } catch (error) {
        setProblem(error);
        return false;
      }
    },
    [socket, meetingId, applyRoom, setProblem],
  );

  const hand = useCallback(
    async (raised: boolean) => {
      if (!socket) return false;
      setProblem(null);
      try {
        const { room } = await emitWithAck(socket, "meeting:hand", { meetingId, raised });
        applyRoom(room);
        return true;
      } catch (error) {
        setProblem(error);
        return false;
      }
    },
    [socket, meetingId, applyRoom, setProblem],
  );

  useEffect(() => {
    if (!socket) return;
    return listenTo(socket, {
      "meeting:updated": (payload) => {
        if (payload.meetingId !== meetingId) return;
        const before = queryClient.getQueryData<MeetingData>(meetingKeys.detail(meetingId))?.meeting;
        applyRoom(payload.room, { status: payload.status, facilitatorId: payload.facilitatorId });
        // Starting gives the meeting its minutes page and a hand-over a new facilitator's name; the
        // push carries neither, so the meeting is fetched again.
        if (before && (before.status !== payload.status || before.facilitatorId !== payload.facilitatorId)) {
          void queryClient.invalidateQueries({ queryKey: meetingKeys.detail(meetingId), exact: true });
        }
      },
      connect: () => {
        if (joinedRef.current) enter().catch(setProblem);
      },
    });
  }, [socket, meetingId, applyRoom, enter, setProblem]);

  // Leaving the page leaves the room (the others see me go).
  useEffect(
    () => () => {
      if (joinedRef.current && socket) socket.emit("meeting:leave", { meetingId }, () => undefined);
      joinedRef.current = false;
    },
    [socket, meetingId],
  );

  const clearProblem = useCallback(() => setProblem(null), [setProblem]);
  const lastError = useCallback(() => problemRef.current, []);
  return { joined, joining, problem, clearProblem, lastError, clock: clockRef.current, join, leave, control, hand };
}
