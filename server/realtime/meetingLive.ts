import { and, eq, inArray } from "drizzle-orm";
import type { Logger } from "pino";
import { rooms } from "../../shared/events";
import type { MeetingStatus } from "../../shared/schemas/meetings";
import type { Db } from "../db/database";
import { displayNames, listGroupMeetings, loadPoll, type PresenceLookup } from "../db/meetingQueries";
import { presentRoom } from "../db/liveRoom";
import { breakoutRooms, gatheringGroups, gatherings, meetings, programmeCoordinators } from "../db/schema";
import type { MeetingRow } from "../policies/meetings";
import type { PiiriIo } from "./index";

/**
 * Pushes about meetings: the group's meeting list and polls to its members, and the live room's state to
 * the people in it. Like every push, each re-reads or carries the stored state, never a node's memory.
 */
export interface MeetingLive {
  meetingsChanged(groupId: string): Promise<void>;
  pollChanged(pollId: string): Promise<void>;
  roomChanged(meeting: MeetingRow): Promise<void>;
  /** Who is in a meeting's live room now, in the order they came in (across nodes, via the adapter). */
  presence: PresenceLookup;
  /**
   * A gathering changed: its hosts and the invited groups' members are told (only that it changed; each
   * page fetches it again through the same authorization as any request).
   */
  gatheringChanged(gatheringId: string): Promise<void>;
  /** Someone left the group: their sockets leave the group's meeting rooms and live gatherings at once. */
  memberLeft(groupId: string, userId: string): Promise<void>;
}

/** Who has a socket in a room, in the order they came, across every node (fetchSockets asks the adapter). */
export async function peopleInRoom(io: PiiriIo, db: Db, room: string): Promise<{ userId: string; displayName: string }[]> {
  const sockets = await io.in(room).fetchSockets();
  const userIds = [...new Set(sockets.map((socket) => socket.data.userId))];
  const names = await displayNames(db, userIds);
  return userIds.map((userId) => ({ userId, displayName: names.get(userId) ?? "" }));
}

export function createMeetingLive(io: PiiriIo, db: Db, logger: Logger): MeetingLive {
  const safely = (what: string, run: () => Promise<void>) =>
    run().catch((error: unknown) => logger.warn({ err: error }, `live update failed: ${what}`));

  const presence: PresenceLookup = (meetingId) => peopleInRoom(io, db, rooms.meeting(meetingId));

  return {
    presence,
    meetingsChanged: (groupId) =>
      safely("meetings", async () => {
        io.to(rooms.groupContent(groupId)).emit("meetings:updated", { groupId, meetings: await listGroupMeetings(db, groupId) });
      }),
    pollChanged: (pollId) =>
      safely("poll", async () => {
        const poll = await loadPoll(db, pollId);
        if (poll) io.to(rooms.groupContent(poll.groupId)).emit("poll:updated", { poll });
      }),
    roomChanged: (meeting) =>
      safely("meeting room", async () => {
        io.to(rooms.meeting(meeting.id)).emit("meeting:updated", {
          meetingId: meeting.id,
          room: presentRoom(meeting, await presence(meeting.id)),
          facilitatorId: meeting.facilitatorId,
          status: meeting.status as MeetingStatus,
        });
      }),
    gatheringChanged: (gatheringId) =>
      safely("gathering", async () => {
        const [invited, hosts] = await Promise.all([
          db.select({ groupId: gatheringGroups.groupId }).from(gatheringGroups).where(eq(gatheringGroups.gatheringId, gatheringId)),
          db
            .select({ userId: programmeCoordinators.userId })
            .from(gatherings)
            .innerJoin(programmeCoordinators, eq(programmeCoordinators.programmeId, gatherings.programmeId))
            .where(eq(gatherings.id, gatheringId)),
        ]);
        const audience = [...invited.map((row) => rooms.groupContent(row.groupId)), ...hosts.map((row) => rooms.user(row.userId))];
        if (audience.length > 0) io.to(audience).emit("gathering:updated", { gatheringId });
      }),
    memberLeft: (groupId, userId) =>
      safely("meeting rooms", async () => {
        const open = await db
          .select({ id: meetings.id })
          .from(meetings)
          .where(and(eq(meetings.groupId, groupId), inArray(meetings.status, ["scheduled", "live"])));
        if (open.length > 0) io.in(rooms.user(userId)).socketsLeave(open.map((meeting) => rooms.meeting(meeting.id)));
        // Live gatherings the group was invited to: their plenary and breakout chats stop reaching them too
        // (someone still taking part through another group simply joins again, authorized afresh).
        const live = await db
          .select({ gatheringId: gatherings.id, breakoutId: breakoutRooms.id })
          .from(gatheringGroups)
          .innerJoin(gatherings, and(eq(gatherings.id, gatheringGroups.gatheringId), eq(gatherings.status, "live")))
          .leftJoin(breakoutRooms, eq(breakoutRooms.gatheringId, gatherings.id))
          .where(eq(gatheringGroups.groupId, groupId));
        const liveRooms = new Set(live.flatMap((row) => [rooms.gathering(row.gatheringId), ...(row.breakoutId ? [rooms.breakout(row.breakoutId)] : [])]));
        if (liveRooms.size > 0) io.in(rooms.user(userId)).socketsLeave([...liveRooms]);
      }),
  };
}
