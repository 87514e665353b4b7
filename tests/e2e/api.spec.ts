import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { cspViolations, signIn } from "./support";

async function session(page: Page, email: string): Promise<APIRequestContext> {
  await signIn(page, email);
  await expect(page.getByTestId("role-line")).toBeVisible();
  return page.request;
}

const ownDepartment = async (api: APIRequestContext) => {
  const list = await (await api.get("/api/v1/initiatives?pageSize=200")).json();
  return list;
};

test.describe("API /api/v1/initiatives", () => {
  test("answers 401 in the documented error shape without a session", async ({ request }) => {
    const response = await request.get("/api/v1/initiatives");
    expect(response.status()).toBe(401);
    expect(await response.json()).toEqual({ error: { code: "UNAUTHENTICATED", message: expect.any(String) } });
  });

  test("create, read, update with version, submit, comment; stale version gets 409 with newer values", async ({ page }) => {
    const api = await session(page, "chef@demo.kommun.se");
    const me = await (await page.request.get("/api/auth/session")).json();
    const departmentId = me.user.departmentId as string;
    const created = await api.post("/api/v1/initiatives", { data: { title: "API-registrerat initiativ", ownerDepartmentId: departmentId } });
    expect(created.status()).toBe(201);
    const { data } = await created.json();
    expect(data).toMatchObject({ id: expect.any(String), number: expect.any(Number), version: 1 });

    const read = await (await api.get(`/api/v1/initiatives/${data.id}`)).json();
    expect(read.data).toMatchObject({ title: "API-registrerat initiativ", status: "DRAFT", version: 1 });

    const update = await api.patch(`/api/v1/initiatives/${data.id}`, {
      data: { version: 1, title: "API-registrerat initiativ", ownerDepartmentId: departmentId, need: "Ett behov som beskrivs via API:et.", benefitRecipient: "INTERNAL", nature: "INNOVATION" },
    });
    expect(update.status()).toBe(200);
    expect(await update.json()).toEqual({ data: { version: 2 } });

    const stale = await api.patch(`/api/v1/initiatives/${data.id}`, { data: { version: 1, title: "Gammal", ownerDepartmentId: departmentId } });
    expect(stale.status()).toBe(409);
    const conflict = await stale.json();
    expect(conflict.error.code).toBe("VERSION_CONFLICT");
    expect(conflict.error.current).toMatchObject({ version: 2, nature: "INNOVATION" });

    const submitted = await api.post(`/api/v1/initiatives/${data.id}/submit`, { data: { version: 2 } });
    expect(submitted.status()).toBe(200);
    const again = await api.post(`/api/v1/initiatives/${data.id}/submit`, { data: { version: 3 } });
    expect(again.status()).toBe(409);

    const comment = await api.post(`/api/v1/initiatives/${data.id}/comments`, { data: { body: "Skickat via API" } });
    expect(comment.status()).toBe(201);
    const comments = await (await api.get(`/api/v1/initiatives/${data.id}/comments`)).json();
    expect(comments.data.map((c: { body: string }) => c.body)).toContain("Skickat via API");
  });

  test("bad input: 4xx JSON errors with per-field issues, never 500, nothing written", async ({ page }) => {
    const api = await session(page, "chef@demo.kommun.se");
    const me = await (await page.request.get("/api/auth/session")).json();
    const departmentId = me.user.departmentId as string;
    const before = (await ownDepartment(api)).total;

    const malformed = await api.post("/api/v1/initiatives", { headers: { "content-type": "application/json" }, data: Buffer.from("{ not json") });
    expect(malformed.status()).toBe(400);
    expect((await malformed.json()).error.code).toBe("MALFORMED_JSON");

    const wrongType = await api.post("/api/v1/initiatives", { headers: { "content-type": "text/plain" }, data: Buffer.from("title=x") });
    expect(wrongType.status()).toBe(415);

    const huge = await api.post("/api/v1/initiatives", { data: { title: "x", need: "y".repeat(300_000), ownerDepartmentId: departmentId } });
    expect(huge.status()).toBe(413);

    const invalid = await api.post("/api/v1/initiatives", {
      data: { title: "ab", ownerDepartmentId: departmentId, estimatedCostSek: -1, nature: "MAGIC", desiredStartQuarter: "2027-Q9", extra: 1 },
    });
    expect(invalid.status()).toBe(400);
    const body = await invalid.json();
    expect(body.error.code).toBe("VALIDATION_FAILED");
    const paths = body.error.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(["title", "estimatedCostSek", "nature", "desiredStartQuarter"]));

    const otherDepartment = (await ownDepartment(api)).data.find((r: { ownerDepartment: { id: string } }) => r.ownerDepartment.id !== departmentId);
    const forbidden = await api.post("/api/v1/initiatives", { data: { title: "Fel förvaltning", ownerDepartmentId: otherDepartment.ownerDepartment.id } });
    expect(forbidden.status()).toBe(403);

    const missing = await api.get("/api/v1/initiatives/does-not-exist");
    expect(missing.status()).toBe(404);

    expect((await ownDepartment(api)).total).toBe(before);
  });

  test("a viewer reads but cannot write; DIG corrects the classification", async ({ page, browser, baseURL }) => {
    const viewer = await session(page, "insyn@demo.kommun.se");
    const list = await (await viewer.get("/api/v1/initiatives?status=SUBMITTED&pageSize=1")).json();
    expect(list.data).toHaveLength(1);
    const target = list.data[0];
    const write = await viewer.patch(`/api/v1/initiatives/${target.id}/classification`, { data: { version: 1, nature: "INNOVATION" } });
    expect(write.status()).toBe(403);

    const digContext = await browser.newContext({ baseURL });
    const digPage = await digContext.newPage();
    const dig = await session(digPage, "dig@demo.kommun.se");
    const current = (await (await dig.get(`/api/v1/initiatives/${target.id}`)).json()).data;
    const classify = await dig.patch(`/api/v1/initiatives/${target.id}/classification`, { data: { version: current.version, nature: current.nature === "INNOVATION" ? "EFFICIENCY" : "INNOVATION" } });
    expect(classify.status()).toBe(200);
    await digContext.close();
  });

  test("the OpenAPI document is served", async ({ request }) => {
    const response = await request.get("/api/v1/openapi.json");
    expect(response.status()).toBe(200);
    const doc = await response.json();
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toContain("/api/v1/initiatives/{id}/submit");
  });
});

test.describe("hostile input on the running app", () => {
  test("a NUL byte in a path or a search is a 4xx, never a 500: the API in its error shape, pages as not found", async ({ page }) => {
    const api = await session(page, "ledning@demo.kommun.se");
    const refresh = await api.post("/api/v1/meetings/%00/agenda/refresh");
    expect(refresh.status()).toBe(400);
    expect(await refresh.json()).toEqual({ error: { code: "VALIDATION_FAILED", message: expect.any(String), issues: [{ path: "id", message: "invalidId" }] } });
    const search = await api.get("/api/v1/initiatives?q=%00");
    expect(search.status()).toBe(400);
    for (const path of ["/initiatives/%00", "/meetings/%00", "/meetings/%00/minutes", "/programs/%00", "/resources/%00", "/portfolio/scenarios/%00"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
    }
    // A search box's text from the URL: the control character is dropped, the list is shown.
    const list = await page.goto("/initiatives?q=e-%00arkiv");
    expect(list?.status()).toBe(200);
  });
});

test.describe("headers and cookies", () => {
  test("HSTS only behind HTTPS; a signed-out page request goes to sign-in, an API request gets its own 401, a static file is served", async ({ playwright, baseURL }) => {
    // A context of its own: no session cookie.
    const anonymous = await playwright.request.newContext({ baseURL });
    const viaHttps = await anonymous.get("/signin", { headers: { "x-forwarded-proto": "https" } });
    expect(viaHttps.headers()["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
    expect((await anonymous.get("/signin")).headers()["strict-transport-security"]).toBeUndefined();
    const page = await anonymous.get("/portfolio?quadrant=EXTERNAL_INNOVATION", { maxRedirects: 0 });
    expect(page.status()).toBe(307);
    expect(page.headers().location).toBe("/signin?callbackUrl=%2Fportfolio%3Fquadrant%3DEXTERNAL_INNOVATION");
    const api = await anonymous.get("/api/v1/initiatives", { maxRedirects: 0 });
    expect(api.status()).toBe(401);
    expect((await api.json()).error.code).toBeTruthy();
    expect(api.headers()["content-security-policy"]).toBeUndefined();
    const script = (await (await anonymous.get("/signin")).text()).match(/<script[^>]+src="([^"]+\.js)"/)![1]!;
    const asset = await anonymous.get(script, { maxRedirects: 0 });
    expect(asset.status()).toBe(200);
    expect(asset.headers()["content-security-policy"]).toBeUndefined();
    await anonymous.dispose();
  });

  test("every page sends a nonce-based Content-Security-Policy (no inline scripts), no framing, nosniff and a referrer policy; cookies are HttpOnly and SameSite=Lax", async ({ page, context }) => {
    const violations = cspViolations(page);
    const signInPage = await page.goto("/signin");
    await signIn(page, "ledning@demo.kommun.se");
    await expect(page.getByTestId("role-line")).toBeVisible();
    const nonces = new Set<string>();
    for (const response of [signInPage!, (await page.goto("/portfolio"))!, (await page.goto("/api-docs"))!]) {
      const headers = response.headers();
      const csp = headers["content-security-policy"] ?? "";
      const script = csp.split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src")) ?? "";
      expect(script, response.url()).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
      expect(script).not.toContain("unsafe-inline");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(headers["x-content-type-options"]).toBe("nosniff");
      expect(headers["referrer-policy"]).toBeTruthy();
      nonces.add(script.match(/'nonce-([^']+)'/)![1]!);
    }
    // A fresh nonce for every page.
    expect(nonces.size).toBe(3);
    // The page's scripts run under the policy: the ranking's drag handles are interactive, and nothing was blocked.
    await page.goto("/portfolio");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await page.getByRole("button", { name: /^(In English|På svenska)$/ }).click();
    await expect(page.getByRole("button", { name: "På svenska" })).toBeVisible();
    expect(violations).toEqual([]);
    for (const cookie of await context.cookies()) {
      expect(cookie.httpOnly, cookie.name).toBe(true);
      expect(cookie.sameSite, cookie.name).toBe("Lax");
    }
  });
});
