import { sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { DbOrTx } from '../../../platform/db/index.ts';
import { rows } from '../../../platform/db/sql.ts';

// The SQL of the demo job profiles: skills by name, profiles with expected levels, career paths
// and each person's profile from their job title, all set-based and scoped to the organisation.

export type SeedSkill = { name: string; category: string; description: string; levels: string[] };

/** Adds the skills the organisation lacks (by name, ignoring case); existing ones stay as they are. */
export async function insertMissingSkills(db: DbOrTx, orgId: string, skills: SeedSkill[]): Promise<void> {
  if (!skills.length) return;
  await db.execute(sql`
    insert into skill (id, org_id, name, category, description, max_level, levels)
    select s.id, ${orgId}::uuid, s.name, s.category, s.description, 5, s.levels
    from jsonb_to_recordset(${JSON.stringify(skills.map((k) => ({ id: uuidv7(), ...k })))}::jsonb) as s(id uuid, name text, category text, description text, levels jsonb)
    where not exists (select 1 from skill k where k.org_id = ${orgId}::uuid and lower(k.name) = lower(s.name))`);
}

/** The organisation's live skills by lower-cased name. */
export async function skillIdsByName(db: DbOrTx, orgId: string): Promise<Map<string, { id: string; maxLevel: number }>> {
  const out = rows<{ id: string; name: string; maxLevel: number }>(
    await db.execute(sql`select id, name, max_level as "maxLevel" from skill where org_id = ${orgId}::uuid and archived_at is null`),
  );
  return new Map(out.map((r) => [r.name.toLowerCase(), { id: r.id, maxLevel: Number(r.maxLevel) }]));
}

/** Inserts the profiles and answers their ids by lower-cased name. */
export async function insertProfiles(
  db: DbOrTx,
  orgId: string,
  profiles: { name: string; family: string; description: string }[],
  now: Date,
): Promise<Map<string, string>> {
  const out = rows<{ id: string; name: string }>(
    await db.execute(sql`
      insert into job_profile (id, org_id, name, family, description, created_at, updated_at)
      select p.id, ${orgId}::uuid, p.name, p.family, p.description, ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz
      from jsonb_to_recordset(${JSON.stringify(profiles.map((p) => ({ id: uuidv7(), ...p })))}::jsonb) as p(id uuid, name text, family text, description text)
      on conflict do nothing
      returning id, name`),
  );
  return new Map(out.map((r) => [r.name.toLowerCase(), r.id]));
}

export async function insertExpectedSkills(db: DbOrTx, orgId: string, list: { profileId: string; skillId: string; level: number }[]) {
  if (!list.length) return;
  await db.execute(sql`
    insert into job_profile_skill (org_id, profile_id, skill_id, level)
    select ${orgId}::uuid, e."profileId", e."skillId", e.level
    from jsonb_to_recordset(${JSON.stringify(list)}::jsonb) as e("profileId" uuid, "skillId" uuid, level smallint)
    on conflict do nothing`);
}

export async function insertCareerPaths(
  db: DbOrTx,
  orgId: string,
  list: { fromProfileId: string; toProfileId: string; kind: 'promotion' | 'lateral' }[],
  now: Date,
) {
  if (!list.length) return;
  await db.execute(sql`
    insert into career_path (id, org_id, from_profile_id, to_profile_id, kind, created_at)
    select c.id, ${orgId}::uuid, c."fromProfileId", c."toProfileId", c.kind, ${now.toISOString()}::timestamptz
    from jsonb_to_recordset(${JSON.stringify(list.map((c) => ({ id: uuidv7(), ...c })))}::jsonb) as c(id uuid, "fromProfileId" uuid, "toProfileId" uuid, kind text)
    on conflict do nothing`);
}

/** Every person holds the profile named as their job title (one UPDATE). */
export async function assignProfilesByTitle(db: DbOrTx, orgId: string): Promise<void> {
  await db.execute(sql`
    update person p set job_profile_id = jp.id
    from job_profile jp
    where p.org_id = ${orgId}::uuid and jp.org_id = p.org_id and lower(jp.name) = lower(p.job_title)`);
}
