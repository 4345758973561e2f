import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Goal } from "../../shared/schemas/groups";
import { expectNoAxeViolations, launchChromium, newContext, screenshot, tabTo } from "../support/browser";
import { expectStatus } from "../support/groups";
import { signedInClient } from "../support/http";
import { startTestServer, type TestServer } from "../support/testServer";

/**
 * A meeting from finding a time to its summary, with a facilitator (Outi) and two members in three
 * browsers: Outi proposes times, Aino (keyboard only, Finnish) and Bertta (English) answer, Outi
 * closes the poll into a meeting and builds its agenda with a method card. All three join the live
 * room: a check-in speaking round, a goal review with check-ins, a method block whose timer both
 * members see alike, and the end with its summary. Every page is checked with axe.
 */
let server: TestServer;
let browser: Browser;

type Person = Awaited<ReturnType<typeof signedInClient>>;
const GROUP_NAME = "Projektipäälliköiden piiri";
const POLL_TITLE = "Kesäkuun tapaaminen";
/** A built-in method card, by its Finnish and English names. */
const CARD_FI = "Tapausklinikka";
const CARD_EN = "Case clinic";
let groupId: string;
let outi: Person;
let aino: Person;
let bertta: Person;
let goals: Goal[];

beforeAll(async () => {
  server = await startTestServer({ withClient: true });
  browser = await launchChromium();
  outi = await signedInClient(server.url, { displayName: "Outi" });
  aino = await signedInClient(server.url, { displayName: "Aino" });
  bertta = await signedInClient(server.url, { displayName: "Bertta" });
  await expectStatus(bertta.client.patch("/api/me", { locale: "en" }), 200);
  const { group } = await expectStatus(outi.client.post<{ group: { id: string } }>("/api/groups", { name: GROUP_NAME, kind: "peer_mentoring" }), 201);
  groupId = group.id;
  goals = [];
  for (const title of ["Opimme antamaan palautetta", "Jaamme projektien riskit ajoissa"]) {
    const { goal } = await expectStatus(outi.client.post<{ goal: Goal }>(`/api/groups/${groupId}/goals`, { title }), 201);
    goals.push(goal);
  }
  for (const member of [aino, bertta]) {
    const { invitation } = await expectStatus(outi.client.post<{ invitation: { token: string } }>(`/api/groups/${groupId}/invitations`, {}), 201);
    await expectStatus(member.client.post(`/api/invitations/${invitation.token}/accept`, { acceptAgreement: true }), 200);
  }
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function signIn(person: Person): Promise<Page> {
  const context = await newContext(browser);
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  await page.goto(`${server.url}/sign-in`);
  await page.getByLabel("Sähköposti").fill(person.account.email);
  await page.getByLabel("Salasana").fill(person.account.password);
  await page.getByLabel("Salasana").press("Enter");
  await page.getByRole("heading", { level: 1, name: new RegExp(person.account.displayName) }).waitFor();
  return page;
}

/** Presses Tab until the focused element's text or label matches `name`; fails if it never does. */
async function tabToName(page: Page, name: string | RegExp, maxPresses = 120): Promise<void> {
  for (let presses = 0; presses < maxPresses; presses++) {
    await page.keyboard.press("Tab");
    const text = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      if (!element) return "";
      return (element.getAttribute("aria-label") ?? element.textContent ?? "").replace(/\s+/g, " ").trim();
    });
    if (typeof name === "string" ? text === name : name.test(text)) return;
  }
  throw new Error(`Tab never reached ${String(name)}`);
}

/** The focused element's visible text, to check where focus went. */
function focusedText(page: Page): Promise<string> {
  return page.evaluate(() => (document.activeElement?.textContent ?? "").replace(/\s+/g, " ").trim());
}

/** A `datetime-local` value in Helsinki, `days` from now at `hour`:00. */
function helsinkiInput(days: number, hour: number): string {
  const date = new Date(Date.now() + days * 86_400_000);
  const day = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Helsinki" }).format(date);
  return `${day}T${String(hour).padStart(2, "0")}:00`;
}

/** `mm:ss` or `-mm:ss` as seconds. */
function seconds(text: string): number {
  const match = /^(-?)(\d+):(\d{2})$/.exec(text.trim());
  if (!match) throw new Error(`not a timer reading: ${text}`);
  const value = Number(match[2]) * 60 + Number(match[3]);
  return match[1] ? -value : value;
}

async function announcement(page: Page): Promise<string> {
  return (await page.getByTestId("announcer").textContent()) ?? "";
}

describe("a meeting in the browser", () => {
  it("goes from a scheduling poll through the live room to the summary", async () => {
    const outiPage = await signIn(outi);
    const ainoPage = await signIn(aino);
    const berttaPage = await signIn(bertta);
    await berttaPage.getByRole("heading", { level: 1, name: "Hi, Bertta" }).waitFor();

    // ── Finding a time ────────────────────────────────────────────────────
    await outiPage.goto(`${server.url}/groups/${groupId}`);
    await outiPage.getByRole("heading", { level: 1, name: GROUP_NAME }).waitFor();
    await outiPage.getByRole("button", { name: "Ehdota aikoja" }).click();
    const pollDialog = outiPage.getByRole("dialog", { name: "Uusi aikakysely" });
    await pollDialog.getByLabel("Otsikko").fill(POLL_TITLE);
    await pollDialog.getByLabel("Vaihtoehto 1").fill(helsinkiInput(7, 17));
    await pollDialog.getByLabel("Vaihtoehto 2").fill(helsinkiInput(8, 9));
    await pollDialog.getByLabel("Etätapaamisen linkki").fill("https://meet.jit.si/piiri-projektipaallikot");
    await expectNoAxeViolations(outiPage, "new poll dialog (fi)");
    await pollDialog.getByRole("button", { name: "Avaa kysely" }).click();
    await pollDialog.waitFor({ state: "detached" });
    const outiPoll = outiPage.getByRole("article", { name: POLL_TITLE });
    await outiPoll.waitFor();

    // Aino answers with the keyboard only: from her home page to the group and through the radios.
    await ainoPage.getByRole("heading", { level: 1 }).focus();
    await tabToName(ainoPage, GROUP_NAME);
    await ainoPage.keyboard.press("Enter");
    await ainoPage.getByRole("heading", { level: 1, name: GROUP_NAME }).waitFor();
    const ainoPoll = ainoPage.getByRole("article", { name: POLL_TITLE });
    await ainoPoll.waitFor();
    await tabTo(ainoPage, ".poll-answer input[type=radio]");
    await ainoPage.keyboard.press("Space"); // yes to the first time
    await ainoPage.keyboard.press("Tab");
    await ainoPage.keyboard.press("ArrowRight"); // if need be to the second
    expect(await ainoPoll.getByRole("radio", { name: "Kyllä" }).first().isChecked()).toBe(true);
    await tabToName(ainoPage, "Tallenna vastaukset");
    await ainoPage.keyboard.press("Enter");
    await ainoPage.getByTestId("announcer").filter({ hasText: "Vastauksesi tallennettiin." }).waitFor();
    await expectNoAxeViolations(ainoPage, "group page with an open poll (member, fi)");

    await berttaPage.goto(`${server.url}/groups/${groupId}`);
    const berttaPoll = berttaPage.getByRole("article", { name: POLL_TITLE });
    await berttaPoll.waitFor();
    await expectNoAxeViolations(berttaPage, "group page with an open poll (member, en)");
    await berttaPoll.getByRole("radiogroup").first().getByText("Yes", { exact: true }).click();
    await berttaPoll.getByRole("radiogroup").nth(1).getByText("No", { exact: true }).click();
    await berttaPoll.getByRole("button", { name: "Save answers" }).click();
    await expect.poll(() => announcement(berttaPage)).toContain("Your answers were saved.");

    // Outi sees the answers arrive and closes the poll on the best time.
    await outiPoll.getByText("2 vastannutta").waitFor();
    await outiPoll.getByRole("button", { name: "Valitse aika ja sulje kysely" }).click();
    const closeDialog = outiPage.getByRole("dialog", { name: "Valitse tapaamisen aika" });
    await expectNoAxeViolations(outiPage, "closing a poll (fi)");
    await closeDialog.getByRole("button", { name: "Sulje kysely ja suunnittele tapaaminen" }).click();
    await closeDialog.waitFor({ state: "detached" });
    await outiPage.locator(".meeting-list").getByRole("link", { name: POLL_TITLE }).click();

    // ── The agenda ────────────────────────────────────────────────────────
    await outiPage.getByRole("heading", { level: 1, name: POLL_TITLE }).waitFor();
    const meetingUrl = outiPage.url();
    const agenda = outiPage.getByRole("region", { name: "Asialista" });
    // The default agenda: check-in, goal review, a method still without its card, check-out.
    expect(await agenda.locator(".agenda__title").allTextContents()).toEqual([
      expect.stringContaining("Kuulumiskierros"),
      expect.stringContaining("Tavoitteiden katsaus"),
      expect.stringContaining("Menetelmä"),
      expect.stringContaining("Lopetuskierros"),
    ]);
    const videoLink = outiPage.getByRole("link", { name: /Liity videotapaamiseen/ });
    expect(await videoLink.getAttribute("href")).toBe("https://meet.jit.si/piiri-projektipaallikot");
    await expectNoAxeViolations(outiPage, "meeting page (facilitator, fi)");

    await agenda.getByRole("button", { name: "Muokkaa asialistaa" }).click();
    await agenda.getByRole("heading", { name: "Asialistan muokkaus" }).waitFor();
    const blocks = agenda.locator(".agenda-editor__block");
    const methodBlock = blocks.nth(2);
    await methodBlock.getByRole("button", { name: "Valitse menetelmäkortti" }).click();
    const picker = outiPage.getByRole("dialog", { name: "Valitse menetelmäkortti" });
    await picker.locator(".method-item").first().waitFor();
    await expectNoAxeViolations(outiPage, "method card picker (fi)");
    await picker.getByLabel("Hae nimellä tai sisällöllä").fill(CARD_FI);
    const firstPick = picker.locator(".method-item", { hasText: CARD_FI }).locator("button", { hasText: "Valitse" });
    const cardTitle = CARD_FI;
    await firstPick.click();
    await picker.waitFor({ state: "detached" });
    await methodBlock.locator(".method-card-field__value", { hasText: cardTitle }).waitFor();
    expect(await focusedText(outiPage)).toBe("Vaihda korttia");

    // A break, added at the end and moved before the check-out.
    await agenda.getByLabel("Uuden osan tyyppi").selectOption({ label: "Tauko" });
    await agenda.getByRole("button", { name: "Lisää osa" }).click();
    expect(await blocks.count()).toBe(5);
    expect(await outiPage.evaluate(() => document.activeElement?.id.startsWith("agenda-kind-"))).toBe(true);
    await blocks.nth(4).getByRole("button", { name: "Siirrä ylemmäs" }).click();
    expect(await blocks.nth(3).locator(".agenda-editor__legend").textContent()).toContain("Tauko");
    await outiPage.getByText(/Yhteensä \d+ min, tapaamisen kesto 90 min/).waitFor();
    await expectNoAxeViolations(outiPage, "agenda editor (fi)");
    await agenda.getByRole("button", { name: "Tallenna asialista" }).click();
    await agenda.getByRole("button", { name: "Muokkaa asialistaa" }).waitFor();
    const saved = await agenda.locator(".agenda__title").allTextContents();
    expect(saved).toHaveLength(5);
    expect(saved[2]).toContain(cardTitle);
    expect(saved[3]).toContain("Tauko");
    await screenshot(outiPage, "meetings-agenda-fi");

    // ── Everyone in the live room ────────────────────────────────────────
    await outiPage.getByRole("button", { name: "Liity tapaamishuoneeseen" }).click();
    await outiPage.getByRole("heading", { name: "Tapaamishuone" }).waitFor();

    // Aino reaches the meeting from the group page with the keyboard.
    await ainoPage.getByRole("heading", { level: 1 }).focus();
    await tabToName(ainoPage, POLL_TITLE);
    await ainoPage.keyboard.press("Enter");
    await ainoPage.getByRole("heading", { level: 1, name: POLL_TITLE }).waitFor();
    expect(ainoPage.url()).toBe(meetingUrl);
    await expectNoAxeViolations(ainoPage, "meeting page (member, fi)");
    await tabToName(ainoPage, "Liity tapaamishuoneeseen");
    await ainoPage.keyboard.press("Enter");
    // The entry card has a heading of the same name, so what shows the room has opened is focus on its heading.
    await expect.poll(() => focusedText(ainoPage)).toBe("Tapaamishuone");

    await berttaPage.goto(meetingUrl);
    await berttaPage.getByRole("button", { name: "Join the meeting room" }).click();
    await berttaPage.getByRole("heading", { name: "Meeting room" }).waitFor();
    await outiPage.getByRole("heading", { name: "Paikalla (3)" }).waitFor();

    // ── Check-in with a speaking round ───────────────────────────────────
    await outiPage.getByRole("button", { name: "Käynnistä tapaaminen" }).click();
    await ainoPage.locator(".room-head__block", { hasText: "Kuulumiskierros" }).waitFor();
    await berttaPage.locator(".room-head__block", { hasText: "Check-in round" }).waitFor();
    await outiPage.getByRole("button", { name: "Aloita puheenvuorokierros" }).click();
    const order = await ainoPage.locator(".room-turns__order li").allTextContents();
    expect(order).toHaveLength(3);
    // Outi moves the round on until it is Aino's turn; Aino hears it and everyone sees who is next.
    for (let turn = 0; turn < order.indexOf("Aino (sinä)"); turn++) await outiPage.getByRole("button", { name: "Seuraava puhuja" }).click();
    await ainoPage.locator(".room-turns__now", { hasText: "Puheenvuoro: Aino (sinä)" }).waitFor();
    await expect.poll(() => announcement(ainoPage)).toContain("Nyt on sinun puheenvuorosi.");
    await berttaPage.locator(".room-turns__now", { hasText: "Speaking: Aino" }).waitFor();
    await expectNoAxeViolations(ainoPage, "live room, check-in round (member, fi)");

    // Aino raises her hand with the keyboard; the facilitator sees the queue.
    await ainoPage.getByRole("heading", { name: "Tapaamishuone" }).focus();
    await tabToName(ainoPage, "Nosta käsi");
    await ainoPage.keyboard.press("Enter");
    await outiPage.locator(".room-turns__hands li", { hasText: "Aino" }).waitFor();
    await expect.poll(() => announcement(outiPage)).toContain("Aino nosti käden.");
    // The same button, still focused, now lowers it.
    await ainoPage.getByRole("button", { name: "Laske käsi" }).waitFor();
    expect(await focusedText(ainoPage)).toBe("Laske käsi");
    await ainoPage.keyboard.press("Enter");
    await outiPage.getByText("Kukaan ei ole nostanut kättä.").waitFor();
    await outiPage.getByRole("button", { name: "Lopeta kierros" }).click();
    await ainoPage.getByText("Puheenvuorokierros ei ole käynnissä.").waitFor();

    // ── Goal review ──────────────────────────────────────────────────────
    await outiPage.getByRole("button", { name: "Seuraava osa" }).click();
    await ainoPage.locator(".room-head__block", { hasText: "Tavoitteiden katsaus" }).waitFor();
    const ainoGoal = ainoPage.getByRole("form", { name: goals[0]!.title });
    await ainoGoal.waitFor();
    await ainoPage.getByRole("heading", { name: "Tapaamishuone" }).focus();
    await tabTo(ainoPage, ".goal-review__item input[type=radio]");
    await ainoPage.keyboard.press("Space");
    for (let step = 0; step < 3; step++) await ainoPage.keyboard.press("ArrowRight");
    expect(await ainoGoal.getByRole("radio", { name: /^4/ }).isChecked()).toBe(true);
    await ainoPage.keyboard.press("Tab");
    await ainoPage.keyboard.type("Palautekierros toimi hyvin.");
    await ainoPage.keyboard.press("Tab");
    expect(await focusedText(ainoPage)).toBe("Kirjaa edistyminen");
    await ainoPage.keyboard.press("Enter");
    await ainoPage.getByText("Kirjattu: 4/5").waitFor();
    expect(await focusedText(ainoPage)).toBe("Kirjaa uudelleen");
    await expectNoAxeViolations(ainoPage, "live room, goal review (member, fi)");

    const berttaGoal = berttaPage.getByRole("form", { name: goals[1]!.title });
    await berttaGoal.getByText("3 – halfway").click();
    await berttaGoal.getByLabel("Short comment").fill("Risk list is in use.");
    await berttaGoal.getByRole("button", { name: "Record progress" }).click();
    await berttaPage.getByText("Recorded: 3/5").waitFor();

    // ── The method block and its timer ───────────────────────────────────
    await outiPage.getByRole("button", { name: "Seuraava osa" }).click();
    await ainoPage.locator(".room-head__block", { hasText: cardTitle }).waitFor();
    await berttaPage.locator(".room-head__block", { hasText: CARD_EN }).waitFor();
    await ainoPage.locator(".room-card__step--current").waitFor();
    await outiPage.getByRole("button", { name: "Käynnistä ajastin" }).click();
    await ainoPage.locator(".room-timer__state", { hasText: "Käynnissä" }).waitFor();
    await berttaPage.locator(".room-timer__state", { hasText: "Running" }).waitFor();
    await outiPage.waitForTimeout(2_500);
    const [ainoTime, berttaTime] = await Promise.all([ainoPage.getByTestId("room-timer").textContent(), berttaPage.getByTestId("room-timer").textContent()]);
    expect(Math.abs(seconds(ainoTime ?? "") - seconds(berttaTime ?? ""))).toBeLessThanOrEqual(2);
    // +5 min shows on a member's screen too.
    const before = seconds((await berttaPage.getByTestId("room-timer").textContent()) ?? "");
    await outiPage.getByRole("button", { name: "+5 min" }).click();
    await expect.poll(async () => seconds((await berttaPage.getByTestId("room-timer").textContent()) ?? "") - before).toBeGreaterThan(280);
    await outiPage.getByRole("button", { name: "Seuraava vaihe" }).click();
    await expect.poll(() => ainoPage.locator(".room-card__step").nth(1).getAttribute("aria-current")).toBe("step");

    // Aino looks at the check-in block on her own, then follows the facilitator again.
    await ainoPage.getByRole("heading", { name: "Tapaamishuone" }).focus();
    await tabTo(ainoPage, ".room-agenda__button");
    await ainoPage.keyboard.press("Enter");
    await ainoPage.getByText("Katselet osaa 1. Ohjaaja on osassa 3.").waitFor();
    expect(await focusedText(ainoPage)).toContain("1. Kuulumiskierros");
    await tabToName(ainoPage, "Seuraa ohjaajaa", 20);
    await ainoPage.keyboard.press("Enter");
    expect(await focusedText(ainoPage)).toContain(cardTitle);
    await expectNoAxeViolations(ainoPage, "live room, method block with timer (member, fi)");
    await expectNoAxeViolations(berttaPage, "live room, method block with timer (member, en)");
    await expectNoAxeViolations(outiPage, "live room, method block with timer (facilitator, fi)");
    await screenshot(ainoPage, "meetings-live-room-fi");
    await screenshot(berttaPage, "meetings-live-room-en");
    await screenshot(outiPage, "meetings-live-room-facilitator-fi");

    // ── A break whose time runs out: said once, politely ─────────────────
    await outiPage.getByRole("button", { name: "Seuraava osa" }).click();
    await berttaPage.locator(".room-head__block", { hasText: "Break" }).waitFor();
    await outiPage.getByRole("button", { name: "Käynnistä ajastin" }).click();
    // Ten minutes taken off a ten-minute break: the time is up on every screen.
    for (let minute = 0; minute < 10; minute++) await outiPage.getByRole("button", { name: "−1 min" }).click();
    await berttaPage.locator(".room-timer__state", { hasText: "Over time" }).waitFor();
    await expect.poll(() => announcement(berttaPage)).toContain("Time is up: Break.");
    await expect.poll(() => announcement(ainoPage)).toContain("Aika päättyi: Tauko.");
    expect((await ainoPage.getByTestId("room-timer").textContent())?.startsWith("-")).toBe(true);

    // ── The end and the summary ──────────────────────────────────────────
    await outiPage.getByRole("button", { name: "Päätä tapaaminen" }).click();
    const endDialog = outiPage.getByRole("dialog", { name: "Päätetäänkö tapaaminen?" });
    await endDialog.getByRole("button", { name: "Päätä tapaaminen" }).click();
    await endDialog.waitFor({ state: "detached" });
    await ainoPage.getByText("Tapaaminen on päättynyt. Kiitos kaikille!").waitFor();
    await expect.poll(() => announcement(ainoPage)).toContain("Tapaaminen päättyi.");
    await expectNoAxeViolations(ainoPage, "live room after the end (member, fi)");
    await tabToName(ainoPage, "Avaa tapaamisen yhteenveto");
    await ainoPage.keyboard.press("Enter");
    await ainoPage.getByRole("heading", { level: 1, name: `Yhteenveto: ${POLL_TITLE}` }).waitFor();
    const attendance = ainoPage.getByRole("region", { name: "Läsnä (3)" });
    for (const name of ["Outi", "Aino", "Bertta"]) await attendance.getByText(name, { exact: true }).waitFor();
    const checkIns = ainoPage.getByRole("region", { name: "Tavoitteiden kirjaukset" });
    await checkIns.getByText("Palautekierros toimi hyvin.").waitFor();
    await checkIns.getByText("Risk list is in use.").waitFor();
    await expectNoAxeViolations(ainoPage, "summary (member, fi)");

    // Outi records a decision and an action item; the members see them.
    await outiPage.getByRole("link", { name: "Avaa tapaamisen yhteenveto" }).click();
    await outiPage.getByRole("heading", { level: 1, name: `Yhteenveto: ${POLL_TITLE}` }).waitFor();
    const items = outiPage.getByRole("region", { name: "Päätökset ja tehtävät" });
    await items.getByLabel("Mitä päätettiin tai sovittiin").fill("Kokeilemme tapauskonsultaatiota seuraavalla kerralla.");
    await items.getByRole("button", { name: "Lisää", exact: true }).click();
    await items.getByText("Päätökset (1)").waitFor();
    await items.getByText("Tehtävä", { exact: true }).click();
    await items.getByLabel("Mitä päätettiin tai sovittiin").fill("Kokoa riskilistan pohja ryhmän muistioon.");
    await items.getByLabel("Vastuuhenkilö").selectOption({ label: "Bertta" });
    await items.getByRole("button", { name: "Lisää", exact: true }).click();
    await items.getByText("Vastuu: Bertta").waitFor();
    await expectNoAxeViolations(outiPage, "summary with decisions and action items (facilitator, fi)");

    await berttaPage.getByRole("link", { name: "Open the meeting summary" }).click();
    await berttaPage.getByRole("heading", { level: 1, name: `Summary: ${POLL_TITLE}` }).waitFor();
    await berttaPage.getByText("Owner: Bertta").waitFor();
    await expectNoAxeViolations(berttaPage, "summary (member, en)");
    await ainoPage.reload();
    await ainoPage.getByText("Kokeilemme tapauskonsultaatiota seuraavalla kerralla.").waitFor();
    await screenshot(ainoPage, "meetings-summary-fi");
    await screenshot(berttaPage, "meetings-summary-en");
  }, 180_000);
});
