import type { Request } from "express";
import { ProgrammeParams } from "../../shared/schemas/groups";
import {
  CreateGatheringInput,
  DigestInput,
  GatheringGroupParams,
  GatheringList,
  GatheringParams,
  GatheringResponse,
  MyGatheringsQuery,
  RsvpInput,
  type GatheringSummary,
  UpdateGatheringInput,
} from "../../shared/schemas/gatherings";
import { ReplaceAgendaInput } from "../../shared/schemas/meetings";
import { answerRsvp, createGathering, publishDigest, replaceGatheringAgenda, updateGathering, withdrawDigest } from "../commands/gatherings";
import { listMyGatherings, listProgrammeGatherings, loadGathering } from "../db/gatheringQueries";
import type { ServerDeps } from "../deps";
import { piiriCalendar, type CalendarEntry } from "../domain/calendar";
import { sendDownload } from "../http/download";
import { defineRoute, type AnyRoute } from "../http/route";
import { authorizeDigest, authorizeGathering } from "../policies/gatherings";
import { authorizeProgramme } from "../policies/groups";
import { errorResponses } from "./errorResponses";

export function gatheringRoutes(deps: ServerDeps): AnyRoute[] {
  const { db } = deps.database;
  const tag = "gatherings";
  const baseUrl = (req: Request) => deps.publicUrl ?? `${req.protocol}://${req.get("host")}`;
  const present = async (userId: string, gatheringId: string) => loadGathering(db, userId, await authorizeGathering(db, userId, gatheringId, "view"));

  return [
    defineRoute({
      method: "post",
      path: "/api/programmes/:programmeId/gatherings",
      tag,
      summary: "Organise a gathering of some or all of the programme's groups (coordinators)",
      auth: true,
      params: ProgrammeParams,
      body: CreateGatheringInput,
      responses: { 201: { description: "The gathering", schema: GatheringResponse }, ...errorResponses(400, 401, 404) },
      async handle({ auth, params, body, res }) {
        await authorizeProgramme(db, auth.userId, params.programmeId);
        const gatheringId = await createGathering(db, auth.userId, params.programmeId, body);
        await deps.meetings.gatheringChanged(gatheringId);
        res.status(201).json({ gathering: await present(auth.userId, gatheringId) });
      },
    }),

    defineRoute({
      method: "get",
      path: "/api/programmes/:programmeId/gatherings",
      tag,
      summary: "The programme's gatherings (coordinators)",
      auth: true,
      params: ProgrammeParams,
      responses: { 200: { description: "Gatherings", schema: GatheringList }, ...errorResponses(400, 401, 404) },
      async handle({ auth, params, res }) {
        await authorizeProgramme(db, auth.userId, params.programmeId);
        res.json({ gatherings: await listProgrammeGatherings(db, params.programmeId) });
      },
    }),

    defineRoute({
      method: "get",
      path: "/api/me/gatherings",
      tag,
      summary: "Gatherings I am invited to or host: coming ones (the default) or past ones",
      auth: true,
      query: MyGatheringsQuery,
      responses: { 200: { description: "Gatherings", schema: GatheringList }, ...errorResponses(401) },
      async handle({ auth, query, res }) {
        res.json({ gatherings: await listMyGatherings(db, auth.userId, { when: query.when, now: new Date() }) });
      },
    }),

    defineRoute({
      method: "get",
      path: "/api/gatherings/:gatheringId",
      tag,
      summary: "A gathering: invited groups, agenda, who is coming and the groups' published digests",
      auth: true,
      params: GatheringParams,
      responses: { 200: { description: "The gathering", schema: GatheringResponse }, ...errorResponses(400, 401, 404) },
      async handle({ auth, params, res }) {
        res.json({ gathering: await present(auth.userId, params.gatheringId) });
      },
    }),

    defineRoute({
      method: "patch",
      path: "/api/gatherings/:gatheringId",
      tag,
      summary: "Change a gathering, its invited groups, or cancel it (hosts)",
      auth: true,
      params: GatheringParams,
      body: UpdateGatheringInput,
      responses: { 200: { description: "The gathering", schema: GatheringResponse }, ...errorResponses(400, 401, 403, 404, 409) },
      async handle({ auth, params, body, res }) {
        const { gathering } = await authorizeGathering(db, auth.userId, params.gatheringId, "host");
        await updateGathering(db, gathering, body);
        await deps.meetings.gatheringChanged(gathering.id);
        res.json({ gathering: await present(auth.userId, params.gatheringId) });
      },
    }),

    defineRoute({
      method: "put",
      path: "/api/gatherings/:gatheringId/agenda",
      tag,
      summary: "Replace the gathering's agenda (hosts); method cards must be built-in or the programme's",
      auth: true,
      params: GatheringParams,
      body: ReplaceAgendaInput,
      responses: { 200: { description: "The gathering", schema: GatheringResponse }, ...errorResponses(400, 401, 403, 404, 409) },
      async handle({ auth, params, body, res }) {
        const { gathering } = await authorizeGathering(db, auth.userId, params.gatheringId, "host");
        await replaceGatheringAgenda(db, gathering, body.blocks);
        await deps.meetings.gatheringChanged(gathering.id);
        res.json({ gathering: await present(auth.userId, params.gatheringId) });
      },
    }),

    defineRoute({
      method: "put",
      path: "/api/gatherings/:gatheringId/rsvp",
      tag,
      summary: "Answer whether I come: yes, maybe or no",
      auth: true,
      params: GatheringParams,
      body: RsvpInput,
      responses: { 200: { description: "The gathering", schema: GatheringResponse }, ...errorResponses(400, 401, 403, 404, 409) },
      async handle({ auth, params, body, res }) {
        const { gathering } = await authorizeGathering(db, auth.userId, params.gatheringId, "rsvp");
        await answerRsvp(db, gathering, auth.userId, body.answer);
        await deps.meetings.gatheringChanged(gathering.id);
        res.json({ gathering: await present(auth.userId, params.gatheringId) });
      },
    }),

    defineRoute({
      method: "put",
      path: "/api/gatherings/:gatheringId/digests/:groupId",
      tag,
      summary: "Publish what the group has learnt to the gathering (the group's facilitators, for their own group)",
      auth: true,
      params: GatheringGroupParams,
      body: DigestInput,
      responses: { 200: { description: "The gathering", schema: GatheringResponse }, ...errorResponses(400, 401, 403, 404) },
      async handle({ auth, params, body, res }) {
        await authorizeDigest(db, auth.userId, params.gatheringId, params.groupId);
        await publishDigest(db, params.gatheringId, params.groupId, auth.userId, body.text);
        await deps.meetings.gatheringChanged(params.gatheringId);
        res.json({ gathering: await present(auth.userId, params.gatheringId) });
      },
    }),

    defineRoute({
      method: "delete",
      path: "/api/gatherings/:gatheringId/digests/:groupId",
      tag,
      summary: "Withdraw the group's published digest",
      auth: true,
      params: GatheringGroupParams,
      responses: { 204: { description: "Withdrawn" }, ...errorResponses(400, 401, 403, 404) },
      async handle({ auth, params, res }) {
        await authorizeDigest(db, auth.userId, params.gatheringId, params.groupId);
        await withdrawDigest(db, params.gatheringId, params.groupId);
        await deps.meetings.gatheringChanged(params.gatheringId);
        res.status(204).end();
      },
    }),

    defineRoute({
      method: "get",
      path: "/api/gatherings/:gatheringId/ics",
      tag,
      summary: "The gathering as an iCalendar file",
      auth: true,
      params: GatheringParams,
      responses: { 200: { description: "text/calendar" }, ...errorResponses(400, 401, 404) },
      async handle({ auth, params, req, res }) {
        const gathering = await present(auth.userId, params.gatheringId);
        sendDownload(res, "text/calendar; charset=utf-8", "piiri-gathering.ics", piiriCalendar(gathering.title, [gatheringEntry(gathering, baseUrl(req))]));
      },
    }),
  ];
}

/** A gathering in a calendar, under its programme's name. */
export function gatheringEntry(gathering: GatheringSummary, baseUrl: string): CalendarEntry {
  return {
    id: gathering.id,
    title: gathering.title,
    ownerName: gathering.programmeName,
    startsAt: gathering.startsAt,
    durationMinutes: gathering.durationMinutes,
    location: gathering.location,
    videoUrl: gathering.videoUrl,
    cancelled: gathering.status === "cancelled",
    url: `${baseUrl}/gatherings/${gathering.id}`,
  };
}
