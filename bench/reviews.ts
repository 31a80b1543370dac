// BENCH_SUITE=reviews: an organisation of BENCH_PEOPLE people (default 10,000 for this suite),
// inserted directly, everyone holding a job profile of three skills. As HR does:
//   (a) launch a cycle of everyone with self, manager and upward reviews (each review with its
//       audit and event rows), then launch it again (nothing new);
//   (b) peers: two approved nominations per person become peer reviews when writing starts;
//       (a) and (b) together are the "10,000 participants, about 50,000 reviews" (< 15 s);
//   (c) the calibration grid of the department closest to 1,000 subjects, every review submitted
//       with ratings, with each manager's leniency beside it (target < 300 ms): cold, then the
//       median of five.
// Run as a script, this file is the child: `node --import tsx bench/reviews.ts prepare`.
import { loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { insertBenchOrg, openBench } from './context.ts';
import { log, runScript, type Target } from './child.ts';

const seconds = (ms: number) => Math.round(ms) / 1000;
const load = () => loadavg()[0]!.toFixed(1);

async function prepare() {
  const { ctx, exec, people: N } = await openBench();
  // The services as the routes call them.
  const templates = await import('../src/server/modules/performance/reviews/templates.service.ts');
  const cycles = await import('../src/server/modules/performance/reviews/cycles.service.ts');
  const calibration = await import('../src/server/modules/performance/calibration/calibration.service.ts');
  const { demoTemplateBody } = await import('../src/server/seed/demo/performance/reviews.ts');

  const t0 = performance.now();
  const orgId = await insertBenchOrg(ctx, 'Bench Reviews', 'bench-reviews', N);
  const [profile] = await exec(`insert into job_profile (id, org_id, name) values (tandem_uuid_v7(), $1, 'Everyone') returning id`, [orgId]);
  const skills = await exec(
    `insert into skill (id, org_id, name, max_level, levels) select tandem_uuid_v7(), $1, 'Skill ' || g, 5, '[]'::jsonb from generate_series(1, 3) g returning id`,
    [orgId],
  );
  await exec(`insert into job_profile_skill (org_id, profile_id, skill_id, level) select $1, $2, s, 3 from unnest($3::uuid[]) s`, [orgId, profile.id, skills.map((s) => s.id)]);
  await exec(`update person set job_profile_id = $2 where org_id = $1`, [orgId, profile.id]);
  const [hr] = await exec(`select id, email from person where org_id = $1 order by id limit 1`, [orgId]);
  const [user] = await exec(`insert into user_account (id, org_id, person_id, email, roles) values (tandem_uuid_v7(), $1, $2, $3, '{hr_admin}') returning id`, [orgId, hr.id, hr.email]);
  await exec('analyze');
  const seedS = seconds(performance.now() - t0);
  const actor = { orgId, userId: user.id as string, personId: hr.id as string, roles: ['hr_admin' as const], via: 'session' as const, scopes: ['read' as const, 'write' as const, 'admin' as const], label: 'Bench HR' };

  const template = await templates.createTemplate(ctx, actor, { name: 'Annual', body: demoTemplateBody as never });
  const cycle = await cycles.createCycle(ctx, actor, {
    name: 'Annual 2026',
    templateId: template.id,
    periodStartsOn: '2026-01-01',
    periodEndsOn: '2026-12-31',
    writingEndsOn: '2027-01-31',
    participants: { departmentIds: [], groupIds: [], hiredBefore: null, excludePersonIds: [] },
    relationships: { self: true, manager: true, upward: true, peers: { min: 1, max: 2 } },
    peerAnonymous: true,
    upwardAnonymous: true,
    anonymityMinimum: 3,
  });

  // (a) Launch, then again.
  const launchLoad = load();
  let t = performance.now();
  const launched = await cycles.launchCycle(ctx, actor, cycle.id, {});
  const launchS = seconds(performance.now() - t);
  t = performance.now();
  const again = await cycles.launchCycle(ctx, actor, cycle.id, {});
  const againS = seconds(performance.now() - t);
  log(`  launch: ${launched.participants} people, ${launched.reviews} reviews in ${launchS} s (load ${launchLoad}); again ${again.reviews} in ${againS} s`);

  // (b) Two approved peers each (the next two people under the same manager), then writing starts.
  await exec(
    `insert into peer_nomination (id, org_id, cycle_id, subject_id, reviewer_id, status, created_at)
     select tandem_uuid_v7(), $1, $2, p.id, q.id, 'approved', now() from person p
     join lateral (select q.id from person q where q.org_id = $1 and q.manager_id = p.manager_id and q.id > p.id order by q.id limit 2) q on true
     where p.org_id = $1`,
    [orgId, cycle.id],
  );
  const writingLoad = load();
  t = performance.now();
  await cycles.movePhase(ctx, actor, cycle.id, { phase: 'writing' });
  const writingS = seconds(performance.now() - t);
  const count = async (q: string) => Number((await exec(q, [orgId]))[0].n);
  const written = {
    reviews: await count(`select count(*) as n from review where org_id = $1`),
    audit: await count(`select count(*) as n from audit_event where org_id = $1 and action = 'review.created'`),
    events: await count(`select count(*) as n from domain_event where org_id = $1 and type = 'performance.review_assigned'`),
  };
  log(`  writing: peer reviews in ${writingS} s (load ${writingLoad}); ${JSON.stringify(written)}`);

  // (c) Everyone writes (a rating per question, as the template asks), calibration opens, one
  // session over the department closest to 1,000 people.
  await exec(
    `update review set status = 'submitted', submitted_at = now(), answers = jsonb_build_object(
       'overall', jsonb_build_object('rating', 1 + (abs(hashtext(id::text)) % 5)),
       'goals', jsonb_build_object('goals', '{}'::jsonb),
       'keep', jsonb_build_object('text', 'Good work'))
     where org_id = $1`,
    [orgId],
  );
  await exec('analyze');
  await cycles.movePhase(ctx, actor, cycle.id, { phase: 'calibration' });
  const [dept] = await exec(
    `select department_id as id, count(*)::int as n from person where org_id = $1 group by department_id order by abs(count(*) - 1000) limit 1`,
    [orgId],
  );
  const session = await calibration.createSession(ctx, actor, { cycleId: cycle.id, name: 'Bench', scope: { type: 'department', departmentId: dept.id }, calibratorIds: [] });
  const gridLoad = load();
  t = performance.now();
  const grid = await calibration.getGrid(ctx, actor, session.id);
  const gridColdMs = performance.now() - t;
  const warm: number[] = [];
  for (let i = 0; i < 5; i++) {
    t = performance.now();
    await calibration.getGrid(ctx, actor, session.id);
    warm.push(performance.now() - t);
  }
  const gridMs = warm.sort((a, b) => a - b)[2]!;
  const subjects = (grid as { subjects: unknown[] }).subjects.length;
  log(`  grid: ${subjects} subjects, cold ${gridColdMs.toFixed(0)} ms, warm median ${gridMs.toFixed(0)} ms (load ${gridLoad})`);
  await ctx.database.close();
  return { people: N, seedS, launched: { participants: launched.participants, reviews: launched.reviews }, launchS, launchLoad, again: again.reviews, againS, writingS, writingLoad, written, subjects, gridColdMs, gridMs, gridLoad };
}

export async function measureReviews(target: Target): Promise<Record<string, string>> {
  log(`${target.name}: reviews (launch a cycle of everyone, peers, the calibration grid of ~1,000)`);
  const p = await runScript('bench/reviews.ts', ['prepare'], { ...target.env, BENCH_PEOPLE: process.env.BENCH_PEOPLE ?? '10000' });
  const n = (x: number) => x.toLocaleString('en');
  return {
    'reviews: organisation': `${n(p.people)} people (${p.seedS.toFixed(0)} s)`,
    [`launch: ${n(p.launched.participants)} participants, ${n(p.launched.reviews)} self, manager and upward reviews`]: `${p.launchS.toFixed(1)} s (load ${p.launchLoad})`,
    'launch again (nothing new)': `${p.again} reviews, ${p.againS.toFixed(2)} s`,
    'writing starts: approved peers become reviews': `${p.writingS.toFixed(1)} s (load ${p.writingLoad})`,
    [`launch + peers, ${n(p.written.reviews)} reviews (target < 15 s on PostgreSQL)`]: `${(p.launchS + p.writingS).toFixed(1)} s`,
    'written: reviews / audit rows / events': `${n(p.written.reviews)} / ${n(p.written.audit)} / ${n(p.written.events)}`,
    [`calibration grid, ${n(p.subjects)} subjects with leniency, cold / warm median (target < 300 ms)`]: `${p.gridColdMs.toFixed(0)} / ${p.gridMs.toFixed(0)} ms (load ${p.gridLoad})`,
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const mode = process.argv[2];
  const result = mode === 'prepare' ? await prepare() : null;
  if (!result) throw new Error('Use: bench/reviews.ts prepare');
  console.log(`BENCH_RESULT ${JSON.stringify(result)}`);
  process.exit(0);
}
