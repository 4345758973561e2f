import {
  AppointFacilitatorInput,
  CreateProgrammeGroupInput,
  CreateProgrammeInput,
  GroupSummaryResponse,
  MembershipResponse,
  ProgrammeDetailResponse,
  ProgrammeGroupParams,
  ProgrammeList,
  ProgrammeParams,
  ProgrammeResponse,
} from "../../shared/schemas/groups";
import { isLocale } from "../../shared/locales";
import { PROGRAMME_ACTIVITY } from "../../shared/limits";
import { ProgrammeOverview } from "../../shared/schemas/programmeOverview";
import { programmeActivity } from "../db/programmeOverview";
import { createGroup } from "../commands/groups";
import { appointFacilitator, createProgramme, listCoordinatedProgrammes, presentProgramme } from "../commands/programmes";
import { listGroupSummaries, presentGroupSummary, presentMembership } from "../db/groupQueries";
import { findUserById } from "../db/users";
import type { ServerDeps } from "../deps";
import { authorizeProgramme, authorizeProgrammeGroup } from "../policies/groups";
import { defineRoute, type AnyRoute } from "../http/route";
import { errorResponses } from "./errorResponses";

export function programmeRoutes(deps: ServerDeps): AnyRoute[] {
  const { db } = deps.database;
  const tag = "programmes";

  return [
    defineRoute({
      method: "post",
      path: "/api/programmes",
      tag,
      summary: "Create a programme; I become its coordinator",
      auth: true,
      body: CreateProgrammeInput,
      responses: { 201: { description: "Created", schema: ProgrammeResponse }, ...errorResponses(400, 401) },
      async handle({ auth, body, res }) {
        res.status(201).json({ programme: presentProgramme(await createProgramme(db, auth.userId, body)) });
      },
    }),

    defineRoute({
      method: "get",
      path: "/api/programmes",
      tag,
      summary: "The programmes I coordinate",
      auth: true,
      responses: { 200: { description: "Programmes", schema: ProgrammeList }, ...errorResponses(401) },
      async handle({ auth, res }) {
        res.json({ programmes: await listCoordinatedProgrammes(db, auth.userId) });
      },
    }),

    defineRoute({
      method: "get",
      path: "/api/programmes/:programmeId",
      tag,
      summary: "A programme and its groups' names, sizes and phases — never their content",
      auth: true,
      params: ProgrammeParams,
      responses: { 200: { description: "The programme", schema: ProgrammeDetailResponse }, ...errorResponses(400, 401, 404) },
      async handle({ auth, params, res }) {
        const programme = await authorizeProgramme(db, auth.userId, params.programmeId);
        res.json({ programme: presentProgramme(programme), groups: await listGroupSummaries(db, { programmeId: programme.id }) });
      },
    }),

    defineRoute({
      method: "get",
      path: "/api/programmes/:programmeId/overview",
      tag,
      summary: "How the programme's groups are doing: meetings held, next meeting, goals set and achieved, last activity, quiet groups flagged — counts and times only",
      auth: true,
      params: ProgrammeParams,
      responses: { 200: { description: "Overview", schema: ProgrammeOverview }, ...errorResponses(400, 401, 404) },
      async handle({ auth, params, res }) {
        const programme = await authorizeProgramme(db, auth.userId, params.programmeId);
        res.json({ groups: await programmeActivity(db, programme.id, new Date()), inactiveAfterDays: PROGRAMME_ACTIVITY.inactiveAfterDays });
      },
    }),

    defineRoute({
      method: "post",
      path: "/api/programmes/:programmeId/groups",
      tag,
      summary: "Create a group in the programme (coordinators); appoint or invite its facilitator next",
      auth: true,
      params: ProgrammeParams,
      body: CreateProgrammeGroupInput,
      responses: { 201: { description: "Created", schema: GroupSummaryResponse }, ...errorResponses(400, 401, 404) },
      async handle({ auth, params, body, res }) {
        await authorizeProgramme(db, auth.userId, params.programmeId);
        const user = await findUserById(db, auth.userId);
        const group = await createGroup(db, body, {
          creatorId: auth.userId,
          locale: isLocale(user?.locale) ? user.locale : "fi",
          programmeId: params.programmeId,
          creatorJoins: false,
        });
        res.status(201).json({ group: presentGroupSummary(group, 0) });
      },
    }),

    defineRoute({
      method: "post",
      path: "/api/programmes/:programmeId/groups/:groupId/facilitators",
      tag,
      summary: "Appoint a person with an account as the group's facilitator (coordinators)",
      auth: true,
      params: ProgrammeGroupParams,
      body: AppointFacilitatorInput,
      responses: { 201: { description: "Their membership", schema: MembershipResponse }, ...errorResponses(400, 401, 404, 409) },
      async handle({ auth, params, body, res }) {
        await authorizeProgrammeGroup(db, auth.userId, params.programmeId, params.groupId);
        const membership = await appointFacilitator(db, params.groupId, body.email);
        await deps.live.memberJoined(params.groupId, membership.userId, membership.agreementAcceptedAt !== null);
        await deps.live.membersChanged(params.groupId);
        res.status(201).json({ membership: presentMembership(membership) });
      },
    }),
  ];
}
