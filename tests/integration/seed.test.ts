import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PEOPLE, seedDemoAccounts } from "../../scripts/demo/accounts";
import { ApiClient } from "../support/http";
import { startTestServer, type TestServer } from "../support/testServer";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

describe("the demo seed", () => {
  it("creates every demo person with a password that signs in, and refreshes passwords when run again", async () => {
    const first = await seedDemoAccounts(server.database.db);
    expect(first.map((account) => account.email)).toEqual(DEMO_PEOPLE.map((person) => person.email));
    const aino = first.find((account) => account.key === "aino")!;
    const login = await new ApiClient(server.url).post("/api/auth/login", { email: aino.email, password: aino.password });
    expect(login.status).toBe(200);

    const second = await seedDemoAccounts(server.database.db);
    const ainoAgain = second.find((account) => account.key === "aino")!;
    expect(ainoAgain.id).toBe(aino.id);
    expect((await new ApiClient(server.url).post("/api/auth/login", { email: aino.email, password: ainoAgain.password })).status).toBe(200);
    if (ainoAgain.password !== aino.password) {
      expect((await new ApiClient(server.url).post("/api/auth/login", { email: aino.email, password: aino.password })).status).toBe(401);
    }
  });
});
