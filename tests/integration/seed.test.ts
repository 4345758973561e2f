import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PEOPLE, seedDemoAccounts } from "../../scripts/demo/accounts";
import { DEMO_PROGRAMMES, seedDemoProgrammes } from "../../scripts/demo/programmes";
import { GoalList, GroupList, GROUP_KINDS } from "../../shared/schemas/groups";
import { ApiClient } from "../support/http";
import { startTestServer, type TestServer } from "../support/testServer";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

async function signIn(email: string, password: string): Promise<ApiClient> {
  const client = new ApiClient(server.url);
  const login = await client.post<{ accessToken: string }>("/api/auth/login", { email, password });
  expect(login.status).toBe(200);
  client.accessToken = login.body.accessToken;
  return client;
}

describe("the demo seed", () => {
  it("creates every demo person with a password that signs in, and refreshes passwords when run again", async () => {
    const first = await seedDemoAccounts(server.database.db);
    expect(first.map((account) => account.email)).toEqual(DEMO_PEOPLE.map((person) => person.email));
    const aino = first.find((account) => account.key === "aino")!;
    await signIn(aino.email, aino.password);

    const second = await seedDemoAccounts(server.database.db);
    const ainoAgain = second.find((account) => account.key === "aino")!;
    expect(ainoAgain.id).toBe(aino.id);
    await signIn(aino.email, ainoAgain.password);
    if (ainoAgain.password !== aino.password) {
      expect((await new ApiClient(server.url).post("/api/auth/login", { email: aino.email, password: aino.password })).status).toBe(401);
    }
  });

  it("fills programmes with several groups of each kind, with goals and check-ins, once", async () => {
    const people = await seedDemoAccounts(server.database.db);
    const first = await seedDemoProgrammes(server.database.db, people);
    expect(first.created).toEqual(DEMO_PROGRAMMES.map((programme) => programme.name));
    const again = await seedDemoProgrammes(server.database.db, people);
    expect(again).toEqual({ created: [], kept: first.created });

    const demoGroups = DEMO_PROGRAMMES.flatMap((programme) => programme.groups);
    for (const kind of GROUP_KINDS) expect(demoGroups.filter((group) => group.kind === kind).length).toBeGreaterThanOrEqual(2);

    const aino = people.find((person) => person.key === "aino")!;
    const client = await signIn(aino.email, aino.password);
    const groups = GroupList.parse((await client.get("/api/groups")).body).groups;
    const active = groups.find((group) => group.name === "Projektinhallinnan arki")!;
    expect(active).toMatchObject({ phase: "active", memberCount: 5 });
    const goals = GoalList.parse((await client.get(`/api/groups/${active.id}/goals`)).body).goals;
    expect(goals).toHaveLength(2);
    expect(goals[0]!.checkInCount).toBeGreaterThan(0);

    const kaisa = people.find((person) => person.key === "coordinator")!;
    const coordinator = await signIn(kaisa.email, kaisa.password);
    const programmes = await coordinator.get<{ programmes: { id: string; template: string }[] }>("/api/programmes");
    expect(programmes.body.programmes.map((programme) => programme.template).sort()).toEqual(["peer_instructor_training", "verme_year"]);
  });
});
