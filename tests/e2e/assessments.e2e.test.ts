import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AssessmentRound, AssessmentTemplate } from "../../shared/schemas/assessments";
import { expectNoAxeViolations, launchChromium, newContext, screenshot } from "../support/browser";
import { programmeGroup } from "../support/assessments";
import { expectStatus } from "../support/groups";
import { signedInClient } from "../support/http";
import { startTestServer, type TestServer } from "../support/testServer";

/**
 * Three members of a group answer a starting and a closing self-assessment: Aino in the browser
 * (draft, a refused incomplete submission, then a submission), the others over the API. Each sees
 * only their own growth chart; the group's anonymous results appear on the group page only once the
 * third person has answered both rounds. Every page is checked with axe and photographed.
 */
let server: TestServer;
let browser: Browser;

type Person = Awaited<ReturnType<typeof signedInClient>>;
const GROUP_NAME = "Projektipäälliköiden piiri";
let groupId: string;
let facilitator: Person;
let aino: Person;
let bertta: Person;
let cecilia: Person;
let template: AssessmentTemplate;

/** Today in Finland as YYYY-MM-DD, plus `days`. */
function helsinkiDate(days = 0): string {
  const today = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Helsinki" }).format(new Date());
  const date = new Date(`${today}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function statementIds(): string[] {
  return template.content.areas.flatMap((area) => area.statements.map((statement) => statement.id));
}

/** Every statement answered with `value` (or the value the function gives for its position). */
function allAnswers(value: number | ((index: number) => number)): Record<string, number> {
  return Object.fromEntries(statementIds().map((id, index) => [id, typeof value === "number" ? value : value(index)]));
}

async function openRound(kind: AssessmentRound["kind"]): Promise<AssessmentRound> {
  const { round } = await expectStatus(
    facilitator.client.post<{ round: AssessmentRound }>(`/api/groups/${groupId}/assessment-rounds`, {
      kind,
      templateId: template.id,
      opensOn: helsinkiDate(),
      closesOn: helsinkiDate(14),
    }),
    201,
  );
  return round;
}

async function answerByApi(person: Person, round: AssessmentRound, answers: Record<string, number>): Promise<void> {
  await expectStatus(person.client.request("PUT", `/api/assessment-rounds/${round.id}/my-response`, { json: { answers, reflections: {}, submit: true } }), 200);
}

beforeAll(async () => {
  server = await startTestServer({ withClient: true });
  browser = await launchChromium();
  facilitator = await signedInClient(server.url, { displayName: "Outi" });
  aino = await signedInClient(server.url, { displayName: "Aino" });
  bertta = await signedInClient(server.url, { displayName: "Bertta" });
  cecilia = await signedInClient(server.url, { displayName: "Cecilia" });
  const { group } = await expectStatus(facilitator.client.post<{ group: { id: string } }>("/api/groups", { name: GROUP_NAME, kind: "peer_mentoring" }), 201);
  groupId = group.id;
  await expectStatus(facilitator.client.post(`/api/groups/${groupId}/goals`, { title: "Opimme antamaan palautetta" }), 201);
  for (const member of [aino, bertta, cecilia]) {
    const { invitation } = await expectStatus(facilitator.client.post<{ invitation: { token: string } }>(`/api/groups/${groupId}/invitations`, {}), 201);
    await expectStatus(member.client.post(`/api/invitations/${invitation.token}/accept`, { acceptAgreement: true }), 200);
  }
  const { templates } = await expectStatus(facilitator.client.get<{ templates: AssessmentTemplate[] }>("/api/assessment-templates"), 200);
  const peerGroup = templates.find((entry) => entry.builtIn === "peer_group");
  if (!peerGroup) throw new Error("the built-in peer group template is missing");
  template = peerGroup;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function signIn(person: Person, locale?: string): Promise<Page> {
  const context = await newContext(browser, locale ? { locale } : {});
  // A step that never happens fails at that step, well before the test's own time limit.
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  await page.goto(`${server.url}/sign-in`);
  await page.getByLabel("Sähköposti").fill(person.account.email);
  await page.getByLabel("Salasana").fill(person.account.password);
  await page.getByRole("button", { name: "Kirjaudu sisään" }).click();
  await page.getByRole("heading", { level: 1, name: `Hei, ${person.account.displayName}` }).waitFor();
  return page;
}

/** Picks scale point `value` (1–5) for the statement at `index` on the answering page. */
async function choose(page: Page, index: number, value: number): Promise<void> {
  await page.locator(".scale-question").nth(index).locator(".scale-option").nth(value - 1).click();
}

/** The cells of the row headed `rowHeader` in the table captioned `caption`. */
async function rowCells(page: Page, caption: string, rowHeader: string): Promise<string[]> {
  const table = page.locator("table", { has: page.locator("caption", { hasText: caption }) });
  const row = table.locator("tbody tr", { has: page.locator("th", { hasText: rowHeader }) });
  return (await row.locator("td").allTextContents()).map((text) => text.trim());
}

describe("self-assessments in the browser", () => {
  it("takes three members from the starting to the closing self-assessment, with private charts and anonymous group results", async () => {
    const start = await openRound("start");
    const statementCount = statementIds().length;

    // Aino sees the open self-assessment on her home page and opens it from there.
    const page = await signIn(aino);
    const due = page.getByRole("region", { name: "Vastattavat itsearvioinnit" });
    await due.getByRole("link", { name: `Alkuarviointi – ${GROUP_NAME}` }).waitFor();
    await expectNoAxeViolations(page, "home with a due self-assessment (fi)");
    await due.getByRole("link", { name: `Alkuarviointi – ${GROUP_NAME}` }).click();
    await page.getByRole("heading", { level: 1, name: "Alkuarviointi" }).waitFor();
    await page.getByText("Et ole vielä vastannut.", { exact: false }).waitFor();
    expect(await page.locator(".scale-question").count()).toBe(statementCount);
    // Each statement is a labelled radio group whose options carry the template's scale words.
    const firstStatement = template.content.areas[0]!.statements[0]!.text.fi;
    const firstGroup = page.getByRole("radiogroup", { name: firstStatement });
    expect(await firstGroup.getByRole("radio").count()).toBe(5);
    await firstGroup.getByRole("radio", { name: template.content.scaleLabels[4]!.fi }).waitFor({ state: "attached" });

    // A draft may be partial.
    await choose(page, 0, 2);
    await choose(page, 1, 3);
    await page.getByRole("button", { name: "Tallenna luonnos" }).click();
    await page.locator(".answer-status", { hasText: "Luonnos tallennettu" }).waitFor();

    // Submitting with statements left says how many, lists them and moves focus to the first one.
    await page.getByRole("button", { name: "Lähetä", exact: true }).click();
    await page.getByRole("alert").filter({ hasText: `Vastaamatta on vielä ${statementCount - 2}` }).waitFor();
    const thirdStatement = template.content.areas[1]!.statements[0]!.text.fi;
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest(".scale-question")?.querySelector(".scale-question__text")?.textContent))
      .toBe(thirdStatement);
    await page.getByRole("radiogroup", { name: thirdStatement }).getByText("Valitse yksi vaihtoehdoista.").waitFor();
    await expectNoAxeViolations(page, "answering page with missing answers (fi)");
    // The focused statement can be answered from the keyboard.
    await page.keyboard.press("Space");
    expect(await page.getByRole("radiogroup", { name: thirdStatement }).getByRole("radio").first().isChecked()).toBe(true);
    for (let index = 3; index < statementCount; index++) await choose(page, index, index % 2 === 0 ? 2 : 3);
    await choose(page, 2, 2);
    await page.getByLabel(template.content.reflections[0]!.text.fi).fill("Toivon oppivani kuuntelemaan paremmin.");
    await screenshot(page, "assessments-answer-start-fi");
    await page.getByRole("button", { name: "Lähetä", exact: true }).click();
    await page.locator(".answer-status", { hasText: "Lähetetty" }).waitFor();
    await page.getByRole("button", { name: "Tallenna muutokset" }).waitFor();
    await expectNoAxeViolations(page, "answering page after submitting (fi)");

    // The onboarding checklist ticks the self-assessment step.
    await page.goto(`${server.url}/groups/${groupId}`);
    await page.locator(".checklist__item--done", { hasText: "Täytä alun itsearviointi" }).waitFor();
    const card = page.getByRole("region", { name: "Itsearvioinnit" });
    await card.getByText("Lähetetty", { exact: true }).waitFor();

    await answerByApi(bertta, start, allAnswers(3));
    await answerByApi(cecilia, start, allAnswers(2));

    // The closing round: Aino again in the browser, starting from the group page's card.
    const end = await openRound("end");
    await card.getByRole("heading", { name: "Loppuarviointi" }).waitFor();
    await card.getByRole("link", { name: /^Vastaa\s*:\s*Loppuarviointi$/ }).click();
    await page.getByRole("heading", { level: 1, name: "Loppuarviointi" }).waitFor();
    for (let index = 0; index < statementCount; index++) await choose(page, index, index % 2 === 0 ? 4 : 5);
    await page.getByLabel(template.content.reflections[1]!.text.fi).fill("Uskallan nyt pyytää apua.");
    await page.getByRole("button", { name: "Lähetä", exact: true }).click();
    await page.locator(".answer-status", { hasText: "Lähetetty" }).waitFor();

    // Two people with both rounds are not enough for the group's results: the card says why.
    await answerByApi(bertta, end, allAnswers(4));
    await page.goto(`${server.url}/groups/${groupId}`);
    await card.getByText("Näytetään, kun vähintään 3 henkilöä on vastannut", { exact: false }).waitFor();
    await card.getByText("Tähän mennessä: 2.", { exact: false }).waitFor();
    expect(await card.locator(".aggregates-table").count()).toBe(0);
    await screenshot(page, "assessments-group-below-threshold-fi");

    // The third makes them appear on the open page, pushed by the server without a reload.
    await answerByApi(cecilia, end, allAnswers(3));
    const firstArea = template.content.areas[0]!;
    const aggregateCaption = `Ryhmän ${GROUP_NAME} nimettömät itsearviointitulokset osa-alueittain`;
    await card.locator(".aggregates-table").waitFor();
    // Area one: starts 2.5, 3 and 2 (mean 2.5); ends 4.5, 4 and 3 (mean 3.8).
    expect((await rowCells(page, aggregateCaption, firstArea.title.fi)).slice(0, 3)).toEqual(["2,5", "3,8", "+1,3"]);
    await card.getByText("Perustuu 3 henkilön vastauksiin", { exact: false }).waitFor();
    await expectNoAxeViolations(page, "group page with anonymous results (fi)");
    await screenshot(page, "assessments-group-aggregates-fi");

    // Aino's own growth: the chart, its table and her reflections side by side.
    await card.getByRole("link", { name: "Katso oma kasvuni" }).click();
    await page.getByRole("heading", { level: 1, name: "Oma kasvuni" }).waitFor();
    await page.locator(".growth-chart .recharts-bar-rectangle").first().waitFor();
    expect(await rowCells(page, "Oma keskiarvoni osa-alueittain", firstArea.title.fi)).toEqual(["2,5", "4,5", "+2,0"]);
    await page.getByRole("button", { name: "Näytä taulukkona" }).first().click();
    await page.getByRole("table", { name: "Oma keskiarvoni osa-alueittain (asteikko 1–5)" }).waitFor();
    await page.getByText("Toivon oppivani kuuntelemaan paremmin.").waitFor();
    await page.getByText("Uskallan nyt pyytää apua.").waitFor();
    await expectNoAxeViolations(page, "my growth (fi)");
    await screenshot(page, "assessments-growth-fi");

    // Per statement, one area at a time.
    const secondArea = template.content.areas[1]!;
    await page.getByRole("tab", { name: secondArea.title.fi }).click();
    await page.getByRole("tabpanel", { name: secondArea.title.fi }).locator(".recharts-bar-rectangle").first().waitFor();
    await expectNoAxeViolations(page, "my growth, second area's statements (fi)");

    // Sharing is Aino's own choice.
    await page.getByText("Jaa tulokseni ryhmälleni").click();
    await page.getByText("Tuloksesi näkyvät tämän ryhmän jäsenille.").waitFor();
    await page.getByRole("region", { name: "Ryhmässä jaetut" }).getByRole("heading", { name: "Aino (sinä)" }).waitFor();

    // Bertta sees her own chart and the results Aino shares — nothing of Cecilia, who shares nothing.
    const berttaPage = await signIn(bertta);
    await berttaPage.goto(`${server.url}/groups/${groupId}/growth`);
    await berttaPage.locator(".growth-chart .recharts-bar-rectangle").first().waitFor();
    expect(await rowCells(berttaPage, "Oma keskiarvoni osa-alueittain", firstArea.title.fi)).toEqual(["3,0", "4,0", "+1,0"]);
    const shared = berttaPage.getByRole("region", { name: "Ryhmässä jaetut" });
    await shared.getByRole("heading", { name: "Aino" }).waitFor();
    expect(await shared.getByText("Cecilia").count()).toBe(0);
    await expectNoAxeViolations(berttaPage, "my growth, another member (fi)");

    // Cecilia too, in English.
    const ceciliaPage = await signIn(cecilia);
    await ceciliaPage.getByLabel("Kieli").selectOption("en");
    await ceciliaPage.getByRole("heading", { level: 1, name: "Hi, Cecilia" }).waitFor();
    await ceciliaPage.goto(`${server.url}/groups/${groupId}/growth`);
    await ceciliaPage.getByRole("heading", { level: 1, name: "My growth" }).waitFor();
    await ceciliaPage.locator(".growth-chart .recharts-bar-rectangle").first().waitFor();
    expect(await rowCells(ceciliaPage, "My mean score per area", firstArea.title.en)).toEqual(["2.0", "3.0", "+1.0"]);
    await expectNoAxeViolations(ceciliaPage, "my growth (en)");
    await screenshot(ceciliaPage, "assessments-growth-en");
  });

  it("shows a coordinator the programme's anonymous results and written feedback, lets them raise the threshold and adapt a template as a new version", async () => {
    const fixture = await programmeGroup(server.url, 3, "Ohjelman ryhmä");
    const open = async (kind: AssessmentRound["kind"]) =>
      (
        await expectStatus(
          fixture.facilitator.client.post<{ round: AssessmentRound }>(`/api/groups/${fixture.groupId}/assessment-rounds`, {
            kind,
            templateId: template.id,
            opensOn: helsinkiDate(),
            closesOn: helsinkiDate(7),
          }),
          201,
        )
      ).round;
    const start = await open("start");
    const end = await open("end");
    for (const [index, member] of fixture.members.entries()) {
      await answerByApi(member, start, allAnswers(2));
      await answerByApi(member, end, allAnswers(index + 3));
    }

    // The closing survey says, before anyone writes, that written answers are shared without names.
    const { templates: builtIns } = await expectStatus(fixture.facilitator.client.get<{ templates: AssessmentTemplate[] }>("/api/assessment-templates"), 200);
    const closing = builtIns.find((entry) => entry.builtIn === "closing_feedback")!;
    const { round: feedback } = await expectStatus(
      fixture.facilitator.client.post<{ round: AssessmentRound }>(`/api/groups/${fixture.groupId}/assessment-rounds`, {
        kind: "feedback",
        templateId: closing.id,
        opensOn: helsinkiDate(),
        closesOn: helsinkiDate(7),
      }),
      201,
    );
    const memberPage = await signIn(fixture.members[0]!);
    await memberPage.goto(`${server.url}/groups/${fixture.groupId}/assessments/${feedback.id}`);
    await memberPage.getByRole("heading", { level: 1, name: "Loppupalaute" }).waitFor();
    await memberPage.getByText("Kirjoittamasi vastaukset näytetään sellaisinaan mutta ilman nimeäsi", { exact: false }).waitFor();
    const mostUseful = memberPage.getByLabel(closing.content.reflections[0]!.text.fi);
    expect(await mostUseful.getAttribute("aria-describedby")).toBeTruthy();
    await memberPage.getByText("Näytetään muille ilman nimeäsi.").first().waitFor();
    await expectNoAxeViolations(memberPage, "closing feedback answering page (fi)");
    await memberPage.context().close();
    const texts = ["Vertaisten tuki", "aikataulutus", "Ääneen ajattelu yhdessä"];
    for (const [index, member] of fixture.members.entries()) {
      const scores = Object.fromEntries(closing.content.areas.flatMap((area) => area.statements).map((statement) => [statement.id, 4]));
      await expectStatus(
        member.client.request("PUT", `/api/assessment-rounds/${feedback.id}/my-response`, { json: { answers: scores, reflections: { most_useful: texts[index] }, submit: true } }),
        200,
      );
    }

    const page = await signIn(fixture.coordinator);
    await page.goto(`${server.url}/programmes/${fixture.programmeId}`);
    const results = page.getByRole("region", { name: "Itsearvioinnit" });
    await results.getByRole("heading", { name: "Ohjelman ryhmä" }).waitFor();
    // Ends 3, 4 and 5 against a start of 2 everywhere: mean 4.0, change +2.0.
    const caption = "Ryhmän Ohjelman ryhmä nimettömät itsearviointitulokset osa-alueittain";
    expect((await rowCells(page, caption, template.content.areas[0]!.title.fi)).slice(0, 3)).toEqual(["2,0", "4,0", "+2,0"]);
    await results.getByRole("button", { name: "Lataa tulokset CSV-tiedostona" }).waitFor();
    // The written feedback, without names, alphabetically.
    const written = results.locator(".feedback-texts", { has: page.getByRole("heading", { name: closing.content.reflections[0]!.text.fi }) });
    await written.waitFor();
    expect((await written.getByRole("listitem").allTextContents()).map((text) => text.trim())).toEqual(["aikataulutus", "Vertaisten tuki", "Ääneen ajattelu yhdessä"]);
    await expectNoAxeViolations(page, "programme page with self-assessment results (fi)");
    await screenshot(page, "assessments-programme-fi");

    // Raising the programme's threshold above the three respondents hides the group's figures; emptying the field brings them back.
    const threshold = results.getByLabel("Tulosten vähimmäisvastaajamäärä");
    expect(await threshold.inputValue()).toBe("3");
    await threshold.fill("2");
    await results.getByRole("button", { name: "Tallenna vähimmäismäärä" }).click();
    await results.getByText("Anna kokonaisluku väliltä 3–50.").waitFor();
    // From the keyboard this time: Enter in the field saves.
    await threshold.fill("4");
    await threshold.press("Enter");
    await results.getByText("Näytetään, kun vähintään 4 henkilöä on vastannut sekä alku- että loppuarviointiin", { exact: false }).waitFor();
    expect(await results.locator(".aggregates-table").count()).toBe(0);
    expect(await results.locator(".feedback-texts").count()).toBe(0);
    await expectNoAxeViolations(page, "programme page with a raised threshold (fi)");
    await threshold.fill("");
    await results.getByRole("button", { name: "Tallenna vähimmäismäärä" }).click();
    await results.locator(".aggregates-table").first().waitFor();
    expect((await rowCells(page, caption, template.content.areas[0]!.title.fi)).slice(0, 3)).toEqual(["2,0", "4,0", "+2,0"]);

    // Copying a built-in template, then rewording one statement, saves version 2 of the copy.
    await results.getByRole("link", { name: "Itsearviointipohjat" }).click();
    await page.getByRole("heading", { level: 1, name: "Itsearviointipohjat" }).waitFor();
    await expectNoAxeViolations(page, "templates page (fi)");
    await page.getByRole("button", { name: /^Tee kopio\s*:\s*Vertaisryhmän itsearviointi$/ }).click();
    const dialog = page.getByRole("dialog", { name: "Tee pohjasta kopio" });
    await dialog.getByRole("group", { name: "Nimi" }).getByLabel("Suomeksi").fill("Ohjelman vertaisryhmäarviointi");
    await dialog.getByRole("button", { name: "Tee kopio" }).click();
    const editor = page.getByRole("region", { name: "Muokkaa: Ohjelman vertaisryhmäarviointi" });
    await editor.waitFor();
    const firstStatement = editor.getByRole("group", { name: "Väittämä 1" }).first();
    await firstStatement.getByLabel("Suomeksi").fill("Kerron ryhmässä avoimesti omasta työstäni.");
    // A statement added to the first area takes focus, and one removed from the second area is gone.
    const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const firstArea = editor.getByRole("group", { name: new RegExp(`^Osa-alue 1: ${escaped(template.content.areas[0]!.title.fi)}`) });
    const firstAreaCount = template.content.areas[0]!.statements.length;
    await firstArea.getByRole("button", { name: /^Lisää väittämä/ }).click();
    const added = firstArea.getByRole("group", { name: `Väittämä ${firstAreaCount + 1}` });
    await expect.poll(() => added.getByLabel("Suomeksi").evaluate((input) => input === document.activeElement)).toBe(true);
    await added.getByLabel("Suomeksi").fill("Pyydän ryhmältä palautetta.");
    await added.getByLabel("Ruotsiksi").fill("Jag ber gruppen om respons.");
    await added.getByLabel("Englanniksi").fill("I ask the group for feedback.");
    const secondArea = editor.getByRole("group", { name: new RegExp(`^Osa-alue 2: ${escaped(template.content.areas[1]!.title.fi)}`) });
    await secondArea.getByRole("button", { name: /^Poista väittämä\s*:\s*Väittämä 1,/ }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? "")).toContain("Lisää väittämä");
    await expectNoAxeViolations(page, "template editor (fi)");
    await screenshot(page, "assessments-template-editor-fi");
    await editor.getByRole("button", { name: "Tallenna uutena versiona" }).click();
    await editor.waitFor({ state: "detached" });
    await page.locator(".template-item", { hasText: "Ohjelman vertaisryhmäarviointi" }).getByText("Versio 2", { exact: false }).waitFor();
    const { templates } = await expectStatus(fixture.coordinator.client.get<{ templates: AssessmentTemplate[] }>("/api/assessment-templates"), 200);
    const copy = templates.find((entry) => entry.name.fi === "Ohjelman vertaisryhmäarviointi");
    expect(copy?.version).toBe(2);
    expect(copy?.programmeId).toBe(fixture.programmeId);
    expect(copy?.content.areas[0]!.statements[0]!.text.fi).toBe("Kerron ryhmässä avoimesti omasta työstäni.");
    const addedStatement = copy!.content.areas[0]!.statements.at(-1)!;
    expect(addedStatement.text).toEqual({ fi: "Pyydän ryhmältä palautetta.", sv: "Jag ber gruppen om respons.", en: "I ask the group for feedback." });
    expect(template.content.areas.flatMap((area) => area.statements.map((statement) => statement.id))).not.toContain(addedStatement.id);
    expect(copy!.content.areas[1]!.statements.map((statement) => statement.id)).toEqual(template.content.areas[1]!.statements.slice(1).map((statement) => statement.id));
    // Three browser sessions and two pages of forms: longer than the default limit on a busy machine.
  }, 90_000);
});
