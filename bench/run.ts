// `npm run bench`: the figures the foundation targets are measured by, on PGlite and, when
// BENCH_DATABASE_URL or TEST_DATABASE_URL is set, on PostgreSQL (database `tandem_bench`, created
// and dropped here). BENCH_PEOPLE=N scales the organisation down for a quick run.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort, log, root, runScript, sleep, type Target } from './child.ts';
import { generateOrg, toCsv } from './generate.ts';
import { measurePerformance } from './performance.ts';
import { measureTalent } from './talent.ts';
import { measureThroughput } from './throughput.ts';

/** BENCH_SUITE=learning, throughput, talent, performance, loop, team, automation or reviews: only those targets (the organisation is inserted directly). */
const suite = process.env.BENCH_SUITE ?? 'all';
const N = Number(process.env.BENCH_PEOPLE ?? (suite === 'throughput' ? 5_000 : suite === 'reviews' ? 10_000 : 100_000));
const baseUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const work = mkdtempSync(path.join(tmpdir(), 'tandem-bench-'));

/** Runs one task of bench/tasks.ts in its own process and returns its result line. */
function task(name: string, env: Record<string, string>): Promise<any> {
  return runScript('bench/tasks.ts', [name], { ...env, BENCH_PEOPLE: String(N) });
}

function rssMb(pid: number) {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : NaN;
}

/** `tandem serve` as an operator runs it: time from spawn until /readyz answers 200, then idle RSS. */
async function serverStart(env: Record<string, string>) {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(root, 'bin/tandem.js'), 'serve'], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let exited = false;
  child.on('exit', () => (exited = true));
  let readyMs = NaN;
  try {
    while (!exited && performance.now() - started < 60_000) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/readyz`);
        if (res.status === 200) {
          readyMs = performance.now() - started;
          break;
        }
      } catch {
        /* not listening yet */
      }
      await sleep(20);
    }
    if (Number.isNaN(readyMs)) throw new Error('the server did not become ready');
    await sleep(5_000); // idle: let start-up work settle
    return { readyS: Math.round(readyMs) / 1000, idleRssMb: rssMb(child.pid!) };
  } finally {
    child.kill('SIGTERM');
    for (let i = 0; i < 100 && !exited; i++) await sleep(100);
    if (!exited) child.kill('SIGKILL');
  }
}

async function pgliteTarget(): Promise<Target> {
  const dir = path.join(work, 'pglite-data');
  return { name: 'PGlite', env: { BENCH_DATA_DIR: dir }, serveEnv: { DATA_DIR: dir }, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
}

/** BENCH_DB=name: another database than tandem_bench, so two benches can run side by side. */
const benchDb = /^[a-z_][a-z0-9_]*$/.test(process.env.BENCH_DB ?? '') ? process.env.BENCH_DB! : 'tandem_bench';

async function postgresTarget(url: string): Promise<Target> {
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const bench = new URL(url);
  bench.pathname = `/${benchDb}`;
  const run = async (sql: string) => {
    const c = new pg.Client({ connectionString: admin.toString() });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  // BENCH_KEEP=1 keeps the database between runs, so a suite that can (team, talent) measures the
  // organisation an earlier run seeded: seed once on a busy machine, measure when it is quiet.
  const keep = process.env.BENCH_KEEP === '1';
  if (!keep) await run(`drop database if exists ${benchDb} with (force)`);
  await run(`create database ${benchDb}`).catch((err: { code?: string }) => {
    if (!(keep && err.code === '42P04')) throw err; // 42P04: it exists, as kept
  });
  return {
    name: 'PostgreSQL',
    env: { BENCH_URL: bench.toString() },
    serveEnv: { DATABASE_URL: bench.toString(), SESSION_SECRET: 'bench-secret-bench-secret-bench-secret-00', DATA_DIR: path.join(work, 'pg-data') },
    cleanup: () => (keep ? Promise.resolve() : run(`drop database if exists ${benchDb} with (force)`)),
  };
}

type Figures = Record<string, string>;

async function measureLearning(target: Target): Promise<Figures> {
  log(`${target.name}: learning (enrolments generated in SQL, then My learning, a 10,000-person assignment, the compliance dashboard)`);
  const l = await task('learning', target.env);
  return {
    'enrolments generated': `${l.enrollments.toLocaleString('en')} (${l.seedS.toFixed(0)} s)`,
    [`My learning p50 / p95 / max (${l.myLearning.count} requests, 30 learners)`]: `${l.myLearning.p50} / ${l.myLearning.p95} / ${l.myLearning.max} ms`,
    'My learning p95 (target < 50 ms)': `${l.myLearning.p95} ms`,
    [`assign a course to a ${l.groupSize.toLocaleString('en')}-person group (target < 10 s)`]: `${l.firstAssign.s.toFixed(2)} s (${l.firstAssign.enrolled} enrolled)`,
    'the same assignment retried': `${l.retryAssign.s.toFixed(2)} s (${l.retryAssign.enrolled} enrolled, ${l.retryAssign.alreadyEnrolled} already)`,
    [`compliance dashboard p50 / p95 (${l.dashboard.count} requests; target < 1 s)`]: `${l.dashboard.p50} / ${l.dashboard.p95} ms`,
    [`a rule's overdue people, first page p50 / p95 (${l.rulePeople.count} requests)`]: `${l.rulePeople.p50} / ${l.rulePeople.p95} ms`,
  };
}

async function measure(target: Target, csvPath: string): Promise<Figures> {
  if (suite === 'learning') return measureLearning(target);
  if (suite === 'throughput') return measureThroughput(target, task);
  if (suite === 'talent') return measureTalent(target);
  if (suite === 'performance') return measurePerformance(target);
  if (suite === 'loop') return (await import('./loop.ts')).measureLoop(target);
  if (suite === 'team') return (await import('./team.ts')).measureTeam(target);
  if (suite === 'automation') return (await import('./automation.ts')).measureAutomation(target);
  if (suite === 'reviews') return (await import('./reviews.ts')).measureReviews(target);
  log(`${target.name}: import of ${N} people (dry run, then commit)`);
  const imp = await task('import', { ...target.env, BENCH_CSV: csvPath });
  log(`${target.name}: directory search`);
  const search = await task('search', target.env);
  log(`${target.name}: server start (a first start creates the job queue schema; the second is measured)`);
  const first = await serverStart(target.serveEnv);
  const second = await serverStart(target.serveEnv);
  return {
    'import: dry run': `${imp.dryRunS.toFixed(1)} s`,
    'import: commit': `${imp.commitS.toFixed(1)} s`,
    'import: dry run + commit (target < 60 s)': `${imp.totalS.toFixed(1)} s`,
    'import: peak RSS of the importing process (target < 1 GB)': `${imp.peakRssMb} MB`,
    're-import dry run (all unchanged)': `${imp.reimportDryRunS.toFixed(1)} s`,
    [`search p50 / p95 / max (${search.search.count} queries)`]: `${search.search.p50} / ${search.search.p95} / ${search.search.max} ms`,
    'search p95 (target < 50 ms)': `${search.search.p95} ms`,
    'first page, no filter: p50 / p95': `${search.firstPage.p50} / ${search.firstPage.p95} ms`,
    'server start to /readyz, first start': `${first.readyS.toFixed(2)} s`,
    'server start to /readyz, existing data (target < 3 s)': `${second.readyS.toFixed(2)} s`,
    'idle RSS after start (target < 200 MB)': `${second.idleRssMb} MB`,
    ...(await measureLearning(target)),
    ...(await measureThroughput(target, task)),
  };
}

function table(results: Array<{ name: string; figures: Figures }>) {
  const rows = Object.keys(results[0]!.figures);
  const head = ['metric', ...results.map((r) => r.name)];
  const lines = [head, head.map(() => '---'), ...rows.map((k) => [k, ...results.map((r) => r.figures[k] ?? '')])];
  const widths = head.map((_, i) => Math.max(...lines.map((l) => l[i]!.length)));
  return lines.map((l) => `| ${l.map((c, i) => (c === '---' ? '-'.repeat(widths[i]!) : c.padEnd(widths[i]!))).join(' | ')} |`).join('\n');
}

const csvPath = path.join(work, `people-${N}.csv`);
writeFileSync(csvPath, toCsv(generateOrg(N)));
log(`generated ${N} people into ${csvPath}`);

const results: Array<{ name: string; figures: Figures }> = [];
const targets = [pgliteTarget, ...(baseUrl ? [() => postgresTarget(baseUrl)] : [])];
const only = process.env.BENCH_ONLY?.toLowerCase();
try {
  for (const make of targets) {
    const target = await make();
    if (only && !target.name.toLowerCase().includes(only)) continue;
    try {
      results.push({ name: target.name, figures: await measure(target, csvPath) });
    } finally {
      await target.cleanup();
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

console.log(`\nTandem benchmarks: ${N} people, Node ${process.version}, ${(await import('node:os')).cpus().length} cores\n`);
console.log(table(results));
if (!baseUrl) console.log('\n(Set BENCH_DATABASE_URL or TEST_DATABASE_URL for the PostgreSQL column.)');
