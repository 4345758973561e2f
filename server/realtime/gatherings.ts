import { randomInt } from "node:crypto";
import { eq } from "drizzle-orm";
import { rooms } from "../../shared/events";
import {
  BreakoutIdPayload,
  BreakoutMovePayload,
  BreakoutPlanPayload,
  BreakoutStartPayload,
  BreakoutSummaryPayload,
  BreakoutTimerPayload,
  BroadcastPayload,
  GatheringControlPayload,
  GatheringHandPayload,
  GatheringIdPayload,
  type GatheringLive,
} from "../../shared/schemas/gatherings";
import {
  broadcastToRooms,
  callBackBreakouts,
  controlBreakoutTimer,
  controlGathering,
  moveToBreakout,
  planBreakouts,
  publishBreakoutSummary,
  raiseGatheringHand,
  startBreakouts,
  type DeletedRooms,
} from "../commands/gatheringRoom";
import type { Db } from "../db/database";
import { gatheringPageIds, loadBreakoutRoom, loadGatheringLive, type GatheringPresence } from "../db/gatheringLive";
import { breakoutRooms } from "../db/schema";
import type { ServerDeps } from "../deps";
import { AppError } from "../domain/appError";
import { authorizeBreakout, authorizeGathering } from "../policies/gatherings";
import { handleWithAck } from "./ack";
import { peopleInRoom } from "./meetingLive";
import type { PiiriIo, PiiriSocket } from "./index";

/** The live gathering's pushes: its whole state to everyone on its page, read from the database each time. */
export interface GatheringRoomLive {
  presence: GatheringPresence;
  changed(gatheringId: string): Promise<GatheringLive>;
}

export function createGatheringRoomLive(io: PiiriIo, db: Db): GatheringRoomLive {
  const presence: GatheringPresence = (gatheringId) => peopleInRoom(io, db, rooms.gathering(gatheringId));
  return {
    presence,
    async changed(gatheringId) {
      const live = await loadGatheringLive(db, gatheringId, presence);
      if (!live) throw new AppError("not_found", "No such gathering");
      io.to(rooms.gathering(gatheringId)).emit("gathering:live", { live });
      return live;
    },
  };
}

/**
 * A gathering's live page. Joining checks the gathering's audience like every other path; the hosts
 * run the plenary and the breakouts; the people of a breakout room (and the hosts) enter it, which is
 * what brings its chat to their sockets. Every change is pushed as the whole state, so a missed push is
 * mended by the next one.
 */
export function registerGatheringHandlers(io: PiiriIo, socket: PiiriSocket, deps: ServerDeps, live: GatheringRoomLive): void {
  const { db } = deps.database;
  const { logger } = deps;
  const userId = () => socket.data.userId;
  const onPage = (gatheringId: string) => socket.rooms.has(rooms.gathering(gatheringId));
  const presentIds = async (gatheringId: string) => (await live.presence(gatheringId)).map((person) => person.userId);

  /** A host's action on the gathering, then everyone on the page sees the new state. */
  const hostAction = <T extends { gatheringId: string }>(run: (payload: T) => Promise<unknown>) => async (payload: T) => {
    await authorizeGathering(db, userId(), payload.gatheringId, "host");
    await run(payload);
    return { live: await live.changed(payload.gatheringId) };
  };
  /** Editors of deleted rooms' pages are told the pages are gone. */
  const pagesGone = (deleted: DeletedRooms) => {
    for (const pageId of deleted.pageIds) deps.notes.pageDeleted(pageId);
  };

  socket.on(
    "gathering:join",
    handleWithAck(
      GatheringIdPayload,
      async ({ gatheringId }) => {
        const { gathering } = await authorizeGathering(db, userId(), gatheringId, "view");
        if (gathering.status === "cancelled") throw new AppError("gathering_not_live", "This gathering was cancelled");
        await socket.join(rooms.gathering(gatheringId));
        return { live: await live.changed(gatheringId) };
      },
      logger,
    ),
  );

  socket.on(
    "gathering:leave",
    handleWithAck(
      GatheringIdPayload,
      async ({ gatheringId }) => {
        await authorizeGathering(db, userId(), gatheringId, "view");
        if (onPage(gatheringId)) {
          await socket.leave(rooms.gathering(gatheringId));
          // Leaving the page leaves its breakout rooms too: their chats stop arriving.
          for (const roomId of await gatheringRoomIds(db, gatheringId)) await socket.leave(rooms.breakout(roomId));
          await live.changed(gatheringId);
        }
        return { left: true as const };
      },
      logger,
    ),
  );

  socket.on(
    "gathering:control",
    handleWithAck(
      GatheringControlPayload,
      hostAction(async ({ gatheringId, control }) => {
        await controlGathering(db, gatheringId, userId(), control, await presentIds(gatheringId));
        // Home pages and the gathering's details show whether it is live.
        if (control.type === "start" || control.type === "end") await deps.meetings.gatheringChanged(gatheringId);
        if (control.type === "end") {
          await leaveBreakoutRooms(io, db, gatheringId);
          // Its minutes and rooms' notes are kept as they were: open editors become readers.
          deps.notes.setPagesReadOnly(await gatheringPageIds(db, gatheringId), true);
        }
      }),
      logger,
    ),
  );

  socket.on(
    "gathering:hand",
    handleWithAck(
      GatheringHandPayload,
      async ({ gatheringId, raised }) => {
        await authorizeGathering(db, userId(), gatheringId, "view");
        if (!onPage(gatheringId)) throw new AppError("validation_failed", "Join the gathering first");
        await raiseGatheringHand(db, gatheringId, userId(), raised);
        return { live: await live.changed(gatheringId) };
      },
      logger,
    ),
  );

  socket.on("gathering:broadcast", handleWithAck(BroadcastPayload, hostAction(({ gatheringId, text }) => broadcastToRooms(db, gatheringId, text)), logger));

  socket.on(
    "breakout:plan",
    handleWithAck(
      BreakoutPlanPayload,
      hostAction(async ({ gatheringId, roomSize, seed }) =>
        pagesGone(await planBreakouts(db, gatheringId, await presentIds(gatheringId), roomSize, seed ?? randomInt(0, 2 ** 31 - 1))),
      ),
      logger,
    ),
  );

  socket.on(
    "breakout:move",
    handleWithAck(
      BreakoutMovePayload,
      hostAction(async ({ gatheringId, userId: moved, roomNumber }) => {
        const { left } = await moveToBreakout(db, gatheringId, moved, roomNumber);
        // Moved on: the room left behind, its chat and its notes, stops reaching them at once.
        if (left) {
          io.in(rooms.user(moved)).socketsLeave(rooms.breakout(left.id));
          if (left.notesPageId) deps.notes.accessEnded(moved, [left.notesPageId]);
        }
      }),
      logger,
    ),
  );

  socket.on(
    "breakout:start",
    handleWithAck(
      BreakoutStartPayload,
      hostAction(async ({ gatheringId, minutes }) => {
        const { openedPageIds, deleted } = await startBreakouts(db, gatheringId, minutes);
        // Notes opened while the rooms were only planned (read-only then) may now be written.
        deps.notes.setPagesReadOnly(openedPageIds, false);
        pagesGone(deleted);
      }),
      logger,
    ),
  );

  socket.on(
    "breakout:callBack",
    handleWithAck(
      GatheringIdPayload,
      hostAction(async ({ gatheringId }) => {
        await callBackBreakouts(db, gatheringId);
        await leaveBreakoutRooms(io, db, gatheringId);
      }),
      logger,
    ),
  );

  socket.on(
    "breakout:join",
    handleWithAck(
      BreakoutIdPayload,
      async ({ breakoutId }) => {
        await authorizeBreakout(db, userId(), breakoutId, "read");
        await socket.join(rooms.breakout(breakoutId));
        const room = await loadBreakoutRoom(db, breakoutId);
        if (!room) throw new AppError("not_found", "No such breakout room");
        return { room };
      },
      logger,
    ),
  );

  socket.on(
    "breakout:leave",
    handleWithAck(
      BreakoutIdPayload,
      async ({ breakoutId }) => {
        await authorizeBreakout(db, userId(), breakoutId, "read");
        await socket.leave(rooms.breakout(breakoutId));
        return { left: true as const };
      },
      logger,
    ),
  );

  /** A change by the people of one room: authorized for that room, then the whole gathering's state is pushed. */
  const roomAction = <T extends { breakoutId: string }>(run: (payload: T, isMember: boolean) => Promise<void>) => async (payload: T) => {
    const { breakout, isMember } = await authorizeBreakout(db, userId(), payload.breakoutId, "write");
    await run(payload, isMember);
    // The pushed state holds the current round's rooms; a room of an earlier round is read on its own.
    const pushed = await live.changed(breakout.gatheringId);
    const room = pushed.breakouts?.rooms.find((candidate) => candidate.id === payload.breakoutId) ?? (await loadBreakoutRoom(db, payload.breakoutId));
    if (!room) throw new AppError("not_found", "No such breakout room");
    return { room };
  };

  socket.on(
    "breakout:timer",
    handleWithAck(
      BreakoutTimerPayload,
      roomAction(({ breakoutId, op, minutes }) => controlBreakoutTimer(db, breakoutId, op, minutes)),
      logger,
    ),
  );

  socket.on(
    "breakout:summary",
    handleWithAck(
      BreakoutSummaryPayload,
      roomAction(async ({ breakoutId, text }, isMember) => {
        if (!isMember) throw new AppError("forbidden", "The people of the room publish its summary");
        await publishBreakoutSummary(db, breakoutId, userId(), text);
      }),
      logger,
    ),
  );

  socket.on("disconnecting", () => {
    const gatheringIds = [...socket.rooms].flatMap((room) => rooms.gatheringIdOf(room) ?? []);
    if (gatheringIds.length === 0) return;
    // After the socket has left its rooms, the others see it gone.
    setImmediate(() => {
      for (const gatheringId of gatheringIds) void live.changed(gatheringId).catch(() => undefined);
    });
  });
}

async function gatheringRoomIds(db: Db, gatheringId: string): Promise<string[]> {
  const ids = await db.select({ id: breakoutRooms.id }).from(breakoutRooms).where(eq(breakoutRooms.gatheringId, gatheringId));
  return ids.map((row) => row.id);
}

/** Call-back (or the end): every socket leaves the gathering's breakout rooms, so their chats stop arriving. */
async function leaveBreakoutRooms(io: PiiriIo, db: Db, gatheringId: string): Promise<void> {
  const names = (await gatheringRoomIds(db, gatheringId)).map((roomId) => rooms.breakout(roomId));
  if (names.length > 0) io.in(names).socketsLeave(names);
}
