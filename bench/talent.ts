// BENCH_SUITE=talent: the recommendation targets of the skills and careers issue, on an organisation of
// BENCH_PEOPLE people (default 100,000) inserted set-based (generate_series, as bench/learning.ts does):
// a library of 150 skills, 100 job profiles of 10 skills each (everyone holds one, 30% aspire to
// another), 200 published courses teaching 3 skills each, 20 programs of 4 of them, 7 manager
// assessments per person (person_skill from them) and 2 enrolments each. Then:
//   (a) the whole organisation's recompute keeping the top 10 per person (target < 60 s on PostgreSQL),
//       per phase, then (a') the same again with nothing changed (every stored row kept),
//   (b) one person's recompute after a new assessment (target < 200 ms),
//   (c) GET /api/v1/people/{id}/recommendations and /people/{id}/skills on `tandem serve` with 20
//       concurrent clients (autocannon, in a process of its own; target p95 < 30 ms).
// The runner side (`measureTalent`, from bench/run.ts) starts the child processes; run as a script,
// this file is one of them: `node --import tsx bench/talent.ts prepare|load`.
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { AppContext } from '../src/server/context.ts';
import { freePort, log, root, runScript, startServer, type Target } from './child.ts';

const SKILLS = 150;
const PROFILES = 100;
const COURSES = 200;
const PROGRAMS = 20;
const CONNECTIONS = 20;
const WARMUP_SECONDS = 3;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
const round = (ms: number) => Math.round(ms * 10) / 10;
const seconds = (ms: number) => Math.round(ms) / 1000;
const stats = (times: number[]) => {
  const s = [...times].sort((a, b) => a - b);
  return { count: s.length, p50: round(pct(s, 50)), p95: round(pct(s, 95)), max: round(s.at(-1)!) };
};

// ---- the child: seed (the organisation and its talent, set-based) ---------------------------------------

type Exec = (text: string, values?: unknown[]) => Promise<any[]>;

async function seedOrg(ctx: AppContext, exec: Exec, N: number): Promise<{ orgId: string; peopleS: number; seedS: number }> {
  const { uuidv7 } = await import('uuidv7');
  const { course, courseVersion, organisation } = await import('../src/server/db/schema/index.ts');
  const { generateOrg, insertOrg } = await import('./generate.ts');
  const [org] = await ctx.db.insert(organisation).values({ name: 'Bench Talent', slug: `bench-talent-${uuidv7().slice(-8)}` }).returning();
  const orgId = org!.id;
  const t0 = performance.now();
  await insertOrg(ctx.db, orgId, generateOrg(N));
  const peopleS = seconds(performance.now() - t0);

  const t1 = performance.now();
  await exec(`insert into skill (id, org_id, name, max_level) select tandem_uuid_v7(), $1, 'Bench skill ' || g, 5 from generate_series(1, ${SKILLS}) g`, [orgId]);
  await exec(`insert into job_profile (id, org_id, name) select tandem_uuid_v7(), $1, 'Bench profile ' || g from generate_series(1, ${PROFILES}) g`, [orgId]);
  const numbered = `
    s as (select id, row_number() over (order by id) - 1 as i from skill where org_id = $1),
    p as (select id, row_number() over (order by id) - 1 as i from job_profile where org_id = $1),
    x as (select id, row_number() over (order by id) as n from person where org_id = $1)`;
  // Profile i expects skills (7i + 11k) mod 150, k < 10 (distinct: 11 and 150 are coprime), at 3 to 5.
  await exec(
    `with ${numbered}
     insert into job_profile_skill (org_id, profile_id, skill_id, level)
     select $1, p.id, s.id, 3 + (p.i + k) % 3 from p cross join generate_series(0, 9) k join s on s.i = (p.i * 7 + k * 11) % ${SKILLS}`,
    [orgId],
  );
  await exec(`with ${numbered} update person set job_profile_id = p.id from x join p on p.i = x.n % ${PROFILES} where person.id = x.id`, [orgId]);
  await exec(
    `with ${numbered}
     insert into aspiration (id, org_id, person_id, target_profile_id)
     select tandem_uuid_v7(), $1, x.id, p.id from x join p on p.i = (x.n + 1) % ${PROFILES} where x.n % 10 < 3`,
    [orgId],
  );
  // 200 published courses, each teaching skills (7j + 50m) mod 150, m < 3, at 2 to 5.
  const content = { sections: [{ id: 's1', title: 'Only', lessons: [{ id: 'l1', title: 'Lesson', blocks: [] }] }] };
  const courses = Array.from({ length: COURSES }, (_, i) => ({ id: uuidv7(), versionId: uuidv7(), title: `Talent course ${String(i + 1).padStart(3, '0')}`, minutes: 20 + (i % 10) * 10 }));
  await ctx.db.insert(course).values(courses.map((c) => ({ id: c.id, orgId, title: c.title, status: 'published' as const, publishedVersionId: c.versionId, estimatedMinutes: c.minutes })));
  await ctx.db.insert(courseVersion).values(courses.map((c) => ({ id: c.versionId, orgId, courseId: c.id, number: 1, status: 'published' as const, content })));
  await exec(
    `with ${numbered}, c as (select id, row_number() over (order by id) - 1 as j from course where org_id = $1)
     insert into course_skill (org_id, course_id, skill_id, level)
     select $1, c.id, s.id, 2 + (c.j + m) % 4 from c cross join generate_series(0, 2) m join s on s.i = (c.j * 7 + m * 50) % ${SKILLS}`,
    [orgId],
  );
  await exec(`insert into program (id, org_id, title, status) select tandem_uuid_v7(), $1, 'Talent program ' || g, 'published' from generate_series(1, ${PROGRAMS}) g`, [orgId]);
  await exec(
    `with c as (select id, row_number() over (order by id) - 1 as j from course where org_id = $1),
          g as (select id, row_number() over (order by id) - 1 as q from program where org_id = $1)
     insert into program_step (id, org_id, program_id, position, kind, course_id)
     select tandem_uuid_v7(), $1, g.id, r + 1, 'course', c.id from g cross join generate_series(0, 3) r join c on c.j = (g.q * 10 + r * 3) % ${COURSES}`,
    [orgId],
  );
  // 7 of each person's 10 profile skills rated by their manager (1 to 4) over the last year; person_skill from them.
  await exec(
    `with ${numbered}, ps as (select jps.profile_id, jps.skill_id, row_number() over (partition by jps.profile_id order by jps.skill_id) - 1 as k from job_profile_skill jps where jps.org_id = $1)
     insert into skill_assessment (id, org_id, person_id, skill_id, level, source, assessor_id, assessed_at)
     select tandem_uuid_v7(), $1, pe.id, ps.skill_id, 1 + (x.n + ps.k) % 4, 'manager', pe.manager_id, now() - (((x.n + ps.k) % 300) || ' days')::interval
     from x join person pe on pe.id = x.id join ps on ps.profile_id = pe.job_profile_id and ps.k < 7`,
    [orgId],
  );
  await exec(
    `insert into person_skill (org_id, person_id, skill_id, level, basis_assessment_id, assessment_count)
     select $1, person_id, skill_id, level, id, 1 from skill_assessment where org_id = $1`,
    [orgId],
  );
  await exec(
    `with x as (select id, row_number() over (order by id) as n from person where org_id = $1),
          c as (select id, published_version_id, row_number() over (order by id) - 1 as i from course where org_id = $1)
     insert into enrollment (id, org_id, person_id, course_id, version_id, reason_type, source, status, progress, completed_at, created_at, updated_at)
     select tandem_uuid_v7(), $1, x.id, c.id, c.published_version_id, 'skill_gap', 'assigned',
       case when (x.n + k) % 2 = 0 then 'completed' else 'in_progress' end, case when (x.n + k) % 2 = 0 then 100 else 40 end,
       case when (x.n + k) % 2 = 0 then now() - interval '10 days' end, now(), now()
     from x cross join generate_series(0, 1) k join c on c.i = (x.n * 7 + k * 13) % ${COURSES}
     on conflict do nothing`,
    [orgId],
  );
  await exec('vacuum analyze');
  return { orgId, peopleS, seedS: seconds(performance.now() - t1) };
}

// ---- the child: prepare (seed, recompute, one person's recompute, a token) ---------------------------

async function prepare() {
  const { eq } = await import('drizzle-orm');
  const { buildContext } = await import('../src/server/bootstrap.ts');
  const { person, userAccount } = await import('../src/server/db/schema/index.ts');
  const { RECOMPUTE_ORG, RECOMPUTE_PERSON } = await import('../src/server/modules/insight/index.ts');
  const { recomputeObserver } = await import('../src/server/modules/insight/recommendations/recommendations.service.ts');
  const { recordAssessments } = await import('../src/server/modules/talent/assessments/index.ts');
  const { testConfig } = await import('../src/server/platform/config.ts');
  const { migrateDatabase, openDatabase } = await import('../src/server/platform/db/index.ts');

  const url = process.env.BENCH_URL;
  const dataDir = process.env.BENCH_DATA_DIR;
  const database = await openDatabase(url ? { databaseUrl: url, poolSize: 4 } : { dataDir });
  await migrateDatabase(database);
  const ctx = await buildContext(testConfig({ logLevel: 'silent', dataDir: dataDir ?? '.tmp/bench' }), { database, jobs: 'inline', migrate: false });
  const exec = async (text: string, values: unknown[] = []) => (await ctx.database.executeSql(text, values)).rows as any[];
  const N = Number(process.env.BENCH_PEOPLE ?? 100_000);

  // BENCH_KEEP=1 with the database of an earlier run (BENCH_URL, BENCH_DATA_DIR): its organisation is
  // measured again without seeding, its recommendations emptied first so that (a) is a first compute again.
  const keptId = process.env.BENCH_KEEP === '1'
    ? ((await exec(`select id from organisation where name = 'Bench Talent' order by id desc limit 1`))[0]?.id as string | undefined)
    : undefined;
  if (keptId) {
    await exec(`delete from recommendation where org_id = $1`, [keptId]);
    await exec('vacuum analyze recommendation');
  }
  const { orgId, peopleS, seedS } = keptId ? { orgId: keptId, peopleS: 0, seedS: 0 } : await seedOrg(ctx, exec, N);
  const count = async (table: string) => (await exec(`select count(*)::int as n from ${table} where org_id = $1`, [orgId]))[0].n as number;
  const seeded = { people: await count('person'), assessments: await count('skill_assessment'), enrollments: await count('enrollment'), seedS, peopleS };
  log(`  ${keptId ? 'kept' : 'seeded'}: ${JSON.stringify(seeded)}`);

  // (a) The whole organisation, as the daily job and a skills change run it; each batch's phases
  // timed (summed over the batches: two run at once on PostgreSQL, so the sums exceed the wall time).
  const phases = () => {
    const ms: Record<string, number[]> = {};
    const wrote = { kept: 0, updated: 0, inserted: 0, deleted: 0 };
    recomputeObserver.phase = (phase, t) => (ms[phase] ??= []).push(t);
    recomputeObserver.wrote = (c) => {
      for (const k of Object.keys(wrote) as Array<keyof typeof wrote>) wrote[k] += c[k];
    };
    return () => {
      recomputeObserver.phase = recomputeObserver.wrote = null;
      const per = Object.fromEntries(
        Object.entries(ms).map(([k, v]) => [k, `${seconds(v.reduce((a, b) => a + b, 0))} s (a batch ${seconds(Math.min(...v))}–${seconds(Math.max(...v))} s)`]),
      );
      return { ...per, ...wrote };
    };
  };
  let done = phases();
  const loadBefore = loadavg()[0]!.toFixed(1);
  const ta = performance.now();
  await RECOMPUTE_ORG.handler(ctx, { orgId });
  const orgRecomputeS = seconds(performance.now() - ta);
  const orgPhases = done();
  const orgLoad = `${loadBefore} → ${loadavg()[0]!.toFixed(1)}`;
  log(`  whole organisation, phases: ${JSON.stringify(orgPhases)} (load ${orgLoad})`);
  // (a') The same again with nothing changed, as most daily recomputes: what is stored is kept.
  done = phases();
  const tr = performance.now();
  await RECOMPUTE_ORG.handler(ctx, { orgId });
  const orgUnchangedS = seconds(performance.now() - tr);
  const unchangedPhases = done();
  log(`  whole organisation again, nothing changed: ${orgUnchangedS} s, phases: ${JSON.stringify(unchangedPhases)} (load ${loadavg()[0]!.toFixed(1)})`);
  const recommendations = await count('recommendation');
  const programRecs = (await exec(`select count(*)::int as n from recommendation where org_id = $1 and item_type = 'program'`, [orgId]))[0].n as number;
  const withRecs = (await exec(`select count(distinct person_id)::int as n from recommendation where org_id = $1`, [orgId]))[0].n as number;
  log(`  whole organisation: ${orgRecomputeS} s, ${recommendations} recommendations for ${withRecs} people`);
  await exec('vacuum analyze recommendation');

  // (b) One person after a new assessment: the assessment written (person_skill follows), then their recompute.
  const ids = (await exec(`select id, manager_id, job_profile_id from person where org_id = $1 order by id`, [orgId])) as Array<{ id: string; manager_id: string | null; job_profile_id: string }>;
  const spread = (n: number) => Array.from({ length: n }, (_, i) => ids[Math.floor(((i + 0.5) * ids.length) / n)]!);
  const assessTimes: number[] = [];
  const recomputeTimes: number[] = [];
  for (const p of spread(40)) {
    const [gap] = await exec(
      `select jps.skill_id from job_profile_skill jps left join person_skill ps on ps.person_id = $2 and ps.skill_id = jps.skill_id
       where jps.profile_id = $1 and coalesce(ps.level, 0) < jps.level order by jps.skill_id limit 1`,
      [p.job_profile_id, p.id],
    );
    if (!gap) continue;
    const s0 = performance.now();
    await ctx.db.transaction((tx) =>
      recordAssessments(tx, orgId, [{ personId: p.id, skillId: gap.skill_id, level: 2, source: 'manager', assessorId: p.manager_id, assessedAt: new Date() }], { record: false }),
    );
    const s1 = performance.now();
    await RECOMPUTE_PERSON.handler(ctx, { orgId, personIds: [p.id] });
    const s2 = performance.now();
    assessTimes.push(s1 - s0);
    recomputeTimes.push(s2 - s1);
  }
  const personRecompute = stats(recomputeTimes.slice(5)); // the first few warm plans and caches
  const assessment = stats(assessTimes.slice(5));

  // (c) A reader for the API load: an HR admin with a read token; 200 people to read.
  const [hr] = await ctx.db.select().from(person).where(eq(person.id, ids[0]!.id));
  await ctx.db.insert(userAccount).values({ orgId, personId: hr!.id, email: hr!.email, roles: ['hr_admin'] }).onConflictDoNothing();
  const readIds = spread(200).map((p) => p.id);
  await ctx.database.close();
  return { ...seeded, orgRecomputeS, orgLoad, orgUnchangedS, maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024), recommendations, programRecs, withRecs, personRecompute, assessment, reader: hr!.email, readIds };
}

// ---- the child: load (autocannon, every response's latency kept for the p95) --------------------------

type LoadSpec = { url: string; paths: string[]; token: string; connections: number; seconds: number; warmupSeconds: number };

async function loadRun() {
  const autocannon: (opts: object) => Promise<any> & { on(ev: string, fn: (...args: any[]) => void): void } = createRequire(import.meta.url)('autocannon');
  const spec = JSON.parse(process.env.BENCH_LOAD!) as LoadSpec;
  const run = (secs: number) =>
    autocannon({
      url: spec.url,
      connections: spec.connections,
      duration: secs,
      timeout: 30,
      requests: spec.paths.map((p) => ({ method: 'GET', path: p, headers: { authorization: `Bearer ${spec.token}` } })),
    });
  await run(spec.warmupSeconds);
  const times: number[] = [];
  const measured = run(spec.seconds);
  measured.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => times.push(responseTime));
  const r = await measured;
  const s = [...times].sort((a, b) => a - b);
  return {
    requestsPerS: r.requests.average,
    total: r.requests.total,
    p50: round(pct(s, 50)),
    p95: round(pct(s, 95)),
    p99: round(pct(s, 99)),
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
  };
}

// ---- the runner side -----------------------------------------------------------------------------------

export async function measureTalent(target: Target): Promise<Record<string, string>> {
  log(`${target.name}: talent (organisation, skills, profiles, assessments set-based; the whole recompute; one person's)`);
  const p = await runScript('bench/talent.ts', ['prepare'], target.env);
  const serveEnv = { DATABASE_URL: '', ...target.serveEnv, NODE_ENV: 'production', LOG_LEVEL: 'warn', HOST: '127.0.0.1' };
  // A read token for the HR admin, issued by the CLI as an operator does (the server's secret signs it).
  const cli = await promisify(execFile)(
    process.execPath,
    [path.join(root, 'bin/tandem.js'), 'create-token', '--email', p.reader, '--name', 'bench talent', '--scopes', 'read'],
    { cwd: root, env: { ...process.env, ...serveEnv } },
  );
  const token = cli.stdout.split('\n').find((l) => l.startsWith('tdm_'));
  if (!token) throw new Error(`create-token printed no token:\n${cli.stdout}\n${cli.stderr}`);
  const port = await freePort();
  const server = await startServer([path.join(root, 'bin/tandem.js'), 'serve'], { ...serveEnv, PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}` }, port, '/readyz');
  const loads: Record<string, any> = {};
  try {
    for (const [label, suffix] of [['recommendations', 'recommendations'], ['skills', 'skills']] as const) {
      const paths = (p.readIds as string[]).map((id) => `/api/v1/people/${id}/${suffix}`);
      const res = await fetch(server.url + paths[0], { headers: { authorization: `Bearer ${token}` } });
      if (res.status !== 200) throw new Error(`GET ${paths[0]}: ${res.status} ${(await res.text()).slice(0, 300)}`);
      log(`  GET /people/{id}/${suffix}: ${CONNECTIONS} clients, ${WARMUP_SECONDS} s warm-up, ${SECONDS} s measured`);
      const before = loadavg()[0]!;
      const r = await runScript('bench/talent.ts', ['load'], {
        BENCH_LOAD: JSON.stringify({ url: server.url, paths, token: token, connections: CONNECTIONS, seconds: SECONDS, warmupSeconds: WARMUP_SECONDS }),
      });
      r.load = `${before.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}`;
      if (r.errors || r.timeouts || r.non2xx || !r.total) throw new Error(`${label}: ${r.errors} errors, ${r.timeouts} timeouts, ${r.non2xx} non-2xx of ${r.total}`);
      log(`    ${Math.round(r.requestsPerS)} req/s · p50 ${r.p50} / p95 ${r.p95} / p99 ${r.p99} ms`);
      loads[label] = r;
    }
  } finally {
    await server.stop();
  }
  const api = (r: any) => `${r.p50} / ${r.p95} / ${r.p99} ms (${Math.round(r.requestsPerS).toLocaleString('en')} req/s)`;
  return {
    'talent: organisation': `${p.people.toLocaleString('en')} people, ${p.assessments.toLocaleString('en')} assessments, ${p.enrollments.toLocaleString('en')} enrolments (${p.seedS.toFixed(0)} s)`,
    'recompute, whole organisation, top 10 each (target < 60 s on PostgreSQL)': `${p.orgRecomputeS.toFixed(1)} s`,
    'recompute again, nothing changed (rows kept as stored)': `${p.orgUnchangedS.toFixed(1)} s`,
    'recompute: load (1-min) before → after / the child\'s peak RSS': `${p.orgLoad} / ${p.maxRssMB} MB`,
    'recompute: rows written (of them programs) / people with some': `${p.recommendations.toLocaleString('en')} (${p.programRecs.toLocaleString('en')}) / ${p.withRecs.toLocaleString('en')}`,
    [`one person's recompute after a new assessment, p50 / p95 / max (${p.personRecompute.count}; target < 200 ms)`]: `${p.personRecompute.p50} / ${p.personRecompute.p95} / ${p.personRecompute.max} ms`,
    'the new assessment itself (person_skill updated), p50 / p95': `${p.assessment.p50} / ${p.assessment.p95} ms`,
    [`GET /people/{id}/recommendations, ${CONNECTIONS} clients: p50 / p95 / p99 (target p95 < 30 ms)`]: api(loads.recommendations),
    [`GET /people/{id}/skills, ${CONNECTIONS} clients: p50 / p95 / p99 (target p95 < 30 ms)`]: api(loads.skills),
    'talent: machine load (1-min average) before → after, the two loads': `${loads.recommendations.load} / ${loads.skills.load}`,
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const mode = process.argv[2];
  const result = mode === 'prepare' ? await prepare() : mode === 'load' ? await loadRun() : null;
  if (!result) throw new Error('Use: bench/talent.ts prepare|load');
  console.log(`BENCH_RESULT ${JSON.stringify(result)}`);
  process.exit(0);
}
