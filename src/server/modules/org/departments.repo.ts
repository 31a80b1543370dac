import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { rows } from '../../platform/db/sql.ts';
import { department, person } from '../../db/schema/index.ts';
import type { DbOrTx } from '../../platform/db/index.ts';

export type DepartmentRow = typeof department.$inferSelect;

const headcount = sql<number>`(select count(*)::int from ${person} p
  where p.org_id = department.org_id and p.department_id = department.id and p.status = 'active')`;
// (qualified by hand: Drizzle leaves columns unqualified in single-table select lists)

/** Every department with its active headcount; organisations have tens to hundreds of them. */
export function listDepartments(db: DbOrTx, orgId: string) {
  return db
    .select({ id: department.id, name: department.name, parentId: department.parentId, headcount })
    .from(department)
    .where(eq(department.orgId, orgId))
    .orderBy(asc(department.name), asc(department.id));
}

export function listDepartmentRefs(db: DbOrTx, orgId: string) {
  return db
    .select({ id: department.id, name: department.name })
    .from(department)
    .where(eq(department.orgId, orgId))
    .orderBy(asc(department.name), asc(department.id));
}

export async function findDepartment(db: DbOrTx, orgId: string, id: string): Promise<DepartmentRow | undefined> {
  const [row] = await db
    .select()
    .from(department)
    .where(and(eq(department.orgId, orgId), eq(department.id, id)))
    .limit(1);
  return row;
}

export async function findDepartmentByName(db: DbOrTx, orgId: string, name: string): Promise<DepartmentRow | undefined> {
  const [row] = await db
    .select()
    .from(department)
    .where(and(eq(department.orgId, orgId), sql`lower(${department.name}) = lower(${name})`))
    .limit(1);
  return row;
}

export async function insertDepartment(db: DbOrTx, values: typeof department.$inferInsert): Promise<DepartmentRow> {
  const [row] = await db.insert(department).values(values).returning();
  return row!;
}

export async function updateDepartment(
  db: DbOrTx,
  orgId: string,
  id: string,
  patch: Partial<Pick<DepartmentRow, 'name' | 'parentId'>>,
  now: Date,
): Promise<DepartmentRow> {
  const [row] = await db
    .update(department)
    .set({ ...patch, updatedAt: now })
    .where(and(eq(department.orgId, orgId), eq(department.id, id)))
    .returning();
  return row!;
}

export async function deleteDepartment(db: DbOrTx, orgId: string, id: string): Promise<void> {
  await db.delete(department).where(and(eq(department.orgId, orgId), eq(department.id, id)));
}

/** People (any status) and child departments that still point at the department. */
export async function departmentUsage(db: DbOrTx, orgId: string, id: string): Promise<{ people: number; children: number }> {
  const [row] = await db
    .select({
      people: sql<number>`(select count(*)::int from ${person} p where p.org_id = ${orgId} and p.department_id = ${id})`,
      children: sql<number>`(select count(*)::int from ${department} d where d.org_id = ${orgId} and d.parent_id = ${id})`,
    })
    .from(sql`(select 1) as one`);
  return row ?? { people: 0, children: 0 };
}

/**
 * Ids of the departments named and every department below them, as `select id` (compose as
 * `p.department_id in (${departmentsBelowSql(orgId, ids)})`). `union` drops a row already
 * found, so a cycle in bad data ends the walk instead of looping.
 */
export function departmentsBelowSql(orgId: string, ids: string[]): SQL {
  if (!ids.length) return sql`select null::uuid as id where false`;
  return sql`with recursive below(id) as (
      select d.id from ${department} d where d.org_id = ${orgId} and d.id in (${sql.join(ids.map((v) => sql`${v}::uuid`), sql`, `)})
      union
      select d.id from ${department} d join below b on d.parent_id = b.id where d.org_id = ${orgId}
    ) select id from below`;
}

/** True when `ancestorId` is `id` itself or above it in the department tree. */
export async function isSelfOrAncestor(db: DbOrTx, orgId: string, ancestorId: string, id: string): Promise<boolean> {
  const r = await db.execute(sql`
    with recursive up(id, depth) as (
      select id, 0 from ${department} where org_id = ${orgId} and id = ${id}
      union all
      select d.parent_id, up.depth + 1 from ${department} d join up on d.id = up.id
      where d.org_id = ${orgId} and d.parent_id is not null and up.depth < 100
    )
    select exists(select 1 from up where id = ${ancestorId}) as found`);
  return Boolean(rows<{ found: boolean }>(r)[0]?.found);
}
