// The throughput suite's load generator, in a process of its own (not the server's):
//   BENCH_LOAD='{"url":…,"requests":[{"path":…,"headers":{…}}],"connections":50,"seconds":10,"warmupSeconds":3}'
//   node --import tsx bench/load.ts
// autocannon keeps `connections` requests in flight, each connection cycling through `requests`;
// a warm-up run is thrown away, then the measured run. Prints `BENCH_RESULT {json}`.
import { createRequire } from 'node:module';

type Request = { path: string; headers?: Record<string, string> };
type Load = { url: string; requests: Request[]; connections: number; seconds: number; warmupSeconds: number };
type Histogram = { average: number; p50: number; p99: number; total: number };
/** The part of autocannon's result this suite reads (autocannon ships no types). */
type Result = {
  requests: Histogram;
  latency: Histogram;
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodeStats: Record<string, { count: number }>;
};
type Instance = Promise<Result> & { on(event: 'reqError', listener: (err: Error & { code?: string }) => void): void };
const autocannon: (opts: object) => Instance = createRequire(import.meta.url)('autocannon');

const load = JSON.parse(process.env.BENCH_LOAD!) as Load;
/** What the failed requests of the measured run met, by error code, so a failed run says why. */
const errorKinds: Record<string, number> = {};
const run = (seconds: number) =>
  autocannon({
    url: load.url,
    connections: load.connections,
    duration: seconds,
    // A slow answer is latency, not an error: today's PGlite tail reaches seconds under this load.
    timeout: 30,
    requests: load.requests.map((r) => ({ method: 'GET', path: r.path, headers: r.headers ?? {} })),
  });

await run(load.warmupSeconds);
const measured = run(load.seconds);
measured.on('reqError', (err) => {
  const kind = err.code ?? err.message;
  errorKinds[kind] = (errorKinds[kind] ?? 0) + 1;
});
const r = await measured;
const result = {
  requestsPerS: r.requests.average,
  total: r.requests.total,
  p50: r.latency.p50,
  p99: r.latency.p99,
  errors: r.errors,
  timeouts: r.timeouts,
  non2xx: r.non2xx,
  statusCodes: Object.fromEntries(Object.entries(r.statusCodeStats).map(([code, s]) => [code, s.count])),
  errorKinds,
};
console.log(`BENCH_RESULT ${JSON.stringify(result)}`);
process.exit(0);
