// BENCH_SUITE=loop: the follow-up sweep of the closed loop over BENCH_LOOP (default 100,000)
// completed enrolments with a reason, one per person of an organisation of BENCH_PEOPLE people
// (default 100,000), inserted set-based: 20 skills, 50 courses teaching 2 each, every person at
// level 2 on their course's skills. Reasons: 60% skill gap (half of them re-rated by the manager
// after the completion, half not: those are asked), 20% goal (half moved since), 10% hurdle (half
// resolved), 10% aspiration. All completed 61 days ago, so every follow-up is due. Then:
//   (a) the follow-ups written from the completions (set-based, with their audit rows),
//   (b) the sweep deciding or asking each of them, with audit, events and notifications (target < 60 s).
// Run as a script, this file is the child: `node --import tsx bench/loop.ts prepare`.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { log, runScript, type Target } from './child.ts';

const SKILLS = 20;
const COURSES = 50;
const seconds = (ms: number) => Math.round(ms) / 1000;

async function prepare() {
  const { uuidv7 } = await import('uuidv7');
  const { buildContext } = await import('../src/server/bootstrap.ts');
  const { organisation } = await import('../src/server/db/schema/index.ts');
  const { createFollowUps, sweepOrganisation } = await import('../src/server/modules/insight/follow-ups/index.ts');
  const { testConfig } = await import('../src/server/platform/config.ts');
  const { migrateDatabase, openDatabase } = await import('../src/server/platform/db/index.ts');
  const { generateOrg, insertOrg } = await import('./generate.ts');

  const url = process.env.BENCH_URL;
  const dataDir = process.env.BENCH_DATA_DIR;
  const database = await openDatabase(url ? { databaseUrl: url, poolSize: 4 } : { dataDir });
  await migrateDatabase(database);
  const ctx = await buildContext(testConfig({ logLevel: 'silent', dataDir: dataDir ?? '.tmp/bench' }), { database, jobs: 'inline', migrate: false });
  const exec = async (text: string, values: unknown[] = []) => (await ctx.database.executeSql(text, values)).rows as any[];
  const N = Number(process.env.BENCH_PEOPLE ?? 100_000);
  const L = Math.min(N, Number(process.env.BENCH_LOOP ?? 100_000));

  const [org] = await ctx.db.insert(organisation).values({ name: 'Bench Loop', slug: `bench-loop-${uuidv7().slice(-8)}` }).returning();
  const orgId = org!.id;
  const t0 = performance.now();
  await insertOrg(ctx.db, orgId, generateOrg(N));
  await exec(`insert into skill (id, org_id, name, max_level) select tandem_uuid_v7(), $1, 'Loop skill ' || g, 5 from generate_series(1, ${SKILLS}) g`, [orgId]);
  await exec(
    `insert into course (id, org_id, title, status) select tandem_uuid_v7(), $1, 'Loop course ' || g, 'published' from generate_series(1, ${COURSES}) g`,
    [orgId],
  );
  const numbered = `
    s as (select id, row_number() over (order by id) - 1 as i from skill where org_id = $1),
    c as (select id, row_number() over (order by id) - 1 as j from course where org_id = $1),
    x as (select id, manager_id, row_number() over (order by id) - 1 as n from person where org_id = $1 order by id limit ${L})`;
  await exec(
    `with ${numbered} insert into course_skill (org_id, course_id, skill_id, level)
     select $1, c.id, s.id, 4 from c cross join generate_series(0, 1) m join s on s.i = (c.j * 3 + m * 7) % ${SKILLS}`,
    [orgId],
  );
  // Reason by n % 10: 0–5 skill gap, 6–7 goal, 8 hurdle, 9 aspiration.
  await exec(
    `with ${numbered}
     insert into goal (id, org_id, title, owner_type, owner_person_id, visibility, status, progress)
     select tandem_uuid_v7(), $1, 'Loop goal ' || x.n, 'person', x.id, 'private', 'at_risk', case when x.n % 20 < 10 then 60 else 20 end
     from x where x.n % 10 in (6, 7)`,
    [orgId],
  );
  await exec(
    `with ${numbered}
     insert into hurdle (id, org_id, person_id, title, category, status, created_at, updated_at)
     select tandem_uuid_v7(), $1, x.id, 'Loop hurdle', 'time', case when x.n % 20 < 10 then 'resolved' else 'open' end, now(), now()
     from x where x.n % 10 = 8`,
    [orgId],
  );
  await exec(
    `with ${numbered},
       g as (select owner_person_id as person_id, id from goal where org_id = $1),
       h as (select person_id, id from hurdle where org_id = $1)
     insert into enrollment (id, org_id, person_id, course_id, reason_type, reason_record_type, reason_record_id, source, status,
       progress, started_at, completed_at, baseline_levels, baseline_signal, created_at, updated_at)
     select tandem_uuid_v7(), $1, x.id, c.id,
       case when x.n % 10 < 6 then 'skill_gap' when x.n % 10 < 8 then 'goal' when x.n % 10 = 8 then 'hurdle' else 'aspiration' end,
       case when x.n % 10 in (6, 7) then 'goal' when x.n % 10 = 8 then 'hurdle' end,
       coalesce(g.id, h.id), 'assigned', 'completed', 100, now() - interval '90 days', now() - interval '61 days',
       case when x.n % 10 < 6 or x.n % 10 = 9 then
         (select jsonb_object_agg(cs.skill_id::text, 2) from course_skill cs where cs.course_id = c.id) end,
       case when x.n % 10 in (6, 7) then '{"goalProgress": 20, "goalStatus": "at_risk"}'::jsonb
            when x.n % 10 = 8 then '{"hurdleStatus": "open"}'::jsonb end,
       now() - interval '90 days', now()
     from x join c on c.j = x.n % ${COURSES}
     left join g on g.person_id = x.id and x.n % 10 in (6, 7)
     left join h on h.person_id = x.id and x.n % 10 = 8`,
    [orgId],
  );
  // Levels: 2 on the course's skills; half the skill gaps re-rated 3 by the manager 20 days ago.
  await exec(
    `with ${numbered}
     insert into person_skill (org_id, person_id, skill_id, level, assessment_count)
     select $1, x.id, cs.skill_id, case when x.n % 10 < 6 and x.n % 2 = 0 then 3 else 2 end, 1
     from x join c on c.j = x.n % ${COURSES} join course_skill cs on cs.course_id = c.id
     on conflict do nothing`,
    [orgId],
  );
  await exec(
    `with ${numbered}
     insert into skill_assessment (id, org_id, person_id, skill_id, level, source, assessor_id, assessed_at)
     select tandem_uuid_v7(), $1, x.id, cs.skill_id, 3, 'manager', x.manager_id, now() - interval '20 days'
     from x join c on c.j = x.n % ${COURSES} join course_skill cs on cs.course_id = c.id where x.n % 10 < 6 and x.n % 2 = 0`,
    [orgId],
  );
  await exec('analyze');
  const seedS = seconds(performance.now() - t0);

  // (a) the follow-ups of the completions, in batches as the subscriber would write them (one statement each).
  const ids = (await exec(`select id from enrollment where org_id = $1 order by id`, [orgId])).map((r) => r.id as string);
  const t1 = performance.now();
  let created = 0;
  for (let i = 0; i < ids.length; i += 10_000) {
    const batch = ids.slice(i, i + 10_000);
    created += (await ctx.db.transaction((tx) => createFollowUps(tx, orgId, batch, ctx.clock.now()))).length;
  }
  const createS = seconds(performance.now() - t1);
  await exec('analyze follow_up');

  // (b) the sweep.
  const t2 = performance.now();
  const handled = await sweepOrganisation(ctx, orgId);
  const sweepS = seconds(performance.now() - t2);
  const counts = Object.fromEntries(
    (await exec(`select status, count(*)::int as n from follow_up where org_id = $1 group by status`, [orgId])).map((r) => [r.status, Number(r.n)]),
  );
  await ctx.database.close();
  return { people: N, enrollments: ids.length, created, handled, counts, seedS, createS, sweepS };
}

export async function measureLoop(target: Target): Promise<Record<string, string>> {
  log(`${target.name}: loop (completed enrolments with reasons set-based; their follow-ups; the sweep)`);
  const p = await runScript('bench/loop.ts', ['prepare'], target.env);
  const c = p.counts as Record<string, number>;
  return {
    'loop: organisation': `${p.people.toLocaleString('en')} people, ${p.enrollments.toLocaleString('en')} completed enrolments with a reason (${p.seedS.toFixed(0)} s)`,
    'loop: follow-ups written from the completions': `${p.created.toLocaleString('en')} in ${p.createS.toFixed(1)} s`,
    [`follow-up sweep over ${p.handled.toLocaleString('en')} due follow-ups (target < 60 s)`]: `${p.sweepS.toFixed(1)} s`,
    'loop: after the sweep, improved / not improved / asked / cancelled': `${c.improved ?? 0} / ${c.not_improved ?? 0} / ${c.asked ?? 0} / ${c.cancelled ?? 0}`,
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const mode = process.argv[2];
  const result = mode === 'prepare' ? await prepare() : null;
  if (!result) throw new Error('Use: bench/loop.ts prepare');
  console.log(`BENCH_RESULT ${JSON.stringify(result)}`);
  process.exit(0);
}
