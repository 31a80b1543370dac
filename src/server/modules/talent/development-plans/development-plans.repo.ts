import { and, eq, sql } from 'drizzle-orm';
import { aspiration, course, courseSkill, developmentPlanItem, enrollment, personSkill, program, skill, skillAssessment } from '../../../db/schema/index.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';
import { rows } from '../../../platform/db/sql.ts';

export type PlanItemRow = typeof developmentPlanItem.$inferSelect;
export type PlanItemView = PlanItemRow & {
  skillName: string | null;
  courseTitle: string | null;
  programTitle: string | null;
  enrollmentStatus: (typeof enrollment.$inferSelect)['status'] | null;
};

const viewColumns = {
  item: developmentPlanItem,
  skillName: skill.name,
  courseTitle: course.title,
  programTitle: program.title,
  enrollmentStatus: enrollment.status,
};

function viewQuery(db: DbOrTx) {
  const i = developmentPlanItem;
  return db
    .select(viewColumns)
    .from(i)
    .leftJoin(skill, and(eq(skill.orgId, i.orgId), eq(skill.id, i.skillId)))
    .leftJoin(course, and(eq(course.orgId, i.orgId), eq(course.id, i.courseId)))
    .leftJoin(program, and(eq(program.orgId, i.orgId), eq(program.id, i.programId)))
    .leftJoin(enrollment, and(eq(enrollment.orgId, i.orgId), eq(enrollment.id, i.enrollmentId)));
}
const flatten = (r: { item: PlanItemRow; skillName: string | null; courseTitle: string | null; programTitle: string | null; enrollmentStatus: PlanItemView['enrollmentStatus'] }): PlanItemView => ({
  ...r.item,
  skillName: r.skillName,
  courseTitle: r.courseTitle,
  programTitle: r.programTitle,
  enrollmentStatus: r.enrollmentStatus,
});

/** The plan: open work first (in progress, planned), then done, then dropped; each by due date, undated last. */
export async function listForPerson(db: DbOrTx, orgId: string, personId: string, limit: number): Promise<PlanItemView[]> {
  const i = developmentPlanItem;
  const r = await viewQuery(db)
    .where(and(eq(i.orgId, orgId), eq(i.personId, personId)))
    .orderBy(
      sql`case ${i.status} when 'in_progress' then 0 when 'planned' then 1 when 'done' then 2 else 3 end`,
      sql`${i.dueDate} asc nulls last`,
      i.createdAt,
      i.id,
    )
    .limit(limit);
  return r.map(flatten);
}

export async function findView(db: DbOrTx, orgId: string, id: string): Promise<PlanItemView | undefined> {
  const i = developmentPlanItem;
  const [r] = await viewQuery(db).where(and(eq(i.orgId, orgId), eq(i.id, id))).limit(1);
  return r && flatten(r);
}

export async function findForUpdate(db: DbOrTx, orgId: string, id: string): Promise<PlanItemRow | undefined> {
  const [row] = await db
    .select()
    .from(developmentPlanItem)
    .where(and(eq(developmentPlanItem.orgId, orgId), eq(developmentPlanItem.id, id)))
    .for('update')
    .limit(1);
  return row;
}

export async function insert(db: DbOrTx, values: typeof developmentPlanItem.$inferInsert): Promise<PlanItemRow> {
  const [row] = await db.insert(developmentPlanItem).values(values).returning();
  return row!;
}

export async function update(db: DbOrTx, orgId: string, id: string, patch: Partial<typeof developmentPlanItem.$inferInsert>, now: Date): Promise<PlanItemRow> {
  const [row] = await db
    .update(developmentPlanItem)
    .set({ ...patch, updatedAt: now })
    .where(and(eq(developmentPlanItem.orgId, orgId), eq(developmentPlanItem.id, id)))
    .returning();
  return row!;
}

export async function remove(db: DbOrTx, orgId: string, id: string): Promise<void> {
  await db.delete(developmentPlanItem).where(and(eq(developmentPlanItem.orgId, orgId), eq(developmentPlanItem.id, id)));
}

export async function findSkill(db: DbOrTx, orgId: string, id: string) {
  const [row] = await db.select({ id: skill.id, maxLevel: skill.maxLevel }).from(skill).where(and(eq(skill.orgId, orgId), eq(skill.id, id))).limit(1);
  return row;
}

export async function findCourse(db: DbOrTx, orgId: string, id: string) {
  const [row] = await db.select({ id: course.id, title: course.title, status: course.status }).from(course).where(and(eq(course.orgId, orgId), eq(course.id, id))).limit(1);
  return row;
}

export async function findProgram(db: DbOrTx, orgId: string, id: string) {
  const [row] = await db.select({ id: program.id, title: program.title, status: program.status }).from(program).where(and(eq(program.orgId, orgId), eq(program.id, id))).limit(1);
  return row;
}

export async function findAspirationOf(db: DbOrTx, orgId: string, personId: string, id: string) {
  const [row] = await db
    .select({ id: aspiration.id })
    .from(aspiration)
    .where(and(eq(aspiration.orgId, orgId), eq(aspiration.personId, personId), eq(aspiration.id, id)))
    .limit(1);
  return row;
}

export async function findAssessmentOf(db: DbOrTx, orgId: string, personId: string, id: string) {
  const [row] = await db
    .select({ id: skillAssessment.id })
    .from(skillAssessment)
    .where(and(eq(skillAssessment.orgId, orgId), eq(skillAssessment.personId, personId), eq(skillAssessment.id, id)))
    .limit(1);
  return row;
}

export async function findPersonSkill(db: DbOrTx, orgId: string, personId: string, skillId: string) {
  const [row] = await db
    .select({ level: personSkill.level, basisAssessmentId: personSkill.basisAssessmentId })
    .from(personSkill)
    .where(and(eq(personSkill.orgId, orgId), eq(personSkill.personId, personId), eq(personSkill.skillId, skillId)))
    .limit(1);
  return row;
}

/**
 * The person's current level (null when never assessed) of the item's skill and of every skill
 * the course teaches (for a program, every skill its course steps teach), in one statement.
 */
export async function baselineLevels(
  db: DbOrTx,
  orgId: string,
  personId: string,
  target: { skillId?: string | null; courseId?: string | null; programId?: string | null },
): Promise<Record<string, number | null>> {
  const r = await db.execute(sql`
    with skills as (
      select ${target.skillId ?? null}::uuid as skill_id where ${target.skillId ?? null}::uuid is not null
      union
      select cs.skill_id from ${courseSkill} cs where cs.org_id = ${orgId} and cs.course_id = ${target.courseId ?? null}::uuid
      union
      select cs.skill_id from program_step ps join ${courseSkill} cs on cs.org_id = ps.org_id and cs.course_id = ps.course_id
      where ps.org_id = ${orgId} and ps.program_id = ${target.programId ?? null}::uuid
    )
    select s.skill_id as "skillId", ps.level
    from skills s
    left join ${personSkill} ps on ps.org_id = ${orgId} and ps.person_id = ${personId} and ps.skill_id = s.skill_id`);
  // Current levels are float4: rounded to two decimals so 2.2 is not stored as 2.2000000476837.
  return Object.fromEntries(rows<{ skillId: string; level: number | null }>(r).map((x) => [x.skillId, x.level == null ? null : Math.round(Number(x.level) * 100) / 100]));
}


