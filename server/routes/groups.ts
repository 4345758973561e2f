import {
  ChangePhaseInput,
  CompleteOnboardingInput,
  CreateGroupInput,
  GroupList,
  GroupParams,
  GroupResponse,
  MemberParams,
  MembershipResponse,
  UpdateGroupInput,
  UpdateMemberInput,
} from "../../shared/schemas/groups";
import { isLocale } from "../../shared/locales";
import { changePhase, createGroup, updateGroup } from "../commands/groups";
import { acceptAgreement, completeOnboardingStep, removeMember, updateMember } from "../commands/members";
import { listMyGroups, loadGroupDetail, presentMembership } from "../db/groupQueries";
import { findUserById } from "../db/users";
import type { ServerDeps } from "../deps";
import { authorizeGroup } from "../policies/groups";
import { defineRoute, type AnyRoute } from "../http/route";
import { errorResponses } from "./errorResponses";

export function groupRoutes(deps: ServerDeps): AnyRoute[] {
  const { db } = deps.database;
  const tag = "groups";

  return [
    defineRoute({
      method: "post",
      path: "/api/groups",
      tag,
      summary: "Create a self-organised group; I become its facilitator",
      auth: true,
      body: CreateGroupInput,
      responses: { 201: { description: "Created", schema: GroupResponse }, ...errorResponses(400, 401) },
      async handle({ auth, body, res }) {
        const user = await findUserById(db, auth.userId);
        const group = await createGroup(db, body, {
          creatorId: auth.userId,
          locale: isLocale(user?.locale) ? user.locale : "fi",
          creatorJoins: true,
        });
        await deps.live.memberJoined(group.id, auth.userId, true);
        const { membership } = await authorizeGroup(db, auth.userId, group.id, "view");
        res.status(201).json({ group: await loadGroupDetail(db, group, membership) });
      },
    }),

    defineRoute({
      method: "get",
      path: "/api/groups",
      tag,
      summary: "List the groups I belong to, with my role in each and its programme's name",
      auth: true,
      responses: { 200: { description: "My groups", schema: GroupList }, ...errorResponses(401) },
      async handle({ auth, res }) {
        res.json({ groups: await listMyGroups(db, auth.userId) });
      },
    }),

    defineRoute({
      method: "get",
      path: "/api/groups/:groupId",
      tag,
      summary: "A group with its members and, once I have accepted the agreement, its goal board",
      auth: true,
      params: GroupParams,
      responses: { 200: { description: "The group", schema: GroupResponse }, ...errorResponses(400, 401, 404) },
      async handle({ auth, params, res }) {
        const { group, membership } = await authorizeGroup(db, auth.userId, params.groupId, "view");
        res.json({ group: await loadGroupDetail(db, group, membership) });
      },
    }),

    defineRoute({
      method: "patch",
      path: "/api/groups/:groupId",
      tag,
      summary: "Change the group's name, description, agreement or capacity (facilitators)",
      auth: true,
      params: GroupParams,
      body: UpdateGroupInput,
      responses: { 200: { description: "The group", schema: GroupResponse }, ...errorResponses(400, 401, 403, 404) },
      async handle({ auth, params, body, res }) {
        const { membership } = await authorizeGroup(db, auth.userId, params.groupId, "manage");
        const group = await updateGroup(db, params.groupId, body);
        await deps.live.groupChanged(group.id);
        res.json({ group: await loadGroupDetail(db, group, membership) });
      },
    }),

    defineRoute({
      method: "post",
      path: "/api/groups/:groupId/phase",
      tag,
      summary: "Move the group to another phase: forming → active → paused ⇄ active → ended (facilitators)",
      auth: true,
      params: GroupParams,
      body: ChangePhaseInput,
      responses: { 200: { description: "The group", schema: GroupResponse }, ...errorResponses(400, 401, 403, 404, 409) },
      async handle({ auth, params, body, res }) {
        const { membership } = await authorizeGroup(db, auth.userId, params.groupId, "manage");
        const group = await changePhase(db, params.groupId, body);
        await deps.live.groupChanged(group.id);
        res.json({ group: await loadGroupDetail(db, group, membership) });
      },
    }),

    defineRoute({
      method: "post",
      path: "/api/groups/:groupId/agreement/accept",
      tag,
      summary: "Accept the group agreement; the group's content opens to me",
      auth: true,
      params: GroupParams,
      responses: { 200: { description: "My membership", schema: MembershipResponse }, ...errorResponses(400, 401, 404) },
      async handle({ auth, params, res }) {
        await authorizeGroup(db, auth.userId, params.groupId, "view");
        const membership = await acceptAgreement(db, params.groupId, auth.userId);
        deps.live.contentAccessGranted(params.groupId, auth.userId);
        await deps.live.membersChanged(params.groupId);
        res.json({ membership: presentMembership(membership) });
      },
    }),

    defineRoute({
      method: "post",
      path: "/api/groups/:groupId/onboarding",
      tag,
      summary: "Tick a step of my onboarding checklist",
      auth: true,
      params: GroupParams,
      body: CompleteOnboardingInput,
      responses: { 200: { description: "My membership", schema: MembershipResponse }, ...errorResponses(400, 401, 403, 404) },
      async handle({ auth, params, body, res }) {
        await authorizeGroup(db, auth.userId, params.groupId, "viewContent");
        res.json({ membership: presentMembership(await completeOnboardingStep(db, params.groupId, auth.userId, body.step)) });
      },
    }),

    defineRoute({
      method: "patch",
      path: "/api/groups/:groupId/members/:userId",
      tag,
      summary: "Hand over or share the facilitator role, or set the peer-instructor badge (facilitators)",
      auth: true,
      params: MemberParams,
      body: UpdateMemberInput,
      responses: { 200: { description: "The membership", schema: MembershipResponse }, ...errorResponses(400, 401, 403, 404, 409) },
      async handle({ auth, params, body, res }) {
        await authorizeGroup(db, auth.userId, params.groupId, "manage");
        const membership = await updateMember(db, params.groupId, params.userId, body);
        await deps.live.membersChanged(params.groupId);
        res.json({ membership: presentMembership(membership) });
      },
    }),

    defineRoute({
      method: "delete",
      path: "/api/groups/:groupId/members/:userId",
      tag,
      summary: "Leave the group (my own id) or remove a member (facilitators)",
      auth: true,
      params: MemberParams,
      responses: { 204: { description: "Gone; their open pages stop receiving updates" }, ...errorResponses(400, 401, 403, 404, 409) },
      async handle({ auth, params, res }) {
        const leaving = params.userId === auth.userId;
        await authorizeGroup(db, auth.userId, params.groupId, leaving ? "view" : "manage");
        await removeMember(db, params.groupId, params.userId);
        deps.live.memberLeft(params.groupId, params.userId);
        await deps.live.membersChanged(params.groupId);
        res.status(204).end();
      },
    }),
  ];
}
