/**
 * Every error Piiri answers carries one of these stable codes. Each transport translates a code once:
 * HTTP maps it to a status here, socket acks send `{ ok: false, error }`, the notes WebSocket maps it to a
 * close code. The client maps codes to translated messages.
 */
export const ERROR_STATUS = {
  validation_failed: 400,
  auth_required: 401,
  token_expired: 401,
  token_invalid: 401,
  session_ended: 401,
  invalid_credentials: 401,
  refresh_invalid: 401,
  refresh_reused: 401,
  forbidden: 403,
  not_found: 404,
  email_taken: 409,
  goal_limit: 409,
  goals_required: 409,
  phase_transition_invalid: 409,
  group_ended: 409,
  group_full: 409,
  already_member: 409,
  last_facilitator: 409,
  agreement_required: 403,
  invitation_invalid: 410,
  invitation_email_mismatch: 403,
  message_not_editable: 403,
  notebook_full: 409,
  /** A self-assessment round is not open: closed (answers are final) or not yet opened. */
  round_closed: 409,
  /** A meeting that has ended, was cancelled or falls in a break: its live room no longer changes. */
  meeting_not_live: 409,
  /** A gathering not open for this: not yet opened, over or cancelled, or a breakout round not running. */
  gathering_not_live: 409,
  /** A scheduling poll that has been closed takes no more answers. */
  poll_closed: 409,
  payload_too_large: 413,
  rate_limited: 429,
  database_unavailable: 503,
  internal_error: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export const ERROR_CODES = Object.keys(ERROR_STATUS) as ErrorCode[];

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  /** Field-level problems for `validation_failed`, keyed by a dotted path such as `body.email`. */
  details?: { path: string; message: string }[];
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && value in ERROR_STATUS;
}
