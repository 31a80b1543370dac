import { and, asc, eq, sql } from 'drizzle-orm';
import { goal, goalSkill, goalTemplate, groupMember, keyResult, person, skill } from '../../../db/schema/index.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';
import { lockKey, rows, uuidArray } from '../../../platform/db/sql.ts';
import { departmentsBelowSql } from '../../org/index.ts';

export type TemplateRow = typeof goalTemplate.$inferSelect;

export async function listTemplates(db: DbOrTx, orgId: string): Promise<TemplateRow[]> {
  return db.select().from(goalTemplate).where(eq(goalTemplate.orgId, orgId)).orderBy(sql`${goalTemplate.archivedAt} is not null`, asc(goalTemplate.title));
}

export async function findTemplate(db: DbOrTx, orgId: string, id: string): Promise<TemplateRow | undefined> {
  const [row] = await db.select().from(goalTemplate).where(and(eq(goalTemplate.orgId, orgId), eq(goalTemplate.id, id)));
  return row;
}

export async function insertTemplate(db: DbOrTx, values: typeof goalTemplate.$inferInsert): Promise<TemplateRow> {
  const [row] = await db.insert(goalTemplate).values(values).returning();
  return row!;
}

export async function updateTemplate(db: DbOrTx, orgId: string, id: string, patch: Partial<typeof goalTemplate.$inferInsert>): Promise<TemplateRow> {
  const [row] = await db.update(goalTemplate).set(patch).where(and(eq(goalTemplate.orgId, orgId), eq(goalTemplate.id, id))).returning();
  return row!;
}

export type AudienceSpec = { type: 'people'; personIds: string[] } | { type: 'group'; id: string } | { type: 'department'; id: string };

/** The active people of the audience, optionally only those below `managerId`, as `select id`. */
export function audienceSql(orgId: string, a: AudienceSpec): ReturnType<typeof sql> {
  const base = sql`select p.id from ${person} p where p.org_id = ${orgId} and p.status = 'active'`;
  if (a.type === 'people') return sql`${base} and p.id = any(${uuidArray(a.personIds)})`;
  if (a.type === 'group') return sql`${base} and p.id in (select gm.person_id from ${groupMember} gm where gm.org_id = ${orgId} and gm.group_id = ${a.id}::uuid)`;
  return sql`${base} and p.department_id in (${departmentsBelowSql(orgId, [a.id])})`;
}

/**
 * The active people of several audiences, each once, and whether they already hold a goal from
 * the template in the period (no period: among goals without one), in one statement.
 */
export async function audienceHolding(
  db: DbOrTx,
  orgId: string,
  audiences: AudienceSpec[],
  templateId: string,
  periodId: string | null,
): Promise<Array<{ id: string; had: boolean }>> {
  const union = sql.join(
    audiences.map((a) => audienceSql(orgId, a)),
    sql` union `,
  );
  const r = await db.execute(sql`
    select a.id::text as id, exists (
      select 1 from ${goal} g
      where g.org_id = ${orgId} and g.owner_person_id = a.id and g.template_id = ${templateId}::uuid and g.period_id is not distinct from ${periodId}::uuid
    ) as had
    from (${union}) a
    order by a.id`);
  return rows<{ id: string; had: boolean }>(r);
}

/** Serialises assignments of one template, so two at once cannot both give someone the goal. */
export async function lockTemplateAssignment(db: DbOrTx, orgId: string, templateId: string): Promise<void> {
  await lockKey(db, `${orgId}:goal_template_assign:${templateId}`);
}

/**
 * One goal per person from the template, with its key results and skills: three set-based
 * statements whatever the audience's size.
 */
export async function insertAssignedGoals(
  db: DbOrTx,
  n: { orgId: string; t: TemplateRow; personIds: string[]; periodId: string | null; parentId: string | null; visibility: string; assignmentId: string; by: string; now: Date },
): Promise<string[]> {
  if (!n.personIds.length) return [];
  const r = await db.execute(sql`
    insert into ${goal} (id, org_id, title, description, owner_type, owner_person_id, parent_id, period_id, visibility, status, progress, weight,
      template_id, assignment_id, created_by, created_at, updated_at)
    select tandem_uuid_v7(), ${n.orgId}, ${n.t.title}, ${n.t.description}, 'person', p.id, ${n.parentId}::uuid, ${n.periodId}::uuid, ${n.visibility}, 'on_track', 0, 1,
      ${n.t.id}::uuid, ${n.assignmentId}::uuid, ${n.by}::uuid, ${n.now}, ${n.now}
    from unnest(${uuidArray(n.personIds)}) as p(id)
    returning id::text as id`);
  const ids = rows<{ id: string }>(r).map((x) => x.id);
  const krs = n.t.keyResults.map((k, position) => ({
    title: k.title,
    kind: k.kind,
    unit: k.unit ?? null,
    start_value: k.kind === 'binary' ? 0 : (k.startValue ?? 0),
    target_value: k.kind === 'binary' ? 1 : k.targetValue,
    weight: k.weight ?? 1,
    position,
  }));
  if (krs.length) {
    await db.execute(sql`
      insert into ${keyResult} (id, org_id, goal_id, title, kind, unit, start_value, target_value, current_value, weight, position, created_at, updated_at)
      select tandem_uuid_v7(), ${n.orgId}, g.id, k.title, k.kind, k.unit, k.start_value, k.target_value, k.start_value, k.weight, k.position, ${n.now}, ${n.now}
      from unnest(${uuidArray(ids)}) as g(id)
      cross join json_to_recordset(${JSON.stringify(krs)}::json) as k(title text, kind text, unit text, start_value float8, target_value float8, weight real, position int)`);
  }
  if (n.t.skillIds.length) {
    await db.execute(sql`
      insert into ${goalSkill} (org_id, goal_id, skill_id)
      select ${n.orgId}, g.id, s.id from unnest(${uuidArray(ids)}) as g(id) cross join unnest(${uuidArray(n.t.skillIds)}) as s(id)
      where exists (select 1 from ${skill} k where k.org_id = ${n.orgId} and k.id = s.id)`);
  }
  return ids;
}

/** Which of the people are below the manager (managers assign only to their chain). */
export async function activeAmong(db: DbOrTx, orgId: string, personIds: string[]): Promise<Set<string>> {
  if (!personIds.length) return new Set();
  const r = await db.execute(sql`select id::text as id from ${person} where org_id = ${orgId} and status = 'active' and id = any(${uuidArray(personIds)})`);
  return new Set(rows<{ id: string }>(r).map((x) => x.id));
}
