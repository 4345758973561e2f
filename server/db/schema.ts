import { sql, type SQL } from "drizzle-orm";
import { type AnyPgColumn, bigint, boolean, check, customType, date, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { LocalizedText, TemplateContent } from "../../shared/schemas/assessments";
import type { AgendaTemplateBlock, LocalizedCardText } from "../../shared/schemas/meetings";

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Stored lower-cased; the unique index makes "already registered" a database fact, not a race. */
    email: text("email").notNull(),
    passwordHash: text("password_hash").notNull(),
    displayName: text("display_name").notNull(),
    locale: text("locale").notNull().default("fi"),
    createdAt: createdAt(),
  },
  (table) => [uniqueIndex("users_email_unique").on(table.email)],
);

/**
 * One signed-in device: the family of refresh tokens issued since one sign-in. Access tokens carry the
 * session id, so ending a session ends REST, socket and notes access at once.
 */
export const authSessions = pgTable(
  "auth_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    userAgent: text("user_agent"),
    createdAt: createdAt(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    /** Why the session ended: signed_out, ended_by_user, refresh_reused. */
    revokedReason: text("revoked_reason"),
  },
  (table) => [index("auth_sessions_user_idx").on(table.userId).where(sql`revoked_at is null`)],
);

/** Refresh tokens are stored only as SHA-256 hashes; a used one is kept to detect its reuse. */
export const refreshTokens = pgTable(
  "refresh_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => authSessions.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (table) => [uniqueIndex("refresh_tokens_hash_unique").on(table.tokenHash)],
);

export const programmes = pgTable("programmes", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  description: text("description").notNull().default(""),
  /** verme_year, peer_instructor_training or workshop_coaching (shared/schemas/groups.ts). */
  template: text("template").notNull(),
  /** Raises the anonymity threshold of self-assessment aggregates for this programme (never lowers it). */
  assessmentMinRespondents: integer("assessment_min_respondents"),
  /** The agenda new meetings of the programme's groups start from; null: check-in, goals, work, check-out. */
  agendaTemplate: jsonb("agenda_template").$type<AgendaTemplateBlock[]>(),
  createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: createdAt(),
});

export const programmeCoordinators = pgTable(
  "programme_coordinators",
  {
    programmeId: uuid("programme_id")
      .notNull()
      .references(() => programmes.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (table) => [primaryKey({ columns: [table.programmeId, table.userId] }), index("programme_coordinators_user_idx").on(table.userId)],
);

export const groups = pgTable(
  "groups",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Null for a self-organised group outside any programme. */
    programmeId: uuid("programme_id").references(() => programmes.id, { onDelete: "set null" }),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    kind: text("kind").notNull(),
    phase: text("phase").notNull().default("forming"),
    resumeOn: date("resume_on", { mode: "string" }),
    capacity: integer("capacity").notNull().default(10),
    agreement: text("agreement").notNull(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("groups_programme_idx").on(table.programmeId)],
);

export const memberships = pgTable(
  "memberships",
  {
    groupId: uuid("group_id")
      .notNull()
      .references(() => groups.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role").notNull().default("member"),
    peerInstructor: boolean("peer_instructor").notNull().default(false),
    agreementAcceptedAt: timestamp("agreement_accepted_at", { withTimezone: true }),
    goalsReadAt: timestamp("goals_read_at", { withTimezone: true }),
    introducedAt: timestamp("introduced_at", { withTimezone: true }),
    /** The member chose to show their own submitted self-assessment answers to their group. */
    growthShared: boolean("growth_shared").notNull().default(false),
    /** A facilitator gave this member read access to the notebook only (facilitators always edit). */
    notesReadOnly: boolean("notes_read_only").notNull().default(false),
    joinedAt: timestamp("joined_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.groupId, table.userId] }), index("memberships_user_idx").on(table.userId)],
);

export const invitations = pgTable(
  "invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    groupId: uuid("group_id")
      .notNull()
      .references(() => groups.id, { onDelete: "cascade" }),
    /** The link's token is shown once; only its SHA-256 is kept. */
    tokenHash: text("token_hash").notNull(),
    email: text("email"),
    role: text("role").notNull().default("member"),
    singleUse: boolean("single_use").notNull().default(false),
    uses: integer("uses").notNull().default(0),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (table) => [uniqueIndex("invitations_token_unique").on(table.tokenHash), index("invitations_group_idx").on(table.groupId)],
);

export const goals = pgTable(
  "goals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    groupId: uuid("group_id")
      .notNull()
      .references(() => groups.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    successCriteria: text("success_criteria").notNull().default(""),
    targetDate: date("target_date", { mode: "string" }),
    status: text("status").notNull().default("open"),
    position: integer("position").notNull().default(0),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("goals_group_idx").on(table.groupId)],
);

export const goalCheckIns = pgTable(
  "goal_check_ins",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    goalId: uuid("goal_id")
      .notNull()
      .references(() => goals.id, { onDelete: "cascade" }),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    progress: smallint("progress").notNull(),
    comment: text("comment").notNull().default(""),
    /** Set when the check-in was made in a meeting's goal review, so the meeting's summary shows it. */
    meetingId: uuid("meeting_id").references(() => meetings.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (table) => [index("goal_check_ins_goal_idx").on(table.goalId, table.createdAt), index("goal_check_ins_meeting_idx").on(table.meetingId)],
);

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/** One conversation model for every scope: a group's chat, later a meeting's, a gathering's, a breakout's. */
export const conversations = pgTable(
  "conversations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    scope: text("scope").notNull(),
    /** The group whose members take part (null for a cross-group gathering). */
    groupId: uuid("group_id").references(() => groups.id, { onDelete: "cascade" }),
    /** The meeting, gathering or breakout the conversation belongs to, when scope is not "group". */
    scopeRefId: uuid("scope_ref_id"),
    /** The seq of the newest message; bumped under the row lock, so seqs are gap-free and ordered. */
    lastSeq: bigint("last_seq", { mode: "number" }).notNull().default(0),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex("conversations_group_chat_unique").on(table.groupId).where(sql`scope = 'group'`),
    index("conversations_scope_ref_idx").on(table.scopeRefId),
  ],
);

export const messages = pgTable(
  "messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    conversationId: uuid("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    seq: bigint("seq", { mode: "number" }).notNull(),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    /** Chosen by the sending client; a resend with the same id returns the stored message. */
    clientId: text("client_id").notNull(),
    parentId: uuid("parent_id"),
    body: text("body").notNull(),
    createdAt: createdAt(),
    editedAt: timestamp("edited_at", { withTimezone: true }),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
    hiddenAt: timestamp("hidden_at", { withTimezone: true }),
    hiddenBy: uuid("hidden_by").references(() => users.id, { onDelete: "set null" }),
    /** Finnish and English stems together, so "taloissa" finds "talo" and "meetings" finds "meeting". */
    searchVector: tsvector("search_vector").generatedAlwaysAs(
      (): SQL => sql`to_tsvector('finnish', ${messages.body}) || to_tsvector('english', ${messages.body})`,
    ),
  },
  (table) => [
    uniqueIndex("messages_conversation_seq_unique").on(table.conversationId, table.seq),
    uniqueIndex("messages_author_client_unique").on(table.authorId, table.clientId),
    index("messages_parent_idx").on(table.parentId),
    index("messages_search_idx").using("gin", table.searchVector),
  ],
);

export const messageMentions = pgTable(
  "message_mentions",
  {
    messageId: uuid("message_id")
      .notNull()
      .references(() => messages.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (table) => [primaryKey({ columns: [table.messageId, table.userId] }), index("message_mentions_user_idx").on(table.userId)],
);

export const messageReactions = pgTable(
  "message_reactions",
  {
    messageId: uuid("message_id")
      .notNull()
      .references(() => messages.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    emoji: text("emoji").notNull(),
    createdAt: createdAt(),
  },
  (table) => [primaryKey({ columns: [table.messageId, table.userId, table.emoji] })],
);

/** How far each person has read each conversation; shared by all their devices. */
export const conversationReads = pgTable(
  "conversation_reads",
  {
    conversationId: uuid("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    lastReadSeq: bigint("last_read_seq", { mode: "number" }).notNull().default(0),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.conversationId, table.userId] })],
);

// ── Shared notes ─────────────────────────────────────────────────────────────

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
  // pg hands back a Buffer and PGlite a Uint8Array; Yjs wants a plain Uint8Array view either way.
  fromDriver: (value) => new Uint8Array(value.buffer, value.byteOffset, value.byteLength),
});

/**
 * A page of a group's notebook, or a page of a gathering (its plenary minutes or a breakout room's
 * notes; then `group_id` is null). Its text is the Yjs document stored in note_updates.
 */
export const notePages = pgTable(
  "note_pages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    groupId: uuid("group_id").references(() => groups.id, { onDelete: "cascade" }),
    gatheringId: uuid("gathering_id").references((): AnyPgColumn => gatherings.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    position: integer("position").notNull(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("note_pages_group_idx").on(table.groupId, table.position),
    index("note_pages_gathering_idx").on(table.gatheringId),
    check("note_pages_one_owner", sql`(${table.groupId} is null) <> (${table.gatheringId} is null)`),
  ],
);

/**
 * A page's document as Yjs updates, in the order they were stored. Loading merges them; when many pile
 * up they are replaced by one merged row, so the table holds a snapshot plus the edits since.
 */
export const noteUpdates = pgTable(
  "note_updates",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    pageId: uuid("page_id")
      .notNull()
      .references(() => notePages.id, { onDelete: "cascade" }),
    update: bytea("update").notNull(),
    createdAt: createdAt(),
  },
  (table) => [index("note_updates_page_idx").on(table.pageId, table.id)],
);

/** Named points in a page's history: the whole document state, restorable as a new change. */
export const noteVersions = pgTable(
  "note_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    pageId: uuid("page_id")
      .notNull()
      .references(() => notePages.id, { onDelete: "cascade" }),
    name: text("name"),
    kind: text("kind").notNull(),
    state: bytea("state").notNull(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (table) => [index("note_versions_page_idx").on(table.pageId, table.createdAt)],
);

/** Single-use tickets that admit one websocket connection to one page; only their hash is kept. */
export const noteTickets = pgTable("note_tickets", {
  tokenHash: text("token_hash").primaryKey(),
  userId: uuid("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  sessionId: uuid("session_id")
    .notNull()
    .references(() => authSessions.id, { onDelete: "cascade" }),
  pageId: uuid("page_id")
    .notNull()
    .references(() => notePages.id, { onDelete: "cascade" }),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  usedAt: timestamp("used_at", { withTimezone: true }),
});

// ── Self-assessments ─────────────────────────────────────────────────────────

/**
 * A self-assessment template. Built-ins (`built_in` set) are shared by everyone and read-only; a copy
 * belongs to one programme or one standalone group. Its text lives in versions, never edited in place.
 */
export const assessmentTemplates = pgTable(
  "assessment_templates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    builtIn: text("built_in"),
    programmeId: uuid("programme_id").references(() => programmes.id, { onDelete: "cascade" }),
    groupId: uuid("group_id").references(() => groups.id, { onDelete: "cascade" }),
    currentVersion: integer("current_version").notNull().default(1),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex("assessment_templates_built_in_unique").on(table.builtIn),
    index("assessment_templates_programme_idx").on(table.programmeId),
    index("assessment_templates_group_idx").on(table.groupId),
  ],
);

/** One saved state of a template; rounds point at a version, so later edits never change their content. */
export const assessmentTemplateVersions = pgTable(
  "assessment_template_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    templateId: uuid("template_id")
      .notNull()
      .references(() => assessmentTemplates.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    name: jsonb("name").$type<LocalizedText>().notNull(),
    content: jsonb("content").$type<TemplateContent>().notNull(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (table) => [uniqueIndex("assessment_template_versions_unique").on(table.templateId, table.version)],
);

/** A self-assessment round of a group (start, midpoint, end or closing feedback) with its open days. */
export const assessmentRounds = pgTable(
  "assessment_rounds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    groupId: uuid("group_id")
      .notNull()
      .references(() => groups.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    templateId: uuid("template_id")
      .notNull()
      .references(() => assessmentTemplates.id),
    templateVersionId: uuid("template_version_id")
      .notNull()
      .references(() => assessmentTemplateVersions.id),
    opensOn: date("opens_on", { mode: "string" }).notNull(),
    closesOn: date("closes_on", { mode: "string" }).notNull(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (table) => [index("assessment_rounds_group_idx").on(table.groupId, table.opensOn)],
);

/** One person's answer to one round: a draft or a submission. Readable by its author only. */
export const assessmentResponses = pgTable(
  "assessment_responses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    roundId: uuid("round_id")
      .notNull()
      .references(() => assessmentRounds.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    status: text("status").notNull(),
    reflections: jsonb("reflections").$type<Record<string, string>>().notNull().default({}),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex("assessment_responses_round_user_unique").on(table.roundId, table.userId), index("assessment_responses_user_idx").on(table.userId)],
);

/** A response's scale answers as rows, so aggregates are plain SQL over typed, range-checked values. */
export const assessmentAnswers = pgTable(
  "assessment_answers",
  {
    responseId: uuid("response_id")
      .notNull()
      .references(() => assessmentResponses.id, { onDelete: "cascade" }),
    statementId: text("statement_id").notNull(),
    value: smallint("value").notNull(),
  },
  (table) => [primaryKey({ columns: [table.responseId, table.statementId] }), check("assessment_answers_value_range", sql`${table.value} between 1 and 5`)],
);

// ── Meetings ─────────────────────────────────────────────────────────────────

/**
 * A facilitation method card. Built-ins (`key` set) are written from the code on start; a programme's or
 * a group's own card belongs to it. Texts are per language; an own card has its one text in all three.
 */
export const methodCards = pgTable(
  "method_cards",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    key: text("key"),
    programmeId: uuid("programme_id").references(() => programmes.id, { onDelete: "cascade" }),
    groupId: uuid("group_id").references(() => groups.id, { onDelete: "cascade" }),
    phase: text("phase").notNull(),
    title: jsonb("title").$type<LocalizedCardText>().notNull(),
    purpose: jsonb("purpose").$type<LocalizedCardText>().notNull(),
    whenToUse: jsonb("when_to_use").$type<LocalizedCardText>().notNull(),
    groupSizeMin: integer("group_size_min").notNull(),
    groupSizeMax: integer("group_size_max").notNull(),
    durationMin: integer("duration_min").notNull(),
    durationMax: integer("duration_max").notNull(),
    virtualFriendly: boolean("virtual_friendly").notNull(),
    steps: jsonb("steps").$type<{ minutes: number; text: LocalizedCardText }[]>().notNull(),
    virtualTips: jsonb("virtual_tips").$type<LocalizedCardText>().notNull(),
    materials: jsonb("materials").$type<LocalizedCardText>().notNull(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex("method_cards_key_unique").on(table.key),
    index("method_cards_group_idx").on(table.groupId),
    index("method_cards_programme_idx").on(table.programmeId),
  ],
);

export const methodCardFavourites = pgTable(
  "method_card_favourites",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    cardId: uuid("card_id")
      .notNull()
      .references(() => methodCards.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.cardId] })],
);

/** A repeating meeting: its occurrences are rows of `meetings`; a break pauses some and adds as many after. */
export const meetingSeries = pgTable("meeting_series", {
  id: uuid("id").primaryKey().defaultRandom(),
  groupId: uuid("group_id")
    .notNull()
    .references(() => groups.id, { onDelete: "cascade" }),
  /** weekly or monthly_weekday (shared/schemas/meetings.ts). */
  repeatKind: text("repeat_kind").notNull(),
  repeatInterval: integer("repeat_interval").notNull(),
  timeZone: text("time_zone").notNull(),
  createdAt: createdAt(),
});

/** A timer as stored: `shared/meetingClock` derives the remaining time from these three values. */
const timerColumns = () => ({
  timerDurationMs: integer("timer_duration_ms").notNull().default(0),
  timerStartedAt: timestamp("timer_started_at", { withTimezone: true }),
  timerPausedAt: timestamp("timer_paused_at", { withTimezone: true }),
});

/**
 * A live room (a meeting's, or a gathering's plenary): derived by every node from these columns
 * (shared/meetingClock, server/domain/meetingRoom), never from memory.
 */
const liveRoomColumns = () => ({
  blockIndex: integer("block_index").notNull().default(-1),
  step: integer("step").notNull().default(0),
  ...timerColumns(),
  roundOrder: jsonb("round_order").$type<string[]>(),
  roundIndex: integer("round_index").notNull().default(0),
  hands: jsonb("hands").$type<string[]>().notNull().default([]),
  startedAt: timestamp("started_at", { withTimezone: true }),
  endedAt: timestamp("ended_at", { withTimezone: true }),
});

export const meetings = pgTable(
  "meetings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    groupId: uuid("group_id")
      .notNull()
      .references(() => groups.id, { onDelete: "cascade" }),
    seriesId: uuid("series_id").references(() => meetingSeries.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    durationMinutes: integer("duration_minutes").notNull(),
    timeZone: text("time_zone").notNull(),
    location: text("location").notNull().default(""),
    videoUrl: text("video_url"),
    /** scheduled, live, ended, cancelled or paused (a series occurrence inside a break). */
    status: text("status").notNull().default("scheduled"),
    facilitatorId: uuid("facilitator_id").references(() => users.id, { onDelete: "set null" }),
    conversationId: uuid("conversation_id").references(() => conversations.id, { onDelete: "set null" }),
    minutesPageId: uuid("minutes_page_id").references(() => notePages.id, { onDelete: "set null" }),
    ...liveRoomColumns(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (table) => [index("meetings_group_idx").on(table.groupId, table.startsAt), index("meetings_series_idx").on(table.seriesId, table.startsAt)],
);

/** The columns of an agenda block, a meeting's or a gathering's. */
const agendaBlockColumns = () => ({
  id: uuid("id").primaryKey().defaultRandom(),
  position: integer("position").notNull(),
  kind: text("kind").notNull(),
  title: text("title").notNull().default(""),
  minutes: integer("minutes").notNull(),
  methodCardId: uuid("method_card_id").references(() => methodCards.id, { onDelete: "set null" }),
  notes: text("notes").notNull().default(""),
});

export const agendaBlocks = pgTable(
  "agenda_blocks",
  {
    ...agendaBlockColumns(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
  },
  (table) => [index("agenda_blocks_meeting_idx").on(table.meetingId, table.position)],
);

/** Who came: the first time each person entered the live room. */
export const meetingAttendance = pgTable(
  "meeting_attendance",
  {
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    joinedAt: timestamp("joined_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.meetingId, table.userId] })],
);

/** Decisions and action items written down in or after a meeting. */
export const meetingItems = pgTable(
  "meeting_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    text: text("text").notNull(),
    ownerId: uuid("owner_id").references(() => users.id, { onDelete: "set null" }),
    dueOn: date("due_on", { mode: "string" }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (table) => [index("meeting_items_meeting_idx").on(table.meetingId, table.createdAt)],
);

export const schedulingPolls = pgTable(
  "scheduling_polls",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    groupId: uuid("group_id")
      .notNull()
      .references(() => groups.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    durationMinutes: integer("duration_minutes").notNull(),
    timeZone: text("time_zone").notNull(),
    location: text("location").notNull().default(""),
    videoUrl: text("video_url"),
    status: text("status").notNull().default("open"),
    meetingId: uuid("meeting_id").references(() => meetings.id, { onDelete: "set null" }),
    /** The time closing the poll chose; kept even if the meeting is moved later. */
    chosenOptionId: uuid("chosen_option_id"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (table) => [index("scheduling_polls_group_idx").on(table.groupId, table.createdAt)],
);

export const pollOptions = pgTable(
  "poll_options",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    pollId: uuid("poll_id")
      .notNull()
      .references(() => schedulingPolls.id, { onDelete: "cascade" }),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
  },
  (table) => [index("poll_options_poll_idx").on(table.pollId, table.startsAt)],
);

export const pollVotes = pgTable(
  "poll_votes",
  {
    optionId: uuid("option_id")
      .notNull()
      .references(() => pollOptions.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    answer: text("answer").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.optionId, table.userId] }), check("poll_votes_answer", sql`${table.answer} in ('yes', 'maybe', 'no')`)],
);

/**
 * A personal calendar feed. Its secret is kept as it is, unlike passwords and refresh tokens: the owner
 * must be able to see the address again (as calendar services show theirs), it gives only read access to
 * meeting times and places, and renewing it makes the old address stop working.
 */
export const calendarFeeds = pgTable("calendar_feeds", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  token: text("token").notNull().unique(),
  createdAt: createdAt(),
});

// ── Cross-group gatherings ───────────────────────────────────────────────────

/** A meeting of several groups of one programme, hosted by its coordinators. */
export const gatherings = pgTable(
  "gatherings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    programmeId: uuid("programme_id")
      .notNull()
      .references(() => programmes.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    purpose: text("purpose").notNull().default(""),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    durationMinutes: integer("duration_minutes").notNull(),
    timeZone: text("time_zone").notNull(),
    location: text("location").notNull().default(""),
    videoUrl: text("video_url"),
    /** scheduled, live, ended or cancelled. */
    status: text("status").notNull().default("scheduled"),
    /** The host running the plenary (the meeting room's facilitator). */
    facilitatorId: uuid("facilitator_id").references(() => users.id, { onDelete: "set null" }),
    /** The plenary's chat and minutes page; made when the plenary first opens. */
    conversationId: uuid("conversation_id").references(() => conversations.id, { onDelete: "set null" }),
    minutesPageId: uuid("minutes_page_id").references(() => notePages.id, { onDelete: "set null" }),
    ...liveRoomColumns(),
    /** The newest round of breakouts (0: none yet); each round's rooms are rows of breakout_rooms. */
    breakoutRound: integer("breakout_round").notNull().default(0),
    /** The host's latest message to every room, shown until the next one. */
    broadcastText: text("broadcast_text"),
    broadcastAt: timestamp("broadcast_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (table) => [index("gatherings_programme_idx").on(table.programmeId, table.startsAt)],
);

export const gatheringGroups = pgTable(
  "gathering_groups",
  {
    gatheringId: uuid("gathering_id")
      .notNull()
      .references(() => gatherings.id, { onDelete: "cascade" }),
    groupId: uuid("group_id")
      .notNull()
      .references(() => groups.id, { onDelete: "cascade" }),
  },
  (table) => [primaryKey({ columns: [table.gatheringId, table.groupId] }), index("gathering_groups_group_idx").on(table.groupId)],
);

export const gatheringAgendaBlocks = pgTable(
  "gathering_agenda_blocks",
  {
    ...agendaBlockColumns(),
    gatheringId: uuid("gathering_id")
      .notNull()
      .references(() => gatherings.id, { onDelete: "cascade" }),
  },
  (table) => [index("gathering_agenda_blocks_idx").on(table.gatheringId, table.position)],
);

export const gatheringRsvps = pgTable(
  "gathering_rsvps",
  {
    gatheringId: uuid("gathering_id")
      .notNull()
      .references(() => gatherings.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    answer: text("answer").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.gatheringId, table.userId] }), check("gathering_rsvps_answer", sql`${table.answer} in ('yes', 'maybe', 'no')`)],
);

/** What a group chose to share with a gathering; it exists only once the group's facilitator publishes it. */
export const learningDigests = pgTable(
  "learning_digests",
  {
    gatheringId: uuid("gathering_id")
      .notNull()
      .references(() => gatherings.id, { onDelete: "cascade" }),
    groupId: uuid("group_id")
      .notNull()
      .references(() => groups.id, { onDelete: "cascade" }),
    text: text("text").notNull(),
    publishedBy: uuid("published_by").references(() => users.id, { onDelete: "set null" }),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.gatheringId, table.groupId] })],
);

/**
 * A breakout room of one round of a gathering. A round is planned (`draft`: the host may still move
 * people), then `open` (people are in their rooms), then `closed` by the call-back. Each room has its
 * own conversation, notes page and timer; its summary, once published, is read in the plenary.
 */
export const breakoutRooms = pgTable(
  "breakout_rooms",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    gatheringId: uuid("gathering_id")
      .notNull()
      .references(() => gatherings.id, { onDelete: "cascade" }),
    round: integer("round").notNull(),
    number: integer("number").notNull(),
    status: text("status").notNull().default("draft"),
    conversationId: uuid("conversation_id").references(() => conversations.id, { onDelete: "set null" }),
    notesPageId: uuid("notes_page_id").references(() => notePages.id, { onDelete: "set null" }),
    ...timerColumns(),
    summary: text("summary"),
    summaryBy: uuid("summary_by").references(() => users.id, { onDelete: "set null" }),
    summaryAt: timestamp("summary_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex("breakout_rooms_number_unique").on(table.gatheringId, table.round, table.number),
    check("breakout_rooms_status", sql`${table.status} in ('draft', 'open', 'closed')`),
  ],
);

/** Who is in which room of a round; a person is in one room per round. */
export const breakoutMembers = pgTable(
  "breakout_members",
  {
    roomId: uuid("room_id")
      .notNull()
      .references(() => breakoutRooms.id, { onDelete: "cascade" }),
    gatheringId: uuid("gathering_id")
      .notNull()
      .references(() => gatherings.id, { onDelete: "cascade" }),
    round: integer("round").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The group the person came with, so rooms show the mix. */
    groupId: uuid("group_id").references(() => groups.id, { onDelete: "set null" }),
  },
  (table) => [primaryKey({ columns: [table.roomId, table.userId] }), uniqueIndex("breakout_members_one_room").on(table.gatheringId, table.round, table.userId)],
);
