import { readFileSync } from "node:fs";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Gathering, GatheringSummary } from "../../shared/schemas/gatherings";
import { expectNoAxeViolations, launchChromium, newContext, screenshot, tabTo } from "../support/browser";
import { expectStatus } from "../support/groups";
import { signedInClient } from "../support/http";
import { startTestServer, type TestServer } from "../support/testServer";

/**
 * A cross-group gathering in four browsers. Kaisa coordinates a programme of two groups and organises
 * a gathering in the browser, inviting both groups by ticking them. Aino (group Aalto, Finnish) answers
 * that she comes with the keyboard only. Outi, Aalto's facilitator, publishes the group's learning
 * digest (and withdraws and publishes it again). Bertta (group Lehto, English) sees the digest and that
 * Aino is coming. Kaisa edits the place and cancels the gathering. Every page is checked with axe.
 */
let server: TestServer;
let browser: Browser;

type Person = Awaited<ReturnType<typeof signedInClient>>;
const PROGRAMME = "Verme-verkosto";
const GROUP_A = "Ryhmä Aalto";
const GROUP_B = "Ryhmä Lehto";
const TITLE = "Kevään kohtaaminen";
const DIGEST = "Opimme, että tavoitteiden katsaus jokaisen tapaamisen alussa pitää työn liikkeellä.";
let programmeId: string;
let kaisa: Person;
let outi: Person;
let aino: Person;
let pekka: Person;
let bertta: Person;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  server = await startTestServer({ withClient: true });
  browser = await launchChromium();
  kaisa = await signedInClient(server.url, { displayName: "Kaisa" });
  const { programme } = await expectStatus(kaisa.client.post<{ programme: { id: string } }>("/api/programmes", { name: PROGRAMME, template: "verme_year" }), 201);
  programmeId = programme.id;
  const people: Person[] = [];
  for (const [groupName, facilitatorName, memberName] of [
    [GROUP_A, "Outi", "Aino"],
    [GROUP_B, "Pekka", "Bertta"],
  ] as const) {
    const { group } = await expectStatus(
      kaisa.client.post<{ group: { id: string } }>(`/api/programmes/${programmeId}/groups`, { name: groupName, kind: "peer_mentoring" }),
      201,
    );
    const facilitator = await signedInClient(server.url, { displayName: facilitatorName });
    const member = await signedInClient(server.url, { displayName: memberName });
    await expectStatus(kaisa.client.post(`/api/programmes/${programmeId}/groups/${group.id}/facilitators`, { email: facilitator.user.email }), 201);
    await expectStatus(facilitator.client.post(`/api/groups/${group.id}/agreement/accept`, {}), 200);
    const { invitation } = await expectStatus(facilitator.client.post<{ invitation: { token: string } }>(`/api/groups/${group.id}/invitations`, {}), 201);
    await expectStatus(member.client.post(`/api/invitations/${invitation.token}/accept`, { acceptAgreement: true }), 200);
    people.push(facilitator, member);
  }
  [outi, aino, pekka, bertta] = people as [Person, Person, Person, Person];
  await expectStatus(bertta.client.patch("/api/me", { locale: "en" }), 200);
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await server?.close();
});

async function signIn(person: Person, heading: string): Promise<Page> {
  const context = await newContext(browser);
  contexts.push(context);
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  await page.goto(`${server.url}/sign-in`);
  await page.getByLabel("Sähköposti").fill(person.account.email);
  await page.getByLabel("Salasana").fill(person.account.password);
  await page.getByLabel("Salasana").press("Enter");
  await page.getByRole("heading", { level: 1, name: heading }).waitFor();
  return page;
}

/** Near enough what a screen reader calls the focused element: its aria-label, else its text without hidden symbols. */
function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const focused = document.activeElement;
    if (!focused) return "";
    const copy = focused.cloneNode(true) as Element;
    for (const hidden of copy.querySelectorAll("[aria-hidden=true]")) hidden.remove();
    return focused.getAttribute("aria-label") ?? (copy.textContent ?? "").replace(/\s+/g, " ").trim();
  });
}

/** Moves focus with Tab until the focused element is called `name`; fails (saying what it passed) if it never is. */
async function tabToNamed(page: Page, name: string, maxPresses = 80): Promise<void> {
  const seen: string[] = [];
  for (let presses = 0; presses < maxPresses; presses++) {
    await page.keyboard.press("Tab");
    const focused = await focusedName(page);
    if (focused === name) return;
    seen.push(focused.slice(0, 40));
  }
  throw new Error(`Tab never reached "${name}"; it passed ${JSON.stringify(seen)}`);
}

/** A `datetime-local` value in Helsinki, `days` from now at `hour`:00. */
function helsinkiInput(days: number, hour: number): string {
  const date = new Date(Date.now() + days * 86_400_000);
  const day = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Helsinki" }).format(date);
  return `${day}T${String(hour).padStart(2, "0")}:00`;
}

/** Sends a message in the chat under the heading `chat`, as a person would: typed, then Enter. */
async function sendChat(page: Page, chat: string, text: string): Promise<void> {
  const input = page.getByRole("region", { name: chat, exact: true }).locator(".chat-panel__main .chat-composer__input");
  await input.fill(text);
  await input.press("Enter");
}

function chatMessage(page: Page, chat: string, text: string): Locator {
  return page.getByRole("region", { name: chat, exact: true }).locator("li.chat-message", { hasText: text });
}

async function announcement(page: Page): Promise<string> {
  return (await page.getByTestId("announcer").textContent()) ?? "";
}

describe("a cross-group gathering in the browser", () => {
  it("is organised for two groups, answered with the keyboard, and shares one group's learning with the other", async () => {
    // ── Kaisa organises it ────────────────────────────────────────────────
    const kaisaPage = await signIn(kaisa, "Hei, Kaisa");
    await kaisaPage.goto(`${server.url}/programmes/${programmeId}`);
    const section = kaisaPage.getByRole("region", { name: "Kohtaamiset", exact: true });
    await section.getByText("Tulevia kohtaamisia ei ole vielä järjestetty.").waitFor();
    await expectNoAxeViolations(kaisaPage, "programme page with no gatherings (coordinator, fi)");

    await section.getByRole("button", { name: "Järjestä kohtaaminen" }).click();
    const dialog = kaisaPage.getByRole("dialog", { name: "Järjestä kohtaaminen" });
    expect(await kaisaPage.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe("title");
    await dialog.getByLabel("Otsikko").fill(TITLE);
    await dialog.getByLabel("Tarkoitus").fill("Ryhmät kertovat toisilleen, mitä ovat oppineet.");
    await dialog.getByLabel("Alkaa").fill(helsinkiInput(14, 13));
    await dialog.getByLabel("Kesto (minuuttia)").fill("180");
    await dialog.getByLabel("Paikka").fill("Agora, Jyväskylä");
    await dialog.getByLabel("Etätapaamisen linkki").fill("https://meet.jit.si/piiri-kohtaaminen");
    await dialog.getByText("Valitsemani ryhmät", { exact: true }).click();
    const groupBoxes = dialog.getByRole("group", { name: "Kutsu nämä ryhmät" });
    // Sending none is refused in words before anything is sent.
    await dialog.getByRole("button", { name: "Järjestä ja kutsu" }).click();
    await dialog.getByRole("alert").getByText("Valitse vähintään yksi kutsuttava ryhmä.").waitFor();
    await groupBoxes.getByText(GROUP_A, { exact: true }).click();
    await groupBoxes.getByText(GROUP_B, { exact: true }).click();
    expect(await groupBoxes.getByRole("checkbox", { name: GROUP_A }).isChecked()).toBe(true);
    expect(await groupBoxes.getByRole("checkbox", { name: GROUP_B }).isChecked()).toBe(true);
    await expectNoAxeViolations(kaisaPage, "organise a gathering dialog (fi)");
    await screenshot(kaisaPage, "gatherings-organise-dialog-fi");
    await dialog.getByRole("button", { name: "Järjestä ja kutsu" }).click();

    await kaisaPage.getByRole("heading", { level: 1, name: TITLE }).waitFor();
    const gatheringUrl = kaisaPage.url();
    expect(gatheringUrl).toMatch(/\/gatherings\/[0-9a-f-]{36}$/);
    expect(await kaisaPage.evaluate(() => document.activeElement?.tagName)).toBe("H1");
    const facts = kaisaPage.getByRole("region", { name: "Tiedot" });
    await facts.getByText(/klo 13\.00–16\.00/).waitFor();
    expect(await facts.getByRole("listitem").allTextContents()).toEqual([GROUP_A, GROUP_B]);
    expect(await facts.getByRole("link", { name: /Liity etäyhteydellä/ }).getAttribute("href")).toBe("https://meet.jit.si/piiri-kohtaaminen");
    // The host is no invited member: nothing to answer, and the default agenda is there.
    expect(await kaisaPage.getByRole("region", { name: "Tuletko?" }).count()).toBe(0);
    expect(await kaisaPage.getByRole("region", { name: "Asialista" }).locator(".agenda__item").count()).toBe(3);
    // Sent with the offset of the zone it was entered in: 13:00 in Helsinki.
    const listed = await expectStatus(kaisa.client.get<{ gatherings: GatheringSummary[] }>(`/api/programmes/${programmeId}/gatherings`), 200);
    expect(listed.gatherings.map((gathering) => [gathering.title, gathering.timeZone])).toEqual([[TITLE, "Europe/Helsinki"]]);
    expect(new Intl.DateTimeFormat("fi-FI", { timeZone: "Europe/Helsinki", timeStyle: "short" }).format(new Date(listed.gatherings[0]!.startsAt))).toBe("13.00");
    await expectNoAxeViolations(kaisaPage, "gathering page (host, fi)");
    await screenshot(kaisaPage, "gatherings-page-host-fi");

    // ── Aino answers with the keyboard only ───────────────────────────────
    const ainoPage = await signIn(aino, "Hei, Aino");
    const ainoHome = ainoPage.getByRole("region", { name: "Tulevat kohtaamiset" });
    await ainoHome.getByRole("link", { name: TITLE }).waitFor();
    await ainoHome.getByText("Et ole vielä vastannut.").waitFor();
    await expectNoAxeViolations(ainoPage, "home with a coming gathering (member, fi)");
    await ainoPage.getByRole("heading", { level: 1 }).focus();
    await tabToNamed(ainoPage, TITLE);
    await ainoPage.keyboard.press("Enter");
    await ainoPage.getByRole("heading", { level: 1, name: TITLE }).waitFor();
    const rsvp = ainoPage.getByRole("region", { name: "Tuletko?" });
    await rsvp.getByText("Et ole vielä vastannut.").waitFor();
    await tabToNamed(ainoPage, "Tulen");
    expect(await ainoPage.evaluate(() => document.activeElement?.getAttribute("aria-pressed"))).toBe("false");
    await ainoPage.keyboard.press("Space");
    await rsvp.getByText("Vastauksesi: Tulen").waitFor();
    expect(await ainoPage.evaluate(() => document.activeElement?.getAttribute("aria-pressed"))).toBe("true");
    expect(await rsvp.getByRole("button", { name: "Ehkä" }).getAttribute("aria-pressed")).toBe("false");
    await expect.poll(() => announcement(ainoPage)).toContain("Vastauksesi tallennettiin: Tulen.");
    const ainoComing = ainoPage.getByRole("region", { name: "Ketkä tulevat" });
    await ainoComing.getByText("Tulossa 1 · ehkä 0 · eivät pääse 0").waitFor();
    // A member sees no digest form: only a facilitator publishes for the group.
    expect(await ainoPage.getByRole("button", { name: "Julkaise kooste" }).count()).toBe(0);
    await expectNoAxeViolations(ainoPage, "gathering page after answering (member, fi)");
    await screenshot(ainoPage, "gatherings-page-member-fi");
    // Her home page shows her answer next to the gathering.
    await ainoPage.getByRole("link", { name: "Etusivu" }).click();
    await ainoHome.getByText("Vastauksesi: Tulen").waitFor();
    await screenshot(ainoPage, "gatherings-home-member-fi");

    // ── Outi publishes Aalto's learning digest ────────────────────────────
    const outiPage = await signIn(outi, "Hei, Outi");
    await outiPage.goto(gatheringUrl);
    await outiPage.getByRole("heading", { level: 1, name: TITLE }).waitFor();
    const digests = outiPage.getByRole("region", { name: "Oppimiskoosteet" });
    const editor = digests.getByRole("group", { name: `Ryhmäsi oppimiskooste: ${GROUP_A}` });
    await editor.getByText("Tämä teksti on ainoa, joka lähtee ryhmästä.").waitFor();
    await editor.getByText(/Sopikaa koosteen sisällöstä ensin yhdessä ryhmässä/).waitFor();
    await expectNoAxeViolations(outiPage, "gathering page with the digest form (facilitator, fi)");
    const field = editor.getByLabel(`Oppimiskooste: ${GROUP_A}`, { exact: true });
    await field.fill(DIGEST);
    await editor.getByRole("button", { name: "Julkaise kooste" }).click();
    const published = digests.getByRole("article", { name: GROUP_A });
    await published.getByText(DIGEST).waitFor();
    await published.getByText(/Julkaisija Outi/).waitFor();
    await editor.getByRole("button", { name: "Päivitä kooste" }).waitFor();

    // Withdrawn, the text stays in the form and focus on it; published again.
    await editor.getByRole("button", { name: "Peru julkaisu" }).click();
    await published.waitFor({ state: "detached" });
    await expect.poll(() => outiPage.evaluate(() => document.activeElement?.tagName)).toBe("TEXTAREA");
    expect(await field.inputValue()).toBe(DIGEST);
    await editor.getByRole("button", { name: "Julkaise kooste" }).click();
    await published.getByText(DIGEST).waitFor();
    await expectNoAxeViolations(outiPage, "gathering page with a published digest (facilitator, fi)");
    await screenshot(outiPage, "gatherings-digest-facilitator-fi");

    // ── Bertta, in the other group, reads it in English ───────────────────
    const berttaPage = await signIn(bertta, "Hi, Bertta");
    const berttaHome = berttaPage.getByRole("region", { name: "Coming gatherings" });
    await berttaHome.getByText("You have not answered yet.").waitFor();
    await expectNoAxeViolations(berttaPage, "home with a coming gathering (member, en)");
    await screenshot(berttaPage, "gatherings-home-member-en");
    await berttaHome.getByRole("link", { name: TITLE }).click();
    await berttaPage.getByRole("heading", { level: 1, name: TITLE }).waitFor();
    const berttaDigest = berttaPage.getByRole("region", { name: "Learning digests" }).getByRole("article", { name: GROUP_A });
    await berttaDigest.getByText(DIGEST).waitFor();
    const berttaComing = berttaPage.getByRole("region", { name: "Who is coming" });
    await berttaComing.getByText("Coming 1 · maybe 0 · can't come 0").waitFor();
    expect((await berttaComing.getByRole("listitem").allTextContents()).map((text) => text.replace(/\s+/g, " ").trim())).toEqual([`Aino · ${GROUP_A}`]);
    expect(await berttaPage.getByRole("region", { name: "Are you coming?" }).getByRole("button", { name: "I'm coming" }).getAttribute("aria-pressed")).toBe(
      "false",
    );
    await expectNoAxeViolations(berttaPage, "gathering page (member of the other group, en)");
    await screenshot(berttaPage, "gatherings-page-member-en");

    // ── Kaisa moves it and then cancels it ────────────────────────────────
    await kaisaPage.reload();
    await kaisaPage.getByRole("heading", { level: 1, name: TITLE }).waitFor();
    await facts.getByRole("button", { name: "Muokkaa tietoja" }).click();
    const edit = kaisaPage.getByRole("dialog", { name: "Muokkaa kohtaamisen tietoja" });
    expect(await edit.getByLabel("Otsikko").inputValue()).toBe(TITLE);
    await edit.getByLabel("Paikka").fill("Agora, sali 2");
    await expectNoAxeViolations(kaisaPage, "edit gathering dialog (fi)");
    await edit.getByRole("button", { name: "Tallenna muutokset" }).click();
    await edit.waitFor({ state: "detached" });
    await facts.getByText("Agora, sali 2").waitFor();
    await expect.poll(() => focusedName(kaisaPage)).toBe("Muokkaa tietoja");

    await facts.getByRole("button", { name: "Peru kohtaaminen" }).click();
    const confirm = kaisaPage.getByRole("dialog", { name: `Perutaanko ${TITLE}?` });
    await expectNoAxeViolations(kaisaPage, "cancel gathering dialog (fi)");
    await confirm.getByRole("button", { name: "Kyllä, peru kohtaaminen" }).click();
    await confirm.waitFor({ state: "detached" });
    // The cancel button is gone: focus lands on the note that says the gathering is cancelled.
    await expect.poll(() => kaisaPage.evaluate(() => document.activeElement?.id)).toBe("gathering-status-note");
    await kaisaPage.getByText("Järjestäjä perui tämän kohtaamisen.").waitFor();
    await expectNoAxeViolations(kaisaPage, "cancelled gathering (host, fi)");

    await kaisaPage.goto(`${server.url}/programmes/${programmeId}`);
    await section.getByText("Mennyt tai peruttu kohtaaminen (1)").click();
    await section.getByRole("link", { name: TITLE }).waitFor();
    await section.getByText("Peruttu", { exact: true }).waitFor();
    await expectNoAxeViolations(kaisaPage, "programme page with a cancelled gathering (coordinator, fi)");
    await screenshot(kaisaPage, "gatherings-programme-fi");
  });

  it("runs live: a plenary, mixed breakout rooms with their own chats, a broadcast, a move between rooms, a call-back and the report-back", async () => {
    // The first story's browsers are done with; five fresh ones take part in this one.
    for (const context of contexts.splice(0)) await context.close();
    const LIVE_TITLE = "Syksyn kohtaaminen";
    const startsAt = new Date(Date.now() + 5 * 60_000).toISOString();
    const { gathering } = await expectStatus(
      kaisa.client.post<{ gathering: Gathering }>(`/api/programmes/${programmeId}/gatherings`, { title: LIVE_TITLE, startsAt, durationMinutes: 120, groupIds: "all" }),
      201,
    );
    const gatheringUrl = `${server.url}/gatherings/${gathering.id}`;

    // ── Kaisa opens the plenary ───────────────────────────────────────────
    const kaisaPage = await signIn(kaisa, "Hei, Kaisa");
    await kaisaPage.goto(gatheringUrl);
    const kaisaLive = kaisaPage.getByRole("region", { name: "Yhteinen osuus", exact: true });
    await kaisaLive.getByRole("button", { name: "Avaa yhteinen osuus" }).click();
    await kaisaLive.getByText("Käynnissä nyt").waitFor();
    await kaisaLive.getByTestId("room-timer").waitFor();

    // ── The members come in; Aino with the keyboard only ──────────────────
    const ainoPage = await signIn(aino, "Hei, Aino");
    await ainoPage.getByRole("region", { name: "Tulevat kohtaamiset" }).getByRole("link", { name: LIVE_TITLE }).waitFor();
    await ainoPage.getByRole("heading", { level: 1 }).focus();
    await tabToNamed(ainoPage, LIVE_TITLE);
    await ainoPage.keyboard.press("Enter");
    await ainoPage.getByRole("heading", { level: 1, name: LIVE_TITLE }).waitFor();
    const ainoLive = ainoPage.getByRole("region", { name: "Yhteinen osuus", exact: true });
    await ainoLive.getByText("Käynnissä nyt").waitFor();
    // Once it runs, whether she comes is no longer asked.
    expect(await ainoPage.getByRole("region", { name: "Tuletko?" }).count()).toBe(0);

    const outiPage = await signIn(outi, "Hei, Outi");
    const pekkaPage = await signIn(pekka, "Hei, Pekka");
    const berttaPage = await signIn(bertta, "Hi, Bertta");
    for (const page of [outiPage, pekkaPage, berttaPage]) await page.goto(gatheringUrl);
    await berttaPage.getByRole("region", { name: "Plenary", exact: true }).getByText("On now").waitFor();
    await kaisaPage.getByRole("heading", { name: "Paikalla (5)" }).waitFor();

    // A raised hand shows to everyone.
    await outiPage.getByRole("button", { name: "Nosta käsi" }).click();
    await kaisaPage.getByRole("heading", { name: "Nostetut kädet (1)" }).waitFor();
    await outiPage.getByRole("button", { name: "Laske käsi" }).click();
    await kaisaPage.getByRole("heading", { name: "Nostetut kädet (0)" }).waitFor();

    // The plenary's chat reaches everyone on the page.
    await sendChat(pekkaPage, "Yhteinen keskustelu", "Hei kaikki, Pekka täällä!");
    await chatMessage(berttaPage, "Shared chat", "Hei kaikki, Pekka täällä!").waitFor();
    const pekkaActions = { name: "Toiminnot – viesti käyttäjältä Pekka" };
    await chatMessage(ainoPage, "Yhteinen keskustelu", "Hei kaikki, Pekka täällä!").getByRole("button", pekkaActions).waitFor();
    await expectNoAxeViolations(ainoPage, "live plenary (member, fi)");
    await screenshot(ainoPage, "gatherings-live-plenary-member-fi");

    // ── Kaisa splits them into mixed rooms of two ─────────────────────────
    const hostPanel = kaisaPage.getByRole("region", { name: "Pienryhmät", exact: true });
    await hostPanel.getByLabel("Pienryhmän koko (henkeä)").fill("2");
    await hostPanel.getByRole("button", { name: "Jaa pienryhmiin" }).click();
    const draftRoom = (number: number) => hostPanel.getByRole("region", { name: `Pienryhmä ${number}`, exact: true });
    await draftRoom(2).waitFor();
    const namesIn = async (room: Locator) => (await room.locator(".breakout-members__name").allTextContents()).sort();
    const groupsIn = async (room: Locator) => (await room.locator(".breakout-members__group").allTextContents()).sort();
    // Every room mixes the two groups.
    for (const number of [1, 2]) expect(await groupsIn(draftRoom(number))).toEqual([GROUP_A, GROUP_B]);
    await expectNoAxeViolations(kaisaPage, "breakout draft (host, fi)");
    await screenshot(kaisaPage, "gatherings-live-draft-host-fi");

    // Moving someone with the room select and its button, and back again.
    const ainoRoomBefore = (await namesIn(draftRoom(1))).includes("Aino") ? 1 : 2;
    const otherRoom = 3 - ainoRoomBefore;
    await hostPanel.getByLabel("Siirrä Aino pienryhmään").selectOption(String(otherRoom));
    await hostPanel.getByRole("button", { name: "Siirrä Aino" }).click();
    await expect.poll(() => namesIn(draftRoom(otherRoom))).toContain("Aino");
    await expect.poll(() => kaisaPage.evaluate(() => document.activeElement?.id ?? "")).toMatch(/^breakout-place-/);
    await hostPanel.getByLabel("Siirrä Aino pienryhmään").selectOption(String(ainoRoomBefore));
    await hostPanel.getByRole("button", { name: "Siirrä Aino" }).click();
    await expect.poll(() => namesIn(draftRoom(ainoRoomBefore))).toContain("Aino");
    const rooms = { 1: await namesIn(draftRoom(1)), 2: await namesIn(draftRoom(2)) };
    expect([...rooms[1], ...rooms[2]].sort()).toEqual(["Aino", "Bertta", "Outi", "Pekka"]);

    expect(await hostPanel.getByLabel("Aikaa (minuuttia)").inputValue()).toBe("15");
    await hostPanel.getByRole("button", { name: "Aloita pienryhmät" }).click();

    // ── Everyone is in their room ─────────────────────────────────────────
    const pages: Record<string, Page> = { Aino: ainoPage, Outi: outiPage, Pekka: pekkaPage, Bertta: berttaPage };
    const roomOf = (name: string) => (rooms[1].includes(name) ? 1 : 2);
    const roomHeading = (name: string) => (name === "Bertta" ? `Breakout room ${roomOf(name)}` : `Pienryhmä ${roomOf(name)}`);
    for (const name of Object.keys(pages)) await pages[name]!.getByRole("heading", { level: 2, name: roomHeading(name), exact: true }).waitFor();
    // Focus moved to the room's heading, and the change was said out loud.
    await expect.poll(() => ainoPage.evaluate(() => document.activeElement?.id)).toBe("breakout-room-heading");
    await expect.poll(() => announcement(ainoPage)).toContain(`Olet pienryhmässä ${roomOf("Aino")}.`);
    const ainoMembers = ainoPage.getByRole("region", { name: "Pienryhmässä (2)" });
    expect((await ainoMembers.getByRole("listitem").allTextContents()).length).toBe(2);
    await ainoMembers.getByText(GROUP_B).waitFor();

    // A room's chat stays in the room.
    const ainoMate = rooms[roomOf("Aino") as 1 | 2].find((name) => name !== "Aino")!;
    const [elsewhere] = rooms[(3 - roomOf("Aino")) as 1 | 2];
    const roomChat = (name: string) => (name === "Bertta" ? "Room chat" : "Pienryhmän keskustelu");
    await sendChat(pages[ainoMate]!, roomChat(ainoMate), "Terveiset meidän pienryhmästä");
    await chatMessage(ainoPage, "Pienryhmän keskustelu", "Terveiset meidän pienryhmästä").waitFor();
    await sendChat(pages[elsewhere!]!, roomChat(elsewhere!), "Toisen pienryhmän viesti");
    await chatMessage(pages[elsewhere!]!, roomChat(elsewhere!), "Toisen pienryhmän viesti").waitFor();
    await pages[elsewhere!]!.waitForTimeout(500);
    expect(await chatMessage(pages[elsewhere!]!, roomChat(elsewhere!), "Terveiset meidän pienryhmästä").count()).toBe(0);
    expect(await chatMessage(ainoPage, "Pienryhmän keskustelu", "Toisen pienryhmän viesti").count()).toBe(0);
    // Nor does the plenary's chat show inside a room.
    expect(await ainoPage.getByRole("region", { name: "Yhteinen keskustelu" }).count()).toBe(0);

    await expectNoAxeViolations(ainoPage, "breakout room (member, fi)");
    await screenshot(ainoPage, "gatherings-live-room-member-fi");
    await expectNoAxeViolations(berttaPage, "breakout room (member, en)");
    await screenshot(berttaPage, "gatherings-live-room-member-en");

    // ── Aino publishes the room's summary with the keyboard ───────────────
    const SUMMARY = "Sekaryhmässä huomasimme, että molemmat ryhmät kaipaavat selkeämpiä tavoitteita.";
    await ainoPage.getByRole("heading", { level: 2, name: `Pienryhmä ${roomOf("Aino")}`, exact: true }).focus();
    await tabTo(ainoPage, "textarea[name=summary]", 120);
    await ainoPage.keyboard.type(SUMMARY);
    await tabToNamed(ainoPage, "Julkaise yhteenveto", 5);
    await ainoPage.keyboard.press("Enter");
    await ainoPage.getByRole("button", { name: "Päivitä yhteenveto" }).waitFor();
    await expect.poll(() => announcement(ainoPage)).toContain(`Pienryhmän ${roomOf("Aino")} yhteenveto julkaistiin.`);
    // The host sees which rooms have reported.
    await kaisaPage.getByRole("region", { name: `Pienryhmä ${roomOf("Aino")}`, exact: true }).getByText("Yhteenveto julkaistu").waitFor();

    // ── Kaisa looks in on a room and messages every room ──────────────────
    await kaisaPage.getByRole("button", { name: `Katso pienryhmää ${roomOf("Aino")}` }).click();
    await kaisaPage.getByRole("heading", { level: 2, name: `Pienryhmä ${roomOf("Aino")}`, exact: true }).waitFor();
    await chatMessage(kaisaPage, "Pienryhmän keskustelu", "Terveiset meidän pienryhmästä").waitFor();
    await kaisaPage.getByRole("button", { name: "Palaa yhteiseen osuuteen" }).click();
    await hostPanel.getByLabel("Viesti", { exact: true }).fill("Viisi minuuttia aikaa, kootkaa yhteenveto!");
    await hostPanel.getByRole("button", { name: "Lähetä kaikkiin pienryhmiin" }).click();
    for (const page of Object.values(pages)) {
      await page.getByRole("status").filter({ hasText: "Viisi minuuttia aikaa, kootkaa yhteenveto!" }).waitFor();
    }
    await berttaPage.getByText("Message from the host:").waitFor();
    await screenshot(outiPage, "gatherings-live-room-broadcast-fi");

    // ── Kaisa moves Outi on to Aino's room while the rooms run ────────────
    // Every room mixes the groups, so Outi is never in Aino's room; her roommate stays behind alone.
    const outiFrom = roomOf("Outi");
    const outiTo = roomOf("Aino");
    const stayer = rooms[outiFrom as 1 | 2].find((name) => name !== "Outi")!;
    const openRoom = (number: number) => hostPanel.getByRole("region", { name: `Pienryhmä ${number}`, exact: true });
    // Nobody came late: everyone present is in a room.
    await hostPanel.getByRole("region", { name: "Ei vielä pienryhmässä (0)" }).getByText("Kaikki paikalla olevat osallistujat ovat pienryhmissä.").waitFor();
    await openRoom(outiFrom).getByLabel("Siirrä Outi pienryhmään").selectOption(String(outiTo));
    // Choosing a room alone moves no one: the button does.
    await kaisaPage.waitForTimeout(300);
    expect(await namesIn(openRoom(outiFrom))).toContain("Outi");
    await openRoom(outiFrom).getByRole("button", { name: "Siirrä Outi" }).click();
    await expect.poll(() => namesIn(openRoom(outiTo))).toEqual([...rooms[outiTo as 1 | 2], "Outi"].sort());
    expect(await namesIn(openRoom(outiFrom))).toEqual([stayer]);
    await expect.poll(() => announcement(kaisaPage)).toContain(`Outi siirrettiin pienryhmään ${outiTo}.`);
    // Focus follows Outi's row into the room she was sent to.
    await expect
      .poll(() => kaisaPage.evaluate(() => `${document.activeElement?.id ?? ""} ${document.activeElement?.closest("section")?.getAttribute("aria-labelledby") ?? ""}`))
      .toMatch(new RegExp(`^breakout-place-\\S+ breakout-open-${outiTo}$`));
    await expectNoAxeViolations(kaisaPage, "open rooms after moving someone (host, fi)");
    await screenshot(kaisaPage, "gatherings-live-open-host-fi");

    // Outi's page switches to the new room: heading, focus, a polite word, and the new room's chat.
    await outiPage.getByRole("heading", { level: 2, name: `Pienryhmä ${outiTo}`, exact: true }).waitFor();
    await expect.poll(() => outiPage.evaluate(() => document.activeElement?.id)).toBe("breakout-room-heading");
    await expect.poll(() => announcement(outiPage)).toContain(`Sinut siirrettiin pienryhmään ${outiTo}.`);
    await outiPage.getByRole("region", { name: "Pienryhmässä (3)" }).getByText("Aino").waitFor();
    await chatMessage(outiPage, "Pienryhmän keskustelu", "Terveiset meidän pienryhmästä").waitFor();
    expect(await chatMessage(outiPage, "Pienryhmän keskustelu", "Toisen pienryhmän viesti").count()).toBe(0);
    await sendChat(outiPage, "Pienryhmän keskustelu", "Outi tuli tähän pienryhmään");
    await chatMessage(ainoPage, "Pienryhmän keskustelu", "Outi tuli tähän pienryhmään").waitFor();
    // The room she left no longer reaches her, nor hers it.
    await sendChat(pages[stayer]!, roomChat(stayer), "Jäin tänne yksin");
    await chatMessage(pages[stayer]!, roomChat(stayer), "Jäin tänne yksin").waitFor();
    await outiPage.waitForTimeout(500);
    expect(await chatMessage(outiPage, "Pienryhmän keskustelu", "Jäin tänne yksin").count()).toBe(0);
    expect(await chatMessage(pages[stayer]!, roomChat(stayer), "Outi tuli tähän pienryhmään").count()).toBe(0);

    // ── Everyone is called back and hears the report-back ─────────────────
    await hostPanel.getByRole("button", { name: "Kutsu kaikki takaisin" }).click();
    await ainoLive.getByText("Käynnissä nyt").waitFor();
    await expect.poll(() => announcement(ainoPage)).toContain("Kaikki kutsuttiin takaisin yhteiseen osuuteen.");
    await expect.poll(() => ainoPage.evaluate(() => document.activeElement?.id)).toBe("gathering-live-heading");
    // The message to the rooms does not linger over the plenary.
    expect(await ainoPage.getByText("Viisi minuuttia aikaa, kootkaa yhteenveto!").count()).toBe(0);
    const reportTitle = `Pienryhmä ${roomOf("Aino")} (kierros 1)`;
    for (const name of ["Aino", "Outi", "Pekka"]) {
      const report = pages[name]!.getByRole("region", { name: "Pienryhmien yhteenvedot" }).getByRole("article", { name: reportTitle });
      await report.getByText(SUMMARY).waitFor();
      await report.getByText(/Julkaisija Aino/).waitFor();
    }
    const berttaReports = berttaPage.getByRole("region", { name: "Breakout room summaries" });
    await berttaReports.getByRole("article", { name: `Breakout room ${roomOf("Aino")} (round 1)` }).getByText(SUMMARY).waitFor();
    await kaisaPage.getByRole("region", { name: "Pienryhmien yhteenvedot" }).getByText(SUMMARY).waitFor();

    // The room that did not report yet can still do it from the plenary.
    const late = pages[stayer]!;
    const lateIsBertta = stayer === "Bertta";
    const lateForm = late.getByRole("region", { name: lateIsBertta ? `Summary of room ${outiFrom}` : `Pienryhmän ${outiFrom} yhteenveto` });
    await lateForm.getByRole("textbox").fill("Toinen pienryhmä: vertaisten tuki auttaa jaksamaan.");
    await lateForm.getByRole("button", { name: lateIsBertta ? "Publish summary" : "Julkaise yhteenveto" }).click();
    await ainoPage.getByText("Toinen pienryhmä: vertaisten tuki auttaa jaksamaan.").waitFor();
    await lateForm.waitFor({ state: "detached" });

    await expectNoAxeViolations(ainoPage, "plenary with the report-back (member, fi)");
    await screenshot(ainoPage, "gatherings-live-reports-member-fi");
    await expectNoAxeViolations(berttaPage, "plenary with the report-back (member, en)");
    await screenshot(berttaPage, "gatherings-live-reports-member-en");
    await expectNoAxeViolations(kaisaPage, "plenary after the call-back (host, fi)");
    await screenshot(kaisaPage, "gatherings-live-plenary-host-fi");

    // ── Kaisa ends the gathering: what was said stays readable ────────────
    await kaisaLive.getByRole("button", { name: "Päätä kohtaaminen" }).click();
    await kaisaPage.getByRole("dialog", { name: "Päätetäänkö kohtaaminen?" }).getByRole("button", { name: "Päätä kohtaaminen" }).click();
    await ainoLive.getByText("Päättynyt", { exact: true }).waitFor();
    await chatMessage(ainoPage, "Yhteinen keskustelu", "Hei kaikki, Pekka täällä!").waitFor();
    await ainoPage.getByText("Keskustelu on päättynyt. Viestejä voi lukea, mutta uusia ei voi enää kirjoittaa.").waitFor();
    expect(await ainoPage.locator(".chat-composer__input").count()).toBe(0);
    // Messages are read, not answered, reacted to or changed any more.
    expect(await chatMessage(ainoPage, "Yhteinen keskustelu", "Hei kaikki, Pekka täällä!").getByRole("button", pekkaActions).count()).toBe(0);
    await ainoPage.getByRole("region", { name: "Pienryhmien yhteenvedot" }).getByText(SUMMARY).waitFor();
    await expect.poll(() => ainoPage.getByRole("region", { name: "Tuletko?" }).count()).toBe(0);
    await expectNoAxeViolations(ainoPage, "ended gathering (member, fi)");

    // ── Kaisa takes the outcome away as a Markdown file ───────────────────
    await kaisaLive.getByText("Päättynyt", { exact: true }).waitFor();
    const [download] = await Promise.all([kaisaPage.waitForEvent("download"), kaisaLive.getByRole("button", { name: "Lataa kooste (.md)" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^kohtaaminen-syksyn-kohtaaminen-\d{4}-\d{2}-\d{2}\.md$/);
    const report = readFileSync(await download.path(), "utf8");
    expect(report.startsWith(`# ${LIVE_TITLE}\n`)).toBe(true);
    expect(report).toContain(`### ${reportTitle}\n\n${SUMMARY}\n`);

    // ── Afterwards, Aino finds it from her home page ──────────────────────
    await ainoPage.getByRole("link", { name: "Etusivu" }).click();
    const ainoPast = ainoPage.getByRole("region", { name: "Aiemmat kohtaamiset" });
    await ainoPast.getByRole("link", { name: LIVE_TITLE }).waitFor();
    await expect.poll(() => ainoPage.getByRole("region", { name: "Tulevat kohtaamiset" }).count()).toBe(0);
    await expectNoAxeViolations(ainoPage, "home with a past gathering (member, fi)");
    await screenshot(ainoPage, "gatherings-home-past-member-fi");
    await ainoPast.getByRole("link", { name: LIVE_TITLE }).click();
    await ainoPage.getByRole("heading", { level: 1, name: LIVE_TITLE }).waitFor();
  });
});
