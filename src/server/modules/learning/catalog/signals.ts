import { sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/index.ts';
import { rows, uuidArray, uuidList, type UuidList } from '../../../platform/db/sql.ts';

/**
 * The catalog as SQL fragments other modules read set-based (insight's recommendations):
 * learning owns what a course or program teaches, so the joins over its tables are written here once.
 */

/** One row of `courseSkillsSql`: a published course and a skill it teaches, to `level`. */
export type CourseSkillRow = { course_id: string; skill_id: string; level: number; title: string; estimated_minutes: number | null };

/** Published courses teaching any of the skills, with the level each teaches. */
export function courseSkillsSql(orgId: string, skillIds: readonly string[]): SQL {
  return sql`
    select cs.course_id, cs.skill_id, cs.level::int as level, c.title, c.estimated_minutes
    from course_skill cs join course c on c.id = cs.course_id
    where cs.org_id = ${orgId} and c.org_id = ${orgId} and c.status = 'published' and cs.skill_id = any(${uuidArray(skillIds)})`;
}

/**
 * One row of `programCoursesSql`: a published program and one of its course steps that teaches
 * a skill asked for; minutes are the sum over all its course steps (null when none says).
 */
export type ProgramCourseRow = { program_id: string; course_id: string; title: string; estimated_minutes: number | null };

/** Published programs with a course step teaching any of the skills, one row per such step. */
export function programCoursesSql(orgId: string, skillIds: readonly string[]): SQL {
  return sql`
    select ps.program_id, ps.course_id, p.title,
      (select sum(c2.estimated_minutes)::int from program_step s2 join course c2 on c2.id = s2.course_id
       where s2.program_id = p.id and s2.kind = 'course') as estimated_minutes
    from program_step ps
    join program p on p.id = ps.program_id and p.org_id = ${orgId} and p.status = 'published'
    where ps.org_id = ${orgId} and ps.kind = 'course'
      and exists (select 1 from course_skill cs where cs.course_id = ps.course_id and cs.skill_id = any(${uuidArray(skillIds)}))`;
}

/** id, title, summary and estimated minutes (a program's: the sum of its course steps') of the courses and programs named. */
export type LearningItemRow = { item_type: 'course' | 'program'; id: string; title: string; summary: string | null; estimated_minutes: number | null };

export function learningItemsSql(orgId: string | Placeholder, courseIds: UuidList, programIds: UuidList): SQL {
  return sql`
    select 'course'::text as item_type, c.id, c.title, c.summary, c.estimated_minutes
    from course c where c.org_id = ${orgId} and c.id = any(${uuidList(courseIds)})
    union all
    select 'program'::text, p.id, p.title, p.summary,
      (select sum(c2.estimated_minutes)::int from program_step s2 join course c2 on c2.id = s2.course_id
       where s2.program_id = p.id and s2.kind = 'course')
    from program p where p.org_id = ${orgId} and p.id = any(${uuidList(programIds)})`;
}

/** One row of `courseTeachingSql`: a skill a course teaches, to `level`, with the course's title. */
export type CourseTeachingRow = { skill_id: string; level: number; title: string };

/** The skills one course teaches (any status: a completed enrolment may be of a retired course). */
export function courseTeachingSql(orgId: string, courseId: string): SQL {
  return sql`
    select cs.skill_id, cs.level::int as level, c.title
    from course_skill cs join course c on c.id = cs.course_id and c.org_id = ${orgId}
    where cs.org_id = ${orgId} and cs.course_id = ${courseId}::uuid`;
}

/**
 * One row of `checkpointTeachingSql`: a skill taught by a course step before the checkpoint in
 * its program, at the highest level one of them teaches, with the checkpoint's title.
 */
export type CheckpointTeachingRow = { skill_id: string; level: number; title: string | null };

/** What a checkpoint step asks the learner to apply; no rows when the step is no checkpoint. */
export function checkpointTeachingSql(orgId: string, stepId: string): SQL {
  return sql`
    select cs.skill_id, max(cs.level)::int as level, cp.title
    from program_step cp
    join program_step ps on ps.org_id = ${orgId} and ps.program_id = cp.program_id and ps.kind = 'course' and ps.position < cp.position
    join course_skill cs on cs.org_id = ${orgId} and cs.course_id = ps.course_id
    where cp.org_id = ${orgId} and cp.id = ${stepId}::uuid and cp.kind = 'checkpoint'
    group by cs.skill_id, cp.title`;
}

/** The course or program when it is published in the organisation (what may be assigned), else undefined. */
export async function publishedLearningItem(db: DbOrTx, orgId: string, t: { courseId?: string | null; programId?: string | null }) {
  const r = await db.execute(sql`select x.item_type, x.id, x.title from (${learningItemsSql(orgId, t.courseId ? [t.courseId] : [], t.courseId || !t.programId ? [] : [t.programId])}) x
    where exists (select 1 from course c where c.id = x.id and c.status = 'published') or exists (select 1 from program p where p.id = x.id and p.status = 'published')`);
  return rows<Pick<LearningItemRow, 'item_type' | 'id' | 'title'>>(r)[0];
}
