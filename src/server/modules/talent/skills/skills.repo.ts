import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { afterKey, escapeLike } from '../../../platform/db/sql.ts';
import { courseSkill, skill } from '../../../db/schema/index.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';

export type SkillRow = typeof skill.$inferSelect;


export async function listSkills(
  db: DbOrTx,
  orgId: string,
  f: { q?: string; category?: string },
  pageArgs: { limit: number; after?: [string, string] },
): Promise<SkillRow[]> {
  const where: SQL[] = [eq(skill.orgId, orgId)];
  if (f.q) where.push(sql`lower(${skill.name}) like ${'%' + escapeLike(f.q.toLowerCase()) + '%'}`);
  if (f.category) where.push(sql`lower(${skill.category}) = lower(${f.category})`);
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
  patch: Partial<Pick<SkillRow, 'name' | 'category' | 'description' | 'maxLevel' | 'levels'>>,
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
