import { sql, type Placeholder, type SQL } from 'drizzle-orm';
import { uuidArray, uuidList, type UuidList } from '../../../platform/db/sql.ts';

/**
 * Talent's signals as SQL fragments other modules read set-based (insight's recommendations):
 * talent owns what a gap is, so the joins over its tables are written here once.
 */

/** One row of `skillGapsSql` or `needGapsSql`: a skill a person needs at a level above their current one. */
export type SkillGapRow = {
  person_id: string;
  skill_id: string;
  kind: 'profile_gap' | 'aspiration_gap' | 'hurdle' | 'goal';
  expected: number;
  /** Null: never assessed. */
  current: number | null;
  basis_assessment_id: string | null;
  /** Where the need comes from: a job profile (held or aspired to), a hurdle or a goal. */
  record_type: 'job_profile' | 'hurdle' | 'goal';
  record_id: string;
  /** False where the need named no level and the target was derived (needGapsSql). */
  level_named?: boolean;
};

/**
 * Every gap of the given people (or the whole organisation's active people when `personIds` is
 * 'all'): the skills of their current profile (profile_gap) and of the profiles they aspire to
 * (aspiration_gap), live profiles and skills only, where the current level (none counts as 0) is
 * below the expected one. One statement for a whole batch: persons → job_profile_skill → person_skill.
 */
export function skillGapsSql(orgId: string, personIds: readonly string[] | 'all'): SQL {
  const who = personIds === 'all' ? sql`true` : sql`p.id = any(${uuidArray(personIds)})`;
  return sql`
    select g.person_id, g.skill_id, g.kind, g.expected::int as expected, ps.level as current,
           ps.basis_assessment_id, 'job_profile'::text as record_type, g.profile_id as record_id, true as level_named
    from (
      select p.id as person_id, jps.skill_id, 'profile_gap'::text as kind, jps.level as expected, p.job_profile_id as profile_id
      from person p
      join job_profile jp on jp.id = p.job_profile_id and jp.archived_at is null
      join job_profile_skill jps on jps.profile_id = p.job_profile_id
      where p.org_id = ${orgId} and p.status = 'active' and ${who}
      union all
      select p.id, jps.skill_id, 'aspiration_gap', jps.level, a.target_profile_id
      from aspiration a
      join person p on p.id = a.person_id
      join job_profile jp on jp.id = a.target_profile_id and jp.archived_at is null
      join job_profile_skill jps on jps.profile_id = a.target_profile_id
      where a.org_id = ${orgId} and p.status = 'active' and ${who}
    ) g
    join skill s on s.id = g.skill_id and s.archived_at is null and s.merged_into_id is null
    left join person_skill ps on ps.person_id = g.person_id and ps.skill_id = g.skill_id
    where coalesce(ps.level, 0) < g.expected`;
}

/**
 * The gaps behind needs that name a skill but rarely a level (a hurdle about a skill, a goal
 * that needs one). `needs` selects person_id, skill_id, level (int or null), kind, record_type,
 * record_id. The target is the need's own level when it has one; otherwise the level the
 * person's profile expects, but always at least one step above where they are now (a hurdle
 * says the current level is not enough), capped at the skill's scale. Live skills and active
 * people of the organisation only; no row where the person already holds the target.
 */
export function needGapsSql(orgId: string, needs: SQL): SQL {
  return sql`
    select n.person_id, n.skill_id, n.kind, t.expected, ps.level as current, ps.basis_assessment_id, n.record_type, n.record_id,
           n.level is not null as level_named
    from (${needs}) n
    join person p on p.id = n.person_id and p.org_id = ${orgId} and p.status = 'active'
    join skill s on s.id = n.skill_id and s.org_id = ${orgId} and s.archived_at is null and s.merged_into_id is null
    left join person_skill ps on ps.person_id = n.person_id and ps.skill_id = n.skill_id
    left join job_profile_skill jps on jps.profile_id = p.job_profile_id and jps.skill_id = n.skill_id
    cross join lateral (
      select least(s.max_level, coalesce(n.level::int, greatest(coalesce(jps.level, 0)::int, floor(coalesce(ps.level, 0))::int + 1)))::int as expected
    ) t
    where coalesce(ps.level, 0) < t.expected`;
}

/** Needs (for `needGapsSql`) of the people's open or in-progress hurdles of category skill that name a skill. */
export function skillHurdleNeedsSql(orgId: string, personIds: readonly string[] | 'all'): SQL {
  const who = personIds === 'all' ? sql`true` : sql`h.person_id = any(${uuidArray(personIds)})`;
  return sql`
    select h.person_id, h.skill_id, null::int as level, 'hurdle'::text as kind, 'hurdle'::text as record_type, h.id as record_id
    from hurdle h
    where h.org_id = ${orgId} and h.category = 'skill' and h.status in ('open', 'in_progress') and h.skill_id is not null and ${who}`;
}

/** The people a profile concerns: those holding it and those aspiring to it (active ones). */
export function peopleOfProfileSql(orgId: string, profileId: string): SQL {
  return sql`
    select p.id from person p where p.org_id = ${orgId} and p.job_profile_id = ${profileId} and p.status = 'active'
    union
    select a.person_id from aspiration a join person p on p.id = a.person_id
    where a.org_id = ${orgId} and a.target_profile_id = ${profileId} and p.status = 'active'`;
}

/** The assessments an explanation names, with who gave them: id, source, level, assessed_at, assessor_name. */
export function assessmentFactsSql(orgId: string | Placeholder, assessmentIds: UuidList): SQL {
  return sql`
    select sa.id, sa.source, sa.level, sa.assessed_at, sa.skill_id,
           case when ap.id is null then null else ap.first_name || ' ' || ap.last_name end as assessor_name
    from skill_assessment sa
    left join person ap on ap.id = sa.assessor_id
    where sa.org_id = ${orgId} and sa.id = any(${uuidList(assessmentIds)})`;
}

/** Names of the skills and job profiles an explanation names: kind ('skill' | 'profile'), id, name. */
export function skillAndProfileNamesSql(orgId: string | Placeholder, skillIds: UuidList, profileIds: UuidList): SQL {
  return sql`
    select 'skill'::text as kind, id, name from skill where org_id = ${orgId} and id = any(${uuidList(skillIds)})
    union all
    select 'profile'::text, id, name from job_profile where org_id = ${orgId} and id = any(${uuidList(profileIds)})`;
}
