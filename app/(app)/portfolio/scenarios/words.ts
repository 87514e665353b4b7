import "server-only";
import type { getTranslations } from "next-intl/server";
import type { Labels } from "@/lib/server/scenarios";
import { startQuarter } from "@/lib/server/scenarios";
import type { ScenarioChanges } from "@/lib/validation/scenarios";

type T = Awaited<ReturnType<typeof getTranslations>>;

/** A pool's load in one quarter: its share of capacity, the hours when it has none, or a dash. */
export function loadWords(t: T, n: (v: number) => string) {
  return (q: { hours: number; percent: number | null } | undefined): string =>
    !q ? "–" : q.percent === null ? (q.hours ? t("scenarios.noCapacity", { hours: n(q.hours) }) : "–") : t("scenarios.percent", { value: n(q.percent) });
}

/** A constraint of the optimiser's model in words: which pool and quarter, quadrant, department or initiative. */
export function constraintWords(t: T, labels: Labels, from: string) {
  const horizon = { horizon: { from, quarters: 1 } } as Pick<ScenarioChanges, "horizon"> as ScenarioChanges;
  return (raw: unknown): string => {
    const c = raw as { kind: string; pool?: string; quarter?: number; quadrant?: string; side?: string; department?: string; requires?: string; id?: string };
    switch (c.kind) {
      case "capacity":
        return t("scenarios.constraint.capacity", { pool: labels.pools[c.pool ?? ""] ?? c.pool ?? "", quarter: startQuarter(horizon, c.quarter ?? 0) });
      case "balance":
        return t("scenarios.constraint.balance", { quadrant: t(`quadrant.${c.quadrant}` as never), side: c.side === "min" ? "min" : "max" });
      case "equity":
        return t("scenarios.constraint.equity", { department: labels.departments[c.department ?? ""] ?? c.department ?? "" });
      case "dependency": {
        const i = labels.initiatives[c.requires ?? ""];
        return t("scenarios.constraint.dependency", { number: i?.number ?? "?" });
      }
      case "forced":
      case "running": {
        const i = labels.initiatives[c.id ?? ""];
        return t(`scenarios.constraint.${c.kind}`, { number: i?.number ?? "?" });
      }
      default:
        return t("scenarios.constraint.other");
    }
  };
}
