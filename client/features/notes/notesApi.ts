import { isErrorCode } from "../../../shared/errors";
import {
  NotePageList,
  NotePageResponse,
  NoteTicketResponse,
  NoteVersionList,
  NoteVersionPreview,
  NoteVersionResponse,
  type UpdateNotePageInput,
} from "../../../shared/schemas/notes";
import { ApiError, getAccessToken, refreshAccessToken, request, requestNoContent } from "../../lib/api";

const seg = encodeURIComponent;
const notebookPath = (groupId: string) => `/api/groups/${seg(groupId)}/notes`;
const pagePath = (pageId: string) => `/api/notes/${seg(pageId)}`;
const versionPath = (pageId: string, versionId: string) => `${pagePath(pageId)}/versions/${seg(versionId)}`;

/** Query keys of the notebook, shared by the page, the history panel and the live updates. */
export const notesKeys = {
  pages: (groupId: string) => ["notes", groupId] as const,
  versions: (pageId: string) => ["noteVersions", pageId] as const,
  version: (pageId: string, versionId: string) => ["noteVersion", pageId, versionId] as const,
};

/** The notebook's REST calls; the text itself travels over the notes websocket. */
export const notesApi = {
  pages: (groupId: string) => request(notebookPath(groupId), () => NotePageList),
  create: (groupId: string, title: string) =>
    request(notebookPath(groupId), () => NotePageResponse, { method: "POST", body: { title } }),
  update: (pageId: string, input: UpdateNotePageInput) =>
    request(pagePath(pageId), () => NotePageResponse, { method: "PATCH", body: input }),
  remove: (pageId: string) => requestNoContent(pagePath(pageId), { method: "DELETE" }),
  ticket: (pageId: string) => request(`${pagePath(pageId)}/ticket`, () => NoteTicketResponse, { method: "POST" }),

  versions: (pageId: string) => request(`${pagePath(pageId)}/versions`, () => NoteVersionList),
  saveVersion: (pageId: string, name: string) =>
    request(`${pagePath(pageId)}/versions`, () => NoteVersionResponse, { method: "POST", body: { name } }),
  version: (pageId: string, versionId: string) => request(versionPath(pageId, versionId), () => NoteVersionPreview),
  restore: (pageId: string, versionId: string) =>
    request(`${versionPath(pageId, versionId)}/restore`, () => NoteVersionResponse, { method: "POST" }),

  /** The page as a Markdown file; not JSON, so fetched here rather than through `request`. */
  markdown: (pageId: string) => fetchMarkdown(`${pagePath(pageId)}/markdown`),
};

async function getWithToken(path: string): Promise<Response> {
  const token = getAccessToken();
  try {
    return await fetch(path, {
      headers: token ? { Authorization: `Bearer ${token}`, Accept: "text/markdown" } : { Accept: "text/markdown" },
      credentials: "same-origin",
    });
  } catch (cause) {
    throw new ApiError("network_error", cause instanceof Error ? cause.message : "Network error", 0);
  }
}

async function errorOf(response: Response): Promise<ApiError> {
  let code: unknown;
  let message = response.statusText;
  try {
    const body = (await response.json()) as { error?: { code?: unknown; message?: unknown } };
    code = body.error?.code;
    if (typeof body.error?.message === "string") message = body.error.message;
  } catch {
    code = undefined;
  }
  return new ApiError(isErrorCode(code) ? code : "internal_error", message, response.status);
}

/** The file name the server chose (`filename*=UTF-8''…` preferred), or null. */
export function fileNameFromDisposition(header: string | null): string | null {
  if (!header) return null;
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // Malformed escape: fall back to the plain name.
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;]+)/i.exec(header);
  const name = plain?.[1] ?? plain?.[2]?.trim();
  return name ? name : null;
}

async function fetchMarkdown(path: string): Promise<{ blob: Blob; fileName: string | null }> {
  let response = await getWithToken(path);
  if (!response.ok) {
    let error = await errorOf(response);
    if (error.code !== "token_expired") throw error;
    await refreshAccessToken();
    response = await getWithToken(path);
    if (!response.ok) {
      error = await errorOf(response);
      throw error;
    }
  }
  return { blob: await response.blob(), fileName: fileNameFromDisposition(response.headers.get("Content-Disposition")) };
}
