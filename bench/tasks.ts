// One benchmark task per child process, so each one's memory is its own:
//   node --import tsx bench/tasks.ts import|seed|search|learning|throughput
// Target: BENCH_URL (PostgreSQL) or BENCH_DATA_DIR (PGlite). Prints `BENCH_RESULT {json}` last.
import { readFileSync } from 'node:fs';
import { and, eq } from 'drizzle-orm';
import { createApp } from '../src/server/app.ts';
import { buildContext } from '../src/server/bootstrap.ts';
import type { AppContext } from '../src/server/context.ts';
import { organisation, person, userAccount } from '../src/server/db/schema/index.ts';
import { hashPassword, issueApiToken } from '../src/server/modules/identity/index.ts';
import { importPeople } from '../src/server/modules/org/index.ts';
import { systemRef } from '../src/server/modules/platform/index.ts';
import { testConfig } from '../src/server/platform/config.ts';
import { migrateDatabase, openDatabase } from '../src/server/platform/db/index.ts';
import { generateOrg, insertOrg, random } from './generate.ts';
import { learningTask, seedLearning } from './learning.ts';
import { departments, firstNames, lastNames } from './names.ts';

export const ORG_SLUG = 'bench-org';

async function context(): Promise<AppContext> {
  const url = process.env.BENCH_URL;
  const dataDir = process.env.BENCH_DATA_DIR;
  const database = await openDatabase(url ? { databaseUrl: url, poolSize: 4 } : { dataDir });
  await migrateDatabase(database);
  return buildContext(testConfig({ logLevel: 'silent', dataDir: dataDir ?? '.tmp/bench' }), { database, jobs: 'inline', migrate: false });
}

async function benchOrg(ctx: AppContext) {
  const [found] = await ctx.db.select().from(organisation).where(eq(organisation.slug, ORG_SLUG));
  if (found) return found;
  const [org] = await ctx.db.insert(organisation).values({ name: 'Bench Corporation', slug: ORG_SLUG }).returning();
  return org!;
}

const seconds = (ms: number) => Math.round(ms) / 1000;
const mb = (bytes: number) => Math.round(bytes / 1048576);

/** Dry run then commit of the CSV, as the API and the CLI run them (the same function). */
async function importTask(ctx: AppContext) {
  const org = await benchOrg(ctx);
  const by = systemRef(org.id, 'bench');
  const csv = readFileSync(process.env.BENCH_CSV!, 'utf8');
  const t0 = performance.now();
  const dry = await importPeople(ctx, by, csv, { dryRun: true, deactivateMissing: false });
  const t1 = performance.now();
  const commit = await importPeople(ctx, by, csv, { dryRun: false, deactivateMissing: false });
  const t2 = performance.now();
  if (dry.summary.error || !commit.committed) throw new Error(`import failed: ${JSON.stringify(dry.summary)}`);
  // Re-importing the same file finds every row unchanged: the daily HRIS sync case.
  const again = await importPeople(ctx, by, csv, { dryRun: true, deactivateMissing: false });
  const t3 = performance.now();
  return {
    rows: dry.summary.total,
    created: commit.summary.create,
    unchanged: again.summary.unchanged,
    dryRunS: seconds(t1 - t0),
    commitS: seconds(t2 - t1),
    totalS: seconds(t2 - t0),
    reimportDryRunS: seconds(t3 - t2),
    peakRssMb: mb(process.resourceUsage().maxRSS * 1024),
  };
}

/** The organisation inserted directly (no import), for search and start figures alone. */
async function seedTask(ctx: AppContext) {
  const org = await benchOrg(ctx);
  const t0 = performance.now();
  await insertOrg(ctx.db, org.id, generateOrg(Number(process.env.BENCH_PEOPLE ?? 100_000)));
  // As the people import does after a large commit: planner statistics for the new rows
  // (PGlite has no autovacuum, and without them PostgreSQL plans joins over 100,000 people as 1).
  await ctx.database.executeSql('analyze', []);
  return { seedS: seconds(performance.now() - t0) };
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const round = (ms: number) => Math.round(ms * 10) / 10;

/** A mix of what people type in a directory: names, partial names, titles, numbers, emails. */
function queryMix(count: number, people: number) {
  const rnd = random(11);
  const kinds: Array<() => string> = [
    () => rnd.pick(firstNames).toLowerCase(),
    () => rnd.pick(firstNames).toLowerCase(),
    () => rnd.pick(lastNames),
    () => `${rnd.pick(firstNames)} ${rnd.pick(lastNames)}`,
    () => rnd.pick(lastNames).slice(0, rnd.int(3, 4)).toLowerCase(),
    () => rnd.pick(rnd.pick(departments).roles),
    () => rnd.pick(['engineer', 'manager', 'director', 'analyst', 'designer', 'sales']),
    () => `E${String(rnd.int(1, people)).padStart(6, '0')}`,
    () => `${rnd.pick(firstNames)}.${rnd.pick(lastNames)}`.toLowerCase(),
  ];
  return Array.from({ length: count }, () => rnd.pick(kinds)());
}

/** GET /api/v1/people?q= through the whole app (auth, validation, SQL, JSON), in-process. */
async function searchTask(ctx: AppContext) {
  const org = await benchOrg(ctx);
  const [someone] = await ctx.db.select().from(person).where(and(eq(person.orgId, org.id), eq(person.employeeNumber, 'E000042')));
  if (!someone) throw new Error('No bench organisation: run the import or seed task first');
  const [existing] = await ctx.db.select().from(userAccount).where(eq(userAccount.personId, someone.id));
  if (!existing) await ctx.db.insert(userAccount).values({ orgId: org.id, personId: someone.id, email: someone.email, roles: [] });
  const { token } = await issueApiToken(ctx, { email: someone.email, name: 'bench', scopes: ['read'] });
  const app = createApp(ctx);
  const [{ n }] = (await ctx.database.executeSql('select count(*)::int as n from person where org_id = $1', [org.id])).rows;

  const get = async (path: string) => {
    const t = performance.now();
    const res = await app.request(path, { headers: { authorization: `Bearer ${token}` } });
    const body = (await res.json()) as { data: unknown[] };
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(body)}`);
    return { ms: performance.now() - t, hits: body.data.length };
  };
  const measure = async (paths: string[]) => {
    for (const p of paths.slice(0, 20)) await get(p); // warm-up: plans and caches
    const times: number[] = [];
    let empty = 0;
    for (const p of paths) {
      const r = await get(p);
      times.push(r.ms);
      if (!r.hits) empty++;
    }
    times.sort((a, b) => a - b);
    return { count: times.length, p50: round(pct(times, 50)), p95: round(pct(times, 95)), max: round(times.at(-1)!), empty };
  };
  const queries = queryMix(Number(process.env.BENCH_QUERIES ?? 300), n);
  const search = await measure(queries.map((q) => `/api/v1/people?q=${encodeURIComponent(q)}`));
  const firstPage = await measure(Array.from({ length: 100 }, () => '/api/v1/people'));
  return { people: n, search, firstPage };
}

/** The learning targets on the organisation the import (or seed) task left in the database. */
async function learningBench(ctx: AppContext) {
  const org = await benchOrg(ctx);
  const [someone] = await ctx.db.select({ id: person.id }).from(person).where(eq(person.orgId, org.id)).limit(1);
  if (!someone) await seedTask(ctx);
  return learningTask(ctx, org.id);
}

/**
 * The throughput suite's people on the bench organisation (seeded when empty, with
 * BENCH_ENROLLMENTS, default 5, enrolments each): a reader without roles, for whom the runner
 * issues a `read` token with the CLI, 20 learners with a password, and 200 people to read.
 */
async function throughputTask(ctx: AppContext) {
  const org = await benchOrg(ctx);
  const count = async (table: string) =>
    (await ctx.database.executeSql(`select count(*)::int as n from ${table} where org_id = $1`, [org.id])).rows[0].n as number;
  if (!(await count('person'))) await seedTask(ctx);
  if (!(await count('enrollment'))) await seedLearning(ctx, org.id, Number(process.env.BENCH_ENROLLMENTS ?? 5));
  const people = await ctx.db.select({ id: person.id, email: person.email, employeeNumber: person.employeeNumber }).from(person).where(eq(person.orgId, org.id)).orderBy(person.id);
  const spread = (n: number) => Array.from({ length: n }, (_, i) => people[Math.floor(((i + 0.5) * people.length) / n)]!);
  const reader = people.find((p) => p.employeeNumber === 'E000042')!;
  const learners = spread(20).filter((p) => p.id !== reader.id);
  const password = 'bench-password-1';
  const passwordHash = await hashPassword(password);
  for (const p of [reader, ...learners]) {
    const hash = p === reader ? null : passwordHash;
    const [existing] = await ctx.db.select({ id: userAccount.id }).from(userAccount).where(eq(userAccount.personId, p.id));
    if (existing) {
      if (hash) await ctx.db.update(userAccount).set({ passwordHash: hash }).where(eq(userAccount.id, existing.id));
    } else {
      await ctx.db.insert(userAccount).values({ orgId: org.id, personId: p.id, email: p.email, roles: [], passwordHash: hash });
    }
  }
  // A database in its steady state: freshly inserted rows vacuumed (visibility and hint bits set) and
  // analysed, so neither autovacuum nor first reads writing hint bits run while a row is measured.
  await ctx.database.executeSql('vacuum analyze', []);
  return { people: people.length, enrollments: await count('enrollment'), reader: reader.email, learners: learners.map((p) => p.email), password, readIds: spread(200).map((p) => p.id) };
}

const tasks: Record<string, (ctx: AppContext) => Promise<unknown>> = {
  import: importTask,
  seed: seedTask,
  search: searchTask,
  learning: learningBench,
  throughput: throughputTask,
};
const task = tasks[process.argv[2] ?? ''];
if (!task) throw new Error(`Unknown task; use one of ${Object.keys(tasks).join(', ')}`);
const ctx = await context();
const result = await task(ctx);
await ctx.database.close();
console.log(`BENCH_RESULT ${JSON.stringify(result)}`);
process.exit(0);
