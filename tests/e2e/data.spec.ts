import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, LANGS, signIn, useLanguage } from "./support";

async function signedIn(page: Page, email: string) {
  await signIn(page, email);
  await expect(page.getByTestId("role-line")).toBeVisible();
}

async function download(page: Page, testId: string): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByTestId(testId).click()]);
  return fs.readFileSync((await file.path())!);
}

test.describe("the municipality's data", () => {
  test("an admin fills in the template, sees a bad row refused, fixes it and imports", async ({ page }) => {
    await signedIn(page, "admin@demo.kommun.se");
    await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Inställningar" }).click();
    await page.getByTestId("settings-sections").getByRole("link", { name: "Import och export" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Importera initiativ");

    const xlsx = await download(page, "template-xlsx");
    expect(xlsx.subarray(0, 2).toString()).toBe("PK");
    const template = (await download(page, "template-csv")).toString("utf8");
    const [header, example] = template.replace(/^\uFEFF/, "").split("\r\n");
    expect(header).toBe("Titel;Behov;Förvaltning;Nyttomottagare;Karaktär;Kostnad (kr);Insats (timmar);Önskad start;Status;Kontaktperson;Målgrupp;Räckvidd (antal);Beroenden;Ersättningsinvestering;Ersatt system;Möjliggör verksamhetsutveckling");
    expect(example).toContain("Förskola & Grundskola");

    const tag = Date.now().toString(36);
    const row = (title: string, department: string) => `${title};Behovet beskrivs här med några ord.;${department};intern;innovation;120 000;200;2027-Q2;;Karin Holm;;;;nej;;`;
    const file = (department: string) => ({
      name: "lista.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(`\uFEFF${[header, row(`Importerad AI-pilot ${tag}`, "Socialförvaltningen"), row(`Importerad e-tjänst ${tag}`, department)].join("\r\n")}\r\n`, "utf8"),
    });

    const input = page.getByLabel("Fil (.xlsx eller .csv)");
    await input.setInputFiles(file("Kulturförvaltningen"));
    await page.getByRole("button", { name: "Förhandsgranska" }).click();
    await expect(page.getByTestId("import-status")).toHaveText(/1 problem hittades/);
    const issues = page.getByTestId("import-issues");
    await expect(issues.getByRole("row")).toHaveCount(2);
    await expect(issues.getByRole("row").nth(1)).toHaveText(/3\s*Förvaltning\s*Förvaltningen finns inte i Portföljen/);
    await expect(page.getByRole("button", { name: /^Importera/ })).toHaveCount(0);
    await expect(page.getByLabel("Titel (krävs)")).toHaveValue("Titel");
    await expectAccessible(page);

    // Nothing was written by the check.
    await page.goto(`/initiatives?q=${tag}`);
    await expect(page.getByTestId("result-count")).toHaveText("Inga initiativ matchar filtret.");

    await page.goto("/settings/import");
    await page.getByLabel("Fil (.xlsx eller .csv)").setInputFiles(file("Kultur- och fritidsförvaltningen"));
    await page.getByRole("button", { name: "Förhandsgranska" }).click();
    await expect(page.getByTestId("import-status")).toHaveText("Inga problem hittades. Alla 2 rader kan importeras som Utkast.");
    await expect(page.getByTestId("import-sample")).toContainText(`Importerad e-tjänst ${tag}`);
    await expectAccessible(page);
    await page.getByRole("button", { name: "Importera 2 initiativ" }).click();
    await expect(page.getByTestId("import-status")).toContainText("2 initiativ har importerats.");
    await page.getByRole("link", { name: "Visa initiativen" }).click();
    await page.goto(`/initiatives?q=${tag}`);
    await expect(page.getByTestId("result-count")).toHaveText("2 initiativ");
    await expect(page.getByRole("link", { name: `Importerad e-tjänst ${tag}` })).toBeVisible();
  });

  test("the import API streams its progress and answers bad requests with 4xx", async ({ page }) => {
    await signedIn(page, "dig@demo.kommun.se");
    const tag = Date.now().toString(36);
    const lines = Array.from({ length: 1500 }, (_, i) => `Massimport ${tag} nr ${i + 1};Serviceförvaltningen`);
    const response = await page.request.post("/api/v1/import/initiatives", {
      headers: { accept: "application/x-ndjson" },
      multipart: { file: { name: "massa.csv", mimeType: "text/csv", buffer: Buffer.from(["Titel;Förvaltning", ...lines].join("\n")) } },
    });
    expect(response.status()).toBe(200);
    const events = (await response.text()).trim().split("\n").map((line) => JSON.parse(line) as Record<string, { phase?: string; done?: number; created?: number }>);
    expect(events.map((e) => e.progress ?? { created: e.data?.created })).toEqual([
      { phase: "validating" },
      { phase: "writing", done: 1000, total: 1500 },
      { phase: "writing", done: 1500, total: 1500 },
      { created: 1500 },
    ]);
    const json = await page.request.post("/api/v1/import/initiatives", { data: { file: "x" } });
    expect([json.status(), (await json.json()).error.code]).toEqual([415, "UNSUPPORTED_MEDIA_TYPE"]);
    const pdf = await page.request.post("/api/v1/import/initiatives?dryRun=true", { multipart: { file: { name: "a.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.7") } } });
    expect([pdf.status(), (await pdf.json()).error.issues]).toEqual([400, [{ path: "file", message: "wrongType" }]]);
    const restore = await page.request.post("/api/v1/restore", { data: {} });
    expect(restore.status()).toBe(403);
  });

  test("a file over the limit is refused on the page before it is sent, and by the server if sent anyway", async ({ page, browser, baseURL }) => {
    await signedIn(page, "dig@demo.kommun.se");
    await page.goto("/settings/import");
    const sent: string[] = [];
    page.on("request", (r) => r.url().includes("/api/v1/import/initiatives") && sent.push(r.url()));
    const big = Buffer.alloc(11 * 1024 * 1024, "Titel;Förvaltning\n");
    await page.getByLabel("Fil (.xlsx eller .csv)").setInputFiles({ name: "stor.csv", mimeType: "text/csv", buffer: big });
    await page.getByRole("button", { name: "Förhandsgranska" }).click();
    await expect(page.getByTestId("import-status")).toHaveText("Filen är större än 10 MB.");
    await expect(page.getByTestId("import-issues")).toContainText("Filen är större än 10 MB.");
    expect(sent).toEqual([]);

    // Through the real server: the documented 413, for the import and (over 32 MB) the restore.
    const upload = await page.request.post("/api/v1/import/initiatives?dryRun=true", { multipart: { file: { name: "stor.csv", mimeType: "text/csv", buffer: big } } });
    expect([upload.status(), (await upload.json()).error.issues]).toEqual([413, [{ path: "file", message: "fileTooLarge" }]]);
    const png = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex");
    const notExcel = await page.request.post("/api/v1/import/initiatives?dryRun=true", { multipart: { file: { name: "lista.xlsx", mimeType: "application/octet-stream", buffer: png } } });
    expect([notExcel.status(), (await notExcel.json()).error.issues]).toEqual([400, [{ path: "file", message: "brokenXlsx" }]]);
    const admin = await browser.newContext({ baseURL });
    const adminPage = await admin.newPage();
    await signedIn(adminPage, "admin@demo.kommun.se");
    const restore = await adminPage.request.post("/api/v1/restore", { headers: { "content-type": "application/json" }, data: Buffer.alloc(33 * 1024 * 1024, " ") });
    expect([restore.status(), (await restore.json()).error.code]).toEqual([413, "PAYLOAD_TOO_LARGE"]);
    await admin.close();
  });

  test("an admin downloads the full export; restore is off on a database with data", async ({ page }) => {
    await signedIn(page, "admin@demo.kommun.se");
    await page.goto("/settings/data");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kommunens data");
    await expect(page.getByTestId("restore-disabled")).toContainText("innehåller redan data");
    const document = JSON.parse((await download(page, "full-export")).toString("utf8")) as { format: string; version: number; excluded: string[]; entities: Record<string, unknown[]> };
    expect([document.format, document.version, document.excluded]).toEqual(["portfoljen-export", 1, []]);
    expect(document.entities.initiatives!.length).toBeGreaterThan(60);
    expect(Object.keys(document.entities)).toContain("auditEvents");
  });

  for (const lang of LANGS) {
    test(`the import and data pages are accessible (${lang})`, async ({ page, context, baseURL }) => {
      await useLanguage(context, baseURL!, lang);
      await signedIn(page, "admin@demo.kommun.se");
      await page.goto("/settings/import");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(lang === "sv" ? "Importera initiativ" : "Import initiatives");
      await expectAccessible(page);
      // With a preview showing: problems in the table.
      await page.getByLabel(lang === "sv" ? "Fil (.xlsx eller .csv)" : "File (.xlsx or .csv)").setInputFiles({ name: "a.csv", mimeType: "text/csv", buffer: Buffer.from("Title;Department\nX;Nowhere\n") });
      await page.getByRole("button", { name: lang === "sv" ? "Förhandsgranska" : "Preview" }).click();
      await expect(page.getByTestId("import-issues")).toBeVisible();
      await expectAccessible(page);
      await page.goto("/settings/data");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(lang === "sv" ? "Kommunens data" : "The municipality's data");
      await expectAccessible(page);
    });
  }

  test("a department manager cannot open them; DIG imports but does not export", async ({ page, browser, baseURL }) => {
    await signedIn(page, "chef@demo.kommun.se");
    await expect(page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Inställningar" })).toHaveCount(0);
    for (const path of ["/settings/import", "/settings/data"]) {
      await page.goto(path);
      await expect(page).not.toHaveURL(new RegExp(path));
    }
    expect((await page.request.get("/api/v1/export/full")).status()).toBe(403);
    expect((await page.request.get("/api/v1/import/initiatives/template")).status()).toBe(403);

    const dig = await browser.newContext({ baseURL });
    const digPage = await dig.newPage();
    await signedIn(digPage, "dig@demo.kommun.se");
    await digPage.goto("/settings/import");
    await expect(digPage.getByRole("heading", { level: 1 })).toHaveText("Importera initiativ");
    await expect(digPage.getByRole("link", { name: "Fullständig export och återläsning" })).toHaveCount(0);
    await digPage.goto("/settings/data");
    await expect(digPage).not.toHaveURL(/settings\/data/);
    await dig.close();
  });
});
