import { and, asc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { careerPath, jobProfile, jobProfileSkill, person, personSkill, skill } from '../../../db/schema/index.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';
import { afterKey, escapeLike, rows, withDates } from '../../../platform/db/sql.ts';

export type JobProfileRow = typeof jobProfile.$inferSelect;
export type CareerPathRow = typeof careerPath.$inferSelect;
export type JobProfileListRow = JobProfileRow & { skillCount: number; holderCount: number };

// Correlated counts written out with table names: a one-table select renders its columns unqualified.
const counts = {
  skillCount: sql<number>`(select count(*)::int from job_profile_skill jps where jps.profile_id = "job_profile"."id")`,
  holderCount: sql<number>`(select count(*)::int from person p where p.org_id = "job_profile"."org_id" and p.job_profile_id = "job_profile"."id" and p.status = 'active')`,
};

export async function listProfiles(
  db: DbOrTx,
  orgId: string,
  f: { q?: string; family?: string; includeArchived?: boolean },
  pageArgs: { limit: number; after?: [string, string] },
): Promise<JobProfileListRow[]> {
  const where: SQL[] = [eq(jobProfile.orgId, orgId)];
  if (!f.includeArchived) where.push(isNull(jobProfile.archivedAt));
  if (f.q) where.push(sql`lower(${jobProfile.name}) like ${'%' + escapeLike(f.q.toLowerCase()) + '%'}`);
  if (f.family) where.push(sql`lower(${jobProfile.family}) = lower(${f.family})`);
  const after = afterKey([sql`lower(${jobProfile.name})`, jobProfile.id], pageArgs.after);
  if (after) where.push(after);
  const out = await db
    .select({ profile: jobProfile, ...counts })
    .from(jobProfile)
    .where(and(...where))
    .orderBy(sql`lower(${jobProfile.name})`, asc(jobProfile.id))
    .limit(pageArgs.limit);
  return out.map((r) => ({ ...r.profile, skillCount: Number(r.skillCount), holderCount: Number(r.holderCount) }));
}

export async function findProfile(db: DbOrTx, orgId: string, id: string): Promise<JobProfileListRow | undefined> {
  const [r] = await db
    .select({ profile: jobProfile, ...counts })
    .from(jobProfile)
    .where(and(eq(jobProfile.orgId, orgId), eq(jobProfile.id, id)))
    .limit(1);
  return r && { ...r.profile, skillCount: Number(r.skillCount), holderCount: Number(r.holderCount) };
}

export async function findProfileByName(db: DbOrTx, orgId: string, name: string): Promise<JobProfileRow | undefined> {
  const [row] = await db
    .select()
    .from(jobProfile)
    .where(and(eq(jobProfile.orgId, orgId), sql`lower(${jobProfile.name}) = lower(${name})`))
    .limit(1);
  return row;
}

export async function insertProfile(db: DbOrTx, values: typeof jobProfile.$inferInsert): Promise<JobProfileRow> {
  const [row] = await db.insert(jobProfile).values(values).returning();
  return row!;
}

export async function updateProfile(
  db: DbOrTx,
  orgId: string,
  id: string,
  patch: Partial<Pick<JobProfileRow, 'name' | 'family' | 'description' | 'archivedAt'>>,
  now: Date,
): Promise<void> {
  await db
    .update(jobProfile)
    .set({ ...patch, updatedAt: now })
    .where(and(eq(jobProfile.orgId, orgId), eq(jobProfile.id, id)));
}

export type ExpectedSkillRow = { skillId: string; name: string; category: string | null; maxLevel: number; levels: string[]; level: number };

/** The expected skills of a profile, by skill name. */
export async function expectedSkills(db: DbOrTx, orgId: string, profileId: string): Promise<ExpectedSkillRow[]> {
  const out = await db
    .select({
      skillId: jobProfileSkill.skillId,
      name: skill.name,
      category: skill.category,
      maxLevel: skill.maxLevel,
      levels: skill.levels,
      level: jobProfileSkill.level,
    })
    .from(jobProfileSkill)
    .innerJoin(skill, eq(skill.id, jobProfileSkill.skillId))
    .where(and(eq(jobProfileSkill.orgId, orgId), eq(jobProfileSkill.profileId, profileId)))
    .orderBy(sql`lower(${skill.name})`, asc(skill.id));
  return out.map((r) => ({ ...r, levels: r.levels ?? [] }));
}

/** Replaces the profile's expected skills with these (set-based: one delete, one insert). */
export async function replaceExpectedSkills(db: DbOrTx, orgId: string, profileId: string, list: { skillId: string; level: number }[]) {
  await db.delete(jobProfileSkill).where(and(eq(jobProfileSkill.orgId, orgId), eq(jobProfileSkill.profileId, profileId)));
  if (list.length) await db.insert(jobProfileSkill).values(list.map((s) => ({ orgId, profileId, skillId: s.skillId, level: s.level })));
}

// Career paths ---------------------------------------------------------------------------------

export type CareerStepRow = CareerPathRow & {
  fromName: string;
  fromFamily: string | null;
  fromArchived: boolean;
  toName: string;
  toFamily: string | null;
  toArchived: boolean;
};

export async function listSteps(db: DbOrTx, orgId: string, f: { profileId?: string; id?: string } = {}): Promise<CareerStepRow[]> {
  const filter = f.id
    ? sql`and cp.id = ${f.id}`
    : f.profileId
      ? sql`and (cp.from_profile_id = ${f.profileId} or cp.to_profile_id = ${f.profileId})`
      : sql``;
  const result = await db.execute(sql`
    select cp.id, cp.org_id as "orgId", cp.from_profile_id as "fromProfileId", cp.to_profile_id as "toProfileId",
           cp.kind, cp.note, cp.created_at as "createdAt",
           f.name as "fromName", f.family as "fromFamily", (f.archived_at is not null) as "fromArchived",
           t.name as "toName", t.family as "toFamily", (t.archived_at is not null) as "toArchived"
    from career_path cp
    join job_profile f on f.id = cp.from_profile_id
    join job_profile t on t.id = cp.to_profile_id
    where cp.org_id = ${orgId} ${filter}
    order by lower(f.name), case cp.kind when 'promotion' then 0 else 1 end, lower(t.name), cp.id`);
  return rows<CareerStepRow>(result).map((r) => withDates(r, ['createdAt']));
}

export async function findStep(db: DbOrTx, orgId: string, fromId: string, toId: string): Promise<CareerPathRow | undefined> {
  const [row] = await db
    .select()
    .from(careerPath)
    .where(and(eq(careerPath.orgId, orgId), eq(careerPath.fromProfileId, fromId), eq(careerPath.toProfileId, toId)))
    .limit(1);
  return row;
}

/** Whether `fromId` is reachable from `startId` by promotion steps: a promotion from→start would then close a loop. */
export async function promotionReaches(db: DbOrTx, orgId: string, startId: string, targetId: string): Promise<boolean> {
  const result = await db.execute(sql`
    with recursive up(id) as (
      select ${startId}::uuid
      union
      select cp.to_profile_id from career_path cp join up on cp.from_profile_id = up.id
      where cp.org_id = ${orgId} and cp.kind = 'promotion'
    )
    select exists(select 1 from up where id = ${targetId}::uuid) as "found"`);
  return Boolean(rows<{ found: boolean }>(result)[0]?.found);
}

export async function insertStep(db: DbOrTx, values: typeof careerPath.$inferInsert): Promise<CareerPathRow> {
  const [row] = await db.insert(careerPath).values(values).returning();
  return row!;
}

export async function deleteStep(db: DbOrTx, orgId: string, id: string): Promise<void> {
  await db.delete(careerPath).where(and(eq(careerPath.orgId, orgId), eq(careerPath.id, id)));
}

// People ---------------------------------------------------------------------------------------

export async function personProfileId(db: DbOrTx, orgId: string, personId: string): Promise<{ jobProfileId: string | null } | undefined> {
  const [row] = await db
    .select({ jobProfileId: person.jobProfileId })
    .from(person)
    .where(and(eq(person.orgId, orgId), eq(person.id, personId)))
    .limit(1);
  return row;
}

export async function setPersonProfile(db: DbOrTx, orgId: string, personId: string, jobProfileId: string | null, now: Date) {
  await db
    .update(person)
    .set({ jobProfileId, updatedAt: now })
    .where(and(eq(person.orgId, orgId), eq(person.id, personId)));
}

/** The person's current level of each of these skills (absent: never assessed). */
export async function currentLevels(db: DbOrTx, orgId: string, personId: string): Promise<Map<string, number>> {
  const out = await db
    .select({ skillId: personSkill.skillId, level: personSkill.level })
    .from(personSkill)
    .where(and(eq(personSkill.orgId, orgId), eq(personSkill.personId, personId)));
  return new Map(out.map((r) => [r.skillId, Number(r.level)]));
}
