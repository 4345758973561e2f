import { z } from "zod";
import { GroupSummary } from "./groups";

/**
 * The coordinator's view of a programme's groups: how they are doing, from counts and timestamps only.
 * What is said or written in a group (chat, notes, goals' text, answers) never appears here.
 */
export const GroupActivity = z
  .object({
    group: GroupSummary,
    meetingsHeld: z.number().int(),
    nextMeetingAt: z.iso.datetime().nullable(),
    /** The latest message, meeting, goal check-in or notes edit in the group; null if none yet. */
    lastActivityAt: z.iso.datetime().nullable(),
    goalsSet: z.number().int(),
    goalsAchieved: z.number().int(),
    /** Active but quiet for longer than the programme's limit: the coordinator may offer help. */
    inactive: z.boolean(),
  })
  .meta({ id: "GroupActivity" });
export type GroupActivity = z.infer<typeof GroupActivity>;

export const ProgrammeOverview = z
  .object({ groups: z.array(GroupActivity), inactiveAfterDays: z.number().int() })
  .meta({ id: "ProgrammeOverview" });
export type ProgrammeOverview = z.infer<typeof ProgrammeOverview>;
