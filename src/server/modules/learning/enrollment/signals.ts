import { sql, type SQL } from 'drizzle-orm';
import { isOpenStatus } from '../../../db/schema/learning.ts';
import { uuidArray } from '../../../platform/db/sql.ts';

/**
 * Enrolments as SQL fragments other modules read set-based (insight's recommendations): what
 * "open" means is learning's (`isOpenStatus`), so it is written here once.
 */

/** One row of `openOrCompletedLearningSql`: a course or program the person holds an open or completed enrolment in. */
export type HeldLearningRow = { person_id: string; item_type: 'course' | 'program'; item_id: string };

/** The courses and programs each person holds an open or completed enrolment in (expired ones do not count). */
export function openOrCompletedLearningSql(orgId: string, personIds: readonly string[]): SQL {
  return sql`
    select distinct person_id,
      case when course_id is not null then 'course' else 'program' end as item_type,
      coalesce(course_id, program_id) as item_id
    from enrollment
    where org_id = ${orgId} and person_id = any(${uuidArray(personIds)})
      and (course_id is not null or program_id is not null)
      and (${isOpenStatus(sql`status`)} or status = 'completed')`;
}

/** The learners of the enrolments (person_id). */
export function learnersOfEnrollmentsSql(orgId: string, enrollmentIds: readonly string[]): SQL {
  return sql`select distinct person_id from enrollment where org_id = ${orgId} and id = any(${uuidArray(enrollmentIds)})`;
}

/**
 * The people's top-level learning (not the course steps of a program): open enrolments, and those
 * completed on or after `since` (none when it is null), with why: id, person_id, item_type, item_id, title, status, due_at,
 * completed_at, reason_type, reason_record_type, reason_record_id, compliance (from a compliance
 * rule or with that reason), and the skills the course (or the program's courses) teach as skill_ids.
 */
export function learningOfPeopleSql(orgId: string, personIds: readonly string[], since: Date | null): SQL {
  return sql`
    select e.id, e.person_id, case when e.course_id is not null then 'course' else 'program' end as item_type,
      coalesce(e.course_id, e.program_id) as item_id, coalesce(c.title, p.title) as title, e.status, e.due_at, e.completed_at,
      e.reason_type, e.reason_record_type, e.reason_record_id,
      (e.compliance_rule_id is not null or e.reason_type = 'compliance') as compliance,
      coalesce(ct.skill_ids, pt.skill_ids, '{}') as skill_ids
    from enrollment e
    left join course c on c.id = e.course_id
    left join program p on p.id = e.program_id
    -- One lateral per kind, each an index lookup (course_skill's key starts with course_id): an
    -- "or" over both kinds made PostgreSQL scan course_skill once per enrolment.
    left join lateral (
      select array_agg(cs.skill_id::text) as skill_ids from course_skill cs where cs.course_id = e.course_id
    ) ct on e.course_id is not null
    left join lateral (
      select array_agg(distinct cs.skill_id::text) as skill_ids
      from program_step ps join course_skill cs on cs.course_id = ps.course_id
      where ps.program_id = e.program_id and ps.kind = 'course'
    ) pt on e.program_id is not null
    where e.org_id = ${orgId} and e.person_id = any(${uuidArray(personIds)}) and e.parent_enrollment_id is null
      and ${since ? sql`(${isOpenStatus(sql`e.status`)} or (e.status = 'completed' and e.completed_at >= ${since.toISOString()}::timestamptz))` : isOpenStatus(sql`e.status`)}
    order by e.due_at nulls last, e.created_at`;
}
