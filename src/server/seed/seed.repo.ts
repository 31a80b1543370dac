import { and, asc, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import {
  certificate,
  checkpointSubmission,
  complianceRule,
  course,
  courseReaction,
  coursePrerequisite,
  courseSkill,
  courseVersion,
  customField,
  department,
  domainEvent,
  enrollment,
  externalLearning,
  group,
  groupMember,
  learningAssignment,
  learningReminder,
  lessonProgress,
  liveSession,
  organisation,
  person,
  program,
  programStep,
  quizAttempt,
  sessionRegistration,
  skill,
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

/** The demo's learning records, inserted in dependency order in the seeding transaction. */
export type DemoLearningRows = {
  skills: Array<typeof skill.$inferInsert>;
  courses: Array<typeof course.$inferInsert>;
  versions: Array<typeof courseVersion.$inferInsert>;
  courseSkills: Array<typeof courseSkill.$inferInsert>;
  prerequisites: Array<typeof coursePrerequisite.$inferInsert>;
  programs: Array<typeof program.$inferInsert>;
  steps: Array<typeof programStep.$inferInsert>;
  rules: Array<typeof complianceRule.$inferInsert>;
  assignments: Array<typeof learningAssignment.$inferInsert>;
  enrollments: Array<typeof enrollment.$inferInsert>;
  lessonProgress: Array<typeof lessonProgress.$inferInsert>;
  attempts: Array<typeof quizAttempt.$inferInsert>;
  certificates: Array<typeof certificate.$inferInsert>;
  reactions: Array<typeof courseReaction.$inferInsert>;
  submissions: Array<typeof checkpointSubmission.$inferInsert>;
  reminders: Array<typeof learningReminder.$inferInsert>;
  sessions: Array<typeof liveSession.$inferInsert>;
  registrations: Array<typeof sessionRegistration.$inferInsert>;
  externalLearning: Array<typeof externalLearning.$inferInsert>;
};

export async function insertDemoLearning(db: DbOrTx, r: DemoLearningRows): Promise<void> {
  await insertChunked(r.skills, (c) => db.insert(skill).values(c));
  await insertChunked(r.courses, (c) => db.insert(course).values(c));
  await insertChunked(r.versions, (c) => db.insert(courseVersion).values(c));
  await insertChunked(r.courseSkills, (c) => db.insert(courseSkill).values(c));
  await insertChunked(r.prerequisites, (c) => db.insert(coursePrerequisite).values(c));
  await insertChunked(r.programs, (c) => db.insert(program).values(c));
  await insertChunked(r.steps, (c) => db.insert(programStep).values(c));
  await insertChunked(r.rules, (c) => db.insert(complianceRule).values(c));
  await insertChunked(r.assignments, (c) => db.insert(learningAssignment).values(c));
  // Program enrolments come before their course steps (parent_enrollment_id is not a foreign key, but keep the order natural).
  await insertChunked(r.enrollments, (c) => db.insert(enrollment).values(c));
  await insertChunked(r.lessonProgress, (c) => db.insert(lessonProgress).values(c));
  await insertChunked(r.attempts, (c) => db.insert(quizAttempt).values(c));
  await insertChunked(r.certificates, (c) => db.insert(certificate).values(c));
  await insertChunked(r.reactions, (c) => db.insert(courseReaction).values(c));
  await insertChunked(r.submissions, (c) => db.insert(checkpointSubmission).values(c));
  await insertChunked(r.reminders, (c) => db.insert(learningReminder).values(c));
  await insertChunked(r.sessions, (c) => db.insert(liveSession).values(c));
  await insertChunked(r.registrations, (c) => db.insert(sessionRegistration).values(c));
  await insertChunked(r.externalLearning, (c) => db.insert(externalLearning).values(c));
}

/**
 * The demo's history already acted on its groups' first members (the new joiners' onboarding
 * enrolments are part of it), so the seed's own membership events are not news: left pending,
 * the newcomer subscriber would enrol people who finished onboarding a second time.
 */
export async function markGroupEventsHandled(db: DbOrTx, orgId: string, now: Date): Promise<void> {
  await db
    .update(domainEvent)
    .set({ dispatchedAt: now })
    .where(and(eq(domainEvent.orgId, orgId), eq(domainEvent.type, 'group.members_changed'), isNull(domainEvent.dispatchedAt)));
}
