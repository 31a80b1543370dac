import { eq, sql } from 'drizzle-orm';
import { certificate, course } from '../../../db/schema/index.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';
import { rows, uuidArray } from '../../../platform/db/sql.ts';

// The demo loop's SQL: the baselines the story enrolments lack, the extra completions that wait
// for the manager, and the reads the story picks its ratings from (set-based, one statement each).

/**
 * The story enrolments carry no baseline: each completed skill enrolment without one takes the
 * latest rating of each skill its course teaches from before it was assigned.
 */
export async function fillSkillBaselines(tx: DbOrTx, orgId: string): Promise<void> {
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
}

export async function courseTitles(tx: DbOrTx, orgId: string): Promise<Map<string, string>> {
  return new Map((await tx.select({ id: course.id, title: course.title }).from(course).where(eq(course.orgId, orgId))).map((c) => [c.id, c.title]));
}

/**
 * Up to four of the team (not `except`) complete, 63–72 days before `today`, a published course
 * the manager assigned for a skill nobody has rated them on yet, with `note` as the reason's
 * note; returns those enrolments.
 */
export async function insertUnratedCompletions(
  tx: DbOrTx,
  orgId: string,
  o: { team: readonly string[]; except: string; managerId: string; note: string; today: Date },
) {
  await tx.execute(sql`
    insert into enrollment (id, org_id, person_id, course_id, version_id, reason_type, reason_note, baseline_levels, source,
      assigned_by, status, progress, started_at, completed_at, last_activity_at, created_at, updated_at)
    select tandem_uuid_v7(), ${orgId}, g.person_id, g.course_id, c.published_version_id, 'skill_gap', ${o.note},
      jsonb_build_object(g.skill_id::text, g.level), 'assigned', ${o.managerId}, 'completed', 100,
      ${o.today}::timestamptz - make_interval(days => 85 - g.n * 3), ${o.today}::timestamptz - make_interval(days => 75 - g.n * 3),
      ${o.today}::timestamptz - make_interval(days => 75 - g.n * 3), ${o.today}::timestamptz - make_interval(days => 100 - g.n * 3),
      ${o.today}::timestamptz - make_interval(days => 75 - g.n * 3)
    from (
      select x.*, row_number() over (order by x.person_id)::int as n from (
        select distinct on (p.id) p.id as person_id, cs.course_id, cs.skill_id, null::float as level
        from person p
        join course_skill cs on true
        -- Not self-paced: a self-paced completion has its graded quiz attempt, which this story does not write.
        join course c on c.id = cs.course_id and c.status = 'published' and c.org_id = ${orgId} and c.format <> 'self_paced'
        where p.org_id = ${orgId} and p.id = any(${uuidArray(o.team)}) and p.id <> ${o.except} and p.status = 'active'
          and not exists (select 1 from enrollment e where e.person_id = p.id and e.course_id = cs.course_id)
          -- A skill they were never rated on: the loop has to ask the manager.
          and not exists (select 1 from skill_assessment sa where sa.person_id = p.id and sa.skill_id = cs.skill_id)
        order by p.id, cs.course_id, cs.skill_id) x
      order by x.person_id limit 4) g
    join course c on c.id = g.course_id`);
  return rows<{ id: string; person_id: string; course_id: string; completed_at: string }>(
    await tx.execute(sql`select id, person_id, course_id, completed_at from enrollment
      where org_id = ${orgId} and reason_note = ${o.note} and status = 'completed'`),
  );
}

export async function insertCertificates(tx: DbOrTx, values: Array<typeof certificate.$inferInsert>): Promise<void> {
  if (values.length) await tx.insert(certificate).values(values);
}

/**
 * The team's completed skill-gap courses (top-level, completed before `before`) with each skill
 * they teach and its baseline, oldest completion first, `first`'s before anyone's.
 */
export async function teamSkillGapCompletions(tx: DbOrTx, orgId: string, o: { team: readonly string[]; first: string; before: Date }) {
  return rows<{ person_id: string; skill_id: string; baseline: number | null; completed_at: string }>(
    await tx.execute(sql`
      select e.person_id, cs.skill_id, (e.baseline_levels ->> cs.skill_id::text)::float as baseline, e.completed_at
      from enrollment e join course_skill cs on cs.course_id = e.course_id
      where e.org_id = ${orgId} and e.person_id = any(${uuidArray(o.team)})
        and e.status = 'completed' and e.reason_type = 'skill_gap' and e.parent_enrollment_id is null
        and e.completed_at < ${o.before}
      order by (e.person_id = ${o.first}) desc, e.completed_at, cs.skill_id`),
  );
}

/** Completed top-level enrolments whose reason is followed up. */
export async function completedWithFollowedReason(tx: DbOrTx, orgId: string): Promise<string[]> {
  return rows<{ id: string }>(
    await tx.execute(sql`select id from enrollment where org_id = ${orgId} and status = 'completed' and parent_enrollment_id is null
      and reason_type in ('skill_gap', 'aspiration', 'goal', 'hurdle', 'one_on_one', 'review')`),
  ).map((r) => r.id);
}
