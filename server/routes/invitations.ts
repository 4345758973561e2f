import type { Request } from "express";
import {
  AcceptInvitationInput,
  CreateInvitationInput,
  CreatedInvitationResponse,
  GroupParams,
  InvitationList,
  InvitationParams,
  InvitationPreviewResponse,
  InvitationTokenParams,
  MembershipResponse,
  ProgrammeGroupParams,
} from "../../shared/schemas/groups";
import type { GroupKind } from "../../shared/schemas/groups";
import { acceptInvitation, createInvitation, listInvitations, presentInvitation, previewInvitation, revokeInvitation } from "../commands/invitations";
import { presentMembership } from "../db/groupQueries";
import { findUserById } from "../db/users";
import type { ServerDeps } from "../deps";
import { AppError } from "../domain/appError";
import { authorizeGroup, authorizeProgrammeGroup } from "../policies/groups";
import { defineRoute, type AnyRoute } from "../http/route";
import { errorResponses } from "./errorResponses";

export function invitationRoutes(deps: ServerDeps): AnyRoute[] {
  const { db } = deps.database;
  const tag = "invitations";

  /** The link a person opens; the client's /join/:token page shows the group and its agreement. */
  const invitationUrl = (req: Request, token: string) => `${deps.publicUrl ?? `${req.protocol}://${req.get("host")}`}/join/${token}`;

  const respondCreated = async (req: Request, groupId: string, actorId: string, input: CreateInvitationInput) => {
    const { invitation, token } = await createInvitation(db, groupId, actorId, input);
    // The facilitators' open invitation lists (on other devices, or of a co-facilitator) show it at once.
    await deps.live.invitationsChanged(groupId);
    return { invitation: { ...presentInvitation(invitation), token, url: invitationUrl(req, token) } };
  };

  return [
    defineRoute({
      method: "post",
      path: "/api/groups/:groupId/invitations",
      tag,
      summary: "Create an invitation link (facilitators): expiry, optional email, single- or multi-use",
      auth: true,
      params: GroupParams,
      body: CreateInvitationInput,
      responses: { 201: { description: "The link; its token is shown only now", schema: CreatedInvitationResponse }, ...errorResponses(400, 401, 403, 404) },
      async handle({ auth, params, body, req, res }) {
        const { group } = await authorizeGroup(db, auth.userId, params.groupId, "manage");
        if (group.phase === "ended") throw new AppError("group_ended", "This group has ended");
        res.status(201).json(await respondCreated(req, params.groupId, auth.userId, body));
      },
    }),

    defineRoute({
      method: "get",
      path: "/api/groups/:groupId/invitations",
      tag,
      summary: "The group's invitations (facilitators)",
      auth: true,
      params: GroupParams,
      responses: { 200: { description: "Invitations, newest first", schema: InvitationList }, ...errorResponses(400, 401, 403, 404) },
      async handle({ auth, params, res }) {
        await authorizeGroup(db, auth.userId, params.groupId, "manage");
        res.json({ invitations: await listInvitations(db, params.groupId) });
      },
    }),

    defineRoute({
      method: "delete",
      path: "/api/groups/:groupId/invitations/:invitationId",
      tag,
      summary: "Withdraw an invitation (facilitators)",
      auth: true,
      params: InvitationParams,
      responses: { 204: { description: "Withdrawn" }, ...errorResponses(400, 401, 403, 404) },
      async handle({ auth, params, res }) {
        await authorizeGroup(db, auth.userId, params.groupId, "manage");
        await revokeInvitation(db, params.groupId, params.invitationId);
        await deps.live.invitationsChanged(params.groupId);
        res.status(204).end();
      },
    }),

    defineRoute({
      method: "post",
      path: "/api/programmes/:programmeId/groups/:groupId/invitations",
      tag,
      summary: "Invite someone to a programme group, e.g. as its facilitator (coordinators)",
      auth: true,
      params: ProgrammeGroupParams,
      body: CreateInvitationInput,
      responses: { 201: { description: "The link", schema: CreatedInvitationResponse }, ...errorResponses(400, 401, 404) },
      async handle({ auth, params, body, req, res }) {
        await authorizeProgrammeGroup(db, auth.userId, params.programmeId, params.groupId);
        res.status(201).json(await respondCreated(req, params.groupId, auth.userId, { role: "facilitator", ...body }));
      },
    }),

    defineRoute({
      method: "get",
      path: "/api/invitations/:token",
      tag,
      summary: "What an invitation link leads to: the group's name, kind and agreement",
      auth: false,
      params: InvitationTokenParams,
      responses: { 200: { description: "The invitation", schema: InvitationPreviewResponse }, ...errorResponses(400, 410) },
      async handle({ params, res }) {
        const preview = await previewInvitation(db, params.token, undefined);
        res.json({
          invitation: {
            groupName: preview.groupName,
            kind: preview.kind as GroupKind,
            agreement: preview.agreement,
            role: preview.role,
            invitedBy: preview.invitedBy,
            expiresAt: preview.expiresAt,
          },
        });
      },
    }),

    defineRoute({
      method: "post",
      path: "/api/invitations/:token/accept",
      tag,
      summary: "Join the group through an invitation; `acceptAgreement: true` also accepts the group agreement",
      auth: true,
      params: InvitationTokenParams,
      body: AcceptInvitationInput.optional(),
      responses: { 200: { description: "My new membership", schema: MembershipResponse }, ...errorResponses(400, 401, 403, 404, 409, 410) },
      async handle({ auth, params, body, res }) {
        const user = await findUserById(db, auth.userId);
        if (!user) throw new AppError("session_ended", "This account no longer exists");
        const membership = await acceptInvitation(db, params.token, user, body?.acceptAgreement ?? false);
        await deps.live.memberJoined(membership.groupId, auth.userId, membership.agreementAcceptedAt !== null);
        await deps.live.membersChanged(membership.groupId);
        // The link has one more use (a single-use link is spent): its facilitators' lists follow.
        await deps.live.invitationsChanged(membership.groupId);
        res.json({ membership: presentMembership(membership) });
      },
    }),
  ];
}
