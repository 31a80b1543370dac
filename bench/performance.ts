// BENCH_SUITE=performance: the targets of the goals and 1:1s issue, on an organisation of BENCH_PEOPLE
// people (default 100,000) inserted directly, its departments split into sub-departments of about
// 5,000 people, then set-based in SQL (generate_series, as bench/talent.ts does):
//   - two quarters of goals (≈ 300,000 at 100,000 people): this quarter company → department →
//     sub-department → each manager's two team goals → each other person's two goals (with two key
//     results each), aligned down that chain, visibility mixed public / team / private; last quarter
//     (closed) one goal per person;
//   - BENCH_SERIES (default 500) weekly 1:1 series between a manager and a report, each with a year of
//     history: 52 held meetings with four points (one private), a shared note, a private note every
//     other week and two action items, then three scheduled meetings, the next with two points.
// Then, on `tandem serve` as in production, with session cookies of people without roles:
//   (1) GET /api/v1/goals/tree as the Goals page's alignment tab asks for it (this quarter), seen by
//       an employee of the ≈ 5,000-person sub-department, and the same tree from that sub-department's
//       first goal (rootId), one request at a time (target < 200 ms);
//   (2) opening a 1:1: GET /api/v1/one-on-ones/{id} then GET /api/v1/one-on-ones/meetings/{id} of its
//       current meeting, 20 concurrent clients (target p95 < 50 ms);
//   (3) POST /api/v1/goals/{id}/check-ins, 20 concurrent clients, each its own goal (target p95 < 50 ms).
// The runner side (`measurePerformance`, from bench/run.ts) starts the child processes; run as a
// script, this file is one of them: `node --import tsx bench/performance.ts prepare|load`.
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { freePort, log, root, runScript, startServer, type Target } from './child.ts';

const CONNECTIONS = 20;
const WARMUP_SECONDS = 3;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const SERIES = Number(process.env.BENCH_SERIES ?? 500);
const DEPARTMENT_SIZE = 5_000;
const PASSWORD = 'bench-password-1';
const TREE_WARMUP = 5;
const TREE_REQUESTS = 30;

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
const round = (ms: number) => Math.round(ms * 10) / 10;
const seconds = (ms: number) => Math.round(ms) / 1000;
const stats = (times: number[]) => {
  const s = [...times].sort((a, b) => a - b);
  return { count: s.length, p50: round(pct(s, 50)), p95: round(pct(s, 95)), max: round(s.at(-1)!) };
};

// ---- the child: prepare (organisation, goals, 1:1s, the people who sign in) ----------------------------

async function prepare() {
  const { uuidv7 } = await import('uuidv7');
  const { buildContext } = await import('../src/server/bootstrap.ts');
  const { organisation } = await import('../src/server/db/schema/index.ts');
  const { hashPassword } = await import('../src/server/modules/identity/index.ts');
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

  // Sub-departments: each department's directors (level 2) grouped in order until a group holds
  // about 5,000 people (a small remainder joins the group before it); heads stay in the department.
  const people = generateOrg(N);
  const size = people.map(() => 1);
  for (let i = people.length - 1; i > 0; i--) size[people[i]!.manager!]! += size[i]!;
  const sub = new Map<number, string>();
  const subParent = new Map<string, string>();
  const subSize = new Map<string, number>();
  for (const dept of [...new Set(people.filter((p) => p.level === 1).map((p) => p.department))]) {
    const directors = people.flatMap((p, i) => (p.level === 2 && p.department === dept ? [i] : []));
    const groups: number[][] = [[]];
    let sum = 0;
    for (const d of directors) {
      if (sum >= DEPARTMENT_SIZE) (groups.push([]), (sum = 0));
      groups.at(-1)!.push(d);
      sum += size[d]!;
    }
    if (groups.length > 1 && sum < DEPARTMENT_SIZE / 2) groups.at(-2)!.push(...groups.pop()!);
    groups.forEach((g, k) => {
      const name = `${dept} ${k + 1}`;
      subParent.set(name, dept);
      for (const d of g) sub.set(d, name);
    });
  }
  for (const [i, p] of people.entries()) {
    if (p.level >= 2) {
      const name = p.level === 2 ? sub.get(i)! : people[p.manager!]!.department;
      p.department = name;
      subSize.set(name, (subSize.get(name) ?? 0) + 1);
    }
  }
  const [org] = await ctx.db.insert(organisation).values({ name: 'Bench Performance', slug: `bench-performance-${uuidv7().slice(-8)}` }).returning();
  const orgId = org!.id;
  const t0 = performance.now();
  // The departments (their heads) and the sub-departments (everyone below the heads).
  await insertOrg(ctx.db, orgId, people);
  for (const [name, parent] of subParent) {
    await exec(
      `update department d set parent_id = p.id from department p where d.org_id = $1 and p.org_id = $1 and d.name = $2 and p.name = $3`,
      [orgId, name, parent],
    );
  }
  const peopleS = seconds(performance.now() - t0);

  const t1 = performance.now();
  await exec(
    `insert into goal_period (id, org_id, name, kind, starts_on, ends_on, closed_at)
     select tandem_uuid_v7(), $1::uuid, 'Bench this quarter', 'quarter', date_trunc('quarter', now())::date, (date_trunc('quarter', now()) + interval '3 months - 1 day')::date, null
     union all
     select tandem_uuid_v7(), $1::uuid, 'Bench last quarter', 'quarter', (date_trunc('quarter', now()) - interval '3 months')::date, (date_trunc('quarter', now()) - interval '1 day')::date, now()`,
    [orgId],
  );
  const [period] = await exec(`select id from goal_period where org_id = $1 and name = 'Bench this quarter'`, [orgId]);
  const periodId = period.id as string;
  const vis = (n: string) => `case when ${n} % 20 < 12 then 'public' when ${n} % 20 < 17 then 'team' else 'private' end`;
  // Company: 5 public goals.
  await exec(
    `insert into goal (id, org_id, title, owner_type, period_id, visibility, status, progress, created_at, updated_at)
     select tandem_uuid_v7(), $1, 'Company objective ' || g, 'company', $2, 'public', 'on_track', 0, now(), now() from generate_series(1, 5) g`,
    [orgId, periodId],
  );
  // Departments: 3 each under a company goal; sub-departments: 3 each under their department's; 1 in 5 team-only.
  for (const level of ['top', 'sub'] as const) {
    await exec(
      `with parents as (
         select id, owner_department_id as dept, row_number() over (partition by owner_department_id order by id) - 1 as pk,
           row_number() over (order by id) - 1 as j
         from goal where org_id = $1 and period_id = $2 and owner_type = ${level === 'top' ? `'company'` : `'department'`}),
       d as (select id, parent_id, row_number() over (order by id) as n from department
             where org_id = $1 and parent_id is ${level === 'top' ? 'null' : 'not null'})
       insert into goal (id, org_id, title, owner_type, owner_department_id, parent_id, period_id, visibility, status, progress, created_at, updated_at)
       select tandem_uuid_v7(), $1, 'Department objective ' || d.n || '.' || k, 'department', d.id, p.id, $2,
         case when (d.n + k) % 5 = 0 then 'team' else 'public' end, 'on_track', 0, now(), now()
       from d cross join generate_series(0, 2) k
       join parents p on ${level === 'top' ? `p.j = (d.n * 3 + k) % 5` : `p.dept = d.parent_id and p.pk = k`}`,
      [orgId, periodId],
    );
  }
  // Every manager (below the CEO): 2 team goals under their department's goals, 70% public.
  await exec(
    `with dg as (select id, owner_department_id as dept, row_number() over (partition by owner_department_id order by id) - 1 as dk
                 from goal where org_id = $1 and period_id = $2 and owner_type = 'department'),
     m as (select p.id, p.department_id, row_number() over (order by p.id) as n from person p
           where p.org_id = $1 and p.manager_id is not null and exists (select 1 from person r where r.org_id = $1 and r.manager_id = p.id))
     insert into goal (id, org_id, title, owner_type, owner_person_id, parent_id, period_id, visibility, status, progress, created_by, created_at, updated_at)
     select tandem_uuid_v7(), $1, 'Team goal ' || m.n || '.' || k, 'person', m.id, dg.id, $2,
       case when (m.n + k) % 10 < 7 then 'public' else 'team' end, 'on_track', 0, m.id, now(), now()
     from m cross join generate_series(0, 1) k join dg on dg.dept = m.department_id and dg.dk = (m.n + k) % 3`,
    [orgId, periodId],
  );
  // Everyone else: 2 goals, one under each of their manager's team goals; two key results each.
  await exec(
    `with tg as (select id, owner_person_id as owner, row_number() over (partition by owner_person_id order by id) - 1 as tk
                 from goal where org_id = $1 and period_id = $2 and owner_type = 'person'),
     x as (select p.id, p.manager_id, row_number() over (order by p.id) as n from person p
           where p.org_id = $1 and p.manager_id is not null and not exists (select 1 from person r where r.org_id = $1 and r.manager_id = p.id))
     insert into goal (id, org_id, title, owner_type, owner_person_id, parent_id, period_id, visibility, status, progress, created_by, created_at, updated_at)
     select tandem_uuid_v7(), $1, 'Personal goal ' || x.n || '.' || k, 'person', x.id, tg.id, $2, ${vis('(x.n + k * 7)')},
       case when (x.n + k) % 9 = 0 then 'at_risk' when (x.n + k) % 23 = 0 then 'off_track' else 'on_track' end, 0, x.id, now(), now()
     from x cross join generate_series(0, 1) k join tg on tg.owner = x.manager_id and tg.tk = k`,
    [orgId, periodId],
  );
  await exec(
    `insert into key_result (id, org_id, goal_id, title, kind, unit, start_value, target_value, current_value, weight, position, created_at, updated_at)
     select tandem_uuid_v7(), $1, g.id, case when k = 0 then 'Deliveries' else 'Quality' end, case when k = 0 then 'number' else 'percentage' end,
       case when k = 0 then 'items' else null end, 0, case when k = 0 then 10 else 100 end,
       case when k = 0 then (n % 11) else (n * 7) % 101 end, 1, k, now(), now()
     from (select id, row_number() over (order by id) as n from goal where org_id = $1 and period_id = $2 and title like 'Personal goal %') g
     cross join generate_series(0, 1) k`,
    [orgId, periodId],
  );
  // Each personal goal's progress from its key results (equal weights), as a check-in computes it.
  await exec(
    `update goal g set progress = k.p from (select goal_id, avg(case when kind = 'number' then current_value * 10 else current_value end) as p
       from key_result where org_id = $1 group by goal_id) k where g.org_id = $1 and g.id = k.goal_id`,
    [orgId],
  );
  // Progress rolled up the alignment as the product does (equal weights: the children's average), bottom up.
  for (const owner of [
    `g.owner_type = 'person' and g.title like 'Team goal %'`,
    `g.owner_type = 'department' and g.parent_id in (select id from goal where org_id = $1 and owner_type = 'department')`,
    `g.owner_type = 'department'`,
    `g.owner_type = 'company'`,
  ]) {
    await exec(
      `update goal g set progress = c.p from (select parent_id, avg(progress) as p from goal where org_id = $1 and parent_id is not null group by parent_id) c
       where g.org_id = $1 and g.period_id = $2 and g.id = c.parent_id and ${owner}`,
      [orgId, periodId],
    );
  }
  // Last quarter: one goal each, closed.
  await exec(
    `insert into goal (id, org_id, title, owner_type, owner_person_id, period_id, visibility, status, progress, closed_at, created_at, updated_at)
     select tandem_uuid_v7(), $1, 'Last quarter goal ' || n, 'person', id, (select id from goal_period where org_id = $1 and name = 'Bench last quarter'),
       ${vis('n')}, case when n % 3 = 0 then 'missed' else 'done' end, case when n % 3 = 0 then 60 else 100 end, now(), now(), now()
     from (select id, row_number() over (order by id) as n from person where org_id = $1) p`,
    [orgId],
  );
  const goalsS = seconds(performance.now() - t1);

  // 1:1s: SERIES manager–report pairs spread over the organisation, weekly for a year.
  const t2 = performance.now();
  await exec(
    `with pairs as (select r.id as attendee, r.manager_id as organiser, row_number() over (order by r.id) as n
                    from person r where r.org_id = $1 and r.manager_id is not null),
     total as (select count(*) as c from pairs)
     insert into one_on_one_series (id, org_id, organiser_id, attendee_id, cadence, starts_at, duration_minutes, time_zone, created_by, created_at, updated_at)
     select tandem_uuid_v7(), $1, organiser, attendee, 'weekly', date_trunc('hour', now()) - interval '52 weeks' + interval '1 day' + (n % 8) * interval '1 hour',
       30, 'UTC', organiser, now() - interval '53 weeks', now()
     from pairs, total where n % greatest(1, c / ${SERIES}) = 0 limit ${SERIES}`,
    [orgId],
  );
  await exec(
    `insert into one_on_one_meeting (id, org_id, series_id, scheduled_at, status, held_at, created_at)
     select tandem_uuid_v7(), $1, s.id, s.starts_at + w * interval '1 week', case when w < 52 then 'held' else 'scheduled' end,
       case when w < 52 then s.starts_at + w * interval '1 week' + interval '30 minutes' end, s.starts_at + w * interval '1 week' - interval '7 days'
     from one_on_one_series s cross join generate_series(0, 54) w where s.org_id = $1`,
    [orgId],
  );
  const numberedMeetings = `m as (select m.id, m.series_id, m.scheduled_at, m.status, s.organiser_id, s.attendee_id,
      row_number() over (partition by m.series_id order by m.scheduled_at) - 1 as w
    from one_on_one_meeting m join one_on_one_series s on s.id = m.series_id where m.org_id = $1)`;
  await exec(
    `with ${numberedMeetings}
     insert into agenda_item (id, org_id, series_id, meeting_id, first_meeting_id, author_id, body, private, position, discussed_at, carried_over_count, created_at, updated_at)
     select tandem_uuid_v7(), $1, m.series_id, m.id, m.id, case when k % 2 = 0 then m.organiser_id else m.attendee_id end,
       case k when 0 then 'How the week went' when 1 then 'Progress on the quarter''s goals' when 2 then 'Blockers and help needed' else 'Private: career thoughts' end
         || ' (week ' || m.w || ')',
       k = 3, k + 1, case when m.status = 'held' then m.scheduled_at + interval '10 minutes' end, case when k = 2 and m.w % 5 = 0 then 1 else 0 end,
       m.scheduled_at - interval '2 days', m.scheduled_at
     from m cross join generate_series(0, 3) k where m.status = 'held' or (m.w = 52 and k < 2)`,
    [orgId],
  );
  await exec(
    `with ${numberedMeetings}
     insert into one_on_one_note (id, org_id, series_id, meeting_id, author_id, private, body, created_at, updated_at)
     select tandem_uuid_v7(), $1, m.series_id, m.id, case when p then m.organiser_id else m.attendee_id end, p,
       repeat(case when p then 'Private reflection on the conversation. ' else 'We talked about the quarter, the blockers and next steps. ' end, 5),
       m.scheduled_at, m.scheduled_at + interval '1 hour'
     from m cross join (values (false), (true)) v(p) where m.status = 'held' and (not p or m.w % 2 = 0)`,
    [orgId],
  );
  await exec(
    `with ${numberedMeetings}, a as (select id, meeting_id from agenda_item where org_id = $1 and position = 3)
     insert into action_item (id, org_id, series_id, meeting_id, agenda_item_id, title, assignee_id, due_on, done_at, created_by, created_at, updated_at)
     select tandem_uuid_v7(), $1, m.series_id, m.id, a.id, 'Follow up ' || (k + 1) || ' from week ' || m.w, case when k = 0 then m.attendee_id else m.organiser_id end,
       (m.scheduled_at + interval '7 days')::date, case when m.w < 48 and (m.w + k) % 10 <> 0 then m.scheduled_at + interval '5 days' end,
       m.organiser_id, m.scheduled_at, m.scheduled_at
     from m join a on a.meeting_id = m.id cross join generate_series(0, 1) k where m.status = 'held'`,
    [orgId],
  );
  const oneOnOnesS = seconds(performance.now() - t2);
  await exec('vacuum analyze');
  const count = async (table: string, where = '') => (await exec(`select count(*)::int as n from ${table} where org_id = $1 ${where}`, [orgId]))[0].n as number;
  const seeded = {
    people: N,
    goals: await count('goal'),
    goalsThisQuarter: await count('goal', `and period_id = '${periodId}'`),
    keyResults: await count('key_result'),
    series: await count('one_on_one_series'),
    meetings: await count('one_on_one_meeting'),
    agendaItems: await count('agenda_item'),
    notes: await count('one_on_one_note'),
    actionItems: await count('action_item'),
    peopleS,
    goalsS,
    oneOnOnesS,
  };
  log(`  seeded: ${JSON.stringify(seeded)}`);

  // The ≈ 5,000-person sub-department, its deepest employee as the tree's viewer, and 20 of its people with goals as the writers.
  const [dept, deptSize] = [...subSize].sort((a, b) => Math.abs(a[1] - DEPARTMENT_SIZE) - Math.abs(b[1] - DEPARTMENT_SIZE))[0]!;
  const [deptRow] = await exec(`select id from department where org_id = $1 and name = $2`, [orgId, dept]);
  const [rootGoal] = await exec(`select id from goal where org_id = $1 and owner_department_id = $2 and period_id = $3 order by id limit 1`, [orgId, deptRow.id, periodId]);
  const viewerIndex = people.findLastIndex((p) => p.department === dept);
  const viewer = people[viewerIndex]!.email;
  const writerGoals = (await exec(
    `select distinct on (p.id) p.email, g.id as goal_id, k.id as kr_id
     from person p join goal g on g.org_id = p.org_id and g.owner_person_id = p.id and g.period_id = $3 and g.title like 'Personal goal %'
     join key_result k on k.goal_id = g.id and k.position = 0
     where p.org_id = $1 and p.department_id = $2 and p.email <> $4 order by p.id, g.id`,
    [orgId, deptRow.id, periodId, viewer],
  )) as Array<{ email: string; goal_id: string; kr_id: string }>;
  const writers = Array.from({ length: CONNECTIONS }, (_, i) => writerGoals[Math.floor(((i + 0.5) * writerGoals.length) / CONNECTIONS)]!);
  // 40 series spread over the list, opened by their organiser; the current meeting is fetched by the runner.
  const seriesList = (await exec(
    `select s.id, p.email from one_on_one_series s join person p on p.id = s.organiser_id where s.org_id = $1 order by s.id`,
    [orgId],
  )) as Array<{ id: string; email: string }>;
  const readers = Array.from({ length: Math.min(40, seriesList.length) }, (_, i) => seriesList[Math.floor(((i + 0.5) * seriesList.length) / Math.min(40, seriesList.length))]!);
  const passwordHash = await hashPassword(PASSWORD);
  const emails = [...new Set([viewer, ...writers.map((w) => w.email), ...readers.map((r) => r.email)])];
  await exec(
    `insert into user_account (id, org_id, person_id, email, roles, password_hash)
     select tandem_uuid_v7(), $1, p.id, p.email, '{}', $3 from person p where p.org_id = $1 and p.email = any($2::text[])
     on conflict do nothing`,
    [orgId, `{${emails.join(',')}}`, passwordHash],
  );
  await ctx.database.close();
  return {
    ...seeded,
    department: dept,
    departmentSize: deptSize,
    periodId,
    rootGoalId: rootGoal.id as string,
    viewer,
    writers: writers.map((w) => ({ email: w.email, goalId: w.goal_id, krId: w.kr_id })),
    readers,
  };
}

// ---- the child: load (one autocannon per client, each on its own list; every response's latency kept) --

type Req = { method: 'GET' | 'POST'; path: string; headers: Record<string, string>; body?: string };
type LoadSpec = { url: string; flows: Req[][]; seconds: number; warmupSeconds: number };

async function loadRun() {
  const autocannon: (opts: object) => Promise<any> & { on(ev: string, fn: (...args: any[]) => void): void } = createRequire(import.meta.url)('autocannon');
  const spec = JSON.parse(process.env.BENCH_LOAD!) as LoadSpec;
  // One client per flow with one connection each, so every client works through its own requests
  // (a writer checks in on its own goal) rather than all connections starting on the same one.
  const run = (secs: number, times?: number[]) =>
    Promise.all(
      spec.flows.map((flow) => {
        const a = autocannon({ url: spec.url, connections: 1, duration: secs, timeout: 30, requests: flow });
        if (times) a.on('response', (_c: unknown, _s: number, _b: number, ms: number) => times.push(ms));
        return a;
      }),
    );
  await run(spec.warmupSeconds);
  const times: number[] = [];
  const results = await run(spec.seconds, times);
  const s = [...times].sort((a, b) => a - b);
  const sum = (f: (r: any) => number) => results.reduce((n, r) => n + f(r), 0);
  return {
    requestsPerS: sum((r) => r.requests.total) / spec.seconds,
    total: sum((r) => r.requests.total),
    p50: round(pct(s, 50)),
    p95: round(pct(s, 95)),
    p99: round(pct(s, 99)),
    errors: sum((r) => r.errors),
    timeouts: sum((r) => r.timeouts),
    non2xx: sum((r) => r.non2xx),
  };
}

// ---- the runner side -----------------------------------------------------------------------------------

async function signIn(url: string, email: string) {
  const res = await fetch(`${url}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  const body = await res.text();
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('tandem_session='));
  if (res.status !== 200 || !cookie) throw new Error(`sign-in of ${email}: ${res.status} ${body.slice(0, 500)}`);
  return cookie.split(';')[0]!;
}

async function getJson(url: string, cookie: string) {
  const res = await fetch(url, { headers: { cookie } });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`GET ${url}: ${res.status} ${body.slice(0, 300)}`);
  return JSON.parse(body);
}

/**
 * Waits until no check-in event waits for its roll-up (neither in the outbox nor in pg-boss), then
 * counts the goals above the given ones whose progress is not their children's weighted mean.
 */
async function settleRollUps(url: string, goalIds: string[]) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const t0 = performance.now();
    const pending = async () => {
      const r = await c.query(`select
        (select count(*) from domain_event where dispatched_at is null and type = 'performance.goal_checked_in')::int as outbox,
        (select count(*) from pgboss.job where name = 'event.performance.goal-roll-up-on-check-in' and state in ('created', 'retry', 'active'))::int as queued`);
      return r.rows[0] as { outbox: number; queued: number };
    };
    const atStart = await pending();
    let now = atStart;
    while (now.outbox + now.queued > 0 && performance.now() - t0 < 300_000) {
      await new Promise((r) => setTimeout(r, 250));
      now = await pending();
    }
    const settledS = seconds(performance.now() - t0);
    const stale = await c.query(
      `with recursive up(id, depth) as (
         select g.parent_id, 1 from goal g where g.id = any($1::uuid[]) and g.parent_id is not null
         union
         select g.parent_id, up.depth + 1 from goal g join up on g.id = up.id where g.parent_id is not null and up.depth < 100
       ), chain as (select distinct id from up)
       select count(*)::int as n, (select count(*)::int from chain) as goals from chain join goal a on a.id = chain.id
       where not exists (select 1 from key_result k where k.goal_id = a.id)
         and abs(a.progress - (select case when sum(greatest(c.weight, 0)) > 0 then sum(c.progress * greatest(c.weight, 0)) / sum(greatest(c.weight, 0)) else avg(c.progress) end
                               from goal c where c.parent_id = a.id)) > 0.011`,
      [goalIds],
    );
    return { pendingAtEnd: atStart.outbox + atStart.queued, settledS, ...(now.outbox + now.queued > 0 && { stillPending: now.outbox + now.queued }), goalsAbove: stale.rows[0].goals, stale: stale.rows[0].n };
  } finally {
    await c.end();
  }
}

export async function measurePerformance(target: Target): Promise<Record<string, string>> {
  log(`${target.name}: performance (organisation, goals, 1:1 history set-based)`);
  const p = await runScript('bench/performance.ts', ['prepare'], target.env);
  const serveEnv = { DATABASE_URL: '', ...target.serveEnv, NODE_ENV: 'production', LOG_LEVEL: 'warn', HOST: '127.0.0.1' };
  const port = await freePort();
  const server = await startServer([path.join(root, 'bin/tandem.js'), 'serve'], { ...serveEnv, PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}` }, port, '/readyz');
  const api = `${server.url}/api/v1`;
  const out: Record<string, any> = {};
  try {
    // (1) The alignment tree, one request at a time.
    const viewer = await signIn(server.url, p.viewer);
    for (const [label, query] of [
      ['tree', `periodId=${p.periodId}`],
      ['treeRoot', `periodId=${p.periodId}&rootId=${p.rootGoalId}`],
    ] as const) {
      const before = loadavg()[0]!;
      const times: number[] = [];
      let nodes = 0;
      let truncated = false;
      for (let i = 0; i < TREE_WARMUP + TREE_REQUESTS; i++) {
        const t = performance.now();
        const body = await getJson(`${api}/goals/tree?${query}`, viewer);
        if (i >= TREE_WARMUP) times.push(performance.now() - t);
        nodes = body.data.length;
        truncated = body.truncated;
      }
      out[label] = { ...stats(times), nodes, truncated, load: `${before.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}` };
      log(`  GET /goals/tree?${label === 'tree' ? 'periodId' : 'periodId&rootId'}: ${JSON.stringify(out[label])}`);
    }

    // (2) Opening a 1:1: the series (with its current meeting), then that meeting.
    const readerCookies = new Map<string, string>();
    for (const r of p.readers as Array<{ id: string; email: string }>) if (!readerCookies.has(r.email)) readerCookies.set(r.email, await signIn(server.url, r.email));
    const opens: Req[][] = [];
    for (const r of p.readers as Array<{ id: string; email: string }>) {
      const cookie = readerCookies.get(r.email)!;
      const series = await getJson(`${api}/one-on-ones/${r.id}`, cookie);
      if (series.meetings.filter((m: any) => m.status === 'held').length < 52 || !series.current) throw new Error(`series ${r.id}: not a year of history`);
      opens.push([
        { method: 'GET', path: `/api/v1/one-on-ones/${r.id}`, headers: { cookie } },
        { method: 'GET', path: `/api/v1/one-on-ones/meetings/${series.current.id}`, headers: { cookie } },
      ]);
    }
    const flowsOf = (list: Req[][]) => Array.from({ length: CONNECTIONS }, (_, k) => list.filter((_, i) => i % CONNECTIONS === k).flat());

    // (3) Check-ins: each client its own goal, a new value of its first key result every time.
    const writes: Req[][] = [];
    for (const w of p.writers as Array<{ email: string; goalId: string; krId: string }>) {
      const cookie = await signIn(server.url, w.email);
      writes.push(
        Array.from({ length: 10 }, (_, v) => ({
          method: 'POST' as const,
          path: `/api/v1/goals/${w.goalId}/check-ins`,
          headers: { cookie, origin: server.url, 'content-type': 'application/json' },
          body: JSON.stringify({ confidence: 1 + (v % 10), values: { [w.krId]: v }, note: `Bench check-in ${v}: steady progress this week.` }),
        })),
      );
    }
    const first = writes[0]![0]!;
    const res = await fetch(server.url + first.path, { method: 'POST', headers: first.headers, body: first.body });
    if (res.status !== 201) throw new Error(`POST ${first.path}: ${res.status} ${(await res.text()).slice(0, 300)}`);

    for (const [label, flows] of [
      ['open', flowsOf(opens)],
      ['checkIn', writes],
    ] as const) {
      log(`  ${label}: ${flows.length} clients, ${WARMUP_SECONDS} s warm-up, ${SECONDS} s measured`);
      const before = loadavg()[0]!;
      const r = await runScript('bench/performance.ts', ['load'], {
        BENCH_LOAD: JSON.stringify({ url: server.url, flows, seconds: SECONDS, warmupSeconds: WARMUP_SECONDS } satisfies LoadSpec),
      });
      r.load = `${before.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}`;
      if (r.errors || r.timeouts || r.non2xx || !r.total) throw new Error(`${label}: ${r.errors} errors, ${r.timeouts} timeouts, ${r.non2xx} non-2xx of ${r.total}`);
      log(`    ${Math.round(r.requestsPerS)} req/s · p50 ${r.p50} / p95 ${r.p95} / p99 ${r.p99} ms`);
      out[label] = r;
    }
    // The goals above roll up from each check-in's event after its commit: how long the worker
    // took to catch up once the load stopped, and whether the goals above the writers' are right
    // then (PostgreSQL: the runner reads the database beside the server; PGlite has one process).
    if (target.env.BENCH_URL) {
      out.rollUp = await settleRollUps(target.env.BENCH_URL, (p.writers as Array<{ goalId: string }>).map((w) => w.goalId));
      log(`  roll-ups: ${JSON.stringify(out.rollUp)}`);
    }
  } finally {
    await server.stop();
  }
  const n = (x: number) => x.toLocaleString('en');
  const tree = (t: any) => `${t.p50} / ${t.p95} / ${t.max} ms (${n(t.nodes)} goals${t.truncated ? ', truncated' : ''}; load ${t.load})`;
  const loadFig = (r: any) => `${r.p50} / ${r.p95} / ${r.p99} ms (${n(Math.round(r.requestsPerS))} req/s; load ${r.load})`;
  return {
    'performance: organisation': `${n(p.people)} people, ${n(p.goals)} goals (${n(p.goalsThisQuarter)} this quarter), ${n(p.keyResults)} key results (${p.goalsS.toFixed(0)} s)`,
    'performance: 1:1s': `${n(p.series)} series, ${n(p.meetings)} meetings, ${n(p.agendaItems)} points, ${n(p.notes)} notes, ${n(p.actionItems)} action items (${p.oneOnOnesS.toFixed(0)} s)`,
    'the department measured': `${p.department}, ${n(p.departmentSize)} people`,
    [`(1) GET /goals/tree?periodId (the Goals page), an employee: p50 / p95 / max (${TREE_REQUESTS}; target < 200 ms)`]: tree(out.tree),
    [`(1) the same from the department's goal (rootId): p50 / p95 / max (${TREE_REQUESTS})`]: tree(out.treeRoot),
    [`(2) open a 1:1 (series + current meeting), ${CONNECTIONS} clients: p50 / p95 / p99 (target p95 < 50 ms)`]: loadFig(out.open),
    [`(3) POST /goals/{id}/check-ins, ${CONNECTIONS} clients: p50 / p95 / p99 (target p95 < 50 ms)`]: loadFig(out.checkIn),
    ...(out.rollUp && {
      '(3) the goals above, rolled up after the commit: events waiting when the load stopped, caught up in, stale goals above':
        `${n(out.rollUp.pendingAtEnd)}, ${out.rollUp.settledS} s${out.rollUp.stillPending ? ` (${n(out.rollUp.stillPending)} still waiting)` : ''}, ${out.rollUp.stale} of ${out.rollUp.goalsAbove}`,
    }),
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const mode = process.argv[2];
  const result = mode === 'prepare' ? await prepare() : mode === 'load' ? await loadRun() : null;
  if (!result) throw new Error('Use: bench/performance.ts prepare|load');
  console.log(`BENCH_RESULT ${JSON.stringify(result)}`);
  process.exit(0);
}
