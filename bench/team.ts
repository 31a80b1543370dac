// BENCH_SUITE=team: My team (GET /api/v1/team) for managers of 50 in an organisation of
// BENCH_PEOPLE people (default 100,000) with 20 enrolments each (2,000,000 at full size), inserted
// set-based: 60 skills, 40 job profiles of 6 skills each (everyone holds one), 5 current levels
// each, 200 courses teaching 2 skills (one in ten a compliance course), 2 goals each (one in
// eight off track), a hurdle for one in four, a plan item for one in five. 20 managers get 50
// direct reports each, with a weekly 1:1 held 5 weeks ago for half of them and feedback and praise
// for all. Then GET /api/v1/team on `tandem serve`, 20 concurrent clients, each a different
// manager (autocannon, in a process of its own; target p95 < 100 ms).
// Run as a script, this file is the child: `node --import tsx bench/team.ts prepare`.
import { execFile } from 'node:child_process';
import { loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { AppContext } from '../src/server/context.ts';
import { freePort, log, root, runScript, startServer, type Target } from './child.ts';
import { insertBenchOrg, openBench, type Exec } from './context.ts';

const MANAGERS = 20;
const TEAM = 50;
const PER_PERSON = 20;
const CONNECTIONS = 20;
/** The everyone-below view is measured for the manager with nearest to this many people below. */
const BIG = 5_000;
const WARMUP_SECONDS = 3;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const seconds = (ms: number) => Math.round(ms) / 1000;

async function prepare() {
  const { ctx, exec, people: N } = await openBench();
  // BENCH_KEEP=1 with the database of an earlier run (BENCH_URL, BENCH_DATA_DIR): its organisation is measured again without seeding.
  const kept = process.env.BENCH_KEEP === '1' ? ((await exec(`select id from organisation where name = 'Bench Team' order by id desc limit 1`))[0]?.id as string | undefined) : undefined;
  const seeded = kept ? { orgId: kept, seedS: 0 } : await seed(ctx, exec, N);
  const orgId = seeded.orgId;
  const managers = (await exec(`select distinct organiser_id as id from one_on_one_series where org_id = $1 order by 1`, [orgId])).map((r) => r.id as string);
  // The manager with nearest to BIG people below (a department head's deputy in the generated organisation).
  const [big] = await exec(
    `with recursive below(top, id, depth) as (
       select p.manager_id, p.id, 1 from person p where p.org_id = $1 and p.manager_id is not null
       union all select b.top, r.id, b.depth + 1 from person r join below b on r.manager_id = b.id where r.org_id = $1 and b.depth < 12
     ), sized as (select top, count(*)::int as n from below group by top)
     select s.top as id, s.n, p.email from sized s join person p on p.id = s.top order by abs(s.n - ${BIG}), s.top limit 1`,
    [orgId],
  );
  await exec(`insert into user_account (id, org_id, person_id, email, roles) select tandem_uuid_v7(), $1, $2, $3, '{}' where not exists (select 1 from user_account where person_id = $2)`, [
    orgId,
    big.id,
    big.email,
  ]);
  const [{ n: enrollments }] = await exec(`select count(*)::int as n from enrollment where org_id = $1`, [orgId]);
  const [{ n: people }] = await exec(`select count(*)::int as n from person where org_id = $1`, [orgId]);
  const emails = (await exec(`select email from person where org_id = $1 and id = any($2::uuid[]) order by id`, [orgId, `{${managers.join(',')}}`])).map((r) => r.email as string);
  await ctx.database.close();
  return { people, enrollments: Number(enrollments), seedS: seeded.seedS, emails, big: { email: big.email as string, below: big.n as number } };
}

/** The organisation and its records, set-based (see the top of this file). */
async function seed(ctx: AppContext, exec: Exec, N: number) {
  const t0 = performance.now();
  const orgId = await insertBenchOrg(ctx, 'Bench Team', 'bench-team', N);

  const x = `x as (select id, row_number() over (order by id) - 1 as n from person where org_id = $1)`;
  await exec(`insert into skill (id, org_id, name, max_level) select tandem_uuid_v7(), $1, 'Team skill ' || g, 5 from generate_series(1, 60) g`, [orgId]);
  await exec(`insert into job_profile (id, org_id, name) select tandem_uuid_v7(), $1, 'Team profile ' || g from generate_series(1, 40) g`, [orgId]);
  const numbered = `s as (select id, row_number() over (order by id) - 1 as i from skill where org_id = $1),
    jp as (select id, row_number() over (order by id) - 1 as j from job_profile where org_id = $1),
    c as (select id, row_number() over (order by id) - 1 as k from course where org_id = $1)`;
  await exec(`with ${numbered} insert into job_profile_skill (org_id, profile_id, skill_id, level)
    select $1, jp.id, s.id, 2 + (jp.j + m) % 3 from jp cross join generate_series(0, 5) m join s on s.i = (jp.j + m * 7) % 60`, [orgId]);
  await exec(`with ${numbered}, ${x} update person p set job_profile_id = jp.id from x join jp on jp.j = x.n % 40 where p.id = x.id`, [orgId]);
  await exec(`with ${numbered}, ${x} insert into person_skill (org_id, person_id, skill_id, level, assessment_count)
    select $1, x.id, s.id, 1 + (x.n + m) % 4, 1 from x cross join generate_series(0, 4) m join s on s.i = ((x.n % 40) + m * 7) % 60`, [orgId]);
  await exec(`insert into course (id, org_id, title, status) select tandem_uuid_v7(), $1, 'Team course ' || g, 'published' from generate_series(1, 200) g`, [orgId]);
  await exec(`with ${numbered} insert into course_skill (org_id, course_id, skill_id, level)
    select $1, c.id, s.id, 4 from c cross join generate_series(0, 1) m join s on s.i = (c.k + m * 11) % 60`, [orgId]);
  // 20 enrolments each, on 20 different courses; one in ten compliance (overdue while open), half completed.
  await exec(`with ${numbered}, ${x}
    insert into enrollment (id, org_id, person_id, course_id, reason_type, source, status, progress, due_at, completed_at, created_at, updated_at)
    select tandem_uuid_v7(), $1, x.id, c.id, case when c.k % 10 = 0 then 'compliance' else 'skill_gap' end, 'assigned',
      case when (x.n + m) % 2 = 0 then 'completed' else 'in_progress' end, 50,
      now() + ((((x.n + m) % 60) - 30) || ' days')::interval,
      case when (x.n + m) % 2 = 0 then now() - ((((x.n + m) % 90)) || ' days')::interval end, now(), now()
    from x cross join generate_series(0, ${PER_PERSON - 1}) m join c on c.k = (x.n * 7 + m * 10) % 200`, [orgId]);
  await exec(`with ${x} insert into goal (id, org_id, title, owner_type, owner_person_id, visibility, status, progress)
    select tandem_uuid_v7(), $1, 'Team goal ' || m, 'person', x.id, case when m = 0 then 'private' else 'public' end,
      case when (x.n + m) % 8 = 0 then 'off_track' else 'on_track' end, 40
    from x cross join generate_series(0, 1) m`, [orgId]);
  await exec(`with ${x} insert into hurdle (id, org_id, person_id, title, category, status, created_at, updated_at)
    select tandem_uuid_v7(), $1, x.id, 'Team hurdle', 'time', 'open', now() - interval '20 days', now() from x where x.n % 4 = 0`, [orgId]);
  await exec(`with ${x} insert into development_plan_item (id, org_id, person_id, title, action_type, status)
    select tandem_uuid_v7(), $1, x.id, 'Team plan item', 'project', 'planned' from x where x.n % 5 = 0`, [orgId]);

  // 20 managers (people with no reports) get 50 reports each (also people with no reports).
  const leaves = await exec(
    `select id from person p where org_id = $1 and not exists (select 1 from person r where r.manager_id = p.id) order by id limit ${MANAGERS * (TEAM + 1)}`,
    [orgId],
  );
  const managers: string[] = [];
  for (let i = 0; i < MANAGERS; i++) {
    const m = leaves[i * (TEAM + 1)]!.id as string;
    managers.push(m);
    const reports = leaves.slice(i * (TEAM + 1) + 1, (i + 1) * (TEAM + 1)).map((r) => r.id as string);
    await exec(`update person set manager_id = $2 where org_id = $1 and id = any($3::uuid[])`, [orgId, m, `{${reports.join(',')}}`]);
    await exec(
      `insert into one_on_one_series (id, org_id, organiser_id, attendee_id, cadence, starts_at, created_by)
       select tandem_uuid_v7(), $1, $2, r, 'weekly', now() - interval '40 days', $2 from unnest($3::uuid[]) r`,
      [orgId, m, `{${reports.join(',')}}`],
    );
  }
  await exec(`insert into one_on_one_meeting (id, org_id, series_id, scheduled_at, status, held_at)
    select tandem_uuid_v7(), $1, s.id, now() - interval '35 days', 'held', now() - interval '35 days' from one_on_one_series s where s.org_id = $1
    union all
    select tandem_uuid_v7(), $1, s.id, now() + interval '2 days', 'scheduled', null from one_on_one_series s where s.org_id = $1`, [orgId]);
  await exec(`insert into feedback (id, org_id, subject_id, receiver_id, giver_id, share_with_managers, body, given_on)
    select tandem_uuid_v7(), $1, s.attendee_id, s.attendee_id, s.organiser_id, true, 'Good work', current_date - 3 from one_on_one_series s where s.org_id = $1`, [orgId]);
  await exec(`insert into user_account (id, org_id, person_id, email, roles)
    select tandem_uuid_v7(), $1, p.id, p.email, '{}' from person p where p.org_id = $1 and p.id = any($2::uuid[])`, [orgId, `{${managers.join(',')}}`]);
  await exec('analyze');
  return { orgId, seedS: seconds(performance.now() - t0) };
}

export async function measureTeam(target: Target): Promise<Record<string, string>> {
  log(`${target.name}: team (organisation, enrolments, goals, hurdles, 1:1s set-based; 20 managers of 50)`);
  const p = await runScript('bench/team.ts', ['prepare'], target.env);
  const serveEnv = { DATABASE_URL: '', ...target.serveEnv, NODE_ENV: 'production', LOG_LEVEL: 'warn', HOST: '127.0.0.1' };
  // A read token per manager, issued by the CLI as an operator does (the server's secret signs it).
  const tokens: string[] = [];
  for (const email of [...(p.emails as string[]), p.big.email as string]) {
    const cli = await promisify(execFile)(process.execPath, [path.join(root, 'bin/tandem.js'), 'create-token', '--email', email, '--name', 'bench team', '--scopes', 'read'], {
      cwd: root,
      env: { ...process.env, ...serveEnv },
    });
    const token = cli.stdout.split('\n').find((l) => l.startsWith('tdm_'));
    if (!token) throw new Error(`create-token printed no token:\n${cli.stdout}\n${cli.stderr}`);
    tokens.push(token);
  }
  const port = await freePort();
  const server = await startServer([path.join(root, 'bin/tandem.js'), 'serve'], { ...serveEnv, PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}` }, port, '/readyz');
  let r: any;
  let size = 0;
  let single = 0;
  const bigToken = tokens.pop()!;
  const everyone = { times: [] as number[], size: 0, people: 0, teams: 0, load: '' };
  try {
    const first = await fetch(`${server.url}/api/v1/team`, { headers: { authorization: `Bearer ${tokens[0]}` } });
    const body = (await first.json()) as { data?: unknown[] };
    if (first.status !== 200 || body.data?.length !== TEAM) throw new Error(`GET /team: ${first.status}, ${body.data?.length} people`);
    size = JSON.stringify(body).length;
    // One client alone first: the latency without contention.
    const alone: number[] = [];
    for (let i = 0; i < 10; i++) {
      const t = performance.now();
      const res = await fetch(`${server.url}/api/v1/team`, { headers: { authorization: `Bearer ${tokens[i % tokens.length]}` } });
      await res.arrayBuffer();
      alone.push(performance.now() - t);
    }
    single = alone.sort((a, b) => a - b)[5]!;
    log(`  GET /team alone: median ${single.toFixed(1)} ms`);
    // The everyone-below view of a manager of about BIG: its first page, with the roll-up per team of everyone below.
    everyone.load = loadavg()[0]!.toFixed(1);
    for (let i = 0; i < 6; i++) {
      const t = performance.now();
      const res = await fetch(`${server.url}/api/v1/team?scope=all`, { headers: { authorization: `Bearer ${bigToken}` } });
      const text = await res.text();
      if (i > 0) everyone.times.push(performance.now() - t);
      if (res.status !== 200) throw new Error(`GET /team?scope=all: ${res.status} ${text.slice(0, 200)}`);
      const b = JSON.parse(text) as { data: unknown[]; teams: Array<{ counts: { people: number } }> | null };
      everyone.size = text.length;
      everyone.people = (b.teams ?? []).reduce((n, x) => n + x.counts.people, 0);
      everyone.teams = b.teams?.length ?? 0;
    }
    everyone.times.sort((a, b) => a - b);
    log(`  GET /team?scope=all, ${everyone.people} below in ${everyone.teams} teams: median ${everyone.times[2]!.toFixed(0)} ms, max ${everyone.times.at(-1)!.toFixed(0)} ms`);
    log(`  GET /team: ${CONNECTIONS} clients (${MANAGERS} managers), ${WARMUP_SECONDS} s warm-up, ${SECONDS} s measured`);
    const before = loadavg()[0]!;
    r = await runScript('bench/load.ts', [], {
      BENCH_LOAD: JSON.stringify({
        url: server.url,
        requests: tokens.map((t) => ({ path: '/api/v1/team', headers: { authorization: `Bearer ${t}` } })),
        connections: CONNECTIONS,
        seconds: SECONDS,
        warmupSeconds: WARMUP_SECONDS,
      }),
    });
    r.load = `${before.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}`;
    if (r.errors || r.timeouts || r.non2xx || !r.total) throw new Error(`team: ${r.errors} errors, ${r.timeouts} timeouts, ${r.non2xx} non-2xx of ${r.total}`);
    log(`    ${Math.round(r.requestsPerS)} req/s · p50 ${r.p50} / p99 ${r.p99} ms`);
  } finally {
    await server.stop();
  }
  return {
    'team: organisation': `${p.people.toLocaleString('en')} people, ${p.enrollments.toLocaleString('en')} enrolments (${p.seedS.toFixed(0)} s)`,
    [`GET /team alone, a manager of ${TEAM}: median`]: `${single.toFixed(1)} ms`,
    [`GET /team, a manager of ${TEAM} (${Math.round(size / 1024)} KB), ${CONNECTIONS} clients: p50 / p99 (target p95 < 100 ms)`]: `${r.p50} / ${r.p99} ms (${Math.round(r.requestsPerS).toLocaleString('en')} req/s; load ${r.load})`,
    [`GET /team?scope=all alone, a manager of ${everyone.people.toLocaleString('en')} in ${everyone.teams} teams (${Math.round(everyone.size / 1024)} KB): median / max of 5 (target < 1 s)`]: `${everyone.times[2]!.toFixed(0)} / ${everyone.times.at(-1)!.toFixed(0)} ms (load ${everyone.load})`,
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const mode = process.argv[2];
  const result = mode === 'prepare' ? await prepare() : null;
  if (!result) throw new Error('Use: bench/team.ts prepare');
  console.log(`BENCH_RESULT ${JSON.stringify(result)}`);
  process.exit(0);
}
