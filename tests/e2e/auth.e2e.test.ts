import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoAxeViolations, launchChromium, newContext, screenshot, tabTo } from "../support/browser";
import { startTestServer, type TestServer } from "../support/testServer";

/**
 * A newcomer's first minutes in a real Chromium against the built client: register, find their way
 * in Finnish, switch to Swedish (kept across reloads and devices), see and end another device's
 * session, sign out, and do it all again with the keyboard only.
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

async function heading(page: Page): Promise<string> {
  return (await page.locator("h1").first().textContent())?.trim() ?? "";
}

async function register(page: Page, name: string, email: string, password: string): Promise<void> {
  await page.goto(`${server.url}/register`);
  await page.getByLabel("Nimi, joka näkyy muille").fill(name);
  await page.getByLabel("Sähköposti").fill(email);
  await page.getByLabel("Salasana").fill(password);
  await page.getByRole("button", { name: "Luo tili" }).click();
  await page.getByRole("heading", { level: 1, name: `Hei, ${name}` }).waitFor();
}

describe("accounts in the browser", () => {
  it("registers in Finnish, switches to Swedish, ends another device's session and signs out", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();

    await page.goto(`${server.url}/register`);
    expect(await page.getAttribute("html", "lang")).toBe("fi");
    expect(await heading(page)).toBe("Luo tili");
    await expectNoAxeViolations(page, "register (fi)");
    await screenshot(page, "auth-register-fi");

    // A wrong field is answered next to the field, in Finnish, before anything is sent.
    await page.getByRole("button", { name: "Luo tili" }).click();
    expect(await page.getByRole("textbox", { name: /Nimi, joka näkyy muille/ }).getAttribute("aria-invalid")).toBe("true");

    await register(page, "Aino", "aino@example.fi", "vahva-salasana-123");
    expect(await page.title()).toBe("Etusivu – Piiri");
    await expectNoAxeViolations(page, "home (fi)");
    await screenshot(page, "auth-home-fi");

    // The same person on a second device.
    const otherDevice = await newContext(browser);
    const otherPage = await otherDevice.newPage();
    await otherPage.goto(`${server.url}/sign-in`);
    await expectNoAxeViolations(otherPage, "sign in (fi)");
    await otherPage.getByLabel("Sähköposti").fill("aino@example.fi");
    await otherPage.getByLabel("Salasana").fill("väärä-salasana-1");
    await otherPage.getByRole("button", { name: "Kirjaudu sisään" }).click();
    await otherPage.getByRole("alert").filter({ hasText: "Sähköposti tai salasana on väärin." }).waitFor();
    await otherPage.getByLabel("Salasana").fill("vahva-salasana-123");
    await otherPage.getByRole("button", { name: "Kirjaudu sisään" }).click();
    await otherPage.getByRole("heading", { level: 1, name: "Hei, Aino" }).waitFor();

    // Swedish is applied at once, saved to the profile and survives a reload.
    await page.getByRole("link", { name: "Oma tili" }).click();
    await page.getByRole("heading", { level: 1, name: "Oma tili" }).waitFor();
    await page.getByLabel("Käyttöliittymän kieli").selectOption("sv");
    await page.getByRole("heading", { level: 1, name: "Mitt konto" }).waitFor();
    expect(await page.getAttribute("html", "lang")).toBe("sv");
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Mitt konto" }).waitFor();
    await expectNoAxeViolations(page, "account (sv)");
    await screenshot(page, "auth-account-sv");

    // Two sessions are listed; ending the other one signs that device out through its socket.
    const endButtons = page.getByRole("button", { name: /^Avsluta sessionen/ });
    await expect.poll(() => endButtons.count()).toBe(1);
    await endButtons.first().click();
    await otherPage.getByRole("heading", { level: 1, name: "Kirjaudu sisään" }).waitFor();
    await otherPage.getByText("Istuntosi päättyi. Kirjaudu uudelleen sisään.").first().waitFor();
    await expect.poll(() => endButtons.count()).toBe(0);

    // Signing out lands on the sign-in page, and the app no longer lets the user in.
    await page.getByRole("button", { name: "Logga ut", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Logga in" }).waitFor();
    await page.goto(`${server.url}/account`);
    await page.getByRole("heading", { level: 1, name: "Logga in" }).waitFor();
    await expectNoAxeViolations(page, "sign in after signing out (sv)");
    await screenshot(page, "auth-signed-out-sv");

    // A new device of the same person starts in the language saved to the profile.
    const thirdDevice = await newContext(browser);
    const thirdPage = await thirdDevice.newPage();
    await thirdPage.goto(`${server.url}/sign-in`);
    await thirdPage.getByLabel("Sähköposti").fill("aino@example.fi");
    await thirdPage.getByLabel("Salasana").fill("vahva-salasana-123");
    await thirdPage.getByRole("button", { name: "Kirjaudu sisään" }).click();
    await thirdPage.getByRole("heading", { level: 1, name: "Hej, Aino" }).waitFor();
    expect(await thirdPage.getAttribute("html", "lang")).toBe("sv");
    await expectNoAxeViolations(thirdPage, "home (sv)");

    await Promise.all([context.close(), otherDevice.close(), thirdDevice.close()]);
  });

  it("works with the keyboard only: skip link, sign in, focus on the new page's heading, sign out", async () => {
    const setup = await newContext(browser);
    await register(await setup.newPage(), "Eero", "eero@example.fi", "toinen-salasana-456");
    await setup.close();

    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${server.url}/sign-in`);
    await page.getByRole("heading", { level: 1, name: "Kirjaudu sisään" }).waitFor();

    // The first Tab reaches the skip link, which moves focus to the main content.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Siirry sisältöön");
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");

    await tabTo(page, "input[type=email]");
    await page.keyboard.type("eero@example.fi");
    await tabTo(page, "input[type=password]");
    await page.keyboard.type("toinen-salasana-456");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Hei, Eero" }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("H1");
    await screenshot(page, "auth-keyboard-home");

    await tabTo(page, "a[href='/account']");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Oma tili" }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Oma tili");
    await expectNoAxeViolations(page, "account (fi)");

    await tabTo(page, "header button");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Kirjaudu ulos");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Kirjaudu sisään" }).waitFor();
    await context.close();
  });

  it("stays signed in when a reload is cut off by the next navigation, again and again", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await register(page, "Iida", "iida@example.fi", "kolmas-salasana-789");
    // Leaving a page while its session is being restored (a refresh in flight) must not sign the next one out.
    for (let round = 0; round < 8; round++) {
      await page.reload();
      await page.goto(`${server.url}/`);
      await page.getByRole("heading", { level: 1, name: "Hei, Iida" }).waitFor();
    }
    await context.close();
  });
});
