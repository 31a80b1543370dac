import { and, eq, inArray, sql } from 'drizzle-orm';
import { department, jobProfile, person, personImport } from '../../../db/schema/index.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';
import { lockKey } from '../../../platform/db/sql.ts';
import type { ExistingPerson, Write } from './import.plan.ts';

const BATCH = 1000;

export async function loadPeople(db: DbOrTx, orgId: string): Promise<ExistingPerson[]> {
  return db
    .select({
      id: person.id,
      email: person.email,
      employeeNumber: person.employeeNumber,
      firstName: person.firstName,
      lastName: person.lastName,
      jobTitle: person.jobTitle,
      departmentId: person.departmentId,
      jobProfileId: person.jobProfileId,
      managerId: person.managerId,
      location: person.location,
      hireDate: person.hireDate,
      timeZone: person.timeZone,
      locale: person.locale,
      status: person.status,
      customFields: person.customFields,
    })
    .from(person)
    .where(eq(person.orgId, orgId));
}

export async function loadDepartments(db: DbOrTx, orgId: string) {
  return db.select({ id: department.id, name: department.name }).from(department).where(eq(department.orgId, orgId));
}

/** Job profiles by name for a job profile column (a person attribute, resolved as departments are). */
export async function loadJobProfiles(db: DbOrTx, orgId: string) {
  return db
    .select({ id: jobProfile.id, name: jobProfile.name, archived: sql<boolean>`${jobProfile.archivedAt} is not null` })
    .from(jobProfile)
    .where(eq(jobProfile.orgId, orgId));
}

export async function insertDepartments(db: DbOrTx, orgId: string, names: string[]) {
  if (!names.length) return [];
  return db.insert(department).values(names.map((name) => ({ orgId, name }))).returning({ id: department.id, name: department.name });
}

type Resolved = Write & { departmentId: string | null };

/**
 * New people with every field, 1,000 per statement. The caller orders them managers first, so a
 * manager row always exists (an earlier statement, or earlier in the same one) before its reports.
 */
export async function insertPeople(db: DbOrTx, orgId: string, rows: Resolved[], now: Date, onBatch?: (n: number) => Promise<void>) {
  for (let i = 0; i < rows.length; i += BATCH) {
    await db.insert(person).values(
      rows.slice(i, i + BATCH).map((w) => ({
        id: w.id,
        orgId,
        email: w.values.email,
        firstName: w.values.firstName,
        lastName: w.values.lastName,
        employeeNumber: w.values.employeeNumber,
        jobTitle: w.values.jobTitle,
        departmentId: w.departmentId,
        jobProfileId: w.values.jobProfileId ?? null,
        managerId: w.values.managerId,
        location: w.values.location,
        hireDate: w.values.hireDate,
        timeZone: w.values.timeZone,
        locale: w.values.locale,
        customFields: w.values.customFields,
        status: 'active' as const,
        createdAt: now,
        updatedAt: now,
      })),
    );
    await onBatch?.(Math.min(BATCH, rows.length - i));
  }
}

/** One UPDATE … FROM (VALUES …) per batch sets every imported field of those people. */
export async function updatePeople(db: DbOrTx, orgId: string, rows: Resolved[], now: Date, onBatch?: (n: number) => Promise<void>) {
  for (let i = 0; i < rows.length; i += BATCH) {
    const values = sql.join(
      rows.slice(i, i + BATCH).map(
        (w) =>
          sql`(${w.id}::uuid, ${w.values.email}, ${w.values.firstName}, ${w.values.lastName}, ${w.values.employeeNumber}::text, ${w.values.jobTitle}::text, ${w.departmentId}::uuid, ${w.values.jobProfileId ?? null}::uuid, ${w.values.managerId}::uuid, ${w.values.location}::text, ${w.values.hireDate}::date, ${w.values.timeZone}::text, ${w.values.locale}::text, ${JSON.stringify(w.values.customFields)}::jsonb)`,
      ),
      sql`, `,
    );
    await db.execute(sql`
      update person p set
        email = v.email, first_name = v.first_name, last_name = v.last_name, employee_number = v.employee_number,
        job_title = v.job_title, department_id = v.department_id, job_profile_id = v.job_profile_id, manager_id = v.manager_id, location = v.location,
        hire_date = v.hire_date, time_zone = v.time_zone, locale = v.locale, custom_fields = v.custom_fields,
        status = 'active', updated_at = ${now.toISOString()}
      from (values ${values}) as v(id, email, first_name, last_name, employee_number, job_title, department_id, job_profile_id, manager_id, location, hire_date, time_zone, locale, custom_fields)
      where p.id = v.id and p.org_id = ${orgId}`);
    await onBatch?.(Math.min(BATCH, rows.length - i));
  }
}

/** Serialises import commits of one organisation until the transaction ends. */
export async function lockImports(db: DbOrTx, orgId: string) {
  await lockKey(db, `person_import:${orgId}`);
}

/** Table-wide by nature (statistics are per table, not per tenant); run after a large commit. */
export async function refreshPeopleStats(db: DbOrTx) {
  await db.execute(sql`analyze person`);
}

export async function deactivatePeople(db: DbOrTx, orgId: string, ids: string[], now: Date) {
  for (let i = 0; i < ids.length; i += BATCH) {
    await db
      .update(person)
      .set({ status: 'inactive', updatedAt: now })
      .where(and(eq(person.orgId, orgId), inArray(person.id, ids.slice(i, i + BATCH))));
  }
}

// ---- background imports -----------------------------------------------------------------------

export async function insertImport(db: DbOrTx, values: typeof personImport.$inferInsert) {
  const [row] = await db.insert(personImport).values(values).returning({ id: personImport.id });
  return row!;
}

export async function findImport(db: DbOrTx, orgId: string, id: string) {
  const [row] = await db
    .select()
    .from(personImport)
    .where(and(eq(personImport.orgId, orgId), eq(personImport.id, id)))
    .limit(1);
  return row;
}

export async function updateImport(db: DbOrTx, orgId: string, id: string, values: Partial<typeof personImport.$inferInsert>) {
  await db.update(personImport).set(values).where(and(eq(personImport.orgId, orgId), eq(personImport.id, id)));
}
