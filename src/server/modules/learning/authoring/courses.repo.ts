import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { afterKey, escapeLike, rows } from '../../../platform/db/sql.ts';
import { course, type CourseContent, coursePrerequisite, courseSkill, courseVersion, enrollment, isOpenStatus, person, skill } from '../../../db/schema/index.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';

export type CourseRow = typeof course.$inferSelect;
export type VersionRow = typeof courseVersion.$inferSelect;


const publishedNumber = sql<number | null>`(select v.number from ${courseVersion} v where v.id = "course".published_version_id)`;
const draftRevision = sql<number | null>`(select v.revision from ${courseVersion} v where v.course_id = "course".id and v.status = 'draft')`;

export type CourseListRow = CourseRow & { publishedNumber: number | null; draftRevision: number | null };

export async function listCourses(
  db: DbOrTx,
  orgId: string,
  f: { q?: string; status?: CourseRow['status']; format?: CourseRow['format'] },
  pageArgs: { limit: number; after?: [string, string] },
): Promise<CourseListRow[]> {
  const where: SQL[] = [eq(course.orgId, orgId)];
  if (f.status) where.push(eq(course.status, f.status));
  if (f.format) where.push(eq(course.format, f.format));
  if (f.q) where.push(sql`${course.searchText} like ${'%' + escapeLike(f.q.toLowerCase()) + '%'}`);
  const after = afterKey([sql`lower(${course.title})`, course.id], pageArgs.after);
  if (after) where.push(after);
  const found = await db
    .select({ c: course, publishedNumber, draftRevision })
    .from(course)
    .where(and(...where))
    .orderBy(sql`lower(${course.title})`, asc(course.id))
    .limit(pageArgs.limit);
  return found.map((r) => ({ ...r.c, publishedNumber: r.publishedNumber, draftRevision: r.draftRevision }));
}

export async function findCourse(db: DbOrTx, orgId: string, id: string): Promise<CourseListRow | undefined> {
  const [r] = await db
    .select({ c: course, publishedNumber, draftRevision })
    .from(course)
    .where(and(eq(course.orgId, orgId), eq(course.id, id)))
    .limit(1);
  return r && { ...r.c, publishedNumber: r.publishedNumber, draftRevision: r.draftRevision };
}

export async function lockCourse(db: DbOrTx, orgId: string, id: string): Promise<CourseRow | undefined> {
  const [r] = await db.select().from(course).where(and(eq(course.orgId, orgId), eq(course.id, id))).for('update').limit(1);
  return r;
}

export async function insertCourse(db: DbOrTx, values: typeof course.$inferInsert): Promise<CourseRow> {
  const [row] = await db.insert(course).values(values).returning();
  return row!;
}

export type CoursePatch = Partial<
  Pick<
    CourseRow,
    'title' | 'summary' | 'coverFileId' | 'estimatedMinutes' | 'tags' | 'format' | 'externalUrl' | 'selfEnrollment' | 'status' | 'publishedVersionId'
  >
>;

export async function updateCourse(db: DbOrTx, orgId: string, id: string, patch: CoursePatch, now: Date): Promise<void> {
  await db
    .update(course)
    .set({ ...patch, updatedAt: now })
    .where(and(eq(course.orgId, orgId), eq(course.id, id)));
}

// ---- skills and prerequisites ------------------------------------------------------------------

export type CourseSkillRow = { courseId: string; skillId: string; name: string; level: number; maxLevel: number };

export async function courseSkills(db: DbOrTx, orgId: string, courseIds: string[]): Promise<CourseSkillRow[]> {
  if (!courseIds.length) return [];
  return db
    .select({ courseId: courseSkill.courseId, skillId: courseSkill.skillId, name: skill.name, level: courseSkill.level, maxLevel: skill.maxLevel })
    .from(courseSkill)
    .innerJoin(skill, eq(skill.id, courseSkill.skillId))
    .where(and(eq(courseSkill.orgId, orgId), inArray(courseSkill.courseId, courseIds)))
    .orderBy(skill.name);
}

export async function replaceCourseSkills(db: DbOrTx, orgId: string, courseId: string, skills: Array<{ skillId: string; level: number }>) {
  await db.delete(courseSkill).where(and(eq(courseSkill.orgId, orgId), eq(courseSkill.courseId, courseId)));
  if (skills.length) await db.insert(courseSkill).values(skills.map((s) => ({ orgId, courseId, skillId: s.skillId, level: s.level })));
}

export type PrereqRow = { courseId: string; id: string; title: string; status: CourseRow['status'] };

export async function coursePrerequisites(db: DbOrTx, orgId: string, courseIds: string[]): Promise<PrereqRow[]> {
  if (!courseIds.length) return [];
  return db
    .select({ courseId: coursePrerequisite.courseId, id: course.id, title: course.title, status: course.status })
    .from(coursePrerequisite)
    .innerJoin(course, eq(course.id, coursePrerequisite.prerequisiteId))
    .where(and(eq(coursePrerequisite.orgId, orgId), inArray(coursePrerequisite.courseId, courseIds)))
    .orderBy(course.title);
}

export async function replacePrerequisites(db: DbOrTx, orgId: string, courseId: string, ids: string[]) {
  await db.delete(coursePrerequisite).where(and(eq(coursePrerequisite.orgId, orgId), eq(coursePrerequisite.courseId, courseId)));
  if (ids.length) await db.insert(coursePrerequisite).values(ids.map((prerequisiteId) => ({ orgId, courseId, prerequisiteId })));
}

export async function existingCourseIds(db: DbOrTx, orgId: string, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const found = await db.select({ id: course.id }).from(course).where(and(eq(course.orgId, orgId), inArray(course.id, ids)));
  return new Set(found.map((r) => r.id));
}

/** Whether any of these prerequisites already requires (directly or not) the course itself. */
export async function wouldCycle(db: DbOrTx, orgId: string, courseId: string, prerequisiteIds: string[]): Promise<boolean> {
  if (!prerequisiteIds.length) return false;
  const r = await db.execute(sql`
    with recursive reach(id) as (
      select unnest(array[${sql.join(prerequisiteIds.map((id) => sql`${id}::uuid`), sql`, `)}])
      union
      select cp.prerequisite_id from ${coursePrerequisite} cp join reach on cp.course_id = reach.id where cp.org_id = ${orgId}
    )
    select exists(select 1 from reach where id = ${courseId}::uuid) as found`);
  return Boolean(rows<{ found: boolean }>(r)[0]?.found);
}

// ---- versions --------------------------------------------------------------------------------------

export async function findVersion(db: DbOrTx, orgId: string, id: string): Promise<VersionRow | undefined> {
  const [row] = await db.select().from(courseVersion).where(and(eq(courseVersion.orgId, orgId), eq(courseVersion.id, id))).limit(1);
  return row;
}

export async function findDraft(db: DbOrTx, orgId: string, courseId: string): Promise<VersionRow | undefined> {
  const [row] = await db
    .select()
    .from(courseVersion)
    .where(and(eq(courseVersion.orgId, orgId), eq(courseVersion.courseId, courseId), eq(courseVersion.status, 'draft')))
    .limit(1);
  return row;
}

export async function lastVersionNumber(db: DbOrTx, orgId: string, courseId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`coalesce(max(${courseVersion.number}), 0)::int` })
    .from(courseVersion)
    .where(and(eq(courseVersion.orgId, orgId), eq(courseVersion.courseId, courseId)));
  return Number(row?.n ?? 0);
}

export async function insertVersion(db: DbOrTx, values: typeof courseVersion.$inferInsert): Promise<VersionRow> {
  const [row] = await db.insert(courseVersion).values(values).returning();
  return row!;
}

/** Saves the draft only if nobody saved since `revision`; undefined when stale. */
export async function saveDraft(db: DbOrTx, orgId: string, id: string, content: CourseContent, revision: number, now: Date) {
  const [row] = await db
    .update(courseVersion)
    .set({ content, revision: sql`${courseVersion.revision} + 1`, updatedAt: now })
    .where(and(eq(courseVersion.orgId, orgId), eq(courseVersion.id, id), eq(courseVersion.status, 'draft'), eq(courseVersion.revision, revision)))
    .returning();
  return row;
}

export async function retirePublished(db: DbOrTx, orgId: string, courseId: string, now: Date): Promise<void> {
  await db
    .update(courseVersion)
    .set({ status: 'retired', updatedAt: now })
    .where(and(eq(courseVersion.orgId, orgId), eq(courseVersion.courseId, courseId), eq(courseVersion.status, 'published')));
}

export async function markPublished(db: DbOrTx, orgId: string, id: string, by: string | null, now: Date): Promise<VersionRow> {
  const [row] = await db
    .update(courseVersion)
    .set({ status: 'published', publishedAt: now, publishedBy: by, updatedAt: now })
    .where(and(eq(courseVersion.orgId, orgId), eq(courseVersion.id, id)))
    .returning();
  return row!;
}

/** Moves learners who have not completed onto the new version; returns how many moved. */
export async function pushOpenEnrollments(db: DbOrTx, orgId: string, courseId: string, versionId: string, now: Date): Promise<number> {
  const moved = await db
    .update(enrollment)
    .set({ versionId, updatedAt: now })
    .where(
      and(
        eq(enrollment.orgId, orgId),
        eq(enrollment.courseId, courseId),
        isOpenStatus(enrollment.status),
        sql`${enrollment.versionId} is distinct from ${versionId}::uuid`,
      ),
    )
    .returning({ id: enrollment.id });
  return moved.length;
}

export async function listVersions(db: DbOrTx, orgId: string, courseId: string) {
  return db
    .select({
      id: courseVersion.id,
      number: courseVersion.number,
      status: courseVersion.status,
      revision: courseVersion.revision,
      publishedAt: courseVersion.publishedAt,
      publishedByName: sql<string | null>`(select p.first_name || ' ' || p.last_name from ${person} p where p.id = ${courseVersion.publishedBy})`,
      createdAt: courseVersion.createdAt,
      updatedAt: courseVersion.updatedAt,
      enrollmentCount: sql<number>`(select count(*)::int from ${enrollment} e where e.org_id = ${orgId} and e.version_id = ${courseVersion.id})`,
    })
    .from(courseVersion)
    .where(and(eq(courseVersion.orgId, orgId), eq(courseVersion.courseId, courseId)))
    .orderBy(desc(courseVersion.number));
}

/** Published version of each course (id → version id), e.g. for the catalog's outline. */
export async function publishedVersion(db: DbOrTx, orgId: string, courseId: string): Promise<VersionRow | undefined> {
  const [row] = await db
    .select()
    .from(courseVersion)
    .where(and(eq(courseVersion.orgId, orgId), eq(courseVersion.courseId, courseId), eq(courseVersion.status, 'published')))
    .limit(1);
  return row;
}

