import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import {
  customField,
  department,
  group,
  groupMember,
  organisation,
  person,
  userAccount,
} from '../db/schema/index.ts';
import type { DbOrTx } from '../platform/db/index.ts';

/** Multi-row inserts in chunks: one statement per few hundred rows keeps parameters bounded. */
const CHUNK = 500;

async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/** Serialises concurrent first starts (several replicas): only one seeds. */
export async function lockSeeding(tx: DbOrTx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(7306531)`);
}

export async function anyOrganisation(db: DbOrTx): Promise<boolean> {
  const [row] = await db.select({ id: organisation.id }).from(organisation).limit(1);
  return !!row;
}

export type OrganisationRow = typeof organisation.$inferSelect;

export async function findOrganisationBySlug(db: DbOrTx, slug: string): Promise<OrganisationRow | undefined> {
  const [row] = await db.select().from(organisation).where(eq(organisation.slug, slug)).limit(1);
  return row;
}

export function listOrganisations(db: DbOrTx): Promise<OrganisationRow[]> {
  return db.select().from(organisation).orderBy(asc(organisation.createdAt)).limit(100);
}

export async function insertOrganisation(db: DbOrTx, values: { name: string; slug: string }): Promise<OrganisationRow> {
  const [row] = await db.insert(organisation).values(values).returning();
  return row!;
}

export async function insertDepartments(db: DbOrTx, rows: Array<typeof department.$inferInsert>) {
  // Parents first, so the self-reference is satisfied row by row.
  const sorted = [...rows].sort((a, b) => Number(!!a.parentId) - Number(!!b.parentId));
  await insertChunked(sorted, (chunk) => db.insert(department).values(chunk));
}

export async function insertPeople(db: DbOrTx, rows: Array<typeof person.$inferInsert>) {
  await insertChunked(rows, (chunk) => db.insert(person).values(chunk));
}

export async function insertCustomFields(db: DbOrTx, rows: Array<typeof customField.$inferInsert>) {
  if (rows.length) await db.insert(customField).values(rows);
}

export async function insertGroups(db: DbOrTx, rows: Array<typeof group.$inferInsert>) {
  if (rows.length) await db.insert(group).values(rows);
}

export async function insertGroupMembers(db: DbOrTx, rows: Array<typeof groupMember.$inferInsert>) {
  await insertChunked(rows, (chunk) => db.insert(groupMember).values(chunk));
}

export async function insertAccounts(db: DbOrTx, rows: Array<typeof userAccount.$inferInsert>) {
  if (rows.length) await db.insert(userAccount).values(rows);
}

export type AccountSummary = { email: string; roles: string[]; firstName: string; lastName: string; jobTitle: string | null };

/** The accounts of an organisation whose emails are among `emails` (the demo sign-in list). */
export function accountsByEmail(db: DbOrTx, orgId: string, emails: string[]): Promise<AccountSummary[]> {
  return db
    .select({
      email: userAccount.email,
      roles: userAccount.roles,
      firstName: person.firstName,
      lastName: person.lastName,
      jobTitle: person.jobTitle,
    })
    .from(userAccount)
    .innerJoin(person, and(eq(person.id, userAccount.personId), eq(person.orgId, orgId)))
    .where(and(eq(userAccount.orgId, orgId), inArray(userAccount.email, emails)));
}

export async function countPeople(db: DbOrTx, orgId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(person).where(eq(person.orgId, orgId));
  return Number(row?.n ?? 0);
}
