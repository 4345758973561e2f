import type { Browser, BrowserContext, Page, WebSocketRoute } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoAxeViolations, launchChromium, newContext, screenshot, tabTo } from "../support/browser";
import { groupWithMember, type GroupFixture } from "../support/groups";
import { appendParagraph, createPage, markdownOf, openNote } from "../support/notes";
import { startTestServer, type TestServer } from "../support/testServer";

/**
 * Two people writing the same notebook page at once in real Chromium against the built client:
 * both see both texts and each other's named carets, the toolbar works from the keyboard, a named
 * version is saved, previewed and restored, and edits made without a connection survive a reload
 * and reach the other person once the connection is back.
 */
let server: TestServer;
let browser: Browser;
let fixture: GroupFixture;
/** The editor must work under the strict policy: no injected <style>, no style attributes. */
const cspViolations: string[] = [];

beforeAll(async () => {
  server = await startTestServer({ withClient: true });
  browser = await launchChromium();
  fixture = await groupWithMember(server.url, { name: "Muistiinpanoryhmä" });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Person {
  context: BrowserContext;
  page: Page;
  name: string;
}

async function signIn(who: GroupFixture["facilitator"]): Promise<Person> {
  const context = await newContext(browser);
  const page = await context.newPage();
  await page.addInitScript(() =>
    document.addEventListener("securitypolicyviolation", (event) =>
      console.warn(`csp-violation ${event.effectiveDirective} ${event.sourceFile}:${event.lineNumber}`),
    ),
  );
  page.on("console", (message) => {
    // Only the notebook's own chunk (TipTap, ProseMirror, Yjs) is under test here.
    if (message.text().startsWith("csp-violation") && /NotebookPage/.test(message.text())) cspViolations.push(message.text());
  });
  await page.goto(`${server.url}/sign-in`);
  await page.getByLabel("Sähköposti").fill(who.account.email);
  await page.getByLabel("Salasana").fill(who.account.password);
  await page.getByRole("button", { name: "Kirjaudu sisään" }).click();
  await page.getByRole("heading", { level: 1, name: `Hei, ${who.user.displayName}` }).waitFor();
  return { context, page, name: who.user.displayName };
}

function editorOf(page: Page, title: string) {
  return page.getByRole("textbox", { name: `Sivun ${title} teksti` });
}

async function textOf(page: Page, title: string): Promise<string> {
  return (await editorOf(page, title).textContent()) ?? "";
}

/** Bold text in the editor, without the other people's caret labels that may sit inside it. */
async function boldText(page: Page): Promise<string> {
  return page.evaluate(() =>
    [...document.querySelectorAll(".notes-editor__content strong")]
      .map((element) => {
        const copy = element.cloneNode(true) as HTMLElement;
        copy.querySelectorAll(".notes-caret").forEach((caret) => caret.remove());
        return copy.textContent ?? "";
      })
      .join(""),
  );
}

async function waitConnected(page: Page): Promise<void> {
  await page.getByRole("status").filter({ hasText: "Yhteys toimii" }).waitFor();
}

describe("the shared notebook in the browser", () => {
  it("two people write together, see each other's carets, save and restore a version, and keep offline edits", async () => {
    const page1 = await createPage(fixture.facilitator.client, fixture.groupId, "Kokous 1");
    await createPage(fixture.facilitator.client, fixture.groupId, "Ideat");

    const aino = await signIn(fixture.facilitator);
    const eero = await signIn(fixture.member);

    // Eero's notes socket goes through a switch the test can open and close.
    let eeroOnline = true;
    let eeroSocket: WebSocketRoute | null = null;
    await eero.page.routeWebSocket(/\/yjs\//, (socket) => {
      if (!eeroOnline) {
        socket.close({ code: 4000, reason: "offline in test" });
        return;
      }
      eeroSocket = socket;
      socket.connectToServer();
    });

    // The notebook without a page id opens its first page.
    await aino.page.goto(`${server.url}/groups/${fixture.groupId}/notes`);
    await aino.page.getByRole("heading", { level: 1, name: "Kokous 1" }).waitFor();
    expect(aino.page.url()).toContain(`/notes/${page1.id}`);
    await eero.page.goto(`${server.url}/groups/${fixture.groupId}/notes/${page1.id}`);
    await Promise.all([waitConnected(aino.page), waitConnected(eero.page)]);

    // Both type at the same time.
    await editorOf(aino.page, "Kokous 1").click();
    await editorOf(eero.page, "Kokous 1").click();
    await Promise.all([
      aino.page.keyboard.type("Ainon ajatus tavoitteista", { delay: 15 }),
      eero.page.keyboard.type("Eeron kommentti aikataulusta", { delay: 15 }),
    ]);
    for (const person of [aino, eero]) {
      await expect.poll(() => textOf(person.page, "Kokous 1")).toContain("Ainon ajatus tavoitteista");
      await expect.poll(() => textOf(person.page, "Kokous 1")).toContain("Eeron kommentti aikataulusta");
    }

    // Each sees the other's named caret and both names under "editing now".
    await aino.page.locator(".notes-caret__label", { hasText: eero.name }).waitFor();
    await eero.page.locator(".notes-caret__label", { hasText: aino.name }).waitFor();
    const presence = aino.page.getByRole("list", { name: "Muokkaamassa nyt:" });
    await presence.getByText(`${aino.name} (sinä)`).waitFor();
    await presence.getByText(eero.name).waitFor();
    await expectNoAxeViolations(aino.page, "notebook while two people edit");
    await screenshot(aino.page, "notes-two-editors-fi");
    await screenshot(eero.page, "notes-two-editors-other-fi");

    // Keyboard only: Alt+F10 reaches the toolbar, arrows move in it, Space toggles bold for the selection.
    await editorOf(aino.page, "Kokous 1").focus();
    await aino.page.keyboard.press("End");
    await aino.page.keyboard.press("Enter");
    await aino.page.keyboard.type("Tärkeä päätös");
    // Select the line once both editors hold it: a remote change arriving in between may move the caret.
    await expect.poll(() => editorOf(eero.page, "Kokous 1").textContent()).toContain("Tärkeä päätös");
    await expect
      .poll(async () => {
        await aino.page.keyboard.press("End");
        await aino.page.keyboard.press("Shift+Home");
        return aino.page.evaluate(() => window.getSelection()?.toString());
      })
      .toBe("Tärkeä päätös");
    await aino.page.keyboard.press("Alt+F10");
    expect(await aino.page.evaluate(() => document.activeElement?.getAttribute("data-action"))).toBe("h2");
    await aino.page.keyboard.press("ArrowRight");
    await aino.page.keyboard.press("ArrowRight");
    expect(await aino.page.evaluate(() => document.activeElement?.getAttribute("data-action"))).toBe("bold");
    await aino.page.keyboard.press("Space");
    await expect.poll(() => boldText(aino.page)).toBe("Tärkeä päätös");
    await expect.poll(() => boldText(eero.page)).toBe("Tärkeä päätös");
    expect(await aino.page.getByRole("button", { name: "Lihavointi" }).getAttribute("aria-pressed")).toBe("true");
    // The toolbar is also on the ordinary Tab path, from the page's heading onwards.
    await aino.page.locator("h1").focus();
    await tabTo(aino.page, ".notes-toolbar button");

    // A named version, previewed as plain text.
    await aino.page.getByRole("button", { name: "Historia" }).click();
    await aino.page.getByLabel("Nimi sivun nykyiselle versiolle").fill("Ennen muutoksia");
    await aino.page.getByRole("button", { name: "Tallenna versio" }).click();
    await aino.page.getByRole("button", { name: "Esikatsele versiota Ennen muutoksia" }).click();
    const preview = aino.page.locator(".notes-preview__text");
    await expect.poll(() => preview.textContent()).toContain("**Tärkeä päätös**");
    await expectNoAxeViolations(aino.page, "notebook with history and preview");
    await screenshot(aino.page, "notes-history-fi");

    // Eero adds a line; restoring the version takes it away for both.
    await editorOf(eero.page, "Kokous 1").focus();
    await eero.page.keyboard.press("Control+End");
    await eero.page.keyboard.press("Enter");
    await eero.page.keyboard.type("Tämä rivi katoaa palautuksessa");
    await expect.poll(() => textOf(aino.page, "Kokous 1")).toContain("Tämä rivi katoaa palautuksessa");
    await aino.page.getByRole("button", { name: "Palauta versio Ennen muutoksia" }).click();
    const dialog = aino.page.getByRole("dialog", { name: "Palautetaanko tämä versio?" });
    await dialog.waitFor();
    await expectNoAxeViolations(aino.page, "restore confirmation");
    await screenshot(aino.page, "notes-restore-confirm-fi");
    await dialog.getByRole("button", { name: "Palauta" }).click();
    await dialog.waitFor({ state: "hidden" });
    for (const person of [aino, eero]) {
      await expect.poll(() => textOf(person.page, "Kokous 1")).not.toContain("Tämä rivi katoaa palautuksessa");
      await expect.poll(() => textOf(person.page, "Kokous 1")).toContain("Ainon ajatus tavoitteista");
    }
    // The text before the restore is itself in the history.
    await aino.page.locator(".notes-version__name", { hasText: "Ennen palautusta" }).first().waitFor();

    // Eero loses the connection, keeps typing, reloads: the text is still there, and reaches Aino once back.
    eeroOnline = false;
    (eeroSocket as WebSocketRoute | null)?.close({ code: 4000, reason: "offline in test" });
    await eero.page.getByRole("status").filter({ hasText: "Ei yhteyttä" }).waitFor();
    await editorOf(eero.page, "Kokous 1").focus();
    await eero.page.keyboard.press("Control+End");
    await eero.page.keyboard.press("Enter");
    await eero.page.keyboard.type("Kirjoitettu ilman yhteyttä");
    await screenshot(eero.page, "notes-offline-fi");
    await eero.page.waitForTimeout(300); // y-indexeddb writes in the background
    await eero.page.reload();
    await expect.poll(() => textOf(eero.page, "Kokous 1")).toContain("Kirjoitettu ilman yhteyttä");
    await eero.page.getByRole("status").filter({ hasText: "Ei yhteyttä" }).waitFor();
    expect(await textOf(aino.page, "Kokous 1")).not.toContain("Kirjoitettu ilman yhteyttä");
    eeroOnline = true;
    await waitConnected(eero.page);
    await expect.poll(() => textOf(aino.page, "Kokous 1")).toContain("Kirjoitettu ilman yhteyttä");

    expect(cspViolations).toEqual([]);
    await Promise.all([aino.context.close(), eero.context.close()]);
  });

  it("manages pages: create, rename, reorder with the keyboard, delete after confirming; the others follow live", async () => {
    const aino = await signIn(fixture.facilitator);
    const eero = await signIn(fixture.member);
    await aino.page.goto(`${server.url}/groups/${fixture.groupId}/notes`);
    await aino.page.getByRole("heading", { level: 1 }).waitFor();
    await eero.page.goto(`${server.url}/groups/${fixture.groupId}/notes`);
    await eero.page.getByRole("navigation", { name: "Sivut" }).waitFor();

    await aino.page.getByLabel("Uuden sivun nimi").fill("Toimenpiteet");
    await aino.page.getByRole("button", { name: "Lisää sivu" }).click();
    await aino.page.getByRole("heading", { level: 1, name: "Toimenpiteet" }).waitFor();
    const eeroList = eero.page.getByRole("navigation", { name: "Sivut" }).getByRole("link");
    await expect.poll(() => eeroList.allTextContents()).toContain("Toimenpiteet");

    await aino.page.getByRole("button", { name: "Nimeä uudelleen" }).click();
    const rename = aino.page.getByRole("dialog", { name: "Nimeä sivu uudelleen" });
    await rename.getByLabel("Sivun nimi").fill("Sovitut toimenpiteet");
    await rename.getByRole("button", { name: "Nimeä uudelleen" }).click();
    await aino.page.getByRole("heading", { level: 1, name: "Sovitut toimenpiteet" }).waitFor();

    // Move the last page up with the keyboard; focus stays on the moved page's button.
    const ordered = () => aino.page.getByRole("navigation", { name: "Sivut" }).getByRole("link").allTextContents();
    expect((await ordered()).at(-1)).toBe("Sovitut toimenpiteet");
    await aino.page.getByRole("button", { name: "Siirrä Sovitut toimenpiteet ylemmäs" }).focus();
    await aino.page.keyboard.press("Enter");
    await expect.poll(async () => (await ordered()).at(-2)).toBe("Sovitut toimenpiteet");
    expect(await aino.page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe("Siirrä Sovitut toimenpiteet ylemmäs");
    await expect.poll(async () => (await eeroList.allTextContents()).at(-2)).toBe("Sovitut toimenpiteet");
    await expectNoAxeViolations(aino.page, "page list after a move");
    await screenshot(aino.page, "notes-pages-fi");

    await aino.page.getByRole("button", { name: "Poista sivu" }).click();
    const confirm = aino.page.getByRole("dialog", { name: "Poistetaanko sivu?" });
    await confirm.getByRole("button", { name: "Poista sivu" }).click();
    await confirm.waitFor({ state: "hidden" });
    await expect.poll(() => ordered()).not.toContain("Sovitut toimenpiteet");
    await expect.poll(() => eeroList.allTextContents()).not.toContain("Sovitut toimenpiteet");

    await Promise.all([aino.context.close(), eero.context.close()]);
  });

  it("shows an ended group's notebook read-only, with the text and a clear notice", async () => {
    const ended = await groupWithMember(server.url, { name: "Päättynyt ryhmä" });
    const notePage = await createPage(ended.facilitator.client, ended.groupId, "Loppuyhteenveto");
    const writer = await openNote(server.url, ended.facilitator.client, notePage.id);
    appendParagraph(writer.doc, "Kiitos kaikille yhteisestä vuodesta");
    // The edit reaches the server before the group ends and the notebook turns read-only.
    await expect.poll(() => markdownOf(server.url, ended.facilitator.client, notePage.id)).toContain("Kiitos kaikille yhteisestä vuodesta");
    writer.destroy();
    const phase = await ended.facilitator.client.post(`/api/groups/${ended.groupId}/phase`, { phase: "ended" });
    expect(phase.status).toBe(200);

    const eero = await signIn(ended.member);
    await eero.page.goto(`${server.url}/groups/${ended.groupId}/notes/${notePage.id}`);
    await eero.page.getByText("Voit lukea tätä sivua, mutta et muokata sitä.").waitFor();
    const editor = editorOf(eero.page, "Loppuyhteenveto");
    await expect.poll(() => editor.textContent()).toContain("Kiitos kaikille yhteisestä vuodesta");
    expect(await editor.getAttribute("contenteditable")).toBe("false");
    expect(await editor.getAttribute("aria-readonly")).toBe("true");
    expect(await eero.page.getByRole("toolbar").count()).toBe(0);
    expect(await eero.page.getByLabel("Uuden sivun nimi").count()).toBe(0);
    await expectNoAxeViolations(eero.page, "read-only notebook");
    await screenshot(eero.page, "notes-read-only-fi");
    await eero.context.close();
  });
});
