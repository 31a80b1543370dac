import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { course, goal, hurdle, person, program, skill, type HurdleStatus } from '../../../db/schema/index.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';
import { beforeKey, uuidArray } from '../../../platform/db/sql.ts';
import type { Actor } from '../../../platform/http/types.ts';
import { chainBelowSql, hasRole } from '../../org/index.ts';
import { goalVisibleSql } from '../../performance/index.ts';

export type HurdleRow = typeof hurdle.$inferSelect;
export type HurdleView = HurdleRow & {
  personFirstName: string;
  personLastName: string;
  skillName: string | null;
  /** The linked goal's title when the viewer may read the goal; null otherwise. */
  goalTitle: string | null;
  raiserFirstName: string | null;
  raiserLastName: string | null;
};

const raiser = alias(person, 'raiser');

/**
 * Hurdles with the names the answer shows, seen by `viewer`: the linked goal joins only when the
 * viewer may read it (goal visibility, one fragment), so its title never reaches anyone else.
 */
function viewQuery(db: DbOrTx, viewer: Actor) {
  return db
    .select({
      h: hurdle,
      personFirstName: person.firstName,
      personLastName: person.lastName,
      skillName: skill.name,
      goalTitle: goal.title,
      raiserFirstName: raiser.firstName,
      raiserLastName: raiser.lastName,
    })
    .from(hurdle)
    .innerJoin(person, and(eq(person.orgId, hurdle.orgId), eq(person.id, hurdle.personId)))
    .leftJoin(skill, and(eq(skill.orgId, hurdle.orgId), eq(skill.id, hurdle.skillId)))
    .leftJoin(goal, and(eq(goal.orgId, hurdle.orgId), eq(goal.id, hurdle.goalId), goalVisibleSql(viewer, '"goal"')))
    .leftJoin(raiser, and(eq(raiser.orgId, hurdle.orgId), eq(raiser.id, hurdle.raisedBy)));
}

type ViewRecord = Awaited<ReturnType<ReturnType<typeof viewQuery>['where']>>[number];
const flatten = (r: ViewRecord): HurdleView => ({
  ...r.h,
  personFirstName: r.personFirstName,
  personLastName: r.personLastName,
  skillName: r.skillName,
  goalTitle: r.goalTitle,
  raiserFirstName: r.raiserFirstName,
  raiserLastName: r.raiserLastName,
});

export async function findView(db: DbOrTx, viewer: Actor, id: string): Promise<HurdleView | undefined> {
  const [row] = await viewQuery(db, viewer)
    .where(and(eq(hurdle.orgId, viewer.orgId), eq(hurdle.id, id)))
    .limit(1);
  return row && flatten(row);
}

/** Which statuses a list filter means: one status, or every status but resolved. */
export type StatusFilter = HurdleStatus | 'unresolved' | undefined;
const statusCondition = (s: StatusFilter): SQL | undefined =>
  s === 'unresolved' ? inArray(hurdle.status, ['open', 'in_progress']) : s ? eq(hurdle.status, s) : undefined;

export type ListFilter = {
  /** One person's hurdles. */
  personId?: string;
  /** Everyone below this manager in the reporting chain. */
  chainOf?: string;
  status?: StatusFilter;
  category?: HurdleRow['category'];
  goalId?: string;
};

/** Newest first, by keyset on (created_at, id); fetch `limit + 1` to know whether more follow. */
export async function list(db: DbOrTx, viewer: Actor, f: ListFilter, limit: number, before?: [string, string]): Promise<HurdleView[]> {
  const orgId = viewer.orgId;
  const where: (SQL | undefined)[] = [
    eq(hurdle.orgId, orgId),
    f.personId ? eq(hurdle.personId, f.personId) : undefined,
    f.chainOf ? sql`${hurdle.personId} in (${chainBelowSql(orgId, f.chainOf)})` : undefined,
    statusCondition(f.status),
    f.category ? eq(hurdle.category, f.category) : undefined,
    f.goalId ? eq(hurdle.goalId, f.goalId) : undefined,
    beforeKey([hurdle.createdAt, hurdle.id], before),
  ];
  const found = await viewQuery(db, viewer)
    .where(and(...where))
    .orderBy(desc(hurdle.createdAt), desc(hurdle.id))
    .limit(limit);
  return found.map(flatten);
}

export async function find(db: DbOrTx, orgId: string, id: string): Promise<HurdleRow | undefined> {
  const [row] = await db
    .select()
    .from(hurdle)
    .where(and(eq(hurdle.orgId, orgId), eq(hurdle.id, id)))
    .limit(1);
  return row;
}

export async function findForUpdate(db: DbOrTx, orgId: string, id: string): Promise<HurdleRow | undefined> {
  const [row] = await db
    .select()
    .from(hurdle)
    .where(and(eq(hurdle.orgId, orgId), eq(hurdle.id, id)))
    .for('update')
    .limit(1);
  return row;
}

/** The person the hurdle is for, with their direct manager (who hears of new hurdles). */
export async function findPerson(db: DbOrTx, orgId: string, id: string): Promise<{ id: string; firstName: string; lastName: string; managerId: string | null; status: string } | undefined> {
  const [row] = await db
    .select({ id: person.id, firstName: person.firstName, lastName: person.lastName, managerId: person.managerId, status: person.status })
    .from(person)
    .where(and(eq(person.orgId, orgId), eq(person.id, id)))
    .limit(1);
  return row;
}

export async function findSkill(db: DbOrTx, orgId: string, id: string): Promise<{ id: string } | undefined> {
  const [row] = await db
    .select({ id: skill.id })
    .from(skill)
    .where(and(eq(skill.orgId, orgId), eq(skill.id, id)))
    .limit(1);
  return row;
}

export async function insert(db: DbOrTx, values: typeof hurdle.$inferInsert): Promise<HurdleRow> {
  const [row] = await db.insert(hurdle).values(values).returning();
  return row!;
}

export async function update(db: DbOrTx, orgId: string, id: string, patch: Partial<typeof hurdle.$inferInsert>, now: Date): Promise<HurdleRow> {
  const [row] = await db
    .update(hurdle)
    .set({ ...patch, updatedAt: now })
    .where(and(eq(hurdle.orgId, orgId), eq(hurdle.id, id)))
    .returning();
  return row!;
}

export async function remove(db: DbOrTx, orgId: string, id: string): Promise<void> {
  await db.delete(hurdle).where(and(eq(hurdle.orgId, orgId), eq(hurdle.id, id)));
}

/** A course or program to assign from a hurdle, with its status (as development plans read it). */
export async function findLearningItem(db: DbOrTx, orgId: string, t: { courseId?: string; programId?: string }) {
  const table = t.courseId ? course : program;
  const [row] = await db
    .select({ id: table.id, title: table.title, status: table.status })
    .from(table)
    .where(and(eq(table.orgId, orgId), eq(table.id, (t.courseId ?? t.programId)!)))
    .limit(1);
  return row;
}

/**
 * Of these hurdles, those the viewer may read (the person, their chain, HR admins), with their
 * titles, in one statement: for describing enrolment reasons to a page of viewers' enrolments.
 */
export async function readableAmong(db: DbOrTx, viewer: Actor, ids: string[]): Promise<Array<{ id: string; title: string }>> {
  if (!ids.length) return [];
  const who = hasRole(viewer, 'hr_admin')
    ? undefined
    : sql`(${hurdle.personId} = ${viewer.personId}::uuid or ${hurdle.personId} in (${chainBelowSql(viewer.orgId, viewer.personId)}))`;
  return db
    .select({ id: hurdle.id, title: hurdle.title })
    .from(hurdle)
    .where(and(eq(hurdle.orgId, viewer.orgId), sql`${hurdle.id} = any(${uuidArray(ids)})`, who));
}
