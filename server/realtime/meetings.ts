import { MeetingControlPayload, MeetingHandPayload, MeetingIdPayload } from "../../shared/schemas/meetings";
import { rooms } from "../../shared/events";
import { controlMeeting, raiseHand, recordAttendance } from "../commands/meetings";
import { loadMeeting } from "../db/meetingQueries";
import { presentRoom } from "../db/liveRoom";
import type { ServerDeps } from "../deps";
import { AppError } from "../domain/appError";
import { assertMeetingOpen } from "../domain/meetings";
import { authorizeMeeting } from "../policies/meetings";
import { handleWithAck } from "./ack";
import type { PiiriSocket } from "./index";

/**
 * The live meeting room. Joining checks the group membership like every other path and records
 * attendance; controls and hands change the stored room under a row lock and push the new state to
 * everyone in the room. Leaving (or disconnecting) updates who is present.
 */
export function registerMeetingHandlers(socket: PiiriSocket, deps: ServerDeps): void {
  const { db } = deps.database;
  const userId = () => socket.data.userId;
  const inRoom = (meetingId: string) => socket.rooms.has(rooms.meeting(meetingId));

  socket.on(
    "meeting:join",
    handleWithAck(
      MeetingIdPayload,
      async ({ meetingId }) => {
        const { meeting } = await authorizeMeeting(db, userId(), meetingId, "view");
        if (meeting.status === "cancelled" || meeting.status === "paused") assertMeetingOpen(meeting.status);
        await socket.join(rooms.meeting(meetingId));
        if (meeting.status !== "ended") await recordAttendance(db, meetingId, userId());
        await deps.meetings.roomChanged(meeting);
        const loaded = await loadMeeting(db, meetingId, deps.meetings.presence);
        if (!loaded) throw new AppError("not_found", "No such meeting");
        return { meeting: loaded };
      },
      deps.logger,
    ),
  );

  socket.on(
    "meeting:leave",
    handleWithAck(MeetingIdPayload, async ({ meetingId }) => {
      const { meeting } = await authorizeMeeting(db, userId(), meetingId, "view");
      if (inRoom(meetingId)) {
        await socket.leave(rooms.meeting(meetingId));
        await deps.meetings.roomChanged(meeting);
      }
      return { left: true as const };
    }),
  );

  socket.on(
    "meeting:control",
    handleWithAck(
      MeetingControlPayload,
      async ({ meetingId, control }) => {
        await authorizeMeeting(db, userId(), meetingId, "run");
        const present = await deps.meetings.presence(meetingId);
        const meeting = await controlMeeting(
          db,
          meetingId,
          control,
          present.map((person) => person.userId),
        );
        await deps.meetings.roomChanged(meeting);
        // The list shows live and ended meetings, and a hand-over changes who facilitates.
        if (control.type === "start" || control.type === "end" || control.type === "handOver") await deps.meetings.meetingsChanged(meeting.groupId);
        return { room: presentRoom(meeting, present) };
      },
      deps.logger,
    ),
  );

  socket.on(
    "meeting:hand",
    handleWithAck(
      MeetingHandPayload,
      async ({ meetingId, raised }) => {
        await authorizeMeeting(db, userId(), meetingId, "view");
        if (!inRoom(meetingId)) throw new AppError("validation_failed", "Join the meeting's room first");
        const meeting = await raiseHand(db, meetingId, userId(), raised);
        await deps.meetings.roomChanged(meeting);
        return { room: presentRoom(meeting, await deps.meetings.presence(meetingId)) };
      },
      deps.logger,
    ),
  );

  socket.on("disconnecting", () => {
    const meetingIds = [...socket.rooms].flatMap((room) => rooms.meetingIdOf(room) ?? []);
    if (meetingIds.length === 0) return;
    // After the socket has left its rooms, the others see it gone.
    setImmediate(() => {
      for (const meetingId of meetingIds) {
        void authorizeMeeting(db, userId(), meetingId, "view")
          .then(({ meeting }) => deps.meetings.roomChanged(meeting))
          .catch(() => undefined);
      }
    });
  });
}
