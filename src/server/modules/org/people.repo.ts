import { and, asc, eq, ilike, inArray, sql, type SQL } from 'drizzle-orm';
import { afterKey, escapeLike } from '../../platform/db/sql.ts';
import { alias } from 'drizzle-orm/pg-core';
import { customField, department, groupMember, organisation, person, type CustomFieldVisibility } from '../../db/schema/index.ts';
import type { DbOrTx } from '../../platform/db/index.ts';
import { preparedSql } from '../../platform/db/prepared.ts';
import { chainAboveSql } from './reporting-chain.repo.ts';

export type PersonRow = typeof person.$inferSelect;

const manager = alias(person, 'manager');

export const personView = {
  id: person.id,
  email: person.email,
  firstName: person.firstName,
  lastName: person.lastName,
  employeeNumber: person.employeeNumber,
  jobTitle: person.jobTitle,
  departmentId: person.departmentId,
  departmentName: department.name,
  managerId: person.managerId,
  managerFirstName: manager.firstName,
  managerLastName: manager.lastName,
  location: person.location,
  timeZone: person.timeZone,
  locale: person.locale,
  hireDate: person.hireDate,
  status: person.status,
  customFields: person.customFields,
  createdAt: person.createdAt,
  updatedAt: person.updatedAt,
};

export type PersonViewRow = {
  [K in keyof typeof personView]: (typeof personView)[K]['_']['data'] | (K extends 'departmentName' | 'managerFirstName' | 'managerLastName' ? null : never);
};

export type PeopleFilter = {
  q?: string;
  status?: 'active' | 'inactive' | 'all';
  departmentId?: string;
  managerId?: string;
  location?: string;
  jobTitle?: string;
  ids?: string[];
  groupId?: string;
};

export type NameCursor = [lastName: string, firstName: string, id: string];

function filterConditions(orgId: string, f: PeopleFilter): SQL[] {
  const where: SQL[] = [eq(person.orgId, orgId)];
  if (f.status && f.status !== 'all') where.push(eq(person.status, f.status));
  if (f.departmentId) where.push(eq(person.departmentId, f.departmentId));
  if (f.managerId) where.push(eq(person.managerId, f.managerId));
  if (f.location) where.push(eq(person.location, f.location));
  if (f.jobTitle) where.push(ilike(person.jobTitle, `%${escapeLike(f.jobTitle)}%`));
  if (f.groupId) {
    where.push(
      sql`exists (select 1 from ${groupMember} gm where gm.org_id = ${orgId} and gm.group_id = ${f.groupId} and gm.person_id = ${person.id})`,
    );
  }
  if (f.ids) where.push(inArray(person.id, f.ids.length ? f.ids : ['00000000-0000-0000-0000-000000000000']));
  if (f.q) {
    // Each word must appear somewhere; the trigram index serves these LIKEs.
    for (const word of f.q.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 5)) {
      where.push(sql`${person.searchText} like ${'%' + escapeLike(word) + '%'}`);
    }
  }
  return where;
}


export async function listPeople(
  db: DbOrTx,
  orgId: string,
  filter: PeopleFilter,
  pageArgs: { limit: number; after?: NameCursor },
): Promise<PersonViewRow[]> {
  const where = filterConditions(orgId, filter);
  const after = afterKey([person.lastName, person.firstName, person.id], pageArgs.after);
  if (after) where.push(after);
  return db
    .select(personView)
    .from(person)
    .leftJoin(department, and(eq(department.id, person.departmentId), eq(department.orgId, orgId)))
    .leftJoin(manager, and(eq(manager.id, person.managerId), eq(manager.orgId, orgId)))
    .where(and(...where))
    .orderBy(asc(person.lastName), asc(person.firstName), asc(person.id))
    .limit(pageArgs.limit) as Promise<PersonViewRow[]>;
}

/** What an answer shows of a person (the view without its timestamps). */
export type PersonShownRow = Omit<PersonViewRow, 'createdAt' | 'updatedAt'>;

export type PersonDetailRow = PersonShownRow & {
  directReportCount: number;
  /** The organisation's custom field definitions, as visibility needs them. */
  fieldDefs: Array<{ key: string; visibility: CustomFieldVisibility }>;
  /** Whether the viewer is above the person; only worked out when a `chain` field could hide a value. */
  viewerAbove: boolean;
};

const [orgIdArg, idArg, viewerArg, chainMattersArg] = [sql.placeholder('orgId'), sql.placeholder('id'), sql.placeholder('viewerId'), sql.placeholder('chainMatters')];

/**
 * A profile in one statement (the person, their department and manager, the direct-report count,
 * the field definitions and, when it matters, whether the viewer is in their manager chain), so a
 * profile read is one round trip. `chainMatters` is false for the viewer themself and for those
 * reading every field; even then the walk runs only if a `chain` field and a value exist.
 */
const personDetail = preparedSql<{ row: PersonDetailRow }, { orgId: string; id: string; viewerId: string; chainMatters: boolean }>(
  'org_person_detail',
  // One json column: the driver parses one value instead of twenty columns (a third of its work per read).
  sql`select row_to_json(x) as row from (select p.id, p.email, p.first_name as "firstName", p.last_name as "lastName", p.employee_number as "employeeNumber",
    p.job_title as "jobTitle", p.department_id as "departmentId", d.name as "departmentName", p.manager_id as "managerId",
    m.first_name as "managerFirstName", m.last_name as "managerLastName", p.location, p.time_zone as "timeZone", p.locale,
    p.hire_date::text as "hireDate", p.status, p.custom_fields as "customFields",
    (select count(*)::int from ${person} r where r.org_id = ${orgIdArg} and r.manager_id = p.id and r.status = 'active') as "directReportCount",
    (select coalesce(json_agg(json_build_object('key', f.key, 'visibility', f.visibility) order by f.key), '[]'::json)
      from ${customField} f where f.org_id = ${orgIdArg}) as "fieldDefs",
    case when ${chainMattersArg}::boolean and coalesce(p.custom_fields, '{}'::jsonb) <> '{}'::jsonb
        and exists (select 1 from ${customField} f where f.org_id = ${orgIdArg} and f.visibility = 'chain')
      then exists (select 1 from (${chainAboveSql(orgIdArg, idArg)}) a where a.id = ${viewerArg}::uuid)
      else false end as "viewerAbove"
  from ${person} p
  left join ${department} d on d.org_id = ${orgIdArg} and d.id = p.department_id
  left join ${person} m on m.org_id = ${orgIdArg} and m.id = p.manager_id
  where p.org_id = ${orgIdArg} and p.id = ${idArg}) x`,
);

export async function findPersonDetail(
  db: DbOrTx,
  orgId: string,
  id: string,
  viewer: { personId: string; chainMatters: boolean },
): Promise<PersonDetailRow | undefined> {
  return (await personDetail(db, { orgId, id, viewerId: viewer.personId, chainMatters: viewer.chainMatters }))[0]?.row;
}

export async function findPerson(db: DbOrTx, orgId: string, id: string): Promise<PersonRow | undefined> {
  const [row] = await db
    .select()
    .from(person)
    .where(and(eq(person.orgId, orgId), eq(person.id, id)))
    .limit(1);
  return row;
}

/** Whether the id is a person of the organisation (of any status). */
export async function personInOrg(db: DbOrTx, orgId: string, personId: string): Promise<boolean> {
  const [row] = await db.select({ id: person.id }).from(person).where(and(eq(person.orgId, orgId), eq(person.id, personId))).limit(1);
  return !!row;
}

export async function countDirectReports(db: DbOrTx, orgId: string, managerId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(person)
    .where(and(eq(person.orgId, orgId), eq(person.managerId, managerId), eq(person.status, 'active')));
  return row?.n ?? 0;
}

export async function findOrganisation(db: DbOrTx, orgId: string) {
  const [row] = await db.select().from(organisation).where(eq(organisation.id, orgId)).limit(1);
  return row;
}

export async function findPersonByEmail(db: DbOrTx, orgId: string, email: string): Promise<PersonRow | undefined> {
  const [row] = await db
    .select()
    .from(person)
    .where(and(eq(person.orgId, orgId), sql`lower(${person.email}) = lower(${email})`))
    .limit(1);
  return row;
}

export async function findPersonByEmployeeNumber(db: DbOrTx, orgId: string, employeeNumber: string): Promise<PersonRow | undefined> {
  const [row] = await db
    .select()
    .from(person)
    .where(and(eq(person.orgId, orgId), eq(person.employeeNumber, employeeNumber)))
    .limit(1);
  return row;
}

export async function insertPerson(db: DbOrTx, values: typeof person.$inferInsert): Promise<PersonRow> {
  const [row] = await db.insert(person).values(values).returning();
  return row!;
}

export type PersonPatch = Partial<
  Pick<
    PersonRow,
    | 'email'
    | 'firstName'
    | 'lastName'
    | 'employeeNumber'
    | 'jobTitle'
    | 'departmentId'
    | 'managerId'
    | 'location'
    | 'timeZone'
    | 'locale'
    | 'hireDate'
    | 'status'
    | 'customFields'
  >
>;

export async function updatePerson(db: DbOrTx, orgId: string, id: string, patch: PersonPatch, now: Date): Promise<PersonRow> {
  const [row] = await db
    .update(person)
    .set({ ...patch, updatedAt: now })
    .where(and(eq(person.orgId, orgId), eq(person.id, id)))
    .returning();
  return row!;
}

/** Distinct locations of active people, for the directory's filter menu. */
export async function distinctLocations(db: DbOrTx, orgId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ location: person.location })
    .from(person)
    .where(and(eq(person.orgId, orgId), eq(person.status, 'active'), sql`${person.location} is not null and ${person.location} <> ''`))
    .orderBy(asc(person.location));
  return rows.map((r) => r.location!);
}

export async function findDepartmentRef(db: DbOrTx, orgId: string, id: string) {
  const [row] = await db
    .select({ id: department.id })
    .from(department)
    .where(and(eq(department.orgId, orgId), eq(department.id, id)))
    .limit(1);
  return row;
}
