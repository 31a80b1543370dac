import { and, asc, desc, eq, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import { afterKey, rows } from '../../../platform/db/sql.ts';
import { course, courseReaction, courseVersion, department, enrollment, isOpenStatus, person, quizAttempt } from '../../../db/schema/index.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';

const ts = (d: Date) => sql`${d.toISOString()}::timestamptz`;
const num = (x: unknown) => (x == null ? null : Number(x));

export type CourseHead = Pick<typeof course.$inferSelect, 'id' | 'title' | 'status' | 'format'>;

const head = { id: course.id, title: course.title, status: course.status, format: course.format };

export async function listCourses(
  db: DbOrTx,
  orgId: string,
  f: { q?: string; status?: 'draft' | 'published' | 'archived' },
  pageArgs: { limit: number; after?: [string, string] },
): Promise<CourseHead[]> {
  const where: SQL[] = [eq(course.orgId, orgId)];
  if (f.status) where.push(eq(course.status, f.status));
  if (f.q) where.push(sql`strpos(${course.searchText}, ${f.q.toLowerCase()}) > 0`);
  const after = afterKey([sql`lower(${course.title})`, course.id], pageArgs.after);
  if (after) where.push(after);
  return db
    .select(head)
    .from(course)
    .where(and(...where))
    .orderBy(sql`lower(${course.title})`, asc(course.id))
    .limit(pageArgs.limit);
}

export async function findCourse(db: DbOrTx, orgId: string, id: string): Promise<CourseHead | undefined> {
  const [row] = await db
    .select(head)
    .from(course)
    .where(and(eq(course.orgId, orgId), eq(course.id, id)))
    .limit(1);
  return row;
}

export type EnrollmentStats = { courseId: string; enrolled: number; completed: number; overdue: number; meanSeconds: number | null };

/** Enrolment counts per course, one grouped statement for the page of courses. */
export async function enrollmentStats(db: DbOrTx, orgId: string, courseIds: string[], now: Date): Promise<EnrollmentStats[]> {
  if (!courseIds.length) return [];
  const r = await db.execute(sql`
    select course_id as "courseId", count(*)::int as enrolled,
      (count(*) filter (where completed_at is not null))::int as completed,
      (count(*) filter (where ${isOpenStatus(sql`status`)} and due_at < ${ts(now)}))::int as overdue,
      avg(time_spent_seconds) filter (where time_spent_seconds > 0) as "meanSeconds"
    from ${enrollment}
    where org_id = ${orgId} and course_id in (${sql.join(courseIds.map((id) => sql`${id}::uuid`), sql`, `)})
    group by course_id`);
  return rows<EnrollmentStats>(r).map((x) => ({ ...x, meanSeconds: num(x.meanSeconds) }));
}

export type ReactionStats = { courseId: string; count: number; mean: number | null };

export async function reactionStats(db: DbOrTx, orgId: string, courseIds: string[]): Promise<ReactionStats[]> {
  if (!courseIds.length) return [];
  const found = await db
    .select({
      courseId: courseReaction.courseId,
      count: sql<number>`count(*)::int`,
      mean: sql<string | null>`avg((${courseReaction.relevance} + ${courseReaction.confidence} + ${courseReaction.intentToApply}) / 3.0)`,
    })
    .from(courseReaction)
    .where(and(eq(courseReaction.orgId, orgId), inArray(courseReaction.courseId, courseIds)))
    .groupBy(courseReaction.courseId);
  return found.map((x) => ({ ...x, mean: num(x.mean) }));
}

export async function countsByStatus(db: DbOrTx, orgId: string, courseId: string) {
  return db
    .select({ status: enrollment.status, count: sql<number>`count(*)::int` })
    .from(enrollment)
    .where(and(eq(enrollment.orgId, orgId), eq(enrollment.courseId, courseId)))
    .groupBy(enrollment.status)
    .orderBy(enrollment.status);
}

export async function countsByReason(db: DbOrTx, orgId: string, courseId: string) {
  return db
    .select({
      reasonType: enrollment.reasonType,
      count: sql<number>`count(*)::int`,
      completed: sql<number>`(count(*) filter (where ${enrollment.completedAt} is not null))::int`,
    })
    .from(enrollment)
    .where(and(eq(enrollment.orgId, orgId), eq(enrollment.courseId, courseId)))
    .groupBy(enrollment.reasonType)
    .orderBy(sql`count(*) desc`, enrollment.reasonType);
}

export async function timeSpent(db: DbOrTx, orgId: string, courseId: string) {
  const r = await db.execute(sql`
    select count(*)::int as count, avg(time_spent_seconds) as mean,
      percentile_cont(0.5) within group (order by time_spent_seconds) as median
    from ${enrollment}
    where org_id = ${orgId} and course_id = ${courseId} and time_spent_seconds > 0`);
  const [x] = rows<{ count: number; mean: unknown; median: unknown }>(r);
  return { count: x?.count ?? 0, mean: num(x?.mean), median: num(x?.median) };
}

/** Submitted, graded attempts of the course's quizzes, newest first (bounded: the analysis needs a sample, not history). */
export async function gradedAttempts(db: DbOrTx, orgId: string, courseId: string, max = 20_000) {
  return db
    .select({
      lessonId: quizAttempt.lessonId,
      quizId: quizAttempt.quizId,
      score: quizAttempt.score,
      passed: quizAttempt.passed,
      items: quizAttempt.items,
    })
    .from(quizAttempt)
    .where(
      and(eq(quizAttempt.orgId, orgId), eq(quizAttempt.courseId, courseId), isNotNull(quizAttempt.submittedAt), isNotNull(quizAttempt.items)),
    )
    .orderBy(desc(quizAttempt.submittedAt))
    .limit(max);
}

/** Every version's content, newest first, to name lessons and questions that attempts refer to. */
export async function versionContents(db: DbOrTx, orgId: string, courseId: string) {
  const found = await db
    .select({ content: courseVersion.content })
    .from(courseVersion)
    .where(and(eq(courseVersion.orgId, orgId), eq(courseVersion.courseId, courseId)))
    .orderBy(desc(courseVersion.number));
  return found.map((v) => v.content);
}

export async function reactionSummary(db: DbOrTx, orgId: string, courseId: string) {
  const where = and(eq(courseReaction.orgId, orgId), eq(courseReaction.courseId, courseId));
  const [s] = await db
    .select({
      count: sql<number>`count(*)::int`,
      relevance: sql<string | null>`avg(${courseReaction.relevance})`,
      confidence: sql<string | null>`avg(${courseReaction.confidence})`,
      intentToApply: sql<string | null>`avg(${courseReaction.intentToApply})`,
    })
    .from(courseReaction)
    .where(where);
  const comments = await db
    .select({ comment: courseReaction.comment, createdAt: courseReaction.createdAt })
    .from(courseReaction)
    .where(and(where, sql`coalesce(trim(${courseReaction.comment}), '') <> ''`))
    .orderBy(desc(courseReaction.createdAt))
    .limit(20);
  return {
    count: s?.count ?? 0,
    relevance: num(s?.relevance),
    confidence: num(s?.confidence),
    intentToApply: num(s?.intentToApply),
    comments: comments.map((c) => ({ comment: c.comment!, createdAt: c.createdAt })),
  };
}

/** Every enrolment of the course with its person, for the CSV export. */
export async function enrollmentsForExport(db: DbOrTx, orgId: string, courseId: string) {
  return db
    .select({
      firstName: person.firstName,
      lastName: person.lastName,
      email: person.email,
      department: department.name,
      status: enrollment.status,
      reasonType: enrollment.reasonType,
      reasonNote: enrollment.reasonNote,
      source: enrollment.source,
      createdAt: enrollment.createdAt,
      dueAt: enrollment.dueAt,
      startedAt: enrollment.startedAt,
      completedAt: enrollment.completedAt,
      expiresAt: enrollment.expiresAt,
      progress: enrollment.progress,
      timeSpentSeconds: enrollment.timeSpentSeconds,
      score: enrollment.score,
    })
    .from(enrollment)
    .innerJoin(person, and(eq(person.id, enrollment.personId), eq(person.orgId, orgId)))
    .leftJoin(department, and(eq(department.id, person.departmentId), eq(department.orgId, orgId)))
    .where(and(eq(enrollment.orgId, orgId), eq(enrollment.courseId, courseId)))
    .orderBy(asc(person.lastName), asc(person.firstName), asc(enrollment.createdAt));
}
