import { and, asc, desc, eq, gte, inArray, lt, or, sql } from "drizzle-orm";
import type { AgendaBlockKind } from "../../shared/schemas/meetings";
import type { Gathering, GatheringStatus, GatheringSummary, RsvpAnswer } from "../../shared/schemas/gatherings";
import type { GatheringAccess, GatheringRow } from "../policies/gatherings";
import { queryRows, type Db } from "./database";
import {
  gatheringAgendaBlocks,
  gatheringGroups,
  gatheringRsvps,
  gatherings,
  groups,
  learningDigests,
  memberships,
  programmeCoordinators,
  programmes,
  users,
} from "./schema";

function presentSummary(row: GatheringRow, programmeName: string, myRsvp: string | null): GatheringSummary {
  return {
    id: row.id,
    programmeId: row.programmeId,
    programmeName,
    title: row.title,
    purpose: row.purpose,
    startsAt: row.startsAt.toISOString(),
    durationMinutes: row.durationMinutes,
    timeZone: row.timeZone,
    location: row.location,
    videoUrl: row.videoUrl,
    status: row.status as GatheringStatus,
    myRsvp: (myRsvp as RsvpAnswer | null) ?? null,
  };
}

/** A gathering as a host or attendee sees it: invited groups, agenda, who is coming and published digests. */
export async function loadGathering(db: Db, userId: string, access: GatheringAccess): Promise<Gathering> {
  const { gathering } = access;
  const [[programme], invited, agenda, answers, digests, [mine]] = await Promise.all([
    db.select({ name: programmes.name }).from(programmes).where(eq(programmes.id, gathering.programmeId)),
    db
      .select({ id: groups.id, name: groups.name })
      .from(gatheringGroups)
      .innerJoin(groups, eq(groups.id, gatheringGroups.groupId))
      .where(eq(gatheringGroups.gatheringId, gathering.id))
      .orderBy(asc(groups.name)),
    db.select().from(gatheringAgendaBlocks).where(eq(gatheringAgendaBlocks.gatheringId, gathering.id)).orderBy(asc(gatheringAgendaBlocks.position)),
    // Each person once, under the first invited group they belong to, so a member of two invited groups counts once.
    queryRows<{ user_id: string; display_name: string; answer: string; group_name: string }>(db, sql`
      select distinct on (r.user_id) r.user_id, u.display_name, r.answer, g.name as group_name
      from gathering_rsvps r
      join users u on u.id = r.user_id
      join memberships m on m.user_id = r.user_id
      join gathering_groups gg on gg.group_id = m.group_id and gg.gathering_id = r.gathering_id
      join groups g on g.id = m.group_id
      where r.gathering_id = ${gathering.id}
      order by r.user_id, g.name`),
    db
      .select({ groupId: learningDigests.groupId, groupName: groups.name, text: learningDigests.text, publishedByName: users.displayName, publishedAt: learningDigests.publishedAt })
      .from(learningDigests)
      .innerJoin(groups, eq(groups.id, learningDigests.groupId))
      .leftJoin(users, eq(users.id, learningDigests.publishedBy))
      .where(eq(learningDigests.gatheringId, gathering.id))
      .orderBy(asc(groups.name)),
    db.select({ answer: gatheringRsvps.answer }).from(gatheringRsvps).where(and(eq(gatheringRsvps.gatheringId, gathering.id), eq(gatheringRsvps.userId, userId))),
  ]);
  const rows = answers;
  const count = (answer: RsvpAnswer) => rows.filter((row) => row.answer === answer).length;
  return {
    ...presentSummary(gathering, programme?.name ?? "", mine?.answer ?? null),
    groups: invited,
    agenda: agenda.map((block) => ({ id: block.id, kind: block.kind as AgendaBlockKind, title: block.title, minutes: block.minutes, methodCardId: block.methodCardId, notes: block.notes })),
    rsvps: {
      yes: count("yes"),
      maybe: count("maybe"),
      no: count("no"),
      coming: rows
        .filter((row) => row.answer !== "no")
        .map((row) => ({ userId: row.user_id, displayName: row.display_name, groupName: row.group_name, answer: row.answer as RsvpAnswer }))
        .sort((a, b) => a.displayName.localeCompare(b.displayName, "fi")),
    },
    digests: digests.map((digest) => ({ ...digest, publishedAt: digest.publishedAt.toISOString() })),
    isHost: access.isHost,
    canRsvp: access.myGroups.length > 0,
    digestGroupIds: access.myGroups.filter((group) => group.role === "facilitator").map((group) => group.groupId),
  };
}

export async function listProgrammeGatherings(db: Db, programmeId: string): Promise<GatheringSummary[]> {
  const rows = await db
    .select({ gathering: gatherings, programmeName: programmes.name })
    .from(gatherings)
    .innerJoin(programmes, eq(programmes.id, gatherings.programmeId))
    .where(eq(gatherings.programmeId, programmeId))
    .orderBy(asc(gatherings.startsAt));
  return rows.map((row) => presentSummary(row.gathering, row.programmeName, null));
}

/** Which of my gatherings: all (the calendar feed), those still to come or going on, or those held. */
export type GatheringWindow = { when: "all" } | { when: "coming" | "past"; now: Date };

const endsAt = sql`${gatherings.startsAt} + make_interval(mins => ${gatherings.durationMinutes})`;

/**
 * Gatherings I take part in — as a member of an invited group (agreement accepted) or as a host — with
 * my answer. Coming ones (soonest first) have not ended, or are live even past their planned end; past
 * ones (latest first) were held: ended, or their time has passed without being cancelled.
 */
export async function listMyGatherings(db: Db, userId: string, window: GatheringWindow): Promise<GatheringSummary[]> {
  const invitedTo = db
    .select({ id: gatheringGroups.gatheringId })
    .from(gatheringGroups)
    .innerJoin(memberships, and(eq(memberships.groupId, gatheringGroups.groupId), eq(memberships.userId, userId)))
    .where(sql`${memberships.agreementAcceptedAt} is not null`);
  const hosting = db.select({ id: programmeCoordinators.programmeId }).from(programmeCoordinators).where(eq(programmeCoordinators.userId, userId));
  const inWindow =
    window.when === "coming"
      ? or(eq(gatherings.status, "live"), and(eq(gatherings.status, "scheduled"), gte(endsAt, window.now)))
      : window.when === "past"
        ? or(eq(gatherings.status, "ended"), and(inArray(gatherings.status, ["scheduled", "live"]), lt(endsAt, window.now)))
        : undefined;
  const rows = await db
    .select({ gathering: gatherings, programmeName: programmes.name, myRsvp: gatheringRsvps.answer })
    .from(gatherings)
    .innerJoin(programmes, eq(programmes.id, gatherings.programmeId))
    .leftJoin(gatheringRsvps, and(eq(gatheringRsvps.gatheringId, gatherings.id), eq(gatheringRsvps.userId, userId)))
    .where(and(or(inArray(gatherings.id, invitedTo), inArray(gatherings.programmeId, hosting)), inWindow))
    .orderBy(window.when === "past" ? desc(gatherings.startsAt) : asc(gatherings.startsAt))
    .limit(200);
  return rows.map((row) => presentSummary(row.gathering, row.programmeName, row.myRsvp));
}
