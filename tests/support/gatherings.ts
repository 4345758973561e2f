import type { ChatMessage } from "../../shared/schemas/chat";
import { GatheringLive, type BreakoutRoom, type Gathering } from "../../shared/schemas/gatherings";
import { expectStatus } from "./groups";
import { signedInClient } from "./http";
import { connectSocket, nextEvent, type TestSocket } from "./sockets";

export type Person = Awaited<ReturnType<typeof signedInClient>>;

/**
 * A programme of `count` groups, each with a facilitator and a member past the agreement; Kaisa
 * coordinates it (and hosts its gatherings). `people` lists facilitator then member, group by group.
 */
export async function programmeOfGroups(baseUrl: string, count: number) {
  const host = await signedInClient(baseUrl, { displayName: "Kaisa" });
  const { programme } = await expectStatus(host.client.post<{ programme: { id: string } }>("/api/programmes", { name: "Verme-verkosto", template: "verme_year" }), 201);
  const people: { person: Person; groupId: string }[] = [];
  const groupIds: string[] = [];
  for (let index = 0; index < count; index++) {
    const { group } = await expectStatus(
      host.client.post<{ group: { id: string } }>(`/api/programmes/${programme.id}/groups`, { name: `Ryhmä ${index + 1}`, kind: "peer_mentoring" }),
      201,
    );
    groupIds.push(group.id);
    const facilitator = await signedInClient(baseUrl);
    const member = await signedInClient(baseUrl);
    await expectStatus(host.client.post(`/api/programmes/${programme.id}/groups/${group.id}/facilitators`, { email: facilitator.user.email }), 201);
    await expectStatus(facilitator.client.post(`/api/groups/${group.id}/agreement/accept`, {}), 200);
    const { invitation } = await expectStatus(facilitator.client.post<{ invitation: { token: string } }>(`/api/groups/${group.id}/invitations`, {}), 201);
    await expectStatus(member.client.post(`/api/invitations/${invitation.token}/accept`, { acceptAgreement: true }), 200);
    people.push({ person: facilitator, groupId: group.id }, { person: member, groupId: group.id });
  }
  return { host, programmeId: programme.id, groupIds, people };
}

export async function createGathering(host: Person, programmeId: string, groupIds: string[]): Promise<Gathering> {
  const { gathering } = await expectStatus(
    host.client.post<{ gathering: Gathering }>(`/api/programmes/${programmeId}/gatherings`, {
      title: "Syksyn kohtaaminen",
      startsAt: "2027-10-20T13:00:00+03:00",
      durationMinutes: 120,
      groupIds,
    }),
    201,
  );
  return gathering;
}

/** Someone on a live gathering's page through a real socket.io-client connection. */
export interface Participant {
  person: Person;
  groupId: string;
  socket: TestSocket;
  /** Every `message:sent` this socket heard. */
  heard: ChatMessage[];
  /** The newest gathering state pushed to this socket. */
  latest: () => GatheringLive | undefined;
}

export async function connectParticipant(baseUrl: string, person: Person, groupId: string): Promise<Participant> {
  const socket = await connectSocket(baseUrl, person.client.accessToken);
  const heard: ChatMessage[] = [];
  let latest: GatheringLive | undefined;
  socket.on("message:sent", ({ message }) => heard.push(message));
  socket.on("gathering:live", ({ live }) => (latest = GatheringLive.parse(live)));
  return { person, groupId, socket, heard, latest: () => latest };
}

/** The payload of an ok acknowledgement; an error ack fails the test with its code and message. */
export function ok<T>(result: { ok: false; error: { code: string; message: string } } | ({ ok: true } & T)): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result;
}

/** Waits until this participant's newest pushed state satisfies `match`. */
export async function until(participant: Participant, match: (live: GatheringLive) => boolean): Promise<GatheringLive> {
  const current = participant.latest();
  if (current && match(current)) return current;
  const { live } = await nextEvent(participant.socket, "gathering:live", (payload) => match(GatheringLive.parse(payload.live)));
  return GatheringLive.parse(live);
}

export const roomOf = (live: GatheringLive, userId: string): BreakoutRoom | undefined =>
  live.breakouts?.rooms.find((room) => room.members.some((member) => member.userId === userId));
