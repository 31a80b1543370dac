import { sql, type SQL } from 'drizzle-orm';
import { uuidArray } from '../../../platform/db/sql.ts';

/**
 * A batch of people's talent records as SQL fragments, for readers that show many people at once
 * (insight's team view). One statement per kind of record for the whole batch; no visibility:
 * callers have decided that the reader may see these people's talent (the person, their chain,
 * HR admins).
 */

/**
 * Per person, every skill their live job profile expects or they hold a current level of: person_id,
 * skill_id, skill_name, expected (null: not in the profile), current (null: never assessed),
 * profile_id. Live skills only.
 */
export function skillStandingsSql(orgId: string, personIds: readonly string[]): SQL {
  return sql`
    with ppl as (
      select p.id, p.job_profile_id from person p
      left join job_profile jp on jp.id = p.job_profile_id and jp.archived_at is null
      where p.org_id = ${orgId} and p.id = any(${uuidArray(personIds)})
    ), expected as (
      select ppl.id as person_id, jps.skill_id, jps.level::int as expected, ppl.job_profile_id as profile_id
      from ppl join job_profile jp on jp.id = ppl.job_profile_id and jp.archived_at is null
      join job_profile_skill jps on jps.profile_id = ppl.job_profile_id
    ), held as (
      select ps.person_id, ps.skill_id, ps.level::float8 as current from person_skill ps
      where ps.org_id = ${orgId} and ps.person_id = any(${uuidArray(personIds)})
    )
    select coalesce(e.person_id, h.person_id) as person_id, coalesce(e.skill_id, h.skill_id) as skill_id, s.name as skill_name,
           e.expected, h.current, e.profile_id
    from expected e full join held h on h.person_id = e.person_id and h.skill_id = e.skill_id
    join skill s on s.id = coalesce(e.skill_id, h.skill_id) and s.archived_at is null and s.merged_into_id is null`;
}

/** The people's aspirations: id, person_id, profile_id, profile_name, description, time_frame. */
export function aspirationsOfSql(orgId: string, personIds: readonly string[]): SQL {
  return sql`
    select a.id, a.person_id, a.target_profile_id as profile_id, jp.name as profile_name, a.description, a.time_frame
    from aspiration a left join job_profile jp on jp.id = a.target_profile_id
    where a.org_id = ${orgId} and a.person_id = any(${uuidArray(personIds)})
    order by a.created_at`;
}

/** The people's open and in-progress hurdles: id, person_id, title, category, status, skill_id, goal_id, created_at. */
export function openHurdlesOfSql(orgId: string, personIds: readonly string[]): SQL {
  return sql`
    select h.id, h.person_id, h.title, h.category, h.status, h.skill_id, h.goal_id, h.created_at
    from hurdle h
    where h.org_id = ${orgId} and h.person_id = any(${uuidArray(personIds)}) and h.status in ('open', 'in_progress')
    order by h.created_at`;
}

/** The people's development-plan items still to do (planned, in progress): id, person_id, title, action_type, skill_id, status, due_date. */
export function openPlanItemsOfSql(orgId: string, personIds: readonly string[]): SQL {
  return sql`
    select d.id, d.person_id, d.title, d.action_type, d.skill_id, d.status, d.due_date
    from development_plan_item d
    where d.org_id = ${orgId} and d.person_id = any(${uuidArray(personIds)}) and d.status in ('planned', 'in_progress')
    order by d.due_date nulls last, d.created_at`;
}

/**
 * The skills the live job profile of the person `personId` (an SQL expression, e.g. a column of
 * the caller's query) expects, as a jsonb array of { skillId, expected, max }: what a review
 * rates, fixed when the review is made. Live skills only; `[]` without a profile.
 */
export function expectedSkillsJsonSql(orgId: string, personId: SQL): SQL {
  return sql`coalesce((select jsonb_agg(jsonb_build_object('skillId', jps.skill_id, 'expected', jps.level, 'max', s.max_level) order by s.name)
      from person sp
      join job_profile jp on jp.id = sp.job_profile_id and jp.archived_at is null
      join job_profile_skill jps on jps.profile_id = jp.id
      join skill s on s.id = jps.skill_id and s.archived_at is null
      where sp.org_id = ${orgId} and sp.id = ${personId}), '[]'::jsonb)`;
}
