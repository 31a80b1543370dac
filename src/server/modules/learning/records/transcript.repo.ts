import { and, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import { certificate, course, enrollment, externalLearning, person, program, storedFile } from '../../../db/schema/index.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';

export async function findPerson(db: DbOrTx, orgId: string, id: string) {
  const [row] = await db
    .select({ id: person.id, firstName: person.firstName, lastName: person.lastName, jobTitle: person.jobTitle })
    .from(person)
    .where(and(eq(person.orgId, orgId), eq(person.id, id)))
    .limit(1);
  return row;
}

/** Completed courses and programs, expired ones included (they were completed). */
export async function completedLearning(db: DbOrTx, orgId: string, personId: string) {
  return db
    .select({
      id: enrollment.id,
      courseId: enrollment.courseId,
      programId: enrollment.programId,
      courseTitle: course.title,
      programTitle: program.title,
      estimatedMinutes: course.estimatedMinutes,
      status: enrollment.status,
      completedAt: enrollment.completedAt,
      expiresAt: enrollment.expiresAt,
      score: enrollment.score,
      timeSpentSeconds: enrollment.timeSpentSeconds,
      reasonType: enrollment.reasonType,
      certificateId: certificate.id,
    })
    .from(enrollment)
    .leftJoin(course, and(eq(course.id, enrollment.courseId), eq(course.orgId, orgId)))
    .leftJoin(program, and(eq(program.id, enrollment.programId), eq(program.orgId, orgId)))
    .leftJoin(certificate, and(eq(certificate.enrollmentId, enrollment.id), eq(certificate.orgId, orgId)))
    .where(
      and(
        eq(enrollment.orgId, orgId),
        eq(enrollment.personId, personId),
        inArray(enrollment.status, ['completed', 'expired']),
        isNotNull(enrollment.completedAt),
      ),
    )
    .orderBy(desc(enrollment.completedAt));
}

export type ExternalRow = typeof externalLearning.$inferSelect;

export async function externalOf(db: DbOrTx, orgId: string, personId: string): Promise<ExternalRow[]> {
  return db
    .select()
    .from(externalLearning)
    .where(and(eq(externalLearning.orgId, orgId), eq(externalLearning.personId, personId)))
    .orderBy(desc(externalLearning.completedOn), desc(externalLearning.id));
}

export async function findExternal(db: DbOrTx, orgId: string, id: string): Promise<ExternalRow | undefined> {
  const [row] = await db
    .select()
    .from(externalLearning)
    .where(and(eq(externalLearning.orgId, orgId), eq(externalLearning.id, id)))
    .limit(1);
  return row;
}

export async function insertExternal(db: DbOrTx, values: typeof externalLearning.$inferInsert): Promise<ExternalRow> {
  const [row] = await db.insert(externalLearning).values(values).returning();
  return row!;
}

export async function deleteExternal(db: DbOrTx, orgId: string, id: string): Promise<void> {
  await db.delete(externalLearning).where(and(eq(externalLearning.orgId, orgId), eq(externalLearning.id, id)));
}

export async function findEvidenceFile(db: DbOrTx, orgId: string, id: string) {
  const [row] = await db
    .select({ id: storedFile.id, name: storedFile.name, purpose: storedFile.purpose, createdBy: storedFile.createdBy })
    .from(storedFile)
    .where(and(eq(storedFile.orgId, orgId), eq(storedFile.id, id)))
    .limit(1);
  return row;
}
