import { z } from "zod";
import { NOTES } from "../limits";

const Title = z.string().trim().min(1).max(NOTES.titleMax);

const Person = z.object({ id: z.uuid(), displayName: z.string() }).meta({ id: "NotePerson" });

export const NotePage = z
  .object({
    id: z.uuid(),
    groupId: z.uuid(),
    title: z.string(),
    /** 0-based place in the notebook. */
    position: z.number().int().min(0),
    createdBy: Person.nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "NotePage", description: "A page of a group's shared notebook (its text lives in a Yjs document)" });
export type NotePage = z.infer<typeof NotePage>;

export const NotePageList = z.object({ pages: z.array(NotePage), readOnly: z.boolean() }).meta({ id: "NotePageList" });
export type NotePageList = z.infer<typeof NotePageList>;
export const NotePageResponse = z.object({ page: NotePage }).meta({ id: "NotePageResponse" });

export const CreateNotePageInput = z.object({ title: Title }).strict().meta({ id: "CreateNotePageInput" });
export type CreateNotePageInput = z.infer<typeof CreateNotePageInput>;

export const UpdateNotePageInput = z
  .object({ title: Title.optional(), position: z.number().int().min(0).max(NOTES.pagesPerGroup).optional() })
  .strict()
  .refine((input) => input.title !== undefined || input.position !== undefined, { message: "Give a title or a position" })
  .meta({ id: "UpdateNotePageInput", description: "Rename, or move to another place in the notebook" });
export type UpdateNotePageInput = z.infer<typeof UpdateNotePageInput>;

export const NoteTicketResponse = z
  .object({
    ticket: z.string(),
    /** The y-websocket room: connect to `/yjs/<docName>?ticket=<ticket>`. */
    docName: z.string(),
    readOnly: z.boolean(),
    expiresAt: z.iso.datetime(),
  })
  .meta({ id: "NoteTicketResponse", description: "A single-use ticket for one notes websocket connection" });
export type NoteTicketResponse = z.infer<typeof NoteTicketResponse>;

export const NOTE_VERSION_KINDS = ["auto", "manual", "restore"] as const;
export const NoteVersion = z
  .object({
    id: z.uuid(),
    pageId: z.uuid(),
    name: z.string().nullable(),
    kind: z.enum(NOTE_VERSION_KINDS),
    createdBy: Person.nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "NoteVersion" });
export type NoteVersion = z.infer<typeof NoteVersion>;

export const NoteVersionList = z.object({ versions: z.array(NoteVersion) }).meta({ id: "NoteVersionList" });
export const NoteVersionResponse = z.object({ version: NoteVersion }).meta({ id: "NoteVersionResponse" });
export const NoteVersionPreview = z
  .object({ version: NoteVersion, markdown: z.string() })
  .meta({ id: "NoteVersionPreview", description: "A saved version rendered as Markdown" });
export type NoteVersionPreview = z.infer<typeof NoteVersionPreview>;

export const CreateNoteVersionInput = z
  .object({ name: z.string().trim().min(1).max(NOTES.versionNameMax) })
  .strict()
  .meta({ id: "CreateNoteVersionInput" });

export const NotePageParams = z.object({ pageId: z.uuid() });
export const NoteVersionParams = z.object({ pageId: z.uuid(), versionId: z.uuid() });
