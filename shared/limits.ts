/** Limits both sides enforce: the server validates with them, the client sets its inputs from them. */

export const EMAIL = { maxLength: 254 } as const;
export const PASSWORD = { minLength: 10, maxLength: 200 } as const;
export const DISPLAY_NAME = { minLength: 1, maxLength: 80 } as const;

/** JSON request bodies above this are refused with 413 before they are parsed. */
export const REQUEST_BODY_MAX_BYTES = 100 * 1024;

/** Socket.IO frames above this are refused by the engine (maxHttpBufferSize). */
export const SOCKET_FRAME_MAX_BYTES = 256 * 1024;

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
export const REFRESH_TOKEN_TTL_DAYS = 30;
/**
 * A refresh answer can be lost on its way (the page reloads while it is in flight): the spent token may
 * then come back this soon after its use without counting as a reuse.
 */
export const REFRESH_LOST_ANSWER_GRACE_SECONDS = 10;

/** Sign-in throttling: per client address and, separately, per account. */
export const LOGIN_RATE = {
  perIp: { points: 30, windowSeconds: 15 * 60 },
  perAccountFailures: { points: 5, windowSeconds: 15 * 60 },
} as const;

/** Registration and token refresh throttling per client address. */
export const AUTH_RATE_PER_IP = { points: 60, windowSeconds: 15 * 60 } as const;

/** The goal board: seed 004's first tip, "set 1–3 goals". */
export const GOALS = { min: 1, max: 3, titleMax: 120, textMax: 2000 } as const;
export const GOAL_PROGRESS = { min: 1, max: 5 } as const;
export const CHECK_IN_COMMENT_MAX = 1000;
/** How many check-ins per goal a board snapshot carries; the full history is paged separately. */
export const CHECK_INS_IN_BOARD = 20;

export const GROUP = {
  nameMax: 100,
  descriptionMax: 2000,
  agreementMax: 4000,
  /** Verme groups are about 4–10 members plus a facilitator. */
  defaultCapacity: 10,
  maxCapacity: 50,
} as const;

export const PROGRAMME = { nameMax: 120, descriptionMax: 4000 } as const;

export const INVITATION = { defaultDays: 14, maxDays: 90 } as const;

export const MESSAGE = {
  maxLength: 4000,
  /** Client-generated ids are UUIDs or similar; anything longer is refused. */
  clientIdMaxLength: 64,
  historyPageMax: 100,
  emojiMaxLength: 16,
  searchQueryMaxLength: 200,
} as const;

/** Chat flooding guard per user: a steady rate with a short burst on top. */
export const MESSAGE_RATE = { perSecond: 10, burst: 20, burstWindowSeconds: 10 } as const;

/** The shared notebook of a group and the collaborative documents of its pages. */
export const NOTES = {
  titleMax: 120,
  pagesPerGroup: 200,
  versionNameMax: 120,
  /** One y-websocket frame; larger ones close the connection with 1009. */
  maxUpdateBytes: 512 * 1024,
  /** A page's whole document; an update that would pass it is refused and the connection closed. */
  maxDocumentBytes: 4 * 1024 * 1024,
  /** A websocket ticket is single-use and short-lived: it only bridges one REST call to one upgrade. */
  ticketTtlSeconds: 60,
  /** Edits reach the database at most this long after they were made (debounce, then a hard deadline). */
  persistDebounceMs: 500,
  persistMaxDelayMs: 2000,
  /** Stored update rows of one page that trigger merging them into a single snapshot row. */
  compactAfterUpdates: 500,
  /** While a page is being edited, a version is saved automatically this often. */
  autoVersionEveryMs: 10 * 60 * 1000,
} as const;

/** Self-assessments: the answer scale, text sizes, and the anonymity threshold for aggregates. */
export const ASSESSMENT = {
  scaleMin: 1,
  scaleMax: 5,
  reflectionMax: 4000,
  templateNameMax: 120,
  statementMax: 400,
  areasMax: 12,
  statementsPerAreaMax: 20,
  reflectionQuestionsMax: 10,
  /**
   * Aggregates are returned only when at least this many people answered both rounds being compared;
   * a programme may raise it (never lower it).
   */
  minRespondents: 3,
} as const;

/** Meetings, their agendas and summaries. */
export const MEETING = {
  titleMax: 120,
  placeMax: 300,
  urlMax: 2000,
  notesMax: 2000,
  itemMax: 1000,
  durationMinMinutes: 5,
  durationMaxMinutes: 8 * 60,
  agendaBlocksMax: 30,
  /** A series makes at most this many occurrences (a Verme year is 5–8 meetings). */
  seriesMax: 52,
} as const;

/** Facilitation method cards. */
export const METHOD_CARD = { titleMax: 120, textMax: 2000, stepsMax: 12, groupSizeMax: 200 } as const;

/** Scheduling polls: a handful of candidate times is what people can answer. */
export const POLL = { optionsMin: 1, optionsMax: 20 } as const;

/** A running group with no activity for this long is flagged to its programme's coordinators. */
export const PROGRAMME_ACTIVITY = { inactiveAfterDays: 21 } as const;

/** Cross-group gatherings. */
export const GATHERING = { purposeMax: 2000, digestMax: 4000, groupsMax: 100 } as const;

/** Breakout rooms of a gathering: how many people a room may be planned for, how long a round runs, how long a summary or broadcast is. */
export const BREAKOUT = { roomSizeMin: 2, roomSizeMax: 12, minutesMax: 120, summaryMax: 2000, broadcastMax: 500 } as const;
