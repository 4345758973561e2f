import type { z } from "zod";
import { isErrorCode, type ErrorCode } from "../../shared/errors";
import type { LoginInput, RegisterInput, UpdateMeInput } from "../../shared/schemas/auth";
import type {
  ChangePhaseInput,
  CheckInInput,
  CreateGoalInput,
  CreateGroupInput,
  CreateInvitationInput,
  CreateProgrammeGroupInput,
  CreateProgrammeInput,
  UpdateGoalInput,
  UpdateGroupInput,
  UpdateMemberInput,
} from "../../shared/schemas/groups";

/**
 * The shared zod schemas, loaded with the first API answer rather than with the page: zod is a fifth
 * of the JavaScript budget and the sign-in page renders without it.
 */
type Schemas = typeof import("../../shared/schemas/auth") & typeof import("../../shared/schemas/groups");
let schemasLoading: Promise<Schemas> | null = null;
function schemas(): Promise<Schemas> {
  schemasLoading ??= Promise.all([import("../../shared/schemas/auth"), import("../../shared/schemas/groups")]).then(
    ([auth, groups]) => ({ ...auth, ...groups }),
  );
  return schemasLoading;
}

/** Server error codes, plus the one the client produces itself when the network is down. */
export type ClientErrorCode = ErrorCode | "network_error";

export interface FieldProblem {
  path: string;
  message: string;
}

/** A failed API call, carrying the server's stable error code. */
export class ApiError extends Error {
  readonly code: ClientErrorCode;
  readonly status: number;
  readonly details: FieldProblem[];

  constructor(code: ClientErrorCode, message: string, status: number, details: FieldProblem[] = []) {
    super(message);
    this.name = "ApiError";
    this.code = code;
    this.status = status;
    this.details = details;
  }
}

/** Codes meaning the session is gone for good: the user has to sign in again. */
const SESSION_LOST: ReadonlySet<ClientErrorCode> = new Set(["session_ended", "refresh_invalid", "refresh_reused", "token_invalid"]);

export function isSessionLost(error: unknown): boolean {
  return error instanceof ApiError && SESSION_LOST.has(error.code);
}

// The access token lives in memory only; the refresh token is an HttpOnly cookie the script never sees.
let accessToken: string | null = null;
const sessionLostListeners = new Set<() => void>();

export function getAccessToken(): string | null {
  return accessToken;
}

export function setAccessToken(token: string | null): void {
  accessToken = token;
}

/** Called when the server says this session is over (ended elsewhere, reused refresh token, ...). */
export function onSessionLost(listener: () => void): () => void {
  sessionLostListeners.add(listener);
  return () => sessionLostListeners.delete(listener);
}

function sessionLost(): void {
  accessToken = null;
  for (const listener of sessionLostListeners) listener();
}

async function toApiError(response: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)?.error;
  const code = isErrorCode(error?.code) ? error.code : "internal_error";
  const message = typeof error?.message === "string" ? error.message : response.statusText;
  const details = Array.isArray(error?.details)
    ? error.details.filter(
        (item): item is FieldProblem =>
          typeof item === "object" && item !== null && typeof item.path === "string" && typeof item.message === "string",
      )
    : [];
  return new ApiError(code, message, response.status, details);
}

async function send(path: string, method: string, body: unknown, withToken: boolean): Promise<Response> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (withToken && accessToken) headers["Authorization"] = `Bearer ${accessToken}`;
  try {
    return await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "same-origin",
    });
  } catch (cause) {
    throw new ApiError("network_error", cause instanceof Error ? cause.message : "Network error", 0);
  }
}

let refreshInFlight: Promise<string> | null = null;

async function refreshOnce(): Promise<string> {
  const response = await send("/api/auth/refresh", "POST", undefined, false);
  if (!response.ok) throw await toApiError(response);
  const { RefreshResponse } = await schemas();
  const { accessToken: token } = RefreshResponse.parse(await response.json());
  accessToken = token;
  return token;
}

/**
 * Exchanges the refresh cookie for a new access token. A refresh token is single-use and presenting
 * a used one ends the session, so refreshes are single-flight within the tab and serialised across
 * tabs with a Web Lock (each tab then rotates the cookie the previous one left behind).
 */
export function refreshAccessToken(): Promise<string> {
  if (!refreshInFlight) {
    const run = (): Promise<string> => refreshOnce();
    const locked: Promise<string> =
      typeof navigator !== "undefined" && "locks" in navigator && navigator.locks
        ? navigator.locks.request("piiri-refresh", run).then((token) => token)
        : run();
    refreshInFlight = locked
      .catch((error: unknown) => {
        if (isSessionLost(error)) sessionLost();
        throw error;
      })
      .finally(() => {
        refreshInFlight = null;
      });
  }
  return refreshInFlight;
}

interface RequestOptions {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  body?: unknown;
  /** Send the Bearer token and refresh it once when it has expired. */
  auth?: boolean;
}

/** Sends a request; turns failures into `ApiError`, refreshing an expired access token once. */
async function call(path: string, options: RequestOptions): Promise<Response> {
  const { method = "GET", body, auth = true } = options;
  let response = await send(path, method, body, auth);
  if (response.ok) return response;
  let error = await toApiError(response);
  if (auth && error.code === "token_expired") {
    await refreshAccessToken();
    response = await send(path, method, body, auth);
    if (response.ok) return response;
    error = await toApiError(response);
  }
  if (auth && isSessionLost(error)) sessionLost();
  throw error;
}

/** Calls the API and parses the answer with the shared schema that `pick` chooses. */
export async function request<T>(path: string, pick: (loaded: Schemas) => z.ZodType<T>, options: RequestOptions = {}): Promise<T> {
  const response = await call(path, options);
  const [loaded, json] = await Promise.all([schemas(), response.json() as Promise<unknown>]);
  return pick(loaded).parse(json);
}

/**
 * Fetches a file (a CSV export, say) with the access token: a plain link cannot carry it, as the token
 * lives in memory only.
 */
export async function requestFile(path: string): Promise<Blob> {
  const response = await call(path, {});
  return response.blob();
}

/** Calls an endpoint that answers 204 No Content. */
export async function requestNoContent(path: string, options: RequestOptions = {}): Promise<void> {
  await call(path, options);
}

export const api = {
  register: (input: RegisterInput) =>
    request("/api/auth/register", (s) => s.AuthResponse, { method: "POST", body: input, auth: false }),
  login: (input: LoginInput) => request("/api/auth/login", (s) => s.AuthResponse, { method: "POST", body: input, auth: false }),
  logout: () => requestNoContent("/api/auth/logout", { method: "POST", auth: false }),
  me: () => request("/api/me", (s) => s.MeResponse),
  updateMe: (input: UpdateMeInput) => request("/api/me", (s) => s.MeResponse, { method: "PATCH", body: input }),
  sessions: () => request("/api/auth/sessions", (s) => s.SessionList),
  endSession: (sessionId: string) => requestNoContent(`/api/auth/sessions/${encodeURIComponent(sessionId)}`, { method: "DELETE" }),
};

const seg = encodeURIComponent;
const groupPath = (groupId: string) => `/api/groups/${seg(groupId)}`;
const goalPath = (groupId: string, goalId: string) => `${groupPath(groupId)}/goals/${seg(goalId)}`;
const programmePath = (programmeId: string) => `/api/programmes/${seg(programmeId)}`;

/** Groups, their members, the goal board and invitations. */
export const groupsApi = {
  list: () => request("/api/groups", (s) => s.GroupList),
  create: (input: CreateGroupInput) => request("/api/groups", (s) => s.GroupResponse, { method: "POST", body: input }),
  get: (groupId: string) => request(groupPath(groupId), (s) => s.GroupResponse),
  update: (groupId: string, input: UpdateGroupInput) => request(groupPath(groupId), (s) => s.GroupResponse, { method: "PATCH", body: input }),
  changePhase: (groupId: string, input: ChangePhaseInput) =>
    request(`${groupPath(groupId)}/phase`, (s) => s.GroupResponse, { method: "POST", body: input }),
  acceptAgreement: (groupId: string) =>
    request(`${groupPath(groupId)}/agreement/accept`, (s) => s.MembershipResponse, { method: "POST" }),
  completeOnboarding: (groupId: string, step: "goals_read" | "introduced") =>
    request(`${groupPath(groupId)}/onboarding`, (s) => s.MembershipResponse, { method: "POST", body: { step } }),
  updateMember: (groupId: string, userId: string, input: UpdateMemberInput) =>
    request(`${groupPath(groupId)}/members/${seg(userId)}`, (s) => s.MembershipResponse, { method: "PATCH", body: input }),
  removeMember: (groupId: string, userId: string) => requestNoContent(`${groupPath(groupId)}/members/${seg(userId)}`, { method: "DELETE" }),

  goals: (groupId: string) => request(`${groupPath(groupId)}/goals`, (s) => s.GoalList),
  createGoal: (groupId: string, input: CreateGoalInput) =>
    request(`${groupPath(groupId)}/goals`, (s) => s.GoalResponse, { method: "POST", body: input }),
  updateGoal: (groupId: string, goalId: string, input: UpdateGoalInput) =>
    request(goalPath(groupId, goalId), (s) => s.GoalResponse, { method: "PATCH", body: input }),
  deleteGoal: (groupId: string, goalId: string) => requestNoContent(goalPath(groupId, goalId), { method: "DELETE" }),
  checkIn: (groupId: string, goalId: string, input: CheckInInput) =>
    request(`${goalPath(groupId, goalId)}/check-ins`, (s) => s.CheckInResponse, { method: "POST", body: input }),
  checkIns: (groupId: string, goalId: string, options: { before?: string; limit?: number } = {}) => {
    const query = new URLSearchParams();
    if (options.before) query.set("before", options.before);
    if (options.limit) query.set("limit", String(options.limit));
    const suffix = query.size > 0 ? `?${query.toString()}` : "";
    return request(`${goalPath(groupId, goalId)}/check-ins${suffix}`, (s) => s.CheckInList);
  },

  invitations: (groupId: string) => request(`${groupPath(groupId)}/invitations`, (s) => s.InvitationList),
  createInvitation: (groupId: string, input: CreateInvitationInput) =>
    request(`${groupPath(groupId)}/invitations`, (s) => s.CreatedInvitationResponse, { method: "POST", body: input }),
  revokeInvitation: (groupId: string, invitationId: string) =>
    requestNoContent(`${groupPath(groupId)}/invitations/${seg(invitationId)}`, { method: "DELETE" }),
};

/** Invitation links as the invited person sees them. */
export const invitationsApi = {
  /** Public: works before signing in. */
  preview: (token: string) => request(`/api/invitations/${seg(token)}`, (s) => s.InvitationPreviewResponse, { auth: false }),
  accept: (token: string, acceptAgreement: boolean) =>
    request(`/api/invitations/${seg(token)}/accept`, (s) => s.MembershipResponse, { method: "POST", body: { acceptAgreement } }),
};

/** Programmes, for their coordinators. */
export const programmesApi = {
  list: () => request("/api/programmes", (s) => s.ProgrammeList),
  create: (input: CreateProgrammeInput) => request("/api/programmes", (s) => s.ProgrammeResponse, { method: "POST", body: input }),
  get: (programmeId: string) => request(programmePath(programmeId), (s) => s.ProgrammeDetailResponse),
  createGroup: (programmeId: string, input: CreateProgrammeGroupInput) =>
    request(`${programmePath(programmeId)}/groups`, (s) => s.GroupSummaryResponse, { method: "POST", body: input }),
  appointFacilitator: (programmeId: string, groupId: string, email: string) =>
    request(`${programmePath(programmeId)}/groups/${seg(groupId)}/facilitators`, (s) => s.MembershipResponse, {
      method: "POST",
      body: { email },
    }),
  inviteFacilitator: (programmeId: string, groupId: string, input: CreateInvitationInput) =>
    request(`${programmePath(programmeId)}/groups/${seg(groupId)}/invitations`, (s) => s.CreatedInvitationResponse, {
      method: "POST",
      body: input,
    }),
};
