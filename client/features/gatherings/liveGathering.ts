import { useCallback, useEffect, useRef, useState } from "react";
import type { BreakoutRoom, GatheringLive } from "../../../shared/schemas/gatherings";
import type { MeetingControl } from "../../../shared/schemas/meetings";
import { useAuth } from "../../lib/auth";
import { listenTo } from "../../lib/socket";
import { emitWithAck } from "../chat/chatApi";
import { ServerClock } from "../meetings/clock";

export type BreakoutTimerOp = "start" | "pause" | "resume" | "extend";

export interface GatheringLiveConnection {
  /** The whole live state as the server last sent it; null until the page has joined. */
  live: GatheringLive | null;
  /** Why joining failed (the gathering was cancelled, say), for the page to show. */
  joinProblem: unknown;
  /**
   * How many times the gathering has been joined. The plenary's chat catches up after each join: a
   * message sent between the chat's own catch-up and the join reached no socket of mine.
   */
  joins: number;
  /** Corrects this browser's clock to the server's for the plenary's and the rooms' timers. */
  clock: ServerClock;
  /** Every action resolves with the failure to show, or null when it worked. */
  control(control: MeetingControl): Promise<unknown>;
  hand(raised: boolean): Promise<unknown>;
  broadcast(text: string): Promise<unknown>;
  plan(roomSize: number): Promise<unknown>;
  move(userId: string, roomNumber: number): Promise<unknown>;
  startBreakouts(minutes: number): Promise<unknown>;
  callBack(): Promise<unknown>;
  roomTimer(breakoutId: string, op: BreakoutTimerOp, minutes?: number): Promise<unknown>;
  publishSummary(breakoutId: string, text: string): Promise<unknown>;
}

/**
 * A gathering's live page over the socket. Joining on mount puts me among those present; every state
 * that arrives (an acknowledgement or a `gathering:live` push) replaces the whole state and teaches the
 * clock the server's time. The server forgets a dropped socket, so a reconnect joins again.
 */
export function useGatheringLive(gatheringId: string, enabled: boolean): GatheringLiveConnection {
  const { socket } = useAuth();
  const clockRef = useRef(new ServerClock());
  const [live, setLive] = useState<GatheringLive | null>(null);
  const [joinProblem, setJoinProblem] = useState<unknown>(null);
  const [joins, setJoins] = useState(0);

  const apply = useCallback((next: GatheringLive) => {
    if (next.gatheringId !== gatheringId) return;
    clockRef.current.sample(next.room.serverNow, Date.now());
    setLive(next);
  }, [gatheringId]);

  useEffect(() => {
    if (!socket || !enabled) return;
    let joined = false;
    const join = () => {
      emitWithAck(socket, "gathering:join", { gatheringId }).then(
        (result) => {
          joined = true;
          setJoinProblem(null);
          apply(result.live);
          setJoins((count) => count + 1);
        },
        (error: unknown) => setJoinProblem(error),
      );
    };
    const stopListening = listenTo(socket, {
      "gathering:live": ({ live: next }) => apply(next),
      connect: join,
    });
    if (socket.connected) join();
    return () => {
      stopListening();
      // Leaving the page leaves the gathering: the others see me go.
      if (joined || socket.connected) socket.emit("gathering:leave", { gatheringId }, () => undefined);
    };
  }, [socket, gatheringId, enabled, apply]);

  /** Runs one action and takes the state it answers with; resolves with the failure, or null. */
  const act = useCallback(
    async (run: () => Promise<{ live: GatheringLive } | { room: BreakoutRoom }>): Promise<unknown> => {
      if (!socket) return new Error("no socket");
      try {
        const result = await run();
        if ("live" in result) apply(result.live);
        return null;
      } catch (error) {
        return error;
      }
    },
    [socket, apply],
  );

  const control = useCallback((next: MeetingControl) => act(() => emitWithAck(socket!, "gathering:control", { gatheringId, control: next })), [act, socket, gatheringId]);
  const hand = useCallback((raised: boolean) => act(() => emitWithAck(socket!, "gathering:hand", { gatheringId, raised })), [act, socket, gatheringId]);
  const broadcast = useCallback((text: string) => act(() => emitWithAck(socket!, "gathering:broadcast", { gatheringId, text })), [act, socket, gatheringId]);
  const plan = useCallback((roomSize: number) => act(() => emitWithAck(socket!, "breakout:plan", { gatheringId, roomSize })), [act, socket, gatheringId]);
  const move = useCallback(
    (userId: string, roomNumber: number) => act(() => emitWithAck(socket!, "breakout:move", { gatheringId, userId, roomNumber })),
    [act, socket, gatheringId],
  );
  const startBreakouts = useCallback((minutes: number) => act(() => emitWithAck(socket!, "breakout:start", { gatheringId, minutes })), [act, socket, gatheringId]);
  const callBack = useCallback(() => act(() => emitWithAck(socket!, "breakout:callBack", { gatheringId })), [act, socket, gatheringId]);
  // A room's changes come back to everyone as the whole gathering's state as well; the ack is only the room.
  const roomTimer = useCallback(
    (breakoutId: string, op: BreakoutTimerOp, minutes?: number) =>
      act(() => emitWithAck(socket!, "breakout:timer", { breakoutId, op, ...(minutes === undefined ? {} : { minutes }) })),
    [act, socket],
  );
  const publishSummary = useCallback((breakoutId: string, text: string) => act(() => emitWithAck(socket!, "breakout:summary", { breakoutId, text })), [act, socket]);

  return { live, joinProblem, joins, clock: clockRef.current, control, hand, broadcast, plan, move, startBreakouts, callBack, roomTimer, publishSummary };
}

export interface BreakoutPresence {
  /** Why entering failed, for the room to show; null once entered. */
  problem: unknown;
  /**
   * How many times the room has been entered. The room's chat catches up after each entry: a message
   * sent between the chat's own catch-up and the entry reached no socket of mine.
   */
  entries: number;
}

/**
 * Being in one breakout room: entering it is what brings its chat to this socket, so it is entered on
 * mount and again after every reconnect (the server forgets a dropped socket's rooms), and left on unmount.
 */
export function useBreakoutPresence(breakoutId: string): BreakoutPresence {
  const { socket } = useAuth();
  const [problem, setProblem] = useState<unknown>(null);
  const [entries, setEntries] = useState(0);
  useEffect(() => {
    if (!socket) return;
    const enter = () => {
      emitWithAck(socket, "breakout:join", { breakoutId }).then(
        () => {
          setProblem(null);
          setEntries((count) => count + 1);
        },
        (error: unknown) => setProblem(error),
      );
    };
    const stopListening = listenTo(socket, { connect: enter });
    if (socket.connected) enter();
    return () => {
      stopListening();
      socket.emit("breakout:leave", { breakoutId }, () => undefined);
    };
  }, [socket, breakoutId]);
  return { problem, entries };
}
