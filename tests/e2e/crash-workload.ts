// A crash under load (issue #17, "Crashes"), shared by tests/e2e/crash.spec.ts and
// `npm run bench:reliability`: clients write through the open API until the server is killed
// (kill -9) in the middle of their writes. A write counts as acknowledged once its 2xx answer,
// with the new id, has been read in full; after the restart every one of them must be there.
// Writes in flight at the kill may or may not have committed: they are counted, not checked.
import { signIn } from "../../bench/http";
import { quarterOfDate } from "../../lib/domain/quarters";

export type Write =
  | { kind: "initiative"; id: string; title: string }
  | { kind: "comment"; id: string; initiativeId: string }
  | { kind: "allocation"; id: string; initiativeId: string; quarter: string };

/** What the writes need from the demo municipality. */
export type Targets = { departmentId: string; poolIds: string[]; allocatable: string[]; quarter: string };

export type Session = { baseURL: string; cookie: string };

async function call(session: Session, method: string, path: string, body?: unknown): Promise<{ status: number; json: any; text: string }> {
  const response = await fetch(session.baseURL + path, {
    method,
    headers: { cookie: session.cookie, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
    redirect: "manual",
  });
  const text = await response.text();
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {
    // an HTML page or an empty body
  }
  return { status: response.status, json, text };
}

/** Signs in as the demo administrator (who may do all three kinds of write) and finds what to write on. */
export async function prepareWrites(baseURL: string): Promise<{ session: Session; targets: Targets }> {
  const session = { baseURL, cookie: await signIn(baseURL, "admin@demo.kommun.se") };
  const departments = (await call(session, "GET", "/api/v1/departments")).json.data as { id: string }[];
  const pools = (await call(session, "GET", "/api/v1/pools")).json.data as { id: string; kind: string; active: boolean }[];
  const allocatable = (await call(session, "GET", "/api/v1/initiatives?status=APPROVED,IN_PROGRESS&pageSize=50")).json.data as { id: string }[];
  const targets = {
    departmentId: departments[0]!.id,
    // Central pools: the administrator allocates them without a department of their own.
    poolIds: pools.filter((p) => p.active && p.kind !== "LOCAL").map((p) => p.id),
    allocatable: allocatable.map((i) => i.id),
    quarter: quarterOfDate(new Date()),
  };
  if (!targets.poolIds.length || !targets.allocatable.length) throw new Error("the demo municipality has no central pool or no approved initiative to allocate to");
  return { session, targets };
}

export type CrashRound = {
  acknowledged: Write[];
  /** Writes sent but not answered when the kill was sent. */
  inFlightAtKill: number;
  /** Answers other than 2xx, and connection errors, before the kill: each one is a defect of its own. */
  failedBeforeKill: string[];
  /** From the first write to the kill. */
  writingMs: number;
};

/**
 * `clients` clients each write in turn an initiative, a comment on it and an allocation (on an
 * approved initiative, a central pool, a competence of its own so no two collide), until
 * `killAfter` writes are acknowledged; then `kill` is called while the others are in flight.
 */
export async function writeUntilKilled(session: Session, targets: Targets, options: { clients: number; killAfter: number; tag: string; kill: () => Promise<void> }): Promise<CrashRound> {
  const acknowledged: Write[] = [];
  const failedBeforeKill: string[] = [];
  let inFlight = 0;
  let inFlightAtKill = 0;
  let killing: Promise<void> | undefined;
  const started = Date.now();
  let writingMs = 0;

  const acknowledge = (write: Write) => {
    acknowledged.push(write);
    if (!killing && acknowledged.length >= options.killAfter) {
      inFlightAtKill = inFlight;
      writingMs = Date.now() - started;
      killing = options.kill();
    }
  };

  const client = async (c: number) => {
    let own: string | undefined;
    for (let n = 0; !killing; n++) {
      const label = `Kraschprov ${options.tag} k${c} nr ${n}`;
      const kind = (["initiative", "comment", "allocation"] as const)[n % 3]!;
      const initiativeId = kind === "comment" ? (own ?? targets.allocatable[c % targets.allocatable.length]!) : targets.allocatable[(c + n) % targets.allocatable.length]!;
      const request =
        kind === "initiative"
          ? call(session, "POST", "/api/v1/initiatives", { title: label, ownerDepartmentId: targets.departmentId })
          : kind === "comment"
            ? call(session, "POST", `/api/v1/initiatives/${initiativeId}/comments`, { body: label })
            : call(session, "POST", "/api/v1/allocations", {
                initiativeId,
                poolId: targets.poolIds[(c + n) % targets.poolIds.length]!,
                quarter: targets.quarter,
                competence: `krasch ${options.tag} k${c} n${n}`,
                hours: 10,
              });
      inFlight++;
      let answer: Awaited<typeof request>;
      try {
        answer = await request;
      } catch (error) {
        // The connection broke: after the kill that is the crash itself, not acknowledged.
        if (!killing) failedBeforeKill.push(`${kind}: ${(error as Error).message}`);
        break;
      } finally {
        inFlight--;
      }
      if (answer.status < 200 || answer.status > 299) {
        if (!killing) failedBeforeKill.push(`${kind}: ${answer.status} ${answer.text.slice(0, 300)}`);
        continue;
      }
      if (kind === "initiative") {
        own = answer.json.data.id;
        acknowledge({ kind, id: answer.json.data.id, title: label });
      } else if (kind === "comment") acknowledge({ kind, id: answer.json.data.id, initiativeId });
      else acknowledge({ kind, id: answer.json.data.allocation.id, initiativeId, quarter: targets.quarter });
    }
  };

  await Promise.all(Array.from({ length: options.clients }, (_, c) => client(c)));
  if (!killing) throw new Error(`the clients stopped before ${options.killAfter} writes were acknowledged: ${failedBeforeKill.slice(0, 3).join("; ")}`);
  await killing;
  return { acknowledged, inFlightAtKill, failedBeforeKill, writingMs };
}

/** The acknowledged writes that the restarted server does not have. */
export async function missingWrites(session: Session, writes: Write[]): Promise<Write[]> {
  const missing: Write[] = [];
  const initiatives = writes.filter((w) => w.kind === "initiative");
  // A few at a time: the server has only just started.
  for (let i = 0; i < initiatives.length; i += 8) {
    await Promise.all(
      initiatives.slice(i, i + 8).map(async (w) => {
        const { status, json } = await call(session, "GET", `/api/v1/initiatives/${w.id}`);
        if (status !== 200 || json.data.title !== w.title) missing.push(w);
      }),
    );
  }
  const byInitiative = <T extends { initiativeId: string }>(list: T[]) => {
    const groups = new Map<string, T[]>();
    for (const w of list) groups.set(w.initiativeId, [...(groups.get(w.initiativeId) ?? []), w]);
    return groups;
  };
  for (const [initiativeId, comments] of byInitiative(writes.filter((w) => w.kind === "comment"))) {
    const { status, json } = await call(session, "GET", `/api/v1/initiatives/${initiativeId}/comments`);
    const stored = new Set(status === 200 ? (json.data as { id: string }[]).map((c) => c.id) : []);
    missing.push(...comments.filter((w) => !stored.has(w.id)));
  }
  for (const [initiativeId, allocations] of byInitiative(writes.filter((w) => w.kind === "allocation"))) {
    const stored = new Set<string>();
    for (let page = 1, pages = 1; page <= pages; page++) {
      const { status, json } = await call(session, "GET", `/api/v1/allocations?initiativeId=${initiativeId}&quarter=${allocations[0]!.quarter}&page=${page}`);
      if (status !== 200) break;
      for (const a of json.data as { id: string }[]) stored.add(a.id);
      pages = json.pages;
    }
    missing.push(...allocations.filter((w) => !stored.has(w.id)));
  }
  return missing;
}

/** A page of the app, rendered for the signed-in user: status and HTML. */
export async function page(session: Session, path: string): Promise<{ status: number; html: string }> {
  const { status, text } = await call(session, "GET", path);
  return { status, html: text };
}
