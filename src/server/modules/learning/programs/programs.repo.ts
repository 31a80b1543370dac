import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { afterKey, escapeLike } from '../../../platform/db/sql.ts';
import { checkpointSubmission, course, enrollment, isOpenStatus, person, program, programStep, storedFile } from '../../../db/schema/index.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';

export type ProgramRow = typeof program.$inferSelect;
export type StepRow = typeof programStep.$inferSelect;
export type SubmissionRow = typeof checkpointSubmission.$inferSelect;


export async function listPrograms(
  db: DbOrTx,
  orgId: string,
  f: { q?: string; status?: ProgramRow['status'] },
  p: { limit: number; after?: [string, string] },
) {
  return db
    .select({ program, stepCount: sql<number>`(select count(*)::int from program_step s where s.program_id = "program"."id")` })
    .from(program)
    .where(
      and(
        eq(program.orgId, orgId),
        f.status ? eq(program.status, f.status) : undefined,
        f.q ? sql`${program.searchText} like ${'%' + escapeLike(f.q.toLowerCase()) + '%'}` : undefined,
        afterKey([sql`lower(${program.title})`, program.id], p.after),
      ),
    )
    .orderBy(sql`lower(${program.title})`, program.id)
    .limit(p.limit);
}

export async function findProgram(db: DbOrTx, orgId: string, id: string, lock = false): Promise<ProgramRow | undefined> {
  const q = db
    .select()
    .from(program)
    .where(and(eq(program.orgId, orgId), eq(program.id, id)))
    .limit(1);
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export async function insertProgram(db: DbOrTx, values: typeof program.$inferInsert): Promise<ProgramRow> {
  const [row] = await db.insert(program).values(values).returning();
  return row!;
}

export async function updateProgram(db: DbOrTx, orgId: string, id: string, patch: Partial<typeof program.$inferInsert>): Promise<ProgramRow> {
  const [row] = await db
    .update(program)
    .set(patch)
    .where(and(eq(program.orgId, orgId), eq(program.id, id)))
    .returning();
  return row!;
}

/** Steps in order, with the course each course step points at. */
export async function stepsWithCourses(db: DbOrTx, orgId: string, programId: string) {
  return db
    .select({
      step: programStep,
      course: { id: course.id, title: course.title, format: course.format, status: course.status, estimatedMinutes: course.estimatedMinutes },
      approverFirst: person.firstName,
      approverLast: person.lastName,
    })
    .from(programStep)
    .leftJoin(course, and(eq(course.id, programStep.courseId), eq(course.orgId, orgId)))
    .leftJoin(person, and(eq(person.id, programStep.approverPersonId), eq(person.orgId, orgId)))
    .where(and(eq(programStep.orgId, orgId), eq(programStep.programId, programId)))
    .orderBy(programStep.position);
}
export type StepWithCourse = Awaited<ReturnType<typeof stepsWithCourses>>[number];

export async function coursesByIds(db: DbOrTx, orgId: string, ids: string[]) {
  if (!ids.length) return [];
  return db
    .select({ id: course.id, status: course.status, title: course.title })
    .from(course)
    .where(and(eq(course.orgId, orgId), inArray(course.id, ids)));
}

export async function activePeopleIds(db: DbOrTx, orgId: string, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db
    .select({ id: person.id })
    .from(person)
    .where(and(eq(person.orgId, orgId), inArray(person.id, ids), eq(person.status, 'active')));
  return new Set(rows.map((r) => r.id));
}

/** Steps (of those given) that learners have submitted evidence for. */
export async function stepIdsWithSubmissions(db: DbOrTx, orgId: string, stepIds: string[]): Promise<Set<string>> {
  if (!stepIds.length) return new Set();
  const rows = await db
    .selectDistinct({ stepId: checkpointSubmission.stepId })
    .from(checkpointSubmission)
    .where(and(eq(checkpointSubmission.orgId, orgId), inArray(checkpointSubmission.stepId, stepIds)));
  return new Set(rows.map((r) => r.stepId));
}

export async function deleteSteps(db: DbOrTx, orgId: string, ids: string[]) {
  if (!ids.length) return;
  await db.delete(programStep).where(and(eq(programStep.orgId, orgId), inArray(programStep.id, ids)));
}

export async function updateStep(db: DbOrTx, orgId: string, id: string, patch: Partial<typeof programStep.$inferInsert>) {
  await db
    .update(programStep)
    .set(patch)
    .where(and(eq(programStep.orgId, orgId), eq(programStep.id, id)));
}

export async function insertSteps(db: DbOrTx, values: Array<typeof programStep.$inferInsert>) {
  if (values.length) await db.insert(programStep).values(values);
}

/** Open enrolments in a program (to enrol them in course steps added later). */
export async function openProgramEnrollments(db: DbOrTx, orgId: string, programId: string) {
  return db
    .select()
    .from(enrollment)
    .where(and(eq(enrollment.orgId, orgId), eq(enrollment.programId, programId), isOpenStatus(enrollment.status)));
}

export async function myProgramEnrollment(db: DbOrTx, orgId: string, personId: string, programId: string) {
  const [row] = await db
    .select({ id: enrollment.id, status: enrollment.status, progress: enrollment.progress })
    .from(enrollment)
    .where(and(eq(enrollment.orgId, orgId), eq(enrollment.personId, personId), eq(enrollment.programId, programId)))
    .orderBy(sql`case when ${isOpenStatus(enrollment.status)} then 0 else 1 end`, desc(enrollment.createdAt))
    .limit(1);
  return row;
}

/**
 * The person's enrolment per course for a program's course steps: the one made for this program
 * enrolment first, then an open one, then the latest.
 */
export async function courseEnrollmentsFor(db: DbOrTx, orgId: string, personId: string, parentId: string, courseIds: string[]) {
  if (!courseIds.length) return new Map<string, typeof enrollment.$inferSelect>();
  const rows = await db
    .select()
    .from(enrollment)
    .where(and(eq(enrollment.orgId, orgId), eq(enrollment.personId, personId), inArray(enrollment.courseId, courseIds)))
    .orderBy(
      sql`case when ${enrollment.parentEnrollmentId} = ${parentId} then 0 else 1 end`,
      sql`case when ${isOpenStatus(enrollment.status)} then 0 else 1 end`,
      desc(enrollment.createdAt),
    );
  const out = new Map<string, typeof enrollment.$inferSelect>();
  for (const r of rows) if (!out.has(r.courseId!)) out.set(r.courseId!, r);
  return out;
}

/** The latest submission per checkpoint step of a program enrolment. */
export async function latestSubmissions(db: DbOrTx, orgId: string, enrollmentId: string): Promise<Map<string, SubmissionRow>> {
  const rows = await db
    .select()
    .from(checkpointSubmission)
    .where(and(eq(checkpointSubmission.orgId, orgId), eq(checkpointSubmission.enrollmentId, enrollmentId)))
    .orderBy(asc(checkpointSubmission.submittedAt), asc(checkpointSubmission.id));
  const out = new Map<string, SubmissionRow>();
  for (const r of rows) out.set(r.stepId, r);
  return out;
}

export async function fileNames(db: DbOrTx, orgId: string, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: storedFile.id, name: storedFile.name })
    .from(storedFile)
    .where(and(eq(storedFile.orgId, orgId), inArray(storedFile.id, ids)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function personNames(db: DbOrTx, orgId: string, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await db
    .select({ id: person.id, firstName: person.firstName, lastName: person.lastName })
    .from(person)
    .where(and(eq(person.orgId, orgId), inArray(person.id, unique)));
  return new Map(rows.map((r) => [r.id, `${r.firstName} ${r.lastName}`]));
}
