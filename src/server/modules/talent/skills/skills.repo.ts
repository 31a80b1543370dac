import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { afterKey, escapeLike, rows, uuidArray } from '../../../platform/db/sql.ts';
import { courseSkill, developmentPlanItem, jobProfileSkill, personSkill, skill, skillAssessment } from '../../../db/schema/index.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';

export type SkillRow = typeof skill.$inferSelect;


export async function listSkills(
  db: DbOrTx,
  orgId: string,
  f: { q?: string; category?: string; includeArchived?: boolean },
  pageArgs: { limit: number; after?: [string, string] },
): Promise<SkillRow[]> {
  const where: SQL[] = [eq(skill.orgId, orgId)];
  if (f.q) where.push(sql`lower(${skill.name}) like ${'%' + escapeLike(f.q.toLowerCase()) + '%'}`);
  if (f.category) where.push(sql`lower(${skill.category}) = lower(${f.category})`);
  // A merged skill lives on only in the audit trail; an archived one is listed when asked for.
  where.push(sql`${skill.mergedIntoId} is null`);
  if (!f.includeArchived) where.push(sql`${skill.archivedAt} is null`);
  const after = afterKey([sql`lower(${skill.name})`, skill.id], pageArgs.after);
  if (after) where.push(after);
  return db
    .select()
    .from(skill)
    .where(and(...where))
    .orderBy(sql`lower(${skill.name})`, asc(skill.id))
    .limit(pageArgs.limit);
}

export async function findSkill(db: DbOrTx, orgId: string, id: string): Promise<SkillRow | undefined> {
  const [row] = await db.select().from(skill).where(and(eq(skill.orgId, orgId), eq(skill.id, id))).limit(1);
  return row;
}

/** Skills of the organisation among these ids. */
export async function findSkills(db: DbOrTx, orgId: string, ids: string[]): Promise<SkillRow[]> {
  if (!ids.length) return [];
  return db.select().from(skill).where(and(eq(skill.orgId, orgId), inArray(skill.id, ids)));
}

export async function findSkillByName(db: DbOrTx, orgId: string, name: string): Promise<SkillRow | undefined> {
  const [row] = await db
    .select()
    .from(skill)
    .where(and(eq(skill.orgId, orgId), sql`lower(${skill.name}) = lower(${name})`))
    .limit(1);
  return row;
}

export async function insertSkill(db: DbOrTx, values: typeof skill.$inferInsert): Promise<SkillRow> {
  const [row] = await db.insert(skill).values(values).returning();
  return row!;
}

export async function updateSkill(
  db: DbOrTx,
  orgId: string,
  id: string,
  patch: Partial<Pick<SkillRow, 'name' | 'category' | 'description' | 'maxLevel' | 'levels' | 'archivedAt' | 'mergedIntoId'>>,
  now: Date,
): Promise<SkillRow> {
  const [row] = await db
    .update(skill)
    .set({ ...patch, updatedAt: now })
    .where(and(eq(skill.orgId, orgId), eq(skill.id, id)))
    .returning();
  return row!;
}

export async function deleteSkill(db: DbOrTx, orgId: string, id: string): Promise<void> {
  await db.delete(skill).where(and(eq(skill.orgId, orgId), eq(skill.id, id)));
}

/** The highest level any course teaches this skill to: the skill cannot shrink below it. */
export async function highestCourseLevel(db: DbOrTx, orgId: string, skillId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`coalesce(max(${courseSkill.level}), 0)::int` })
    .from(courseSkill)
    .where(and(eq(courseSkill.orgId, orgId), eq(courseSkill.skillId, skillId)));
  return Number(row?.n ?? 0);
}

/** How many records hold each level of the skill: what a rescale would map. */
export async function levelUsage(
  db: DbOrTx,
  orgId: string,
  skillId: string,
): Promise<Array<{ level: number; assessments: number; expectations: number; courses: number }>> {
  const r = await db.execute(sql`
    select level, sum(a)::int as assessments, sum(e)::int as expectations, sum(c)::int as courses from (
      select level, 1 as a, 0 as e, 0 as c from ${skillAssessment} where org_id = ${orgId} and skill_id = ${skillId}
      union all select level, 0, 1, 0 from ${jobProfileSkill} where org_id = ${orgId} and skill_id = ${skillId}
      union all select level, 0, 0, 1 from ${courseSkill} where org_id = ${orgId} and skill_id = ${skillId}
    ) u group by level order by level`);
  return rows<{ level: number; assessments: number; expectations: number; courses: number }>(r);
}

/** Rewrites every level of the skill by the mapping (index = old level − 1), in three set-based updates. */
export async function mapLevels(db: DbOrTx, orgId: string, skillId: string, mapping: number[]): Promise<void> {
  const map = sql`(array[${sql.join(mapping.map((m) => sql`${m}`), sql`, `)}]::smallint[])`;
  await db.execute(sql`update ${skillAssessment} set level = ${map}[level] where org_id = ${orgId} and skill_id = ${skillId}`);
  await db.execute(sql`update ${jobProfileSkill} set level = ${map}[level] where org_id = ${orgId} and skill_id = ${skillId}`);
  await db.execute(sql`update ${courseSkill} set level = ${map}[level] where org_id = ${orgId} and skill_id = ${skillId}`);
}

/** People with assessments of any of these skills (their current levels need recomputing). */
export async function assessedPeople(db: DbOrTx, orgId: string, skillIds: string[]): Promise<string[]> {
  const r = await db.execute(sql`select distinct person_id from ${skillAssessment} where org_id = ${orgId} and skill_id = any(${uuidArray(skillIds)})`);
  return rows<{ person_id: string }>(r).map((x) => x.person_id);
}

export type MergeCounts = { courses: number; expectations: number; assessments: number; planItems: number };

/**
 * Moves every record of `fromId` onto `intoId`: a course or profile naming both keeps the higher
 * level; an assessment from the same source record as one of the target is the same evidence
 * twice and is dropped. Current levels of both skills are removed for the caller to recompute.
 */
export async function mergeSkillRecords(db: DbOrTx, orgId: string, fromId: string, intoId: string): Promise<MergeCounts> {
  const courses = rows<{ n: number }>(
    await db.execute(sql`with moved as (
      insert into ${courseSkill} (org_id, course_id, skill_id, level)
      select org_id, course_id, ${intoId}, level from ${courseSkill} where org_id = ${orgId} and skill_id = ${fromId}
      on conflict (course_id, skill_id) do update set level = greatest(${courseSkill.level}, excluded.level)
      returning 1) select count(*)::int as n from moved`),
  )[0]!.n;
  await db.execute(sql`delete from ${courseSkill} where org_id = ${orgId} and skill_id = ${fromId}`);
  const expectations = rows<{ n: number }>(
    await db.execute(sql`with moved as (
      insert into ${jobProfileSkill} (org_id, profile_id, skill_id, level)
      select org_id, profile_id, ${intoId}, level from ${jobProfileSkill} where org_id = ${orgId} and skill_id = ${fromId}
      on conflict (profile_id, skill_id) do update set level = greatest(${jobProfileSkill.level}, excluded.level)
      returning 1) select count(*)::int as n from moved`),
  )[0]!.n;
  await db.execute(sql`delete from ${jobProfileSkill} where org_id = ${orgId} and skill_id = ${fromId}`);
  await db.execute(sql`delete from ${skillAssessment} a where a.org_id = ${orgId} and a.skill_id = ${fromId} and a.source_record_id is not null
    and exists (select 1 from ${skillAssessment} b where b.org_id = ${orgId} and b.skill_id = ${intoId}
      and b.source_record_type = a.source_record_type and b.source_record_id = a.source_record_id)`);
  const assessments = rows<{ n: number }>(
    await db.execute(sql`with moved as (update ${skillAssessment} set skill_id = ${intoId} where org_id = ${orgId} and skill_id = ${fromId} returning 1)
      select count(*)::int as n from moved`),
  )[0]!.n;
  const planItems = rows<{ n: number }>(
    await db.execute(sql`with moved as (update ${developmentPlanItem} set skill_id = ${intoId} where org_id = ${orgId} and skill_id = ${fromId} returning 1)
      select count(*)::int as n from moved`),
  )[0]!.n;
  await db.execute(sql`delete from ${personSkill} where org_id = ${orgId} and skill_id in (${fromId}, ${intoId})`);
  return { courses, expectations, assessments, planItems };
}

/** Records that would lose their skill if it were deleted (deleting cascades: archive instead). */
export async function skillRecordCount(db: DbOrTx, orgId: string, skillId: string): Promise<number> {
  const r = await db.execute(sql`select
    (select count(*) from ${skillAssessment} where org_id = ${orgId} and skill_id = ${skillId})
    + (select count(*) from ${jobProfileSkill} where org_id = ${orgId} and skill_id = ${skillId}) as n`);
  return Number(rows<{ n: number | string }>(r)[0]?.n ?? 0);
}
