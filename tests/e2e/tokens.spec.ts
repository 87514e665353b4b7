import { expect, test, type Page } from "@playwright/test";
import { cspViolations, expectAccessible, LANGS, signIn, useLanguage } from "./support";

async function openTokens(page: Page) {
  await signIn(page, "admin@demo.kommun.se");
  await expect(page.getByTestId("role-line")).toBeVisible();
  await page.getByRole("navigation", { name: /Huvudmeny|Main navigation/ }).getByRole("link", { name: /^(Inställningar|Settings)$/ }).click();
  await page.getByTestId("settings-sections").getByRole("link", { name: /^(API-tokens|API tokens)$/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/API-tokens|API tokens/);
}

async function createToken(page: Page, name: string, role: string, write: boolean): Promise<string> {
  const form = page.getByTestId("token-form");
  await form.getByLabel(/^(Namn|Name)$/).fill(name);
  await form.getByLabel(/^(Roll|Role)$/).selectOption(role);
  if (write) await form.getByLabel(/^(Skriva|Write)$/).check();
  await form.getByRole("button", { name: /Skapa token|Create token/ }).click();
  const panel = page.getByTestId("token-secret");
  await expect(panel).toBeVisible();
  const secret = await panel.getByLabel(/^(Nyckel|Secret)$/).inputValue();
  expect(secret).toMatch(/^pf_[A-Za-z0-9_-]{43}$/);
  return secret;
}

test("admin creates a token, sees the secret once, uses it against the API, and revokes it", async ({ page, request }) => {
  await openTokens(page);
  const secret = await createToken(page, "E2E läsande system", "LEADERSHIP", false);
  await expect(page.getByTestId("token-secret")).toContainText("Du kommer inte att se den igen");
  const row = page.getByTestId("token-row-E2E läsande system");
  await expect(row).toContainText(secret.slice(0, 11));
  await expect(row).toContainText("Aktiv");
  await expect(row).toContainText("Läsa");
  await expect(row).not.toContainText("Skriva");

  // Playwright's own request context: no session cookie, only the token.
  const auth = { authorization: `Bearer ${secret}` };
  const list = await request.get("/api/v1/initiatives?pageSize=3", { headers: auth });
  expect(list.status()).toBe(200);
  const initiatives = (await list.json()).data as { id: string }[];
  expect(initiatives).toHaveLength(3);
  const write = await request.post(`/api/v1/initiatives/${initiatives[0]!.id}/comments`, { headers: auth, data: { body: "Ska inte sparas" } });
  expect(write.status()).toBe(403);
  expect((await write.json()).error.code).toBe("INSUFFICIENT_SCOPE");

  // The secret is gone after a reload; the token's last use is shown.
  await page.reload();
  await expect(page.getByTestId("token-secret")).toHaveCount(0);
  expect(await page.content()).not.toContain(secret);
  await expect(row).not.toContainText("Aldrig");

  await row.getByRole("button", { name: /Återkalla/ }).click();
  await row.getByRole("button", { name: "Ja, återkalla" }).click();
  await expect(row).toContainText("Återkallad");
  await expect(row.getByRole("button")).toHaveCount(0);
  const revoked = await request.get("/api/v1/initiatives?pageSize=3", { headers: auth });
  expect(revoked.status()).toBe(401);
  expect((await revoked.json()).error.code).toBe("INVALID_TOKEN");
});

test("a WRITE token writes under its role; a refused form keeps its input and says why", async ({ page, request }) => {
  await openTokens(page);
  const form = page.getByTestId("token-form");
  await form.getByLabel(/^(Namn|Name)$/).fill("E2E utan behörighet");
  await form.getByLabel(/^(Läsa|Read)$/).uncheck();
  await form.getByRole("button", { name: "Skapa token" }).click();
  await expect(form.getByText("Välj minst en behörighet.")).toBeVisible();
  await expect(form.getByLabel("Namn")).toHaveValue("E2E utan behörighet");
  await expect(page.getByTestId("token-secret")).toHaveCount(0);

  await page.reload();
  const secret = await createToken(page, "E2E ärendesystem", "DIG", true);
  const list = await request.get("/api/v1/initiatives?status=SUBMITTED&pageSize=1", { headers: { authorization: `Bearer ${secret}` } });
  const id = (await list.json()).data[0].id as string;
  const comment = await request.post(`/api/v1/initiatives/${id}/comments`, { headers: { authorization: `Bearer ${secret}` }, data: { body: "Synkat från E2E-ärendesystemet" } });
  expect(comment.status()).toBe(201);
});

for (const lang of LANGS) {
  test(`API tokens page passes axe (${lang}): empty form, secret shown, revoke asked`, async ({ page, context, baseURL }) => {
    await useLanguage(context, baseURL!, lang);
    await openTokens(page);
    await expectAccessible(page);
    await createToken(page, `E2E axe ${lang}`, "VIEWER", false);
    await expectAccessible(page);
    await page.getByTestId(`token-row-E2E axe ${lang}`).getByRole("button", { name: lang === "sv" ? /Återkalla/ : /Revoke/ }).click();
    await expect(page.getByRole("button", { name: lang === "sv" ? "Ja, återkalla" : "Yes, revoke" })).toBeFocused();
    await expectAccessible(page);
  });

  test(`API reference passes axe (${lang}) for every signed-in user, linked from the footer`, async ({ page, context, baseURL }) => {
    // RapiDoc parses the whole document in the browser: seconds on a busy 2-core machine.
    test.setTimeout(120_000);
    await useLanguage(context, baseURL!, lang);
    // Nothing is fetched from elsewhere (RapiDoc fetches web fonts from Google unless told not to),
    // and nothing is blocked by the Content-Security-Policy.
    const foreign: string[] = [];
    page.on("request", (request) => new URL(request.url()).origin !== new URL(baseURL!).origin && foreign.push(request.url()));
    const blocked = cspViolations(page);
    await signIn(page, "insyn@demo.kommun.se");
    await expect(page.getByTestId("role-line")).toBeVisible();
    await page.getByRole("contentinfo").getByRole("link", { name: lang === "sv" ? "API-referens" : "API reference" }).click();
    // The router moves to the page once its scripts are in, RapiDoc's among them: under the whole
    // suite's load that took over the default 5 s once (the page itself answered).
    await expect(page).toHaveURL(/\/api-docs$/, { timeout: 30_000 });
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(lang === "sv" ? "API-referens" : "API reference");
    await expect(page.getByRole("link", { name: /openapi\.json/ })).toHaveAttribute("href", "/api/v1/openapi.json");
    // RapiDoc renders inside its shadow root; Playwright's locators pierce it.
    const reference = page.getByTestId("api-reference");
    await expect(reference.getByText("/api/v1/tokens/{id}").first()).toBeVisible({ timeout: 90_000 });
    await expectAccessible(page);
    await reference.getByText("/api/v1/initiatives/{id}/submit").first().click();
    await expect(reference.getByText("Submit a draft to DIG").first()).toBeVisible();
    // The reference's text is set in the page's own fonts.
    const pageFont = await page.locator("body").evaluate((el) => getComputedStyle(el).fontFamily);
    await expect(reference.getByText("Submit a draft to DIG").first()).toHaveCSS("font-family", pageFont);
    // The reference grows with what is expanded: nothing of it runs under the footer.
    const bottom = await reference.evaluate((el) => el.getBoundingClientRect().bottom);
    const footerTop = await page.getByRole("contentinfo").evaluate((el) => el.getBoundingClientRect().top);
    expect(footerTop).toBeGreaterThanOrEqual(bottom - 1);
    await expectAccessible(page);
    expect(foreign).toEqual([]);
    expect(blocked).toEqual([]);
  });
}

test("the reference's code loads on its own page only; a non-admin cannot open the tokens page", async ({ page }) => {
  test.setTimeout(120_000);
  const scripts: string[] = [];
  page.on("response", async (response) => {
    if (response.request().resourceType() === "script") scripts.push(await response.text().catch(() => ""));
  });
  await signIn(page, "ledning@demo.kommun.se");
  await expect(page.getByTestId("role-line")).toBeVisible();
  await page.goto("/initiatives");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.some((s) => s.includes('customElements.define("rapi-doc"'))).toBe(false);
  await page.goto("/settings");
  await expect(page.getByTestId("settings-sections").getByRole("link", { name: "API-tokens" })).toHaveCount(0);

  // A page the role cannot use says so, on the settings overview.
  await page.goto("/settings/tokens");
  await expect(page).toHaveURL(/\/settings\?denied=tokens$/);
  await expect(page.getByTestId("settings-denied")).toContainText("API-tokens");
  await expect(page.getByTestId("token-form")).toHaveCount(0);

  await page.goto("/api-docs");
  await expect(page.getByTestId("api-reference").getByText("/api/v1/tokens/{id}").first()).toBeVisible({ timeout: 90_000 });
  await expect.poll(() => scripts.some((s) => s.includes('customElements.define("rapi-doc"'))).toBe(true);
});
