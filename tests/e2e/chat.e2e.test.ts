import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GroupDetail, Membership } from "../../shared/schemas/groups";
import { expectNoAxeViolations, launchChromium, newContext, screenshot, tabTo } from "../support/browser";
import { expectStatus } from "../support/groups";
import { signedInClient, type ApiClient } from "../support/http";
import { startTestServer, type TestServer } from "../support/testServer";

/**
 * Two members of a group chatting in two real Chromium profiles against the built client: live
 * messages, keyboard-only sending, a mention, a reaction, a thread, editing, deleting and hiding, the
 * unread badge and divider, and messages written offline (also across a page reload) arriving exactly once.
 */
let server: TestServer;
let browser: Browser;
let groupId: string;
let mikkoApi: ApiClient;
const password = "keskustelu-salasana-1";
const aino = { email: "aino.chat@example.fi", displayName: "Aino Aaltonen" };
const mikko = { email: "mikko.chat@example.fi", displayName: "Mikko Mäkinen" };

beforeAll(async () => {
  server = await startTestServer({ withClient: true });
  browser = await launchChromium();
  const facilitator = await signedInClient(server.url, { ...aino, password });
  const member = await signedInClient(server.url, { ...mikko, password });
  mikkoApi = member.client;
  const { group } = await expectStatus(
    facilitator.client.post<{ group: GroupDetail }>("/api/groups", { name: "Tiiminvetäjät", kind: "peer_mentoring" }),
    201,
  );
  groupId = group.id;
  await expectStatus(facilitator.client.post(`/api/groups/${groupId}/goals`, { title: "Palautteen antaminen" }), 201);
  const { invitation } = await expectStatus(
    facilitator.client.post<{ invitation: { token: string } }>(`/api/groups/${groupId}/invitations`, {}),
    201,
  );
  await expectStatus(member.client.post<{ membership: Membership }>(`/api/invitations/${invitation.token}/accept`, { acceptAgreement: true }), 200);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function signIn(context: BrowserContext, person: { email: string; displayName: string }): Promise<Page> {
  // A step that never happens fails at that step, well before the test's own time limit.
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  await page.goto(`${server.url}/sign-in`);
  await page.getByLabel("Sähköposti").fill(person.email);
  await page.getByLabel("Salasana").fill(password);
  await page.getByRole("button", { name: "Kirjaudu sisään" }).click();
  await page.getByRole("heading", { level: 1, name: `Hei, ${person.displayName}` }).waitFor();
  return page;
}

async function openChat(page: Page): Promise<Locator> {
  await page.goto(`${server.url}/groups/${groupId}`);
  const log = page.getByRole("log", { name: "Viestit" });
  await log.waitFor();
  await page.locator(".chat-panel__main .chat-composer__input").waitFor();
  return log;
}

function messageIn(log: Locator, text: string): Locator {
  return log.locator("li.chat-message", { hasText: text });
}

async function send(page: Page, text: string): Promise<void> {
  const input = page.locator(".chat-panel__main .chat-composer__input");
  await input.fill(text);
  await input.press("Enter");
}

describe("chat in the browser", () => {
  it("carries messages, mentions, reactions, threads and changes live between two members, accessibly", async () => {
    const ainoContext = await newContext(browser);
    const mikkoContext = await newContext(browser);
    const ainoPage = await signIn(ainoContext, aino);
    const mikkoPage = await signIn(mikkoContext, mikko);
    const ainoLog = await openChat(ainoPage);
    const mikkoLog = await openChat(mikkoPage);

    await ainoPage.getByText("Ei vielä viestejä. Aloita keskustelu!").waitFor();
    await ainoPage.getByText("Paikalla nyt: 2").waitFor();
    await expectNoAxeViolations(ainoPage, "group chat, empty (fi)");

    // Keyboard only: Tab to the composer, type, Shift+Enter for a new line, Enter to send.
    await mikkoPage.locator("h1").focus();
    await tabTo(mikkoPage, ".chat-panel__main .chat-composer__input", 80);
    await mikkoPage.keyboard.type("Hei kaikki! Ohje: https://verme.fi/opas.");
    await mikkoPage.keyboard.press("Shift+Enter");
    await mikkoPage.keyboard.type("Toinen rivi <b>ei lihavoitu</b>");
    await mikkoPage.keyboard.press("Enter");
    expect(await mikkoPage.locator(".chat-panel__main .chat-composer__input").inputValue()).toBe("");

    // It appears live on the other side, as text (no HTML), with a safe link.
    const first = messageIn(ainoLog, "Hei kaikki!");
    await first.waitFor();
    expect(await first.locator(".chat-message__body").innerText()).toBe("Hei kaikki! Ohje: https://verme.fi/opas.\nToinen rivi <b>ei lihavoitu</b>");
    expect(await first.locator("b").count()).toBe(0);
    const link = first.getByRole("link", { name: "https://verme.fi/opas" });
    expect(await link.getAttribute("href")).toBe("https://verme.fi/opas");
    expect(await link.getAttribute("target")).toBe("_blank");
    expect(await link.getAttribute("rel")).toBe("noopener noreferrer");
    expect(await first.locator(".chat-message__author").textContent()).toBe(mikko.displayName);

    // The other person's typing shows up.
    await ainoPage.locator(".chat-panel__main .chat-composer__input").pressSequentially("Kii");
    await mikkoPage.getByText(`${aino.displayName} kirjoittaa…`).waitFor();

    // A mention chosen from the suggestions is highlighted for the person mentioned.
    const ainoInput = ainoPage.locator(".chat-panel__main .chat-composer__input");
    await ainoInput.fill("");
    await ainoInput.pressSequentially("Kiitos @Mik");
    await ainoPage.getByRole("option", { name: mikko.displayName }).waitFor();
    await ainoInput.press("Enter");
    expect(await ainoInput.inputValue()).toBe(`Kiitos @${mikko.displayName} `);
    await ainoInput.pressSequentially("tuletko torstaina?");
    await ainoInput.press("Enter");
    const mention = messageIn(mikkoLog, "tuletko torstaina?");
    await mention.waitFor();
    expect(await mention.getAttribute("class")).toContain("chat-message--mentions-me");
    expect(await mention.locator(".chat-mention--me").textContent()).toBe(`@${mikko.displayName}`);
    await mention.getByText("Mainitsi sinut").waitFor();

    // A reaction: Mikko reacts, Aino sees who reacted in the button's name.
    await mention.getByRole("button", { name: /^Toiminnot/ }).click();
    await mention.getByRole("button", { name: "Reagoi: 👍" }).click();
    const ainoMention = messageIn(ainoLog, "tuletko torstaina?");
    const reaction = ainoMention.getByRole("button", { name: `👍 1: ${mikko.displayName}` });
    await reaction.waitFor();
    expect(await reaction.getAttribute("aria-pressed")).toBe("false");
    // Aino joins the reaction by pressing the same button.
    await reaction.click();
    await ainoMention.getByRole("button", { name: `👍 2: ${mikko.displayName}, sinä` }).waitFor();
    await mention.getByRole("button", { name: `👍 2: sinä, ${aino.displayName}` }).waitFor();

    // A thread: Aino replies to Mikko's first message; Mikko sees the reply count and opens it.
    await first.getByRole("button", { name: /^Toiminnot/ }).click();
    await first.getByRole("button", { name: "Vastaa ketjussa" }).click();
    const ainoThread = ainoPage.getByRole("region", { name: `Ketju: ${mikko.displayName}` });
    await ainoThread.waitFor();
    expect(await ainoPage.evaluate(() => document.activeElement?.tagName)).toBe("H3");
    await ainoThread.getByLabel("Kirjoita vastaus").fill("Hyvä ohje, kiitos!");
    await ainoThread.getByLabel("Kirjoita vastaus").press("Enter");
    await ainoThread.locator("li.chat-message", { hasText: "Hyvä ohje, kiitos!" }).waitFor();
    const mikkoFirst = messageIn(mikkoLog, "Hei kaikki!");
    await mikkoFirst.getByRole("button", { name: "1 vastaus" }).click();
    const mikkoThread = mikkoPage.getByRole("region", { name: `Ketju: ${mikko.displayName}` });
    await mikkoThread.locator("li.chat-message", { hasText: "Hyvä ohje, kiitos!" }).waitFor();
    // Replies stay in the thread, not in the main log.
    expect(await messageIn(mikkoLog, "Hyvä ohje, kiitos!").count()).toBe(0);
    await expectNoAxeViolations(mikkoPage, "group chat with a thread open (fi)");
    await screenshot(mikkoPage, "chat-thread-fi");
    await mikkoThread.getByRole("button", { name: "Sulje ketju" }).click();

    // Editing and deleting my own message; the others see the edited mark and the placeholder.
    await send(mikkoPage, "Kirjoitusvirhe tässä");
    const typo = messageIn(mikkoLog, "Kirjoitusvirhe tässä");
    await typo.waitFor();
    await typo.getByRole("button", { name: /^Toiminnot/ }).click();
    await typo.getByRole("button", { name: "Muokkaa", exact: true }).click();
    // While editing, the text is in the textarea, so the item is found through its label, not its text.
    const editor = mikkoLog.getByLabel("Muokkaa viestiä");
    await editor.fill("Korjattu viesti");
    await editor.press("Enter");
    const corrected = messageIn(ainoLog, "Korjattu viesti");
    await corrected.getByText("(muokattu)").waitFor();

    await send(mikkoPage, "Tämä poistetaan");
    const doomed = messageIn(mikkoLog, "Tämä poistetaan");
    await doomed.waitFor();
    await messageIn(ainoLog, "Tämä poistetaan").waitFor();
    await doomed.getByRole("button", { name: /^Toiminnot/ }).click();
    await doomed.getByRole("button", { name: "Poista", exact: true }).click();
    await doomed.getByRole("button", { name: "Poista viesti" }).click();
    await expect.poll(() => messageIn(ainoLog, "Tämä poistetaan").count()).toBe(0);
    await ainoLog.getByText("Viesti poistettu.").waitFor();

    // The facilitator hides a message; its author sees the placeholder.
    await send(mikkoPage, "Asiaton kommentti");
    const rude = messageIn(ainoLog, "Asiaton kommentti");
    await rude.waitFor();
    await rude.getByRole("button", { name: /^Toiminnot/ }).click();
    await rude.getByRole("button", { name: "Piilota" }).click();
    await mikkoLog.getByText("Ohjaaja on piilottanut tämän viestin.").waitFor();
    await expect.poll(() => messageIn(mikkoLog, "Asiaton kommentti").count()).toBe(0);

    await expectNoAxeViolations(ainoPage, "group chat with messages (fi)");
    await screenshot(ainoPage, "chat-facilitator-fi");
    await screenshot(mikkoPage, "chat-member-fi");
    await Promise.all([ainoContext.close(), mikkoContext.close()]);
  }, 120_000);

  it("counts unread messages in the navigation and marks the new ones with a divider", async () => {
    const ainoContext = await newContext(browser);
    const mikkoContext = await newContext(browser);
    const ainoPage = await signIn(ainoContext, aino);
    const mikkoPage = await signIn(mikkoContext, mikko);
    await openChat(ainoPage);
    const mikkoLog = await openChat(mikkoPage);
    // Having the end of the conversation on screen marks it read.
    await expect.poll(() => mikkoPage.getByTestId("unread-badge").count()).toBe(0);

    // A second group of Mikko's, where nobody writes: its card must stay without a badge.
    await expectStatus(mikkoApi.post("/api/groups", { name: "Hiljainen piiri", kind: "peer_mentoring" }), 201);
    await mikkoPage.getByRole("link", { name: /^Etusivu/ }).click();
    await mikkoPage.getByRole("heading", { level: 1, name: `Hei, ${mikko.displayName}` }).waitFor();
    await mikkoPage.locator(".group-card", { hasText: "Hiljainen piiri" }).waitFor();
    await send(ainoPage, "Muistakaa torstain tapaaminen");
    await send(ainoPage, `Ja @${mikko.displayName} tuo kahvit`);
    const badge = mikkoPage.locator(".site-nav").getByTestId("unread-badge");
    await badge.getByText("2 lukematonta viestiä, maininnat: 1").waitFor();
    expect(await badge.locator("[aria-hidden=true]").textContent()).toBe("2");
    // The group's card counts its own conversation, and its link says so to screen readers.
    const card = mikkoPage.locator(".group-card", { hasText: "Tiiminvetäjät" });
    await card.getByRole("link", { name: "Tiiminvetäjät 2 lukematonta viestiä, maininnat: 1" }).waitFor();
    expect(await card.getByTestId("unread-badge").locator("[aria-hidden=true]").textContent()).toBe("2");
    expect(await mikkoPage.locator(".group-card", { hasText: "Hiljainen piiri" }).getByTestId("unread-badge").count()).toBe(0);
    await expectNoAxeViolations(mikkoPage, "home with an unread badge (fi)");
    await screenshot(mikkoPage, "chat-unread-badge-fi");

    await mikkoPage.goto(`${server.url}/groups/${groupId}`);
    await mikkoLog.waitFor();
    const divider = mikkoLog.locator(".chat-divider");
    await divider.waitFor();
    expect(await divider.textContent()).toBe("Uudet viestit");
    // The divider sits right before the first unread message.
    expect(await mikkoLog.locator(".chat-divider + li.chat-message").innerText()).toContain("Muistakaa torstain tapaaminen");
    // Read only once the end of the conversation has been on screen.
    await mikkoLog.scrollIntoViewIfNeeded();
    await expect.poll(() => mikkoPage.getByTestId("unread-badge").count()).toBe(0);
    await Promise.all([ainoContext.close(), mikkoContext.close()]);
  }, 60_000);

  it("delivers a message written offline exactly once, also after a reload while offline", async () => {
    const ainoContext = await newContext(browser);
    const mikkoContext = await newContext(browser);
    const ainoPage = await signIn(ainoContext, aino);
    const mikkoPage = await signIn(mikkoContext, mikko);
    const ainoLog = await openChat(ainoPage);
    const mikkoLog = await openChat(mikkoPage);

    await mikkoContext.setOffline(true);
    await mikkoPage.getByText("Ei yhteyttä. Viestisi lähetetään, kun yhteys palaa.").waitFor();
    await send(mikkoPage, "Kirjoitettu junassa ilman verkkoa");
    const waiting = messageIn(mikkoLog, "Kirjoitettu junassa ilman verkkoa");
    await waiting.getByText("Lähetetään…").waitFor();
    await screenshot(mikkoPage, "chat-offline-fi");
    await expectNoAxeViolations(mikkoPage, "group chat offline (fi)");

    await mikkoContext.setOffline(false);
    await messageIn(ainoLog, "Kirjoitettu junassa ilman verkkoa").waitFor();
    await expect.poll(() => waiting.getByText("Lähetetään…").count(), { timeout: 15_000 }).toBe(0);
    expect(await messageIn(mikkoLog, "Kirjoitettu junassa ilman verkkoa").count()).toBe(1);

    // Written offline, then the tab is closed before the connection returns: the next visit sends it.
    await mikkoContext.setOffline(true);
    await mikkoPage.getByText("Ei yhteyttä. Viestisi lähetetään, kun yhteys palaa.").waitFor();
    await send(mikkoPage, "Jäi lähtemättä ennen sulkemista");
    await messageIn(mikkoLog, "Jäi lähtemättä ennen sulkemista").getByText("Lähetetään…").waitFor();
    await mikkoPage.close();
    await mikkoContext.setOffline(false);
    const reopened = await mikkoContext.newPage();
    const reopenedLog = await openChat(reopened);
    await messageIn(ainoLog, "Jäi lähtemättä ennen sulkemista").waitFor();
    await expect.poll(() => messageIn(reopenedLog, "Jäi lähtemättä ennen sulkemista").getByText("Lähetetään…").count(), { timeout: 15_000 }).toBe(0);

    // Exactly once on both sides, and still once after a reload catches up from the server.
    await reopened.reload();
    const reloadedLog = await openChat(reopened);
    await messageIn(reloadedLog, "Jäi lähtemättä ennen sulkemista").waitFor();
    expect(await messageIn(reloadedLog, "Jäi lähtemättä ennen sulkemista").count()).toBe(1);
    expect(await messageIn(reloadedLog, "Kirjoitettu junassa ilman verkkoa").count()).toBe(1);
    expect(await messageIn(ainoLog, "Jäi lähtemättä ennen sulkemista").count()).toBe(1);
    expect(await messageIn(ainoLog, "Kirjoitettu junassa ilman verkkoa").count()).toBe(1);
    expect(await reopened.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith("piiri-chat-outbox")).length)).toBe(0);
    await Promise.all([ainoContext.close(), mikkoContext.close()]);
  }, 90_000);

  it("finds messages of my groups on the search page, with the match highlighted as text", async () => {
    const context = await newContext(browser);
    const page = await signIn(context, aino);
    const log = await openChat(page);
    await send(page, "Hakutesti: torstain tapaaminen siirtyy perjantaille");
    await messageIn(log, "Hakutesti").waitFor();
    await page.goto(`${server.url}/search`);
    await page.getByRole("heading", { level: 1, name: "Hae viesteistä" }).waitFor();
    await page.getByLabel("Hakusana").fill("tapaaminen");
    await page.getByRole("button", { name: "Hae", exact: true }).click();
    const hit = page.locator(".chat-search__hit", { hasText: "Hakutesti" });
    await hit.waitFor();
    expect(await hit.locator("mark").first().textContent()).toMatch(/tapaami/i);
    expect(await hit.getByRole("link", { name: "Tiiminvetäjät" }).getAttribute("href")).toBe(`/groups/${groupId}`);
    await expectNoAxeViolations(page, "message search (fi)");
    await screenshot(page, "chat-search-fi");
    await context.close();
  });
});
