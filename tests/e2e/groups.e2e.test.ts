import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoAxeViolations, launchChromium, newContext, screenshot, tabTo } from "../support/browser";
import { startTestServer, type TestServer } from "../support/testServer";

/**
 * A facilitator and a member in two browsers against the built client: a group is started, goals are
 * written (one with the keyboard only), a member joins through an invitation link, sees the goal board
 * change live, is refused a fourth goal in their own language and records a check-in. A coordinator's
 * programme page closes the tour. A second pair then does the whole flow — founding, inviting, joining,
 * a goal and a check-in — with Tab, Shift+Tab, Enter, Space and arrow keys only. Every page is checked
 * with axe.
 */
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer({ withClient: true });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const GROUP_NAME = "Projektipäälliköiden piiri";

/** A page in a fresh profile that fails a step after 10 s with the step's own error, not the test's timeout. */
async function openPage(locale?: string): Promise<Page> {
  const context = await newContext(browser, locale ? { locale } : {});
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  return page;
}

async function register(page: Page, name: string, email: string): Promise<void> {
  await page.getByLabel("Nimi, joka näkyy muille").fill(name);
  await page.getByLabel("Sähköposti").fill(email);
  await page.getByLabel("Salasana").fill("vahva-salasana-123");
  await page.getByRole("button", { name: "Luo tili" }).click();
}

function goal(page: Page, title: string) {
  return page.getByRole("article", { name: title });
}

/**
 * What a screen reader would call the focused element, near enough: its aria-label, else its own visible
 * text, else the text of its label (a field or a radio button).
 */
function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const focused = document.activeElement;
    if (!focused) return "";
    const textOf = (node: Element) => {
      const copy = node.cloneNode(true) as Element;
      for (const hidden of copy.querySelectorAll("[aria-hidden=true]")) hidden.remove();
      return (copy.textContent ?? "").replace(/\s+/g, " ").trim();
    };
    const label = focused instanceof HTMLInputElement || focused instanceof HTMLTextAreaElement ? focused.labels?.[0] : undefined;
    return focused.getAttribute("aria-label") ?? (textOf(focused) || (label ? textOf(label) : ""));
  });
}

/**
 * Moves focus with Tab (or Shift+Tab) until the focused element is called `name`; fails if it never is.
 * Only the keyboard moves focus, so reaching a control this way shows that the keyboard reaches it.
 */
async function tabToNamed(page: Page, name: string, options: { backwards?: boolean; maxPresses?: number } = {}): Promise<void> {
  const seen: string[] = [];
  for (let presses = 0; presses < (options.maxPresses ?? 60); presses++) {
    await page.keyboard.press(options.backwards ? "Shift+Tab" : "Tab");
    const focused = await focusedName(page);
    if (focused === name) return;
    seen.push(focused.slice(0, 40));
  }
  throw new Error(`${options.backwards ? "Shift+Tab" : "Tab"} never reached "${name}"; it passed ${JSON.stringify(seen)}`);
}

/** Fills the registration form from its first field to its submit button with the keyboard alone. */
async function registerByKeyboard(page: Page, name: string, email: string): Promise<void> {
  await page.getByRole("heading", { level: 1, name: "Luo tili" }).waitFor();
  await tabTo(page, "input[name=displayName]");
  await page.keyboard.type(name);
  await tabTo(page, "input[name=email]");
  await page.keyboard.type(email);
  await tabTo(page, "input[name=password]");
  await page.keyboard.type("vahva-salasana-123");
  await tabToNamed(page, "Luo tili");
  await page.keyboard.press("Enter");
}

describe("groups and the goal board in the browser", () => {
  it("runs a group from founding to a live goal board shared by a facilitator and a member", async () => {
    const outi = await openPage();
    await outi.goto(`${server.url}/register`);
    await register(outi, "Outi", "outi@example.fi");
    await outi.getByRole("heading", { level: 1, name: "Hei, Outi" }).waitFor();
    await outi.getByText("Sinulla ei ole vielä ryhmiä").waitFor();
    await expectNoAxeViolations(outi, "home, no groups (fi)");

    // Founding a standalone group makes Outi its facilitator.
    await outi.getByRole("button", { name: "Perusta ryhmä" }).click();
    const createDialog = outi.getByRole("dialog", { name: "Perusta uusi ryhmä" });
    await createDialog.getByLabel("Ryhmän nimi").fill(GROUP_NAME);
    await createDialog.getByLabel("Kuvaus").fill("Kolmen ammattikorkeakoulun projektipäälliköt oppivat toisiltaan.");
    await createDialog.getByText("Vertaismentorointiryhmä", { exact: true }).click();
    expect(await createDialog.getByRole("radio", { name: /Vertaismentorointiryhmä/ }).isChecked()).toBe(true);
    await expectNoAxeViolations(outi, "create group dialog (fi)");
    await screenshot(outi, "groups-create-dialog-fi");
    await createDialog.getByRole("button", { name: "Perusta ryhmä" }).click();
    await outi.getByRole("heading", { level: 1, name: GROUP_NAME }).waitFor();
    expect(await outi.title()).toBe(`${GROUP_NAME} – Piiri`);
    expect(await outi.evaluate(() => document.activeElement?.tagName)).toBe("H1");
    await outi.getByText("Vaihe: Muotoutumassa").waitFor();
    await outi.getByText("Vertaismentorointiryhmä").first().waitFor();

    // A group without goals cannot start; the refusal says why.
    await outi.getByRole("button", { name: "Käynnistä ryhmä" }).click();
    await outi.getByRole("alert").filter({ hasText: "Ryhmälle pitää ensin asettaa vähintään yksi tavoite." }).waitFor();

    // The first goal with the keyboard only: Tab to the button, fill the dialog, submit with Enter.
    await outi.getByRole("heading", { level: 1 }).focus();
    await tabTo(outi, ".goal-board__add button");
    await outi.keyboard.press("Enter");
    const goalDialog = outi.getByRole("dialog", { name: "Lisää tavoite" });
    await goalDialog.waitFor();
    expect(await outi.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe("title");
    await outi.keyboard.type("Opimme antamaan rakentavaa palautetta");
    await outi.keyboard.press("Tab");
    await outi.keyboard.type("Harjoittelemme palautetta jokaisessa tapaamisessa.");
    await outi.keyboard.press("Tab");
    await outi.keyboard.type("Jokainen on antanut ja saanut palautetta kolmesti.");
    await tabTo(outi, ".dialog button[type=submit]");
    await outi.keyboard.press("Enter");
    await goal(outi, "Opimme antamaan rakentavaa palautetta").waitFor();
    await goalDialog.waitFor({ state: "detached" });
    // Focus returns to the button that opened the dialog.
    await expect.poll(() => outi.evaluate(() => document.activeElement?.textContent)).toBe("Lisää tavoite");

    await outi.getByRole("button", { name: "Lisää tavoite" }).click();
    await outi.getByRole("dialog").getByLabel("Tavoite", { exact: true }).fill("Jaamme projektien riskienhallinnan käytäntöjä");
    await outi.getByRole("dialog").getByLabel("Tavoitepäivä").fill("2030-05-31");
    await outi.getByRole("dialog").getByRole("button", { name: "Lisää tavoite" }).click();
    await goal(outi, "Jaamme projektien riskienhallinnan käytäntöjä").waitFor();
    await outi.getByText("2/3 tavoitetta").waitFor();
    await outi.getByRole("dialog").waitFor({ state: "detached" });

    // An invitation link for one person, valid for two weeks.
    await outi.getByRole("button", { name: "Luo kutsulinkki" }).click();
    const linkInput = outi.locator(".created-link__input");
    await linkInput.waitFor();
    const link = await linkInput.inputValue();
    expect(link).toMatch(new RegExp(`^${server.url}/join/`));
    await outi.locator(".invitation").first().getByText("Voimassa").waitFor();
    await expectNoAxeViolations(outi, "group page, facilitator (fi)");
    await screenshot(outi, "groups-group-facilitator-fi");

    // The member opens the link signed out, sees the group and its agreement, and registers.
    const maija = await openPage();
    await maija.goto(link);
    await maija.getByRole("heading", { level: 1, name: `Kutsu ryhmään ${GROUP_NAME}` }).waitFor();
    await maija.getByText("Kaikki ovat tasavertaisia.", { exact: false }).waitFor();
    await expectNoAxeViolations(maija, "join page, signed out (fi)");
    await screenshot(maija, "groups-join-signed-out-fi");
    await maija.getByRole("link", { name: "Luo tili ja liity" }).click();
    await maija.getByRole("heading", { level: 1, name: "Luo tili" }).waitFor();
    await register(maija, "Maija", "maija@example.fi");

    // Back at the invitation: joining needs the agreement accepted.
    await maija.getByRole("button", { name: "Liity ryhmään" }).waitFor();
    await maija.getByRole("button", { name: "Liity ryhmään" }).click();
    await maija.getByRole("alert").filter({ hasText: "Hyväksy ryhmäsopimus, jotta voit liittyä." }).waitFor();
    await expectNoAxeViolations(maija, "join page, signed in (fi)");
    await screenshot(maija, "groups-join-signed-in-fi");
    await maija.getByText("Olen lukenut ryhmäsopimuksen ja hyväksyn sen").click();
    expect(await maija.getByRole("checkbox", { name: "Olen lukenut ryhmäsopimuksen ja hyväksyn sen" }).isChecked()).toBe(true);
    await maija.getByRole("button", { name: "Liity ryhmään" }).click();
    await maija.getByRole("heading", { level: 1, name: GROUP_NAME }).waitFor();
    await goal(maija, "Opimme antamaan rakentavaa palautetta").waitFor();
    await maija.getByRole("heading", { name: "Aloita tästä" }).waitFor();

    // Outi's open page learns about the new member without a reload.
    await outi.locator(".member__name", { hasText: "Maija" }).waitFor();
    await outi.locator(".invitation .status", { hasText: "Käytetty" }).waitFor();

    // Outi shares the facilitator role; Maija's page shows her new rights at once.
    await outi.getByRole("button", { name: "Toiminnot: Maija" }).click();
    await outi.getByRole("menuitem", { name: "Lisää ohjaajaksi" }).click();
    await maija.getByText("Roolisi: Ohjaaja").waitFor();
    await maija.getByRole("button", { name: "Lisää tavoite" }).waitFor();
    await outi.getByRole("button", { name: "Toiminnot: Maija" }).click();
    await outi.getByRole("menuitem", { name: "Lisää vertaisohjaajan merkki" }).click();
    await maija.locator(".member", { hasText: "Maija" }).getByText("Vertaisohjaaja").waitFor();

    // Maija works in English.
    await maija.getByLabel("Kieli").selectOption("en");
    await maija.getByRole("heading", { name: "Goal board" }).waitFor();
    expect(await maija.getAttribute("html", "lang")).toBe("en");

    // Both facilitators reach for the last place on the board; Maija's dialog is still open when
    // Outi's third goal arrives on her page.
    await maija.getByRole("button", { name: "Add a goal" }).click();
    const maijaDialog = maija.getByRole("dialog", { name: "Add a goal" });
    await maijaDialog.getByLabel("Goal", { exact: true }).fill("Learn one new facilitation method each month");

    await outi.getByRole("button", { name: "Lisää tavoite" }).click();
    await outi.getByRole("dialog").getByLabel("Tavoite", { exact: true }).fill("Kokeilemme virtuaalisia ohjausmenetelmiä");
    await outi.getByRole("dialog").getByRole("button", { name: "Lisää tavoite" }).click();
    await goal(outi, "Kokeilemme virtuaalisia ohjausmenetelmiä").waitFor();
    // The dialog's own "Lisää tavoite" button goes with it; then only the board's is left.
    await outi.getByRole("dialog").waitFor({ state: "detached" });
    expect(await outi.getByRole("button", { name: "Lisää tavoite" }).isDisabled()).toBe(true);
    await outi.getByText("Taulu on täynnä", { exact: false }).waitFor();

    await maija.locator(".goal__title", { hasText: "Kokeilemme virtuaalisia ohjausmenetelmiä" }).waitFor();
    await maijaDialog.getByRole("button", { name: "Add a goal" }).click();
    await maijaDialog.getByRole("alert").filter({ hasText: "A group can have at most three goals." }).waitFor();
    await screenshot(maija, "groups-goal-limit-en");
    await maijaDialog.getByRole("button", { name: "Cancel" }).click();
    await maijaDialog.waitFor({ state: "detached" });
    expect(await maija.locator(".goal").count()).toBe(3);

    // Maija records progress on the first goal; it shows in its history on both pages.
    const firstGoal = goal(maija, "Opimme antamaan rakentavaa palautetta");
    await firstGoal.getByRole("button", { name: "Record progress" }).click();
    const checkIn = maija.getByRole("dialog", { name: "Progress: Opimme antamaan rakentavaa palautetta" });
    await checkIn.getByRole("button", { name: "Save check-in" }).click();
    await checkIn.getByText("Choose the progress on the scale of 1–5.").waitFor();
    await checkIn.getByText("3 – halfway").click();
    expect(await checkIn.getByRole("radio", { name: "3 – halfway" }).isChecked()).toBe(true);
    await checkIn.getByLabel("Comment").fill("Two feedback rounds done, the third is next month.");
    await expectNoAxeViolations(maija, "check-in dialog (en)");
    await checkIn.getByRole("button", { name: "Save check-in" }).click();
    await checkIn.waitFor({ state: "detached" });
    await firstGoal.getByRole("heading", { name: "Check-ins (1)" }).waitFor();
    await firstGoal.getByText("Two feedback rounds done, the third is next month.").waitFor();
    await firstGoal.getByText("3/5").first().waitFor();
    await goal(outi, "Opimme antamaan rakentavaa palautetta").getByText("Two feedback rounds done, the third is next month.").waitFor();

    // With goals on the board the group starts; the member's page follows.
    await outi.getByRole("button", { name: "Käynnistä ryhmä" }).click();
    await outi.getByText("Vaihe: Käynnissä").waitFor();
    await maija.getByText("Phase: Active").waitFor();
    await expectNoAxeViolations(maija, "group page, member (en)");
    await screenshot(maija, "groups-group-member-en");
    await expectNoAxeViolations(outi, "group page, active, facilitator (fi)");
    await screenshot(outi, "groups-group-active-fi");

    // Home lists the group with kind, phase and role.
    await maija.getByRole("link", { name: "Home" }).click();
    const card = maija.locator(".group-card", { hasText: GROUP_NAME });
    await card.getByText("Peer mentoring group").waitFor();
    await card.getByText("Active").waitFor();
    await card.getByText("Facilitator").waitFor();
    await card.getByText("Standalone group").waitFor();
    await expectNoAxeViolations(maija, "home with a group (en)");
    await screenshot(maija, "groups-home-en");

    await Promise.all([outi.context().close(), maija.context().close()]);
  }, 180_000);

  it("runs the facilitator's and the member's whole flow with the keyboard alone", async () => {
    const name = "Näppäimistöpiiri";
    const first = "Aloitamme jokaisen tapaamisen kuulumiskierroksella";
    const second = "Kokeilemme yhtä uutta ohjausmenetelmää kuukaudessa";

    // Registering and founding a group: Tab to each control, Enter to press, arrows within the kinds.
    const veera = await openPage();
    await veera.goto(`${server.url}/register`);
    await registerByKeyboard(veera, "Veera", "veera@example.fi");
    await veera.getByRole("heading", { level: 1, name: "Hei, Veera" }).waitFor();
    await tabToNamed(veera, "Perusta ryhmä");
    await veera.keyboard.press("Enter");
    const createDialog = veera.getByRole("dialog", { name: "Perusta uusi ryhmä" });
    await createDialog.waitFor();
    expect(await veera.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe("name");
    await veera.keyboard.type(name);
    await veera.keyboard.press("Tab");
    await veera.keyboard.type("Ryhmä, jota käytetään pelkällä näppäimistöllä.");
    // Tab enters the kinds at the chosen one; an arrow key moves the choice, as in any radio group.
    await veera.keyboard.press("Tab");
    expect(await veera.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe("peer_mentoring");
    await veera.keyboard.press("ArrowDown");
    expect(await createDialog.getByRole("radio", { name: /Työnohjausryhmä/ }).isChecked()).toBe(true);
    await tabToNamed(veera, "Perusta ryhmä");
    await veera.keyboard.press("Enter");
    await veera.getByRole("heading", { level: 1, name }).waitFor();
    expect(await veera.evaluate(() => document.activeElement?.tagName)).toBe("H1");
    await veera.locator(".badge--kind", { hasText: "Työnohjausryhmä" }).waitFor();

    // The first goal, so the member has one to check in on.
    await tabToNamed(veera, "Lisää tavoite");
    await veera.keyboard.press("Enter");
    const goalDialog = veera.getByRole("dialog", { name: "Lisää tavoite" });
    await goalDialog.waitFor();
    await veera.keyboard.type(first);
    await tabToNamed(veera, "Lisää tavoite");
    await veera.keyboard.press("Enter");
    await goal(veera, first).waitFor();
    await goalDialog.waitFor({ state: "detached" });

    // An invitation link: the expiry list opens with Enter, and arrows move both its choice and the use's.
    await tabToNamed(veera, "14 päivää", { maxPresses: 80 });
    await veera.keyboard.press("Enter");
    await veera.getByRole("listbox").waitFor();
    await veera.keyboard.press("ArrowDown");
    await veera.keyboard.press("Enter");
    await veera.getByRole("listbox").waitFor({ state: "detached" });
    // Focus comes back to the select once its list has closed.
    await expect.poll(() => focusedName(veera)).toBe("30 päivää");
    await veera.keyboard.press("Tab");
    expect(await focusedName(veera)).toMatch(/^Kertakäyttöinen/);
    await veera.keyboard.press("ArrowDown");
    expect(await veera.getByRole("radio", { name: /Monikäyttöinen/ }).isChecked()).toBe(true);
    await tabToNamed(veera, "Luo kutsulinkki");
    await veera.keyboard.press("Enter");
    const linkInput = veera.locator(".created-link__input");
    await linkInput.waitFor();
    const link = await linkInput.inputValue();
    await veera.locator(".invitation").first().getByText("Voimassa").waitFor();

    // The member follows the link, registers, accepts the agreement with Space and joins with Enter.
    const ville = await openPage();
    await ville.goto(link);
    await ville.getByRole("heading", { level: 1, name: `Kutsu ryhmään ${name}` }).waitFor();
    await expectNoAxeViolations(ville, "join page, signed out, keyboard flow (fi)");
    await tabToNamed(ville, "Luo tili ja liity");
    await ville.keyboard.press("Enter");
    await registerByKeyboard(ville, "Ville", "ville@example.fi");
    await ville.getByRole("button", { name: "Liity ryhmään" }).waitFor();
    await tabToNamed(ville, "Olen lukenut ryhmäsopimuksen ja hyväksyn sen");
    await ville.keyboard.press("Space");
    expect(await ville.getByRole("checkbox", { name: "Olen lukenut ryhmäsopimuksen ja hyväksyn sen" }).isChecked()).toBe(true);
    await expectNoAxeViolations(ville, "join page, signed in, keyboard flow (fi)");
    await tabToNamed(ville, "Liity ryhmään");
    await ville.keyboard.press("Enter");
    await ville.getByRole("heading", { level: 1, name }).waitFor();
    await goal(ville, first).waitFor();
    // The facilitator's open page shows the newcomer and the link's use without a reload.
    await veera.locator(".member__name", { hasText: "Ville" }).waitFor();
    await veera.locator(".invitation").first().getByText("käytetty 1 kerran", { exact: false }).waitFor();

    // The facilitator goes back up from the invitation form with Shift+Tab and adds a second goal; the
    // dialog passes axe, and the member's board follows.
    expect(await focusedName(veera)).toBe("Luo kutsulinkki");
    await tabToNamed(veera, "Lisää tavoite", { backwards: true });
    await veera.keyboard.press("Enter");
    await goalDialog.waitFor();
    await veera.keyboard.type(second);
    await veera.keyboard.press("Tab");
    await veera.keyboard.type("Menetelmä valitaan yhdessä edellisen tapaamisen lopussa.");
    await expectNoAxeViolations(veera, "goal dialog, keyboard flow (fi)");
    await tabToNamed(veera, "Lisää tavoite");
    await veera.keyboard.press("Enter");
    await goalDialog.waitFor({ state: "detached" });
    await expect.poll(() => focusedName(veera)).toBe("Lisää tavoite");
    await goal(ville, second).waitFor();

    // The member records a check-in on the first goal: Tab into the scale, arrows to a level, Enter to save.
    // Joining moved the member's focus to the group's heading, and the live update left it there.
    expect(await ville.evaluate(() => document.activeElement?.tagName)).toBe("H1");
    await tabToNamed(ville, "Kirjaa edistyminen");
    await ville.keyboard.press("Enter");
    const checkIn = ville.getByRole("dialog", { name: `Edistyminen: ${first}` });
    await checkIn.waitFor();
    // Nothing is chosen yet, so Tab stops on the scale's first level; Space chooses it and arrows move on.
    await tabToNamed(ville, "1 – ei vielä edistystä", { maxPresses: 3 });
    await ville.keyboard.press("Space");
    await ville.keyboard.press("ArrowRight");
    await ville.keyboard.press("ArrowRight");
    expect(await checkIn.getByRole("radio", { name: "3 – puolivälissä" }).isChecked()).toBe(true);
    await ville.keyboard.press("Tab");
    expect(await focusedName(ville)).toBe("Kommentti");
    await ville.keyboard.type("Kuulumiskierros toimi hyvin.");
    // On second thought: Shift+Tab goes back to the chosen level, and an arrow raises it.
    await ville.keyboard.press("Shift+Tab");
    expect(await focusedName(ville)).toBe("3 – puolivälissä");
    await ville.keyboard.press("ArrowRight");
    expect(await checkIn.getByRole("radio", { name: "4 – lähes perillä" }).isChecked()).toBe(true);
    await expectNoAxeViolations(ville, "check-in dialog, keyboard flow (fi)");
    await tabToNamed(ville, "Tallenna kirjaus");
    await ville.keyboard.press("Enter");
    await checkIn.waitFor({ state: "detached" });
    await expect.poll(() => focusedName(ville)).toBe("Kirjaa edistyminen");
    await goal(ville, first).getByText("Kuulumiskierros toimi hyvin.").waitFor();
    await goal(veera, first).getByText("Kuulumiskierros toimi hyvin.").waitFor();

    await Promise.all([veera.context().close(), ville.context().close()]);
  }, 180_000);

  it("lets a coordinator set up a programme and see its groups without their content", async () => {
    const page = await openPage();
    await page.goto(`${server.url}/register`);
    await register(page, "Kaisa", "kaisa@example.fi");
    await page.getByRole("heading", { level: 1, name: "Hei, Kaisa" }).waitFor();

    await page.getByRole("button", { name: "Luo ohjelma" }).click();
    const dialog = page.getByRole("dialog", { name: "Luo uusi ohjelma" });
    await dialog.getByLabel("Ohjelman nimi").fill("3AMK-pilotti");
    await dialog.getByText("Verme-vuosi", { exact: true }).click();
    await dialog.getByRole("button", { name: "Luo ohjelma" }).click();
    await page.getByRole("heading", { level: 1, name: "3AMK-pilotti" }).waitFor();
    await page.getByText("Ohjelmassa ei ole vielä ryhmiä.").waitFor();

    for (const [name, kind] of [
      ["Tampereen projektipäälliköt", "Vertaismentorointiryhmä"],
      ["Vertaisohjaajien työnohjaus", "Työnohjausryhmä"],
    ] as const) {
      await page.getByRole("button", { name: "Luo ryhmä" }).click();
      const groupDialog = page.getByRole("dialog", { name: "Luo ryhmä ohjelmaan" });
      await groupDialog.getByLabel("Ryhmän nimi").fill(name);
      await groupDialog.getByText(kind, { exact: true }).click();
      await groupDialog.getByRole("button", { name: "Luo ryhmä" }).click();
      await groupDialog.waitFor({ state: "detached" });
      await page.getByRole("region", { name: "Ohjelman ryhmät" }).getByRole("rowheader", { name }).waitFor();
    }
    // How the groups are doing: both there, counted from nothing yet.
    const overview = page.getByRole("region", { name: "Ryhmien tilanne" });
    await overview.getByRole("row", { name: /Vertaisohjaajien työnohjaus/ }).getByText("Ei vielä toimintaa").waitFor();

    // Appointing someone without an account says what to do instead.
    await page.getByRole("button", { name: "Nimitä ohjaaja ryhmään Tampereen projektipäälliköt" }).click();
    const appoint = page.getByRole("dialog");
    await appoint.getByLabel("Ohjaajan sähköposti").fill("ei-tilia@example.fi");
    await appoint.getByRole("button", { name: "Nimitä ohjaaja" }).click();
    await appoint.getByRole("alert").filter({ hasText: "Tällä sähköpostiosoitteella ei ole Piiri-tiliä." }).waitFor();
    await appoint.getByRole("button", { name: "Peruuta" }).click();

    // A facilitator invitation instead.
    await page.getByRole("button", { name: "Kutsu ohjaaja ryhmään Tampereen projektipäälliköt" }).click();
    const invite = page.getByRole("dialog");
    await invite.getByRole("button", { name: "Luo kutsulinkki" }).click();
    const link = await invite.locator(".created-link__input").inputValue();
    await invite.getByRole("button", { name: "Sulje" }).click();

    const row = page.getByRole("region", { name: "Ohjelman ryhmät" }).getByRole("row", { name: /Tampereen projektipäälliköt/ });
    await row.getByText("Muotoutumassa").waitFor();
    await row.getByText("0/10 jäsentä").waitFor();
    await expectNoAxeViolations(page, "programme page (fi)");
    await screenshot(page, "groups-programme-fi");

    // Someone opening the facilitator link is told they are invited to facilitate.
    const other = await openPage();
    await other.goto(link);
    await other.getByText("kutsuu sinut ryhmän ohjaajaksi", { exact: false }).waitFor();

    await page.getByRole("link", { name: "Etusivu" }).click();
    await page.getByRole("link", { name: "3AMK-pilotti" }).waitFor();
    await Promise.all([page.context().close(), other.context().close()]);
  }, 90_000);
});
