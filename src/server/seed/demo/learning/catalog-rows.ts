import { uuidv7 } from 'uuidv7';
import type { DemoLearningRows } from '../../seed.repo.ts';
import { demoCourses, demoPrograms } from './catalog.ts';
import { DAY, type CourseInfo, type ProgramInfo } from './ledger.ts';
import { demoSkills } from './skills.ts';

/** The catalog was built a little over two years ago; the annual security course has been renewed since. */
export const CATALOG_AGE_DAYS = 800;

export type Catalog = Pick<
  DemoLearningRows,
  'skills' | 'courses' | 'versions' | 'courseSkills' | 'prerequisites' | 'programs' | 'steps'
> & { courseInfo: Map<string, CourseInfo>; programInfo: Map<string, ProgramInfo> };

export function buildCatalog(orgId: string, today: Date, authorId: string): Catalog {
  const ago = (days: number) => new Date(today.getTime() - days * DAY);
  const skills = demoSkills.map((s) => ({
    id: uuidv7(),
    orgId,
    name: s.name,
    category: s.category,
    description: s.description,
    maxLevel: 5,
    levels: [...s.levels],
    createdAt: ago(CATALOG_AGE_DAYS + 10),
    updatedAt: ago(CATALOG_AGE_DAYS + 10),
  }));
  const skillId = new Map(skills.map((s) => [s.name, s.id]));

  const out: Catalog = {
    skills,
    courses: [],
    versions: [],
    courseSkills: [],
    prerequisites: [],
    programs: [],
    steps: [],
    courseInfo: new Map(),
    programInfo: new Map(),
  };
  const courseId = new Map(demoCourses.map((c) => [c.key, uuidv7()]));

  demoCourses.forEach((c, i) => {
    const id = courseId.get(c.key)!;
    const created = ago(CATALOG_AGE_DAYS - i * 3);
    const published = new Date(created.getTime() + 5 * DAY);
    const v1 = uuidv7();
    const v2 = c.version2 ? uuidv7() : null;
    const v2At = c.version2 ? ago(c.version2.publishedDaysAgo) : null;
    const isDraft = c.status === 'draft';
    out.courses.push({
      id,
      orgId,
      title: c.title,
      summary: c.summary,
      estimatedMinutes: c.estimatedMinutes,
      tags: c.tags,
      format: c.format,
      externalUrl: c.externalUrl ?? null,
      selfEnrollment: c.selfEnrollment,
      status: c.status,
      publishedVersionId: isDraft ? null : (v2 ?? v1),
      createdBy: authorId,
      createdAt: created,
      updatedAt: v2At ?? published,
    });
    out.versions.push({
      id: v1,
      orgId,
      courseId: id,
      number: 1,
      status: isDraft ? 'draft' : v2 ? 'retired' : 'published',
      content: c.content,
      revision: isDraft ? 7 : 1,
      publishedAt: isDraft ? null : published,
      publishedBy: isDraft ? null : authorId,
      createdAt: created,
      updatedAt: isDraft ? ago(3) : published,
    });
    if (c.version2 && v2 && v2At) {
      out.versions.push({
        id: v2,
        orgId,
        courseId: id,
        number: 2,
        status: 'published',
        content: c.version2.content,
        revision: 1,
        publishedAt: v2At,
        publishedBy: authorId,
        createdAt: new Date(v2At.getTime() - 20 * DAY),
        updatedAt: v2At,
      });
    }
    for (const [name, level] of c.skills) out.courseSkills.push({ orgId, courseId: id, skillId: skillId.get(name)!, level });
    for (const key of c.prerequisites ?? []) out.prerequisites.push({ orgId, courseId: id, prerequisiteId: courseId.get(key)! });
    if (!isDraft) {
      const versions = [{ id: v1, publishedAt: published, content: c.content }];
      if (c.version2 && v2 && v2At) versions.push({ id: v2, publishedAt: v2At, content: c.version2.content });
      out.courseInfo.set(c.key, {
        id,
        key: c.key,
        title: c.title,
        format: c.format,
        estimatedMinutes: c.estimatedMinutes,
        comments: c.comments,
        versions,
      });
    }
  });

  demoPrograms.forEach((p, i) => {
    const id = uuidv7();
    const created = ago(CATALOG_AGE_DAYS - 60 - i * 5);
    out.programs.push({
      id,
      orgId,
      title: p.title,
      summary: p.summary,
      tags: p.tags,
      enforceOrder: p.enforceOrder,
      dueDays: p.dueDays,
      selfEnrollment: p.selfEnrollment,
      status: 'published',
      createdBy: authorId,
      createdAt: created,
      updatedAt: created,
    });
    const steps = p.steps.map((s, n) => {
      const position = n + 1;
      const stepId = uuidv7();
      out.steps.push(
        s.kind === 'course'
          ? { id: stepId, orgId, programId: id, position, kind: 'course', courseId: courseId.get(s.course)!, createdAt: created }
          : {
              id: stepId,
              orgId,
              programId: id,
              position,
              kind: 'checkpoint',
              title: s.title,
              instructions: s.instructions,
              evidenceKinds: s.evidenceKinds,
              approver: 'manager',
              createdAt: created,
            },
      );
      return s.kind === 'course'
        ? { id: stepId, kind: 'course' as const, courseKey: s.course }
        : { id: stepId, kind: 'checkpoint' as const, title: s.title };
    });
    out.programInfo.set(p.key, { id, key: p.key, title: p.title, steps });
  });
  return out;
}
