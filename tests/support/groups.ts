import type { Goal, GroupDetail, Membership } from "../../shared/schemas/groups";
import { ApiClient, signedInClient } from "./http";

export interface GroupFixture {
  groupId: string;
  facilitator: Awaited<ReturnType<typeof signedInClient>>;
  member: Awaited<ReturnType<typeof signedInClient>>;
  goals: Goal[];
  invitationToken: string;
}

async function expectStatus<T>(promise: Promise<{ status: number; body: T }>, status: number): Promise<T> {
  const response = await promise;
  if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body;
}

/** A group with a facilitator, `goalCount` goals, and a member who joined by invitation and accepted the agreement. */
export async function groupWithMember(baseUrl: string, options: { goalCount?: number; name?: string } = {}): Promise<GroupFixture> {
  const facilitator = await signedInClient(baseUrl);
  const member = await signedInClient(baseUrl);
  const { group } = await expectStatus(
    facilitator.client.post<{ group: GroupDetail }>("/api/groups", { name: options.name ?? "Projektipäälliköt", kind: "peer_mentoring" }),
    201,
  );
  const goals: Goal[] = [];
  for (let index = 0; index < (options.goalCount ?? 1); index++) {
    const body = await expectStatus(
      facilitator.client.post<{ goal: Goal }>(`/api/groups/${group.id}/goals`, { title: `Tavoite ${index + 1}` }),
      201,
    );
    goals.push(body.goal);
  }
  const { invitation } = await expectStatus(
    facilitator.client.post<{ invitation: { token: string } }>(`/api/groups/${group.id}/invitations`, {}),
    201,
  );
  await expectStatus(member.client.post<{ membership: Membership }>(`/api/invitations/${invitation.token}/accept`, { acceptAgreement: true }), 200);
  return { groupId: group.id, facilitator, member, goals, invitationToken: invitation.token };
}

export { expectStatus, ApiClient };
