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
