// Small HTTP helpers for benchmarks: start the production server, sign in, time requests.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "..");

/** What the server prints when its start-up work in the background is done (instrumentation.ts). */
const WARM = /\[portföljen\] (?:similar initiatives indexed|indexing similar initiatives failed)/;

/** Starts the production server of `root` (this project; bench:floor serves a copy of it). */
export async function startServer(
  port: number,
  env: Record<string, string>,
  root = ROOT,
): Promise<{ process: ChildProcess; startupMs: number; warm(timeoutMs?: number): Promise<string>; stop(): Promise<void> }> {
  const started = Date.now();
  const child = spawn(process.execPath, [path.join(root, "scripts", "start.mjs")], {
    cwd: root,
    env: { ...process.env, PORT: String(port), NEXTAUTH_SECRET: "bench-secret", ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let log = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    if (!WARM.test(log)) log = (log + chunk.toString("utf8")).slice(-10_000);
  });
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`http://localhost:${port}/api/health`);
      if (res.ok) break;
    } catch {
      // not up yet
    }
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const startupMs = Date.now() - started;
  return {
    process: child,
    startupMs,
    /** Resolves once the server's start-up work (indexing similar initiatives) is done, with what it printed. */
    async warm(timeoutMs = 300_000) {
      const until = Date.now() + timeoutMs;
      while (!WARM.test(log)) {
        if (Date.now() > until) throw new Error("the server did not finish its start-up work");
        await new Promise((r) => setTimeout(r, 100));
      }
      return log.slice(log.search(WARM)).split("\n")[0]!;
    },
    stop: () =>
      new Promise((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/** Signs in through next-auth's csrf + credentials callback; returns the Cookie header. */
export async function signIn(base: string, email: string, password = "demo"): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const [name, ...value] = pair!.split("=");
      jar.set(name!.trim(), value.join("="));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  keep(csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error(`sign-in failed for ${email} (${res.status})`);
  return cookie();
}

/**
 * Warm-up rounds before timing: a server runs for days, and its first thousand requests or so
 * run code V8 has not optimised yet (the first 200 rounds of a new server were about 20 % slower
 * at p50 than the next 200).
 */
export const WARMUP_ROUNDS = 100;

/**
 * Requests of the trivial route alone after the warm-up rounds. Timed after 100 rounds, its p95
 * was 6.1–6.4 ms and still falling; it settled at 3.4–4.0 ms only after 2,000–3,000 more rounds
 * (one server, passes of 600 rounds), while the pages' own p95 fell by 1–2 ms. The ratio had
 * compared warm pages with a cold denominator: 2.3 at first, 3.5–3.9 once settled. Likely why:
 * its own code (Next's runtime for route handlers) runs in one request of ten, while all pages
 * share theirs. With these 3,000 it measured settled from the first timed round. In use, a load
 * balancer's health checks keep it warm.
 */
export const TRIVIAL_WARMUP = 3_000;

/** Timed rounds unless a bench is told otherwise: of 200, a page's p95 ratio still moved by ±0.4 between passes on one server. */
export const TIMED_ROUNDS = 600;

/** What timeRoutes measures per route, in ms. */
export type RouteTimes = Record<string, { p50: number; p95: number; n: number }>;

/**
 * Times routes in an interleaved loop, so all see the same machine conditions, in a process of
 * its own (bench/time-routes.ts): the client's heap is then only the client's. A bench that
 * first generates its data in-process leaves hundreds of MB on its heap (287–411 MB measured
 * after 2,000 initiatives on both engines), and the collections of that heap landed on the
 * timings (in 2 passes each on one server: p95 ratios up to 2.76 and 3.02 in the generating
 * process, 2.45 and 2.67 in a fresh one).
 */
export async function timeRoutes(base: string, routes: Record<string, string>, cookie: string, rounds: number, warmup = WARMUP_ROUNDS): Promise<RouteTimes> {
  const trivialWarmup = routes.trivial && warmup > 0 ? TRIVIAL_WARMUP : 0;
  // Under tsx, execArgv carries its loader, so the child runs TypeScript as this process does.
  const child = spawn(process.execPath, [...process.execArgv, path.join(ROOT, "bench", "time-routes.ts")], { stdio: ["pipe", "pipe", "inherit"] });
  child.stdin!.end(JSON.stringify({ base, routes, cookie, rounds, warmup, trivialWarmup }));
  let out = "";
  child.stdout!.on("data", (chunk: Buffer) => (out += chunk.toString()));
  // "close", not "exit": the child's output may still be in the pipe when it exits.
  const code = await new Promise<number | null>((resolve) => child.once("close", resolve));
  if (code !== 0) throw new Error(`timing the routes failed (exit code ${code})`);
  return JSON.parse(out) as RouteTimes;
}

/**
 * First-load JS of a page: every script the HTML references, gzipped, in kB. Not the `noModule`
 * polyfills (about 39 kB): a browser that runs modules never downloads them.
 */
export async function firstLoadJsKb(base: string, route: string, cookie: string): Promise<{ kb: number; files: number }> {
  const { gzipSync } = await import("node:zlib");
  const page = await fetch(base + route, { headers: { cookie } });
  if (!page.ok) throw new Error(`${route} answered ${page.status}`);
  const html = await page.text();
  const tags = [...html.matchAll(/<script[^>]+src="([^"]+)"[^>]*>/g)].filter((m) => !/\snomodule(=|\s|>)/i.test(m[0]));
  const sources = [...new Set(tags.map((m) => m[1]!))];
  let bytes = 0;
  for (const src of sources) {
    const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
    bytes += gzipSync(body).length;
  }
  return { kb: bytes / 1024, files: sources.length };
}

/**
 * The peak resident memory, MB, of the server process from now until stop(): the kernel's own
 * high-water mark (VmHWM), reset here. Nothing is sampled meanwhile: a sample read /proc, about
 * 1 ms in which the bench's client answered no response, and those pauses landed on the timings.
 * The server is one process (scripts/start.mjs imports scripts/server.mjs). Where the mark cannot
 * be reset, the peak since the start; NaN where there is no /proc.
 */
export function watchRss(pid: number): { stop(): number } {
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, "5");
  } catch {
    // not allowed, or not Linux
  }
  return {
    stop() {
      try {
        const match = /VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
        return match ? Number(match[1]) / 1024 : NaN;
      } catch {
        return NaN;
      }
    },
  };
}

/** The pages #18 holds to a limit: what a portfolio's users open every day. */
export const PAGES: Record<string, string> = {
  home: "/",
  initiatives: "/initiatives",
  portfolio: "/portfolio",
  "portfolio/balance": "/portfolio/balance",
  roadmap: "/roadmap",
  resources: "/resources",
  "resources/demand": "/resources/demand",
  triage: "/triage",
};
