import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { department, person } from '../../db/schema/index.ts';
import type { DbOrTx } from '../../platform/db/index.ts';

// Each count is one probe of person_org_manager_idx, so a level costs O(children), not O(org).
const directReports = sql<number>`(select count(*)::int from ${person} r
  where r.org_id = person.org_id and r.manager_id = person.id and r.status = 'active')`;

const nodeColumns = {
  id: person.id,
  firstName: person.firstName,
  lastName: person.lastName,
  jobTitle: person.jobTitle,
  status: person.status,
  departmentId: person.departmentId,
  departmentName: department.name,
  directReportCount: directReports,
};

export type ChartRow = {
  id: string;
  firstName: string;
  lastName: string;
  jobTitle: string | null;
  status: 'active' | 'inactive';
  departmentId: string | null;
  departmentName: string | null;
  directReportCount: number;
};

function nodes(db: DbOrTx, orgId: string, where: SQL) {
  return db
    .select(nodeColumns)
    .from(person)
    .leftJoin(department, and(eq(department.id, person.departmentId), eq(department.orgId, orgId)))
    .where(and(eq(person.orgId, orgId), where))
    .orderBy(asc(person.lastName), asc(person.firstName), asc(person.id)) as Promise<ChartRow[]>;
}

export async function chartNode(db: DbOrTx, orgId: string, id: string): Promise<ChartRow | undefined> {
  const [row] = await nodes(db, orgId, eq(person.id, id));
  return row;
}

export function chartChildren(db: DbOrTx, orgId: string, managerId: string): Promise<ChartRow[]> {
  return nodes(db, orgId, and(eq(person.managerId, managerId), eq(person.status, 'active'))!);
}

/**
 * The top of the chart: active people without a manager, and those whose manager was
 * deactivated (otherwise they would drop out of the chart).
 */
export function chartTop(db: DbOrTx, orgId: string): Promise<ChartRow[]> {
  return nodes(
    db,
    orgId,
    and(
      eq(person.status, 'active'),
      sql`(${person.managerId} is null or ${person.managerId} in (
        select b.id from ${person} b where b.org_id = ${orgId} and b.status = 'inactive'))`,
    )!,
  );
}
