import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { certificate, course } from '../../../db/schema/index.ts';
import type { AppContext } from '../../../context.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';
import { rows, uuidArray } from '../../../platform/db/sql.ts';
import { createFollowUps, sweepOrganisation } from '../../../modules/insight/index.ts';
import { recordAssessments, type SystemAssessment } from '../../../modules/talent/index.ts';
import type { DemoInsightInput } from './index.ts';

const DAY = 86_400_000;
const STORY_NOTE = 'Agreed in our 1:1: work on this before next quarter';

/**
 * The closed loop as it stands after a year of Acme: each completed enrolment with a reason gets
 * its follow-up, then the sweep runs as it does every night. Where the window has ended, what the
 * record says decides it (a newer rating, the goal's progress, a resolved hurdle), or someone is
 * asked (the manager to re-rate, the person about the hurdle, the next 1:1); within the window it
 * is pending. The demo employee's data course closes its gap (her manager rated her higher since);
 * a teammate's course did not move the rating; the manager is asked to re-rate the others.
 */
export async function seedDemoFollowUps(ctx: AppContext, tx: DbOrTx, input: DemoInsightInput, today: Date): Promise<void> {
  const { orgId, org } = input;
  // The story enrolments carry no baseline: take the latest rating of each skill the course teaches before it was assigned.
  await tx.execute(sql`
    update enrollment e set baseline_levels = b.levels
    from (
      select e2.id, jsonb_object_agg(cs.skill_id::text, (
        select sa.level from skill_assessment sa
        where sa.org_id = e2.org_id and sa.person_id = e2.person_id and sa.skill_id = cs.skill_id and sa.assessed_at <= e2.created_at
        order by sa.assessed_at desc limit 1)) as levels
      from enrollment e2 join course_skill cs on cs.course_id = e2.course_id
      where e2.org_id = ${orgId} and e2.status = 'completed' and coalesce(e2.baseline_levels, '{}'::jsonb) = '{}'::jsonb
        and e2.reason_type in ('skill_gap', 'aspiration', 'review')
      group by e2.id) b
    where e.id = b.id`);

  const manager = org.people.find((p) => p.demoRole === 'manager')!;
  const employee = org.people.find((p) => p.demoRole === 'employee')!;
  const team = org.people.filter((p) => p.managerId === manager.id).map((p) => p.id);
  const nameOf = new Map(org.people.map((p) => [p.id, `${p.firstName} ${p.lastName}`]));
  const courseTitles = new Map((await tx.select({ id: course.id, title: course.title }).from(course).where(eq(course.orgId, orgId))).map((c) => [c.id, c.title]));
  // Four more of the manager's reports finished a course he assigned 63–72 days ago, on a skill
  // nobody has rated them on yet: the loop asks him to rate it now.
  await tx.execute(sql`
    insert into enrollment (id, org_id, person_id, course_id, version_id, reason_type, reason_note, baseline_levels, source,
      assigned_by, status, progress, started_at, completed_at, last_activity_at, created_at, updated_at)
    select tandem_uuid_v7(), ${orgId}, g.person_id, g.course_id, c.published_version_id, 'skill_gap', ${STORY_NOTE},
      jsonb_build_object(g.skill_id::text, g.level), 'assigned', ${manager.id}, 'completed', 100,
      ${today}::timestamptz - make_interval(days => 85 - g.n * 3), ${today}::timestamptz - make_interval(days => 75 - g.n * 3),
      ${today}::timestamptz - make_interval(days => 75 - g.n * 3), ${today}::timestamptz - make_interval(days => 100 - g.n * 3),
      ${today}::timestamptz - make_interval(days => 75 - g.n * 3)
    from (
      select x.*, row_number() over (order by x.person_id)::int as n from (
        select distinct on (p.id) p.id as person_id, cs.course_id, cs.skill_id, null::float as level
        from person p
        join course_skill cs on true
        -- Not self-paced: a self-paced completion has its graded quiz attempt, which this story does not write.
        join course c on c.id = cs.course_id and c.status = 'published' and c.org_id = ${orgId} and c.format <> 'self_paced'
        where p.org_id = ${orgId} and p.id = any(${uuidArray(team)}) and p.id <> ${employee.id} and p.status = 'active'
          and not exists (select 1 from enrollment e where e.person_id = p.id and e.course_id = cs.course_id)
          -- A skill they were never rated on: the loop has to ask the manager.
          and not exists (select 1 from skill_assessment sa where sa.person_id = p.id and sa.skill_id = cs.skill_id)
        order by p.id, cs.course_id, cs.skill_id) x
      order by x.person_id limit 4) g
    join course c on c.id = g.course_id`);
  // Each with its certificate, as every completion has.
  const made = rows<{ id: string; person_id: string; course_id: string; completed_at: string }>(
    await tx.execute(sql`select id, person_id, course_id, completed_at from enrollment
      where org_id = ${orgId} and reason_note = ${STORY_NOTE} and status = 'completed'`),
  );
  if (made.length) {
    await tx.insert(certificate).values(
      made.map((e) => ({
        orgId, enrollmentId: e.id, personId: e.person_id, courseId: e.course_id,
        title: courseTitles.get(e.course_id) ?? 'Course', personName: nameOf.get(e.person_id) ?? '',
        issuedAt: new Date(e.completed_at), verificationCode: randomBytes(12).toString('base64url'),
      })),
    );
  }
  // The team's completed skill-gap courses, oldest completion first: the employee's first.
  const gaps = rows<{ person_id: string; skill_id: string; baseline: number | null; completed_at: string }>(
    await tx.execute(sql`
      select e.person_id, cs.skill_id, (e.baseline_levels ->> cs.skill_id::text)::float as baseline, e.completed_at
      from enrollment e join course_skill cs on cs.course_id = e.course_id
      where e.org_id = ${orgId} and e.person_id = any(${uuidArray(team)})
        and e.status = 'completed' and e.reason_type = 'skill_gap' and e.parent_enrollment_id is null
        and e.completed_at < ${new Date(today.getTime() - 60 * DAY)}
      order by (e.person_id = ${employee.id}) desc, e.completed_at, cs.skill_id`),
  );
  const seen = new Set<string>();
  const ratings: SystemAssessment[] = [];
  for (const g of gaps) {
    if (seen.has(g.person_id) || seen.size >= 2) continue;
    seen.add(g.person_id);
    // The first closed her gap (rated a level higher since); the second did not move; the rest wait for the manager.
    const rose = seen.size === 1;
    const before = Math.round(g.baseline ?? 1);
    ratings.push({
      personId: g.person_id, skillId: g.skill_id, level: rose ? before + 1 : before, source: 'manager', assessorId: manager.id,
      assessedAt: new Date(today.getTime() - (20 + seen.size * 4) * DAY),
      note: rose ? 'Applies what the course taught without help now.' : 'Still needs support here.',
    });
  }
  await recordAssessments(tx, orgId, ratings, { now: today, record: false });

  const completed = rows<{ id: string }>(
    await tx.execute(sql`select id from enrollment where org_id = ${orgId} and status = 'completed' and parent_enrollment_id is null
      and reason_type in ('skill_gap', 'aspiration', 'goal', 'hurdle', 'one_on_one', 'review')`),
  );
  await createFollowUps(tx, orgId, completed.map((r) => r.id), today);
  // The nightly sweep, inside the seed's transaction (a nested transaction is a savepoint).
  await sweepOrganisation({ ...ctx, db: tx as AppContext['db'] }, orgId);
}
