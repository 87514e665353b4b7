// A municipality goes live: an empty PostgreSQL database, the first administrator through the
// setup link in the server log, then organisation, people, goals, pools and single sign-on
// through the UI alone; an invited colleague and a person from the identity provider sign in.
// In Swedish and in English, with axe on every new page.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { startOidcProvider } from "../support/oidc-provider";
import { ownPort, startOwnServer } from "./own-server";
import { expectAccessible, LANGS, type Lang } from "./support";

const W = {
  sv: {
    setupSubmit: "Skapa administratören", signIn: /^Logga in$/, settings: "Inställningar", organisation: "Organisation", people: "Personer", goals: "Strategiska mål",
    pools: "Resurspooler", sso: "Inloggning med kommunens konto", audit: "Händelselogg", add: "Lägg till", addGoal: "Lägg till målet", createPool: "Skapa poolen",
    addPerson: "Lägg till och skapa inbjudan", mapGroup: "Koppla gruppen", show: "Visa", save: "Spara", savePassword: "Spara lösenordet", edit: "Ändra",
    deactivatePerson: "Inaktivera personen", yesDeactivate: "Ja, inaktivera", deactivated: "Inaktiverad", manager: "Verksamhetsföreträdare", dig: "Digitaliseringsenheten (DIG)",
    used: "Länken är redan använd", ssoButton: "Logga in med Testkommunens konto", leadership: "Kommunledning",
  },
  en: {
    setupSubmit: "Create the administrator", signIn: /^Sign in$/, settings: "Settings", organisation: "Organisation", people: "People", goals: "Strategic goals",
    pools: "Resource pools", sso: "Sign-in with the municipality's account", audit: "Audit log", add: "Add", addGoal: "Add the goal", createPool: "Create the pool",
    addPerson: "Add and create invitation", mapGroup: "Map the group", show: "Show", save: "Save", savePassword: "Save the password", edit: "Change",
    deactivatePerson: "Deactivate the person", yesDeactivate: "Yes, deactivate", deactivated: "Deactivated", manager: "Department manager", dig: "Digitalisation unit (DIG)",
    used: "The link has been used", ssoButton: "Sign in with Testkommunens konto", leadership: "Leadership",
  },
} as const;

const UNITS = [
  { name: "Socialförvaltningen", code: "SOC", kind: "DEPARTMENT" },
  { name: "Förskola & Grundskola", code: "FG", kind: "DEPARTMENT" },
  { name: "Kommunledningskontoret", code: "KLK", kind: "DEPARTMENT" },
  { name: "Testkommunens Bostäder AB", code: "BOST", kind: "COMPANY" },
] as const;
const GOALS = [
  { code: "M1", title: "Enkel och tillgänglig service för invånare och företag", weight: "4", from: "", to: "" },
  { code: "M2", title: "Effektiv verksamhet och långsiktigt hållbar ekonomi", weight: "5", from: "", to: "" },
  { code: "M3", title: "En trygg och jämlik välfärd", weight: "4", from: "2027", to: "2030" },
  { code: "M4", title: "Goda förutsättningar för lärande hela livet", weight: "3", from: "", to: "" },
  { code: "M5", title: "Hållbar samhällsutveckling och minskad klimatpåverkan", weight: "3", from: "", to: "2030" },
] as const;
const POOLS = [
  { name: "Digitaliseringsenheten", kind: "DIG", department: null },
  { name: "Digitalt center", kind: "DIGITAL_CENTER", department: null },
  { name: "Socialförvaltningens verksamhetsutvecklare", kind: "LOCAL", department: "Socialförvaltningen" },
  { name: "Skolans IT-team", kind: "LOCAL", department: "Förskola & Grundskola" },
] as const;
const PEOPLE = [
  { name: "Maria Lindqvist", email: "maria.lindqvist", role: "DEPARTMENT_MANAGER", department: "Socialförvaltningen" },
  { name: "Anders Bergström", email: "anders.bergstrom", role: "DEPARTMENT_MANAGER", department: "Förskola & Grundskola" },
  { name: "Sara Nyström", email: "sara.nystrom", role: "DIG", department: "Kommunledningskontoret" },
  { name: "Omar Haddad", email: "omar.haddad", role: "DIG", department: "Kommunledningskontoret" },
  { name: "Per Håkansson", email: "per.hakansson", role: "LEADERSHIP", department: "Kommunledningskontoret" },
  { name: "Lena Åberg", email: "lena.aberg", role: "LEADERSHIP", department: "Kommunledningskontoret" },
  { name: "Eva Sjöberg", email: "eva.sjoberg", role: "VIEWER", department: null },
  { name: "Karin Holm", email: "karin.holm", role: "DEPARTMENT_MANAGER", department: "Testkommunens Bostäder AB" },
  { name: "Johan Ek", email: "johan.ek", role: "ADMIN", department: null },
  { name: "Nils Revisor", email: "nils.revisor", role: "VIEWER", department: null },
] as const;

async function open(page: Page, lang: Lang, section: keyof (typeof W)["sv"]) {
  await page.goto("/settings");
  await page.getByTestId("settings-sections").getByRole("link", { name: W[lang][section] as string, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
}

async function newPage(browser: Browser, baseURL: string, lang: Lang) {
  const context = await browser.newContext({ baseURL, locale: lang === "sv" ? "sv-SE" : "en-GB" });
  await context.addCookies([{ name: "NEXT_LOCALE", value: lang, url: baseURL }]);
  return { context, page: await context.newPage() };
}

async function signInAs(page: Page, lang: Lang, email: string, password: string) {
  await page.goto("/signin");
  await page.locator("#email").fill(email);
  await page.locator("#password").fill(password);
  await page.getByRole("button", { name: W[lang].signIn }).click();
  await expect(page.getByTestId("role-line")).toBeVisible();
}

LANGS.forEach((lang, index) => {
  test(`an empty PostgreSQL database becomes a working municipality through the UI alone (${lang})`, async ({ browser }) => {
    test.setTimeout(420_000);
    const port = ownPort(3110 + index);
    const idp = await startOidcProvider({ redirectUris: [`http://localhost:${port}/api/auth/callback/oidc`] });
    idp.accounts.set("sven", { email: "sven.svensson@testkommun.se", name: "Sven Svensson", groups: ["grp-dig-0001"] });
    const server = await startOwnServer(port, { OIDC_ISSUER: idp.issuer, OIDC_CLIENT_ID: idp.clientId, OIDC_CLIENT_SECRET: idp.clientSecret, OIDC_NAME: "Testkommunens konto", OIDC_AUTO_CREATE: "true" });
    const w = W[lang];
    const domain = "@testkommun.se";
    try {
      // 1. The first administrator, through the link the server printed in its log.
      const [setupUrl] = await server.waitForLog(/http:\/\/localhost:\d+\/setup\/[A-Za-z0-9_-]{43}/);
      const { context, page } = await newPage(browser, server.baseURL, lang);
      await page.goto(setupUrl);
      await expectAccessible(page);
      await page.locator("#name").fill("Ada Admin");
      await page.locator("#email").fill(`ada.admin${domain}`);
      await page.locator("#password").fill("kort");
      await page.locator("#confirm").fill("kort");
      await page.getByRole("button", { name: w.setupSubmit }).click();
      await expect(page.locator("#password")).toHaveAttribute("aria-invalid", "true");
      await expectAccessible(page);
      await page.locator("#password").fill("en lång fras som bara Ada kan");
      await page.locator("#confirm").fill("en lång fras som bara Ada kan");
      await page.getByRole("button", { name: w.setupSubmit }).click();
      await expect(page.getByTestId("signin-done")).toBeVisible();
      await expectAccessible(page);
      await signInAs(page, lang, `ada.admin${domain}`, "en lång fras som bara Ada kan");
      // The setup link is spent.
      await page.goto(setupUrl);
      await expect(page.getByTestId("link-used")).toBeVisible();

      // 2. The settings overview.
      await page.goto("/");
      await page.getByRole("navigation").getByRole("link", { name: w.settings, exact: true }).click();
      await expect(page.getByTestId("settings-sections")).toBeVisible();
      await expectAccessible(page);

      // 3. Organisation: three departments and a company.
      await open(page, lang, "organisation");
      const unitForm = page.getByTestId("new-unit-form");
      for (const u of UNITS) {
        await page.locator("#new-unit-name").fill(u.name);
        await page.locator("#new-unit-shortName").fill(u.code);
        await page.locator("#new-unit-kind").selectOption(u.kind);
        await unitForm.getByRole("button", { name: w.add, exact: true }).click();
        await expect(page.getByTestId(`unit-row-${u.code}`)).toBeVisible();
        await expect(page.locator("#new-unit-name")).toHaveValue("");
      }
      // A duplicate code, whatever its case, is refused at the field.
      await page.locator("#new-unit-name").fill("Socialtjänsten");
      await page.locator("#new-unit-shortName").fill("soc");
      await unitForm.getByRole("button", { name: w.add, exact: true }).click();
      await expect(page.locator("#new-unit-shortName")).toHaveAttribute("aria-invalid", "true");
      await expectAccessible(page);
      await page.getByTestId("unit-row-BOST").getByText(w.edit).click();
      await expectAccessible(page);

      // 4. Five strategic goals, one for the coming mandate.
      await open(page, lang, "goals");
      for (const g of GOALS) {
        await page.locator("#new-goal-code").fill(g.code);
        await page.locator("#new-goal-title").fill(g.title);
        await page.locator("#new-goal-weight").selectOption(g.weight);
        await page.locator("#new-goal-validFrom").fill(g.from);
        await page.locator("#new-goal-validTo").fill(g.to);
        await page.getByTestId("new-goal-form").getByRole("button", { name: w.addGoal }).click();
        await expect(page.getByTestId(`goal-${g.code}`)).toBeVisible();
      }
      await expect(page.getByTestId("goal-M3")).toContainText("2027–2030");
      await expectAccessible(page);

      // 5. Four pools: two central, two local.
      await open(page, lang, "pools");
      for (const p of POOLS) {
        await page.locator("#pool-name").fill(p.name);
        await page.locator("#pool-kind").selectOption(p.kind);
        await page.locator("#pool-department").selectOption(p.department ? { label: p.department } : { value: "" });
        await page.getByTestId("create-pool-form").getByRole("button", { name: w.createPool }).click();
        await expect(page.getByTestId("pool-list").getByRole("link", { name: p.name })).toBeVisible();
      }
      await expectAccessible(page);

      // 6. Ten people, each with an invitation link; Maria's link is kept for her.
      await open(page, lang, "people");
      let mariaLink = "";
      for (const person of PEOPLE) {
        await page.locator("#new-user-name").fill(person.name);
        await page.locator("#new-user-email").fill(`${person.email}${domain}`);
        await page.locator("#new-user-role").selectOption(person.role);
        await page.locator("#new-user-department").selectOption(person.department ? { label: person.department } : { value: "" });
        await page.getByTestId("create-user-form").getByRole("button", { name: w.addPerson }).click();
        const link = page.getByTestId("password-link");
        await expect(link).toContainText(person.name);
        if (person.email === "maria.lindqvist") mariaLink = await page.locator("#password-link-url").inputValue();
        await expect(page.getByTestId(`person-row-${person.email}${domain}`)).toBeVisible();
      }
      expect(mariaLink).toMatch(/\/password\/[A-Za-z0-9_-]{43}$/);
      await expectAccessible(page);
      await page.locator("#people-role").selectOption("DEPARTMENT_MANAGER");
      await page.getByTestId("people-filter").getByRole("button", { name: w.show }).click();
      await expect(page.getByTestId("people-table").locator("tbody tr")).toHaveCount(3);
      // One person: a new role, and a deactivation through the confirmation dialog.
      await page.goto("/settings/users");
      await page.getByRole("link", { name: "Lena Åberg" }).click();
      await expectAccessible(page);
      await page.locator("#user-role").selectOption("VIEWER");
      await page.getByTestId("edit-user-form").getByRole("button", { name: w.save }).click();
      await expect(page.getByTestId("edit-user-form").getByRole("status")).not.toBeEmpty();
      await page.reload();
      await page.getByTestId("person-active").getByRole("button", { name: w.deactivatePerson }).click();
      await expect(page.getByRole("dialog")).toBeVisible();
      await expectAccessible(page);
      await page.getByRole("dialog").getByRole("button", { name: w.yesDeactivate }).click();
      await expect(page.getByText(w.deactivated).first()).toBeVisible();

      // 7. Single sign-on: the identity provider's DIG group gives the DIG role in KLK.
      await open(page, lang, "sso");
      await page.locator("#new-mapping-claim").fill("grp-dig-0001");
      await page.locator("#new-mapping-description").fill("Digitaliseringsenheten i Entra ID");
      await page.locator("#new-mapping-role").selectOption("DIG");
      await page.locator("#new-mapping-department").selectOption({ label: "Kommunledningskontoret" });
      await page.getByTestId("new-mapping-form").getByRole("button", { name: w.mapGroup }).click();
      await expect(page.getByTestId("mapping-grp-dig-0001")).toBeVisible();
      await expectAccessible(page);

      // 8. The audit log shows it all, filtered, with before and after.
      await open(page, lang, "audit");
      await page.locator("#audit-action").selectOption("department.create");
      await page.getByTestId("audit-filter").getByRole("button", { name: w.show }).click();
      await expect(page.getByTestId("audit-event")).toHaveCount(4);
      await page.getByTestId("audit-event").first().locator("summary").click();
      await expect(page.getByTestId("audit-event").first()).toContainText("Testkommunens Bostäder AB");
      await expectAccessible(page);
      await context.close();

      // 9. Maria opens her invitation, chooses a password and works as a department manager.
      const maria = await newPage(browser, server.baseURL, lang);
      await maria.page.goto(mariaLink);
      await expectAccessible(maria.page);
      await maria.page.locator("#password").fill("marias alldeles egna fras");
      await maria.page.locator("#confirm").fill("marias alldeles egna fras");
      await maria.page.getByRole("button", { name: w.savePassword }).click();
      await expect(maria.page.getByTestId("signin-done")).toBeVisible();
      await signInAs(maria.page, lang, `maria.lindqvist${domain}`, "marias alldeles egna fras");
      await expect(maria.page.getByTestId("role-line")).toContainText(w.manager);
      await expect(maria.page.getByTestId("role-line")).toContainText("Socialförvaltningen");
      await maria.page.goto(mariaLink);
      await expect(maria.page.getByRole("heading", { level: 1 })).toHaveText(w.used);
      await expectAccessible(maria.page);
      await maria.context.close();

      // 10. Sven has no account yet: he signs in through the identity provider and gets DIG in KLK.
      const sven = await newPage(browser, server.baseURL, lang);
      await sven.page.goto("/signin");
      await sven.page.getByRole("button", { name: w.ssoButton }).click();
      await sven.page.locator('input[name="login"]').fill("sven");
      await sven.page.locator('input[name="password"]').fill("vad som helst");
      await sven.page.getByRole("button", { name: "Sign-in" }).click();
      await sven.page.getByRole("button", { name: "Continue" }).click();
      await expect(sven.page.getByTestId("role-line")).toContainText(w.dig);
      await expect(sven.page.getByTestId("role-line")).toContainText("Kommunledningskontoret");
      await sven.context.close();
    } finally {
      await server.stop();
      await idp.close();
    }
  });
});
