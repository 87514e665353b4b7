// The minutes (beslutsprotokoll) of a portfolio meeting: one shape for the frozen snapshot
// of a closed meeting and for the draft of a meeting still in progress.
import type { DecisionType, Status } from "./decisions";

export type MinutesDecision = {
  initiativeId: string;
  number: number;
  title: string;
  department: string;
  type: DecisionType;
  rationale: string;
  fromStatus: Status;
  toStatus: Status;
  decidedBy: string | null;
  decidedAt: string | null;
  /** The scenario whose adoption made this decision, if any. */
  scenario: string | null;
};

/** A what-if scenario on the agenda: adopted here (with the capacity its plan relies on) or not. */
export type MinutesScenario = { scenarioId: string; name: string; adopted: boolean; capacity: { poolId: string; from: string; to: string | null; hoursPerQuarter: number }[] };

export type MinutesItem = { initiativeId: string; number: number; title: string; department: string; status: Status };

export type MinutesRankingRow = { position: number; initiativeId: string; number: number | null; title: string; score: number };

export type Minutes = {
  frozenAt: string | null;
  municipality: string | null;
  title: string;
  date: string;
  registryNumber: string | null;
  participants: string;
  decisions: MinutesDecision[];
  /** On the agenda but not decided. */
  notHandled: MinutesItem[];
  ranking: MinutesRankingRow[];
  /** Closed before the meeting's date: why (recorded by whoever closed it). */
  closedEarlyReason: string | null;
  scenarios: MinutesScenario[];
};

type AgendaEntry = {
  position: number;
  initiative: { id: string; number: number; title: string; status: Status; department: string };
  decision: { type: DecisionType; rationale: string; fromStatus: Status; toStatus: Status; decidedBy: string | null; decidedAt: Date; scenario?: string | null } | null;
};

/**
 * The minutes of a meeting from its agenda (any order; minutes follow the agenda's
 * positions) and the ranking at that moment. Titles and departments are taken as they
 * are now, which is why a closed meeting keeps this as a frozen snapshot.
 */
export function buildMinutes(input: {
  meeting: { title: string; date: Date; registryNumber: string | null; participants: string };
  municipality: string | null;
  agenda: readonly AgendaEntry[];
  ranking: readonly { position: number; id: string; number: number; title: string; score: number }[];
  frozenAt: Date | null;
  closedEarlyReason?: string | null;
  scenarios?: readonly MinutesScenario[];
}): Minutes {
  const agenda = [...input.agenda].sort((a, b) => a.position - b.position);
  return {
    frozenAt: input.frozenAt?.toISOString() ?? null,
    municipality: input.municipality,
    title: input.meeting.title,
    date: input.meeting.date.toISOString(),
    registryNumber: input.meeting.registryNumber,
    participants: input.meeting.participants,
    decisions: agenda.flatMap(({ initiative: i, decision: d }) =>
      d
        ? [{
            initiativeId: i.id, number: i.number, title: i.title, department: i.department, type: d.type, rationale: d.rationale,
            fromStatus: d.fromStatus, toStatus: d.toStatus, decidedBy: d.decidedBy, decidedAt: d.decidedAt.toISOString(), scenario: d.scenario ?? null,
          }]
        : [],
    ),
    notHandled: agenda.filter((e) => !e.decision).map(({ initiative: i }) => ({ initiativeId: i.id, number: i.number, title: i.title, department: i.department, status: i.status })),
    ranking: input.ranking.map((r) => ({ position: r.position, initiativeId: r.id, number: r.number, title: r.title, score: r.score })),
    closedEarlyReason: input.closedEarlyReason ?? null,
    scenarios: [...(input.scenarios ?? [])],
  };
}

/**
 * Participants as a list: one per line or separated by semicolons; failing those, by
 * commas outside parentheses ("Per Håkansson (kommundirektör, ordförande), Sara Nyström").
 */
export function participantList(participants: string): string[] {
  const clean = (list: string[]) => list.map((p) => p.trim()).filter(Boolean);
  const byLine = clean(participants.split(/\r?\n|;/));
  if (byLine.length !== 1) return byLine;
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of byLine[0]!) {
    if (ch === "(") depth += 1;
    if (ch === ")") depth = Math.max(0, depth - 1);
    if (ch === "," && depth === 0) {
      parts.push(current);
      current = "";
    } else current += ch;
  }
  parts.push(current);
  return clean(parts);
}
