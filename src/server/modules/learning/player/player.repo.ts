import { and, eq, sql } from 'drizzle-orm';
import { certificate, course, courseVersion, lessonProgress } from '../../../db/schema/index.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';

export async function findCourse(db: DbOrTx, orgId: string, id: string) {
  const [row] = await db
    .select({
      id: course.id,
      title: course.title,
      format: course.format,
      externalUrl: course.externalUrl,
      publishedVersionId: course.publishedVersionId,
      estimatedMinutes: course.estimatedMinutes,
    })
    .from(course)
    .where(and(eq(course.orgId, orgId), eq(course.id, id)))
    .limit(1);
  return row;
}

export async function findVersion(db: DbOrTx, orgId: string, id: string) {
  const [row] = await db
    .select({ id: courseVersion.id, courseId: courseVersion.courseId, number: courseVersion.number, content: courseVersion.content })
    .from(courseVersion)
    .where(and(eq(courseVersion.orgId, orgId), eq(courseVersion.id, id)))
    .limit(1);
  return row;
}

export type LessonProgressRow = typeof lessonProgress.$inferSelect;

export async function lessonProgressOf(db: DbOrTx, orgId: string, enrollmentId: string): Promise<LessonProgressRow[]> {
  return db
    .select()
    .from(lessonProgress)
    .where(and(eq(lessonProgress.orgId, orgId), eq(lessonProgress.enrollmentId, enrollmentId)));
}

/**
 * When time was last counted for the enrolment: `updated_at` of its lesson rows moves only when
 * time is added (see addLessonProgress), so it is the anchor that bounds the next report.
 */
export async function lastTimeCountedAt(db: DbOrTx, orgId: string, enrollmentId: string): Promise<Date | null> {
  const [row] = await db
    .select({ at: sql<string | Date | null>`max(${lessonProgress.updatedAt})` })
    .from(lessonProgress)
    .where(and(eq(lessonProgress.orgId, orgId), eq(lessonProgress.enrollmentId, enrollmentId), sql`${lessonProgress.timeSpentSeconds} > 0`));
  return row?.at ? new Date(row.at) : null;
}

/**
 * Adds time to a lesson and, when asked, marks it complete (the first completion time stays).
 * `updated_at` moves only with time added: a completion or a zero report arriving between two
 * timed reports must not eat the time of the next one.
 */
export async function addLessonProgress(
  db: DbOrTx,
  v: { orgId: string; enrollmentId: string; lessonId: string; seconds: number; complete: boolean; now: Date },
): Promise<LessonProgressRow> {
  const completedAt = v.complete ? v.now : null;
  const [row] = await db
    .insert(lessonProgress)
    .values({ orgId: v.orgId, enrollmentId: v.enrollmentId, lessonId: v.lessonId, timeSpentSeconds: v.seconds, completedAt, updatedAt: v.now })
    .onConflictDoUpdate({
      target: [lessonProgress.enrollmentId, lessonProgress.lessonId],
      set: {
        timeSpentSeconds: sql`${lessonProgress.timeSpentSeconds} + ${v.seconds}`,
        completedAt: sql`coalesce(${lessonProgress.completedAt}, ${completedAt}::timestamptz)`,
        updatedAt: v.seconds > 0 ? v.now : sql`${lessonProgress.updatedAt}`,
      },
      setWhere: sql`${lessonProgress.orgId} = ${v.orgId}`,
    })
    .returning();
  return row!;
}

export async function certificateIdOf(db: DbOrTx, orgId: string, enrollmentId: string): Promise<string | null> {
  const [row] = await db
    .select({ id: certificate.id })
    .from(certificate)
    .where(and(eq(certificate.orgId, orgId), eq(certificate.enrollmentId, enrollmentId)))
    .limit(1);
  return row?.id ?? null;
}
