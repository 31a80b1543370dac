import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { afterKey, escapeLike, rows } from '../../../platform/db/sql.ts';
import { course, courseSkill, enrollment, isOpenStatus, program, programStep, skill } from '../../../db/schema/index.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';


export type CatalogFilters = {
  q?: string;
  skillId?: string;
  format?: 'self_paced' | 'live' | 'external';
  tag?: string;
  duration?: 'short' | 'medium' | 'long';
  kind?: 'course' | 'program';
};

export type CatalogRow = {
  kind: 'course' | 'program';
  id: string;
  title: string;
  summary: string | null;
  coverFileId: string | null;
  format: 'self_paced' | 'live' | 'external' | null;
  estimatedMinutes: number | null;
  tags: string[];
  selfEnrollment: boolean;
  sortTitle: string;
};

const hasTag = (col: SQL, tag: string) => sql`exists (select 1 from unnest(${col}) t where lower(t) = lower(${tag}))`;

/** Published courses and programs in one list, by title; a format filter leaves programs out. */
export async function listCatalog(db: DbOrTx, orgId: string, f: CatalogFilters, p: { limit: number; after?: [string, string] }): Promise<CatalogRow[]> {
  const like = f.q ? '%' + escapeLike(f.q.toLowerCase()) + '%' : null;
  const courseWhere: SQL[] = [sql`c.org_id = ${orgId}`, sql`c.status = 'published'`];
  const programWhere: SQL[] = [sql`p.org_id = ${orgId}`, sql`p.status = 'published'`];
  if (like) {
    courseWhere.push(sql`c.search_text like ${like}`);
    programWhere.push(sql`p.search_text like ${like}`);
  }
  if (f.skillId) {
    courseWhere.push(sql`exists (select 1 from ${courseSkill} cs where cs.course_id = c.id and cs.skill_id = ${f.skillId})`);
    programWhere.push(
      sql`exists (select 1 from ${programStep} s join ${courseSkill} cs on cs.course_id = s.course_id where s.program_id = p.id and cs.skill_id = ${f.skillId})`,
    );
  }
  if (f.format) courseWhere.push(sql`c.format = ${f.format}`);
  if (f.tag) {
    courseWhere.push(hasTag(sql`c.tags`, f.tag));
    programWhere.push(hasTag(sql`p.tags`, f.tag));
  }
  const outer: SQL[] = [sql`true`];
  if (f.duration === 'short') outer.push(sql`x.estimated_minutes <= 30`);
  if (f.duration === 'medium') outer.push(sql`x.estimated_minutes > 30 and x.estimated_minutes <= 120`);
  if (f.duration === 'long') outer.push(sql`x.estimated_minutes > 120`);
  const after = afterKey([sql`x.sort_title`, sql`x.id`], p.after);
  if (after) outer.push(after);
  const courses = sql`select 'course' as kind, c.id, c.title, c.summary, c.cover_file_id, c.format, c.estimated_minutes, c.tags,
      c.self_enrollment, lower(c.title) as sort_title
    from ${course} c where ${sql.join(courseWhere, sql` and `)}`;
  const programs = sql`select 'program' as kind, p.id, p.title, p.summary, p.cover_file_id, null as format,
      (select sum(c2.estimated_minutes)::int from ${programStep} s join ${course} c2 on c2.id = s.course_id where s.program_id = p.id) as estimated_minutes,
      p.tags, p.self_enrollment, lower(p.title) as sort_title
    from ${program} p where ${sql.join(programWhere, sql` and `)}`;
  // A format filter is about courses: programs have none.
  const parts = [...(f.kind !== 'program' ? [courses] : []), ...(f.kind !== 'course' && !f.format ? [programs] : [])];
  if (!parts.length) return [];
  const r = await db.execute(sql`
    select x.kind, x.id, x.title, x.summary, x.cover_file_id as "coverFileId", x.format, x.estimated_minutes as "estimatedMinutes",
      x.tags, x.self_enrollment as "selfEnrollment", x.sort_title as "sortTitle"
    from (${sql.join(parts, sql` union all `)}) x
    where ${sql.join(outer, sql` and `)}
    order by x.sort_title, x.id
    limit ${p.limit}`);
  return rows<CatalogRow>(r).map((x) => ({ ...x, estimatedMinutes: x.estimatedMinutes == null ? null : Number(x.estimatedMinutes) }));
}

export type ItemSkill = { targetId: string; id: string; name: string; level: number };

/** Skills each course teaches, and for programs the skills of their course steps (highest level). */
export async function itemSkills(db: DbOrTx, orgId: string, courseIds: string[], programIds: string[]): Promise<ItemSkill[]> {
  const out: ItemSkill[] = [];
  if (courseIds.length) {
    out.push(
      ...(await db
        .select({ targetId: courseSkill.courseId, id: skill.id, name: skill.name, level: courseSkill.level })
        .from(courseSkill)
        .innerJoin(skill, eq(skill.id, courseSkill.skillId))
        .where(and(eq(courseSkill.orgId, orgId), inArray(courseSkill.courseId, courseIds)))
        .orderBy(skill.name)),
    );
  }
  if (programIds.length) {
    out.push(
      ...(await db
        .select({ targetId: programStep.programId, id: skill.id, name: skill.name, level: sql<number>`max(${courseSkill.level})::int` })
        .from(programStep)
        .innerJoin(courseSkill, eq(courseSkill.courseId, programStep.courseId))
        .innerJoin(skill, eq(skill.id, courseSkill.skillId))
        .where(and(eq(programStep.orgId, orgId), inArray(programStep.programId, programIds)))
        .groupBy(programStep.programId, skill.id, skill.name)
        .orderBy(skill.name)),
    );
  }
  return out;
}

export type MyEnrollment = { id: string; status: string; courseId: string | null; programId: string | null };

/** The person's enrolment in each course or program: the open one, else the latest. */
export async function myEnrollments(db: DbOrTx, orgId: string, personId: string, courseIds: string[], programIds: string[]): Promise<MyEnrollment[]> {
  if (!courseIds.length && !programIds.length) return [];
  const target: SQL[] = [];
  if (courseIds.length) target.push(inArray(enrollment.courseId, courseIds));
  if (programIds.length) target.push(inArray(enrollment.programId, programIds));
  const found = await db
    .select({ id: enrollment.id, status: enrollment.status, courseId: enrollment.courseId, programId: enrollment.programId })
    .from(enrollment)
    .where(and(eq(enrollment.orgId, orgId), eq(enrollment.personId, personId), sql`(${sql.join(target, sql` or `)})`))
    .orderBy(sql`case when ${isOpenStatus(enrollment.status)} then 0 else 1 end`, desc(enrollment.createdAt));
  const seen = new Set<string>();
  return found.filter((e) => {
    const key = (e.courseId ?? e.programId)!;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export async function catalogTags(db: DbOrTx, orgId: string): Promise<Array<{ tag: string; count: number }>> {
  const r = await db.execute(sql`
    select min(t) as tag, count(*)::int as count from (
      select unnest(tags) as t from ${course} where org_id = ${orgId} and status = 'published'
      union all
      select unnest(tags) from ${program} where org_id = ${orgId} and status = 'published'
    ) x group by lower(t) order by lower(t)`);
  return rows<{ tag: string; count: number }>(r).map((x) => ({ tag: x.tag, count: Number(x.count) }));
}

export async function findProgram(db: DbOrTx, orgId: string, id: string) {
  const [row] = await db.select().from(program).where(and(eq(program.orgId, orgId), eq(program.id, id))).limit(1);
  return row;
}
