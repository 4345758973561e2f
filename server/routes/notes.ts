import {
  CreateNotePageInput,
  CreateNoteVersionInput,
  NotePageList,
  NotePageParams,
  NotePageResponse,
  NoteTicketResponse,
  NoteVersionList,
  NoteVersionParams,
  NoteVersionPreview,
  NoteVersionResponse,
  UpdateNotePageInput,
} from "../../shared/schemas/notes";
import { GroupParams } from "../../shared/schemas/groups";
import {
  createPage,
  deletePage,
  issueTicket,
  listPages,
  listVersions,
  loadVersion,
  saveVersion,
  stateToMarkdown,
  updatePage,
} from "../commands/notes";
import type { ServerDeps } from "../deps";
import { defineRoute, type AnyRoute } from "../http/route";
import { authorizeNotebook, authorizeNotePage } from "../policies/notes";
import { errorResponses } from "./errorResponses";

/** `Content-Disposition` filename: the title without characters that break headers or file systems. */
function markdownFileName(title: string): string {
  const safe = title.replace(/[^\p{L}\p{N} _.-]+/gu, "").trim() || "note";
  return `${safe.slice(0, 80)}.md`;
}

export function noteRoutes(deps: ServerDeps): AnyRoute[] {
  const { db } = deps.database;
  const tag = "notes";

  return [
    defineRoute({
      method: "get",
      path: "/api/groups/:groupId/notes",
      tag,
      summary: "The group's notebook: its pages in order, and whether I may change them",
      auth: true,
      params: GroupParams,
      responses: { 200: { description: "Pages", schema: NotePageList }, ...errorResponses(400, 401, 403, 404) },
      async handle({ auth, params, res }) {
        const { readOnly } = await authorizeNotebook(db, auth.userId, params.groupId, "read");
        res.json({ pages: await listPages(db, params.groupId), readOnly });
      },
    }),

    defineRoute({
      method: "post",
      path: "/api/groups/:groupId/notes",
      tag,
      summary: "Add a page at the end of the notebook",
      auth: true,
      params: GroupParams,
      body: CreateNotePageInput,
      responses: { 201: { description: "The new page", schema: NotePageResponse }, ...errorResponses(400, 401, 403, 404, 409) },
      async handle({ auth, params, body, res }) {
        const page = await createPage(db, auth.userId, params.groupId, body.title);
        await deps.notes.pagesChanged(params.groupId);
        res.status(201).json({ page });
      },
    }),

    defineRoute({
      method: "patch",
      path: "/api/notes/:pageId",
      tag,
      summary: "Rename a page or move it to another place in the notebook",
      auth: true,
      params: NotePageParams,
      body: UpdateNotePageInput,
      responses: { 200: { description: "The page", schema: NotePageResponse }, ...errorResponses(400, 401, 403, 404, 409) },
      async handle({ auth, params, body, res }) {
        const page = await updatePage(db, auth.userId, params.pageId, body);
        await deps.notes.pagesChanged(page.groupId);
        res.json({ page });
      },
    }),

    defineRoute({
      method: "delete",
      path: "/api/notes/:pageId",
      tag,
      summary: "Delete a page (its author or a facilitator); open editors are closed",
      auth: true,
      params: NotePageParams,
      responses: { 204: { description: "Deleted" }, ...errorResponses(400, 401, 403, 404, 409) },
      async handle({ auth, params, res }) {
        const groupId = await deletePage(db, auth.userId, params.pageId);
        deps.notes.pageDeleted(params.pageId);
        await deps.notes.pagesChanged(groupId);
        res.status(204).end();
      },
    }),

    defineRoute({
      method: "post",
      path: "/api/notes/:pageId/ticket",
      tag,
      summary: "A single-use ticket to open the page's collaborative document at /yjs/<docName>?ticket=…",
      auth: true,
      params: NotePageParams,
      responses: { 201: { description: "Ticket", schema: NoteTicketResponse }, ...errorResponses(400, 401, 403, 404) },
      async handle({ auth, params, res }) {
        res.status(201).json(await issueTicket(db, auth.userId, auth.sessionId, params.pageId));
      },
    }),

    defineRoute({
      method: "get",
      path: "/api/notes/:pageId/markdown",
      tag,
      summary: "The page as a Markdown file",
      auth: true,
      params: NotePageParams,
      responses: { 200: { description: "text/markdown" }, ...errorResponses(400, 401, 403, 404) },
      async handle({ auth, params, res }) {
        const { page } = await authorizeNotePage(db, auth.userId, params.pageId, "read");
        const markdown = `# ${page.title}\n\n${stateToMarkdown(await deps.notes.documents.currentState(params.pageId))}`;
        res.type("text/markdown; charset=utf-8");
        res.attachment(markdownFileName(page.title));
        res.send(markdown);
      },
    }),

    defineRoute({
      method: "get",
      path: "/api/notes/:pageId/versions",
      tag,
      summary: "The page's saved versions, newest first",
      auth: true,
      params: NotePageParams,
      responses: { 200: { description: "Versions", schema: NoteVersionList }, ...errorResponses(400, 401, 403, 404) },
      async handle({ auth, params, res }) {
        await authorizeNotePage(db, auth.userId, params.pageId, "read");
        res.json({ versions: await listVersions(db, params.pageId) });
      },
    }),

    defineRoute({
      method: "post",
      path: "/api/notes/:pageId/versions",
      tag,
      summary: "Save the page as it is now as a named version",
      auth: true,
      params: NotePageParams,
      body: CreateNoteVersionInput,
      responses: { 201: { description: "Saved", schema: NoteVersionResponse }, ...errorResponses(400, 401, 403, 404, 409) },
      async handle({ auth, params, body, res }) {
        await authorizeNotePage(db, auth.userId, params.pageId, "write");
        const state = await deps.notes.documents.currentState(params.pageId);
        const version = await saveVersion(db, params.pageId, state, { name: body.name, kind: "manual", createdBy: auth.userId });
        res.status(201).json({ version });
      },
    }),

    defineRoute({
      method: "get",
      path: "/api/notes/:pageId/versions/:versionId",
      tag,
      summary: "Preview a saved version as Markdown",
      auth: true,
      params: NoteVersionParams,
      responses: { 200: { description: "Preview", schema: NoteVersionPreview }, ...errorResponses(400, 401, 403, 404) },
      async handle({ auth, params, res }) {
        await authorizeNotePage(db, auth.userId, params.pageId, "read");
        const { version, state } = await loadVersion(db, params.pageId, params.versionId);
        res.json({ version, markdown: stateToMarkdown(state) });
      },
    }),

    defineRoute({
      method: "post",
      path: "/api/notes/:pageId/versions/:versionId/restore",
      tag,
      summary: "Bring a version back as a new change; the text before it is saved as a version first",
      auth: true,
      params: NoteVersionParams,
      responses: { 201: { description: "The version saved just before restoring", schema: NoteVersionResponse }, ...errorResponses(400, 401, 403, 404, 409) },
      async handle({ auth, params, res }) {
        await authorizeNotePage(db, auth.userId, params.pageId, "write");
        const { state } = await loadVersion(db, params.pageId, params.versionId);
        // Nothing is lost: what the page said a moment ago stays in the history.
        const before = await deps.notes.documents.currentState(params.pageId);
        const version = await saveVersion(db, params.pageId, before, { name: null, kind: "restore", createdBy: auth.userId });
        await deps.notes.documents.replaceContent(params.pageId, state);
        res.status(201).json({ version });
      },
    }),
  ];
}
