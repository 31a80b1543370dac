import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/index.ts';
import { lockKey, rows } from '../../../platform/db/sql.ts';
import type { Expectation, ExistingProfile, ExistingSkill } from './skills-import.plan.ts';

// Reads for planning a whole file at once (one query per table rather than one per row); the
// writes go through the skills and job-profiles repositories.

/** One import of skills or profiles per organisation at a time: a profiles file reads the skills a skills file writes. */
export async function lockImports(db: DbOrTx, orgId: string) {
  await lockKey(db, `talent_import:${orgId}`);
}

/** Every skill of the organisation, archived and merged ones too (their names are taken). */
export async function loadSkills(db: DbOrTx, orgId: string): Promise<ExistingSkill[]> {
  const r = await db.execute(sql`
    select s.id, s.name, s.category, s.description, s.max_level as "maxLevel", s.levels,
           (s.archived_at is not null) as archived, m.name as "mergedInto"
    from skill s left join skill m on m.id = s.merged_into_id and m.org_id = s.org_id
    where s.org_id = ${orgId}`);
  return rows<ExistingSkill & { levels: string[] | null }>(r).map((s) => ({ ...s, maxLevel: Number(s.maxLevel), levels: s.levels ?? [], archived: Boolean(s.archived) }));
}

export async function loadProfiles(db: DbOrTx, orgId: string): Promise<ExistingProfile[]> {
  const r = await db.execute(sql`
    select id, name, family, description, (archived_at is not null) as archived from job_profile where org_id = ${orgId}`);
  return rows<ExistingProfile>(r).map((p) => ({ ...p, archived: Boolean(p.archived) }));
}

export async function loadExpectations(db: DbOrTx, orgId: string): Promise<Expectation[]> {
  const r = await db.execute(sql`select profile_id as "profileId", skill_id as "skillId", level from job_profile_skill where org_id = ${orgId}`);
  return rows<Expectation>(r).map((e) => ({ ...e, level: Number(e.level) }));
}
