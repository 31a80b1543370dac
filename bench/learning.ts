// The learning targets of issue 3, on an organisation already in the bench database:
//   My learning p95 with BENCH_ENROLLMENTS (default 20 per person: 2,000,000 at 100,000 people),
//   assigning a course to a 10,000-person group (and the retry), the compliance dashboard.
// Enrolments are generated in SQL (generate_series), the requests go through the whole app.
import { and, eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { createApp } from '../src/server/app.ts';
import type { AppContext } from '../src/server/context.ts';
import { complianceRule, course, courseVersion, group, person, userAccount } from '../src/server/db/schema/index.ts';
import { issueApiToken } from '../src/server/modules/identity/index.ts';

const COURSES = 200;
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const round = (ms: number) => Math.round(ms * 10) / 10;
const seconds = (ms: number) => Math.round(ms) / 1000;

async function exec(ctx: AppContext, text: string, values: unknown[] = []) {
  return (await ctx.database.executeSql(text, values)).rows;
}

/** 200 published courses and `perPerson` enrolments for every person, with realistic statuses and due dates. */
export async function seedLearning(ctx: AppContext, orgId: string, perPerson: number) {
  const content = { sections: [{ id: 's1', title: 'Only', lessons: [{ id: 'l1', title: 'Lesson', blocks: [] }] }] };
  const courses = Array.from({ length: COURSES }, (_, i) => ({ id: uuidv7(), versionId: uuidv7(), title: `Bench course ${i + 1}` }));
  await ctx.db.insert(course).values(
    courses.map((c) => ({ id: c.id, orgId, title: c.title, status: 'published' as const, publishedVersionId: c.versionId, estimatedMinutes: 30 })),
  );
  await ctx.db
    .insert(courseVersion)
    .values(courses.map((c) => ({ id: c.versionId, orgId, courseId: c.id, number: 1, status: 'published' as const, content })));
  const t0 = performance.now();
  // Course k of person p is (p_index * 7 + k * 13) % 200: distinct per person for k < 200/gcd.
  await exec(
    ctx,
    `insert into enrollment (id, org_id, person_id, course_id, version_id, reason_type, source, status, due_at, progress,
       started_at, completed_at, created_at, updated_at)
     select tandem_uuid_v7(), $1, p.id, c.id, c.published_version_id,
       (array['skill_gap','goal','review','one_on_one','compliance','onboarding','self'])[1 + (p.n + k) % 7],
       case when (p.n + k) % 7 = 6 then 'self' else 'assigned' end,
       (array['completed','completed','completed','in_progress','not_started','completed','in_progress','not_started','failed','completed'])[1 + (p.n * 3 + k) % 10],
       now() + ((((p.n + k) % 90) - 30) || ' days')::interval,
       case when (p.n * 3 + k) % 10 in (0,1,2,5,9) then 100 when (p.n * 3 + k) % 10 in (3,6) then 40 else 0 end,
       case when (p.n * 3 + k) % 10 not in (4,7) then now() - interval '40 days' end,
       case when (p.n * 3 + k) % 10 in (0,1,2,5,9) then now() - interval '10 days' end,
       now(), now()
     from (select id, row_number() over (order by id) as n from person where org_id = $1) p
     cross join generate_series(0, $2 - 1) k
     join (select id, published_version_id, row_number() over (order by id) - 1 as i from course where org_id = $1) c
       on c.i = (p.n * 7 + k * 13) % ${COURSES}
     on conflict do nothing`,
    [orgId, perPerson],
  );
  await exec(ctx, 'analyze'); // as autovacuum would after 2,000,000 inserts (PGlite has none)
  const [{ n }] = await exec(ctx, 'select count(*)::int as n from enrollment where org_id = $1', [orgId]);
  return { enrollments: n as number, seedS: seconds(performance.now() - t0), courseIds: courses.map((c) => c.id) };
}

async function tokenFor(ctx: AppContext, orgId: string, personId: string, roles: Array<'learning_admin' | 'hr_admin'> = []) {
  const [p] = await ctx.db.select().from(person).where(and(eq(person.orgId, orgId), eq(person.id, personId)));
  const [existing] = await ctx.db.select().from(userAccount).where(eq(userAccount.personId, personId));
  if (!existing) await ctx.db.insert(userAccount).values({ orgId, personId, email: p!.email, roles });
  return (await issueApiToken(ctx, { email: p!.email, name: 'bench', scopes: roles.length ? ['read', 'write', 'admin'] : ['read'] })).token;
}

async function timeRequests(app: ReturnType<typeof createApp>, reqs: Array<{ path: string; token: string }>, warmup = 20) {
  const call = async (r: { path: string; token: string }) => {
    const t = performance.now();
    const res = await app.request(r.path, { headers: { authorization: `Bearer ${r.token}` } });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${r.path}: ${res.status}`);
    return performance.now() - t;
  };
  for (const r of reqs.slice(0, warmup)) await call(r);
  const times: number[] = [];
  for (const r of reqs) times.push(await call(r));
  times.sort((a, b) => a - b);
  return { count: times.length, p50: round(pct(times, 50)), p95: round(pct(times, 95)), max: round(times.at(-1)!) };
}

export async function learningTask(ctx: AppContext, orgId: string) {
  const perPerson = Number(process.env.BENCH_ENROLLMENTS ?? 20);
  const seeded = await seedLearning(ctx, orgId, perPerson);
  const app = createApp(ctx);
  const people = (await exec(ctx, `select id from person where org_id = $1 order by id`, [orgId])).map((r) => r.id as string);

  // My learning: 30 learners, 10 requests each, interleaved.
  const learners = Array.from({ length: 30 }, (_, i) => people[Math.floor(((i + 0.5) * people.length) / 30)]!);
  const tokens = await Promise.all(learners.map((id) => tokenFor(ctx, orgId, id)));
  const myLearning = await timeRequests(
    app,
    Array.from({ length: 300 }, (_, i) => ({ path: '/api/v1/me/learning', token: tokens[i % tokens.length]! })),
  );

  // Assign a course to a 10,000-person static group, then retry the same assignment.
  const adminToken = await tokenFor(ctx, orgId, people[0]!, ['learning_admin', 'hr_admin']);
  const groupSize = Math.min(10_000, people.length);
  const [g] = await ctx.db.insert(group).values({ orgId, name: `Bench group ${uuidv7().slice(-6)}`, kind: 'static' }).returning();
  await exec(
    ctx,
    `insert into group_member (org_id, group_id, person_id) select $1, $2, id from person where org_id = $1 order by id desc limit $3`,
    [orgId, g!.id, groupSize],
  );
  const [fresh] = await ctx.db.insert(course).values({ orgId, title: 'Bench assignment course', status: 'published' }).returning();
  const [fv] = await ctx.db
    .insert(courseVersion)
    .values({ orgId, courseId: fresh!.id, number: 1, status: 'published', content: { sections: [] } })
    .returning();
  await ctx.db.update(course).set({ publishedVersionId: fv!.id }).where(eq(course.id, fresh!.id));
  const assign = async () => {
    const t = performance.now();
    const res = await app.request('/api/v1/enrollments/assign', {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ courseId: fresh!.id, audience: { type: 'group', groupId: g!.id }, reason: { type: 'skill_gap' }, dueDays: 30 }),
    });
    const body = (await res.json()) as { enrolled: number; alreadyEnrolled: number };
    if (res.status !== 200 && res.status !== 201) throw new Error(`assign: ${res.status} ${JSON.stringify(body)}`);
    return { s: seconds(performance.now() - t), enrolled: body.enrolled, alreadyEnrolled: body.alreadyEnrolled };
  };
  const firstAssign = await assign();
  const retryAssign = await assign();

  // Compliance dashboard over everyone: a rule on one of the seeded courses.
  const [rule] = await ctx.db
    .insert(complianceRule)
    .values({ orgId, name: `Bench compliance ${uuidv7().slice(-6)}`, courseId: seeded.courseIds[0]!, audienceType: 'everyone', validForMonths: 12 })
    .returning();
  await exec(ctx, `update enrollment set compliance_rule_id = $2, expires_at = completed_at + interval '12 months'
    where org_id = $1 and course_id = $3 and status = 'completed'`, [orgId, rule!.id, seeded.courseIds[0]]);
  const dashboard = await timeRequests(
    app,
    Array.from({ length: 20 }, () => ({ path: `/api/v1/compliance/dashboard?ruleId=${rule!.id}`, token: adminToken })),
    3,
  );
  // The page under the dashboard: the rule's people who are overdue, first page by name.
  const rulePeople = await timeRequests(
    app,
    Array.from({ length: 20 }, () => ({ path: `/api/v1/compliance/rules/${rule!.id}/people?status=overdue`, token: adminToken })),
    3,
  );
  return { people: people.length, ...seeded, courseIds: undefined, myLearning, groupSize, firstAssign, retryAssign, dashboard, rulePeople };
}

