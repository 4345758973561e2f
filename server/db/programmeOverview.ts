import { eq, sql } from "drizzle-orm";
import { PROGRAMME_ACTIVITY } from "../../shared/limits";
import type { GroupActivity } from "../../shared/schemas/programmeOverview";
import type { Db } from "./database";
import { presentGroupSummary } from "./groupQueries";
import { groups } from "./schema";

const DAY_MS = 24 * 60 * 60 * 1000;
/** Qualified, since drizzle leaves a selected table's columns bare and every subquery has an id too. */
const groupId = sql.raw(`"groups"."id"`);

/**
 * Each group of a programme with counts and the time of its latest activity, in one query. Only
 * aggregates of timestamps and statuses are read; no text of the group's leaves this function.
 */
export async function programmeActivity(db: Db, programmeId: string, now: Date): Promise<GroupActivity[]> {
  const rows = await db
    .select({
      group: groups,
      memberCount: sql<number>`(select count(*)::int from memberships m where m.group_id = ${groupId})`,
      meetingsHeld: sql<number>`(select count(*)::int from meetings mt where mt.group_id = ${groupId} and mt.status = 'ended')`,
      nextMeetingAt: sql<string | null>`(select min(mt.starts_at) from meetings mt where mt.group_id = ${groupId} and mt.status = 'scheduled' and mt.starts_at > ${now.toISOString()}::timestamptz)`,
      goalsSet: sql<number>`(select count(*)::int from goals g where g.group_id = ${groupId} and g.status <> 'dropped')`,
      goalsAchieved: sql<number>`(select count(*)::int from goals g where g.group_id = ${groupId} and g.status = 'achieved')`,
      lastActivityAt: sql<string | null>`greatest(
        (select max(msg.created_at) from messages msg join conversations c on c.id = msg.conversation_id where c.group_id = ${groupId}),
        (select max(coalesce(mt.ended_at, mt.started_at)) from meetings mt where mt.group_id = ${groupId}),
        (select max(ci.created_at) from goal_check_ins ci join goals g on g.id = ci.goal_id where g.group_id = ${groupId}),
        (select max(p.updated_at) from note_pages p where p.group_id = ${groupId}),
        (select max(nu.created_at) from note_updates nu join note_pages p on p.id = nu.page_id where p.group_id = ${groupId})
      )`,
    })
    .from(groups)
    .where(eq(groups.programmeId, programmeId))
    .orderBy(groups.name);
  const quietSince = now.getTime() - PROGRAMME_ACTIVITY.inactiveAfterDays * DAY_MS;
  return rows.map((row) => {
    const lastActivity = row.lastActivityAt ? new Date(row.lastActivityAt) : null;
    // A group that has never done anything counts from the day it was founded.
    const lastSign = lastActivity ?? row.group.createdAt;
    return {
      group: presentGroupSummary(row.group, Number(row.memberCount)),
      meetingsHeld: Number(row.meetingsHeld),
      nextMeetingAt: row.nextMeetingAt ? new Date(row.nextMeetingAt).toISOString() : null,
      lastActivityAt: lastActivity?.toISOString() ?? null,
      goalsSet: Number(row.goalsSet),
      goalsAchieved: Number(row.goalsAchieved),
      inactive: row.group.phase === "active" && lastSign.getTime() < quietSince,
    };
  });
}
