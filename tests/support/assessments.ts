import type { AssessmentTemplate } from "../../shared/schemas/assessments";
import { helsinkiToday } from "../../server/domain/assessments";
import { expectStatus } from "./groups";
import { signedInClient } from "./http";

export type Person = Awaited<ReturnType<typeof signedInClient>>;

export interface ProgrammeGroupFixture {
  programmeId: string;
  groupId: string;
  coordinator: Person;
  facilitator: Person;
  members: Person[];
}

/**
 * A programme with one group: its coordinator, an appointed facilitator who accepted the agreement, and
 * `memberCount` members who joined by invitation and accepted it.
 */
export async function programmeGroup(baseUrl: string, memberCount: number, name = "Arviointiryhmä"): Promise<ProgrammeGroupFixture> {
  const coordinator = await signedInClient(baseUrl);
  const facilitator = await signedInClient(baseUrl);
  const { programme } = await expectStatus(
    coordinator.client.post<{ programme: { id: string } }>("/api/programmes", { name: `${name} -ohjelma`, template: "verme_year" }),
    201,
  );
  const { group } = await expectStatus(
    coordinator.client.post<{ group: { id: string } }>(`/api/programmes/${programme.id}/groups`, { name, kind: "peer_mentoring" }),
    201,
  );
  await expectStatus(coordinator.client.post(`/api/programmes/${programme.id}/groups/${group.id}/facilitators`, { email: facilitator.account.email }), 201);
  await expectStatus(facilitator.client.post(`/api/groups/${group.id}/agreement/accept`), 200);
  const { invitation } = await expectStatus(facilitator.client.post<{ invitation: { token: string } }>(`/api/groups/${group.id}/invitations`, {}), 201);
  const members: Person[] = [];
  for (let index = 0; index < memberCount; index++) {
    const member = await signedInClient(baseUrl);
    await expectStatus(member.client.post(`/api/invitations/${invitation.token}/accept`, { acceptAgreement: true }), 200);
    members.push(member);
  }
  return { programmeId: programme.id, groupId: group.id, coordinator, facilitator, members };
}

/** A calendar date `days` from today in Helsinki (negative for the past). */
export function daysFromToday(days: number): string {
  const today = helsinkiToday(new Date());
  const date = new Date(`${today}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export async function builtInTemplate(person: Person, key: string): Promise<AssessmentTemplate> {
  const { templates } = await expectStatus(person.client.get<{ templates: AssessmentTemplate[] }>("/api/assessment-templates"), 200);
  const template = templates.find((entry) => entry.builtIn === key);
  if (!template) throw new Error(`no built-in template ${key}`);
  return template;
}

/** Every statement id of a template, in order. */
export function statementIds(template: Pick<AssessmentTemplate, "content">): string[] {
  return template.content.areas.flatMap((area) => area.statements.map((statement) => statement.id));
}
