// BENCH_SUITE=throughput (and the end of the full run): requests/s and latency with 50 concurrent
// clients, measured side by side on one database, each server and the load generator in a
// process of their own: two baselines (a bare Hono handler; a Hono handler running one prepared
// primary-key select on the same database, the limit for a read that must touch it), then Tandem
// itself (`tandem serve` as in production) on an API-token read and a session-cookie read.
import { execFile } from 'node:child_process';
import { loadavg } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort, log, root, runScript, startServer, type Server, type Target } from './child.ts';

const CONNECTIONS = 50;
const WARMUP_SECONDS = 3;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

type Request = { path: string; headers?: Record<string, string> };
type Measured = { requestsPerS: number; total: number; p50: number; p99: number; errors: number; timeouts: number; non2xx: number; statusCodes: Record<string, number>; errorKinds: Record<string, number>; load: string };

/** The load generator (bench/load.ts) against one server; any error or non-2xx answer fails the run. */
async function load(label: string, server: Server, requests: Request[]): Promise<Measured> {
  log(`  ${label}: ${CONNECTIONS} clients, ${WARMUP_SECONDS} s warm-up, ${SECONDS} s measured`);
  // Other work on the machine moves every figure: the 1-minute load average is reported with them.
  const before = loadavg()[0]!;
  const r: Measured = await runScript('bench/load.ts', [], {
    BENCH_LOAD: JSON.stringify({ url: server.url, requests, connections: CONNECTIONS, seconds: SECONDS, warmupSeconds: WARMUP_SECONDS }),
  });
  r.load = `${before.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}`;
  if (r.errors || r.timeouts || r.non2xx || !r.total) {
    throw new Error(`${label}: ${r.errors} errors, ${r.timeouts} timeouts, ${r.non2xx} non-2xx of ${r.total} (status codes ${JSON.stringify(r.statusCodes)}, errors ${JSON.stringify(r.errorKinds)})`);
  }
  log(`    ${latency(r)}`);
  return r;
}

/** One request before the load, so a wrong setup fails with its answer rather than a count. */
async function check(server: Server, req: Request) {
  const res = await fetch(server.url + req.path, { headers: req.headers });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`GET ${req.path}: ${res.status} ${body.slice(0, 500)}`);
}

async function baseline(label: string, kind: 'bare' | 'query', env: Record<string, string>, requests: Request[]) {
  const port = await freePort();
  const server = await startServer(['--import', 'tsx', path.join(root, 'bench/baseline.ts'), kind], { ...env, PORT: String(port), NODE_ENV: 'production' }, port, requests[0]!.path);
  try {
    return await load(label, server, requests);
  } finally {
    await server.stop();
  }
}

async function signIn(server: Server, email: string, password: string) {
  const res = await fetch(`${server.url}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify({ email, password }),
  });
  const body = await res.text();
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('tandem_session='));
  if (res.status !== 200 || !cookie) throw new Error(`sign-in of ${email}: ${res.status} ${body.slice(0, 500)}`);
  return cookie.split(';')[0]!;
}

const perSecond = (n: number) => `${Math.round(n).toLocaleString('en')} req/s`;
const latency = (r: Measured) => `${perSecond(r.requestsPerS)} · p50 ${r.p50} / p99 ${r.p99} ms`;
const share = (r: Measured, of: Measured) => {
  const pct = (100 * r.requestsPerS) / of.requestsPerS;
  return `${pct < 10 ? pct.toFixed(1) : pct.toFixed(0)}%`;
};

export async function measureThroughput(target: Target, task: (name: string, env: Record<string, string>) => Promise<any>) {
  log(`${target.name}: throughput (accounts, a token, baselines, then tandem serve)`);
  const setup: { people: number; enrollments: number; reader: string; learners: string[]; password: string; readIds: string[] } = await task('throughput', target.env);
  // As an operator runs it; DATABASE_URL from the caller's shell must not turn PGlite into PostgreSQL.
  const serveEnv = { DATABASE_URL: '', ...target.serveEnv, NODE_ENV: 'production', LOG_LEVEL: 'warn', HOST: '127.0.0.1' };
  const cli = await promisify(execFile)(
    process.execPath,
    [path.join(root, 'bin/tandem.js'), 'create-token', '--email', setup.reader, '--name', 'bench throughput', '--scopes', 'read'],
    { cwd: root, env: { ...process.env, ...serveEnv } },
  );
  const token = cli.stdout.split('\n').find((l) => l.startsWith('tdm_'));
  if (!token) throw new Error(`create-token printed no token:\n${cli.stdout}\n${cli.stderr}`);

  const bare = await baseline('1. bare Hono handler', 'bare', {}, [{ path: '/' }]);
  const query = await baseline('2. Hono, one prepared primary-key select', 'query', target.env, setup.readIds.map((id) => ({ path: `/people/${id}` })));

  const port = await freePort();
  const tandem = await startServer([path.join(root, 'bin/tandem.js'), 'serve'], { ...serveEnv, PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}` }, port, '/readyz');
  let person: Measured;
  let learning: Measured;
  try {
    const people = setup.readIds.map((id) => ({ path: `/api/v1/people/${id}`, headers: { authorization: `Bearer ${token}` } }));
    await check(tandem, people[0]!);
    person = await load('3. Tandem GET /api/v1/people/{id}, API token', tandem, people);
    const cookies: string[] = [];
    for (const email of setup.learners) cookies.push(await signIn(tandem, email, setup.password));
    const mine = cookies.map((cookie) => ({ path: '/api/v1/me/learning', headers: { cookie } }));
    await check(tandem, mine[0]!);
    learning = await load('4. Tandem GET /api/v1/me/learning, session cookie', tandem, mine);
  } finally {
    await tandem.stop();
  }

  const all = [bare, query, person, learning];
  return {
    [`throughput: ${CONNECTIONS} clients, ${SECONDS} s after ${WARMUP_SECONDS} s warm-up, on`]: `${setup.people.toLocaleString('en')} people, ${setup.enrollments.toLocaleString('en')} enrolments`,
    '1. bare Hono handler, JSON: req/s · p50 / p99': latency(bare),
    '2. Hono, one prepared primary-key select: req/s · p50 / p99': latency(query),
    '3. Tandem GET /api/v1/people/{id}, API token: req/s · p50 / p99': latency(person),
    '3. … share of 1 (bare) / of 2 (one query)': `${share(person, bare)} of bare, ${share(person, query)} of one-query`,
    '4. Tandem GET /api/v1/me/learning, session cookie: req/s · p50 / p99': latency(learning),
    '4. … share of 1 (bare) / of 2 (one query)': `${share(learning, bare)} of bare, ${share(learning, query)} of one-query`,
    'throughput: errors / timeouts / non-2xx, all four': `${all.reduce((n, r) => n + r.errors, 0)} / ${all.reduce((n, r) => n + r.timeouts, 0)} / ${all.reduce((n, r) => n + r.non2xx, 0)}`,
    'throughput: machine load (1-min average) before → after, rows 1 / 2 / 3 / 4': all.map((r) => r.load).join(' / '),
  };
}
