// The timing client of the benches (timeRoutes in bench/http.ts starts it): reads
// { base, routes, cookie, rounds, warmup, trivialWarmup } as JSON on stdin, warms up (every route
// `warmup` times, then the route named "trivial" `trivialWarmup` times alone: TRIVIAL_WARMUP in
// bench/http.ts), times every route once per round, interleaved, and prints each route's p50 and
// p95 in ms as JSON on stdout.
import http from "node:http";
import { text } from "node:stream/consumers";
import { percentile } from "../lib/domain/flow";
import type { RouteTimes } from "./http";

/**
 * One GET over the kept-alive connection, its body drained as it arrives, still compressed (the
 * server's gzip is timed, the client's gunzip is not). A lean client on purpose: with undici's
 * fetch the timing process ran a full (mark-compact) collection every ~36 requests, 173 of them
 * in 6,300 requests on a 14 MB heap, 4 ms each, and 2.7 % of the timed requests carried one:
 * the instrument's own pauses at the p95 it measures. With node:http: 1 in 6,300.
 */
function timedGet(agent: http.Agent, url: string, cookie: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent, headers: { cookie, "accept-encoding": "gzip" } }, (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
        res.on("error", reject);
      })
      .on("error", reject);
  });
}

const { base, routes, cookie, rounds, warmup, trivialWarmup } = JSON.parse(await text(process.stdin)) as {
  base: string;
  routes: Record<string, string>;
  cookie: string;
  rounds: number;
  warmup: number;
  trivialWarmup: number;
};
const samples: Record<string, number[]> = Object.fromEntries(Object.keys(routes).map((k) => [k, []]));
// One connection, as a browser keeps one to its server.
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const get = async (route: string) => {
  const status = await timedGet(agent, base + route, cookie);
  if (status !== 200) throw new Error(`${route} answered ${status}`);
};
for (let i = 0; i < warmup; i++) for (const route of Object.values(routes)) await get(route);
for (let i = 0; i < trivialWarmup; i++) await get(routes.trivial!);
for (let i = 0; i < rounds; i++) {
  for (const [name, route] of Object.entries(routes)) {
    const t = performance.now();
    await get(route);
    samples[name]!.push(performance.now() - t);
  }
}
agent.destroy();
const result: RouteTimes = Object.fromEntries(
  Object.entries(samples).map(([name, values]) => [name, { p50: percentile(values, 50) ?? NaN, p95: percentile(values, 95) ?? NaN, n: values.length }]),
);
process.stdout.write(JSON.stringify(result));
