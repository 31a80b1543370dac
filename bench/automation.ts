// BENCH_SUITE=automation: a rule over everyone of an organisation of BENCH_PEOPLE people (default
// 100,000), inserted directly, with one published course. The rule: when someone is hired, at any
// hire date after 1990 (everyone), enrol them in the course, due in 30 days. Then, as HR does:
//   (a) the preview of who it touches (target < 5 s),
//   (b) the first run once it is switched on: everyone enrolled, a batch of people per transaction,
//       each batch with its runs, enrolment, audit and event rows (target < 30 s on PostgreSQL).
// Run as a script, this file is the child: `node --import tsx bench/automation.ts prepare`.
import { loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { insertBenchOrg, openBench } from './context.ts';
import { log, runScript, type Target } from './child.ts';

const seconds = (ms: number) => Math.round(ms) / 1000;
const load = () => loadavg()[0]!.toFixed(1);

async function prepare() {
  const { ctx, exec, people: N } = await openBench();
  // The rule's service reads, as the routes call them (preview and firstRun are not part of the module's index).
  const { createRule, preview, setStatus, firstRun } = await import('../src/server/modules/insight/automation/index.ts');

  const t0 = performance.now();
  const orgId = await insertBenchOrg(ctx, 'Bench Automation', 'bench-automation', N);
  const [course] = await exec(
    `insert into course (id, org_id, title, status) values (tandem_uuid_v7(), $1, 'Welcome to the company', 'published') returning id`,
    [orgId],
  );
  const [hr] = await exec(`select id, email from person where org_id = $1 order by id limit 1`, [orgId]);
  const [user] = await exec(`insert into user_account (id, org_id, person_id, email, roles) values (tandem_uuid_v7(), $1, $2, $3, '{hr_admin}') returning id`, [
    orgId,
    hr.id,
    hr.email,
  ]);
  await exec('analyze');
  const seedS = seconds(performance.now() - t0);
  const actor = { orgId, userId: user.id as string, personId: hr.id as string, roles: ['hr_admin'], via: 'session', scopes: ['read', 'write', 'admin'], label: 'Bench HR' } as const;
  const body = {
    name: 'Onboarding for everyone',
    description: null,
    event: 'person_hired' as const,
    conditions: [{ field: 'hiredAfter' as const, op: 'after' as const, value: '1990-01-01' }],
    actions: [{ type: 'enroll' as const, courseId: course.id as string, dueDays: 30 }],
  };
  const actorArg = { ...actor, roles: [...actor.roles], scopes: [...actor.scopes] } as Parameters<typeof preview>[1];

  // (a) The preview, cold (first) and warm (median of five).
  const before = load();
  let t = performance.now();
  const first = await preview(ctx, actorArg, body);
  const previewColdMs = performance.now() - t;
  const warm: number[] = [];
  for (let i = 0; i < 5; i++) {
    t = performance.now();
    await preview(ctx, actorArg, body);
    warm.push(performance.now() - t);
  }
  const previewMs = warm.sort((a, b) => a - b)[2]!;
  log(`  preview: ${first.count} people, cold ${previewColdMs.toFixed(0)} ms, warm median ${previewMs.toFixed(0)} ms (load ${before})`);

  // (b) Saved, switched on, then the first run (what the FIRST_RUN job does).
  const rule = await createRule(ctx, actorArg, body);
  await setStatus(ctx, actorArg, rule.id, 'active');
  const runLoad = load();
  t = performance.now();
  const enrolled = await firstRun(ctx, orgId, rule.id);
  const firstRunS = seconds(performance.now() - t);
  const count = async (q: string) => Number((await exec(q, [orgId]))[0].n);
  const written = {
    runs: await count(`select count(*) as n from automation_run where org_id = $1`),
    enrollments: await count(`select count(*) as n from enrollment where org_id = $1`),
    audit: await count(`select count(*) as n from audit_event where org_id = $1`),
    events: await count(`select count(*) as n from domain_event where org_id = $1`),
  };
  log(`  first run: ${enrolled} people in ${firstRunS} s (load ${runLoad} → ${load()}); ${JSON.stringify(written)}`);

  // Run again: nobody is acted on twice.
  t = performance.now();
  const again = await firstRun(ctx, orgId, rule.id);
  const againS = seconds(performance.now() - t);
  await ctx.database.close();
  return { people: N, seedS, selected: first.count, previewColdMs, previewMs, previewLoad: before, enrolled, firstRunS, runLoad, written, again, againS };
}

export async function measureAutomation(target: Target): Promise<Record<string, string>> {
  log(`${target.name}: automation (an organisation, a rule enrolling everyone: preview, first run)`);
  const p = await runScript('bench/automation.ts', ['prepare'], target.env);
  const n = (x: number) => x.toLocaleString('en');
  return {
    'automation: organisation': `${n(p.people)} people (${p.seedS.toFixed(0)} s)`,
    [`preview of a rule over ${n(p.selected)} people, cold / warm median (target < 5 s)`]: `${p.previewColdMs.toFixed(0)} / ${p.previewMs.toFixed(0)} ms (load ${p.previewLoad})`,
    [`first run, ${n(p.enrolled)} enrolled (target < 30 s on PostgreSQL)`]: `${p.firstRunS.toFixed(1)} s (load ${p.runLoad})`,
    'first run wrote: runs / enrolments / audit / events': `${n(p.written.runs)} / ${n(p.written.enrollments)} / ${n(p.written.audit)} / ${n(p.written.events)}`,
    'first run again (nobody twice)': `${p.again} enrolled, ${p.againS.toFixed(1)} s`,
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const mode = process.argv[2];
  const result = mode === 'prepare' ? await prepare() : null;
  if (!result) throw new Error('Use: bench/automation.ts prepare');
  console.log(`BENCH_RESULT ${JSON.stringify(result)}`);
  process.exit(0);
}
