// The app's sections and the permission each needs; the menu shows a role only what
// it may use. Add a section here when its pages exist.
import type { Action } from "@/lib/auth/policy";

export type NavItem = { href: string; key: string; action: Action };

export const NAV_ITEMS: NavItem[] = [
  { href: "/", key: "home", action: "initiative.read" },
  { href: "/initiatives", key: "initiatives", action: "initiative.read" },
  { href: "/portfolio", key: "portfolio", action: "portfolio.read" },
  { href: "/meetings", key: "meetings", action: "portfolio.read" },
  { href: "/resources", key: "resources", action: "resource.read" },
  { href: "/programs", key: "programs", action: "portfolio.read" },
  { href: "/benefits", key: "benefits", action: "portfolio.read" },
  { href: "/initiatives/new", key: "newInitiative", action: "initiative.create" },
  { href: "/triage", key: "triage", action: "triage.perform" },
  // Organisation, people, goals, sign-on, tokens, data and the audit log: one overview page.
  { href: "/settings", key: "settings", action: "settings.open" },
];
