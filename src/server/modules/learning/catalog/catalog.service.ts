import { z } from 'zod';
import type { z as zo } from '@hono/zod-openapi';
import type { AppContext } from '../../../context.ts';
import { decodeCursor, keysetPage } from '../../../platform/http/openapi.ts';
import { AppError, notFound } from '../../../platform/http/errors.ts';
import type { Actor } from '../../../platform/http/types.ts';
import { actorRef } from '../../platform/index.ts';
import type { CatalogQuery } from './catalog.schemas.ts';
import * as repo from './catalog.repo.ts';
import { coursesRepo as courses } from '../authoring/index.ts';
import { learningFileUrl } from '../authoring/index.ts';
import { enroll } from '../enrollment/index.ts';
import { enrollmentsRepo as enrollments } from '../enrollment/index.ts';

const mine = (e: repo.MyEnrollment | undefined) => (e ? { id: e.id, status: e.status } : null);

export async function listCatalog(ctx: AppContext, actor: Actor, query: zo.infer<typeof CatalogQuery>) {
  const limit = query.limit ?? 24;
  const found = await repo.listCatalog(ctx.db, actor.orgId, query, {
    limit: limit + 1,
    after: decodeCursor(query.cursor, z.tuple([z.string(), z.uuid()])),
  });
  const { data, nextCursor } = keysetPage(found, limit, (last) => [last.sortTitle, last.id]);
  const courseIds = data.filter((d) => d.kind === 'course').map((d) => d.id);
  const programIds = data.filter((d) => d.kind === 'program').map((d) => d.id);
  const [skills, mineList] = await Promise.all([
    repo.itemSkills(ctx.db, actor.orgId, courseIds, programIds),
    repo.myEnrollments(ctx.db, actor.orgId, actor.personId, courseIds, programIds),
  ]);
  return {
    data: data.map((d) => ({
      kind: d.kind,
      id: d.id,
      title: d.title,
      summary: d.summary,
      coverUrl: learningFileUrl(d.coverFileId),
      format: d.format,
      estimatedMinutes: d.estimatedMinutes,
      tags: d.tags ?? [],
      skills: skills.filter((s) => s.targetId === d.id).map(({ targetId: _t, ...s }) => s),
      selfEnrollment: d.selfEnrollment,
      myEnrollment: mine(mineList.find((e) => (d.kind === 'course' ? e.courseId : e.programId) === d.id)),
    })),
    nextCursor,
  };
}

export async function listTags(ctx: AppContext, actor: Actor) {
  return { data: await repo.catalogTags(ctx.db, actor.orgId) };
}

/** Published courses, plus those the person is enrolled in (they keep access after archiving). */
async function visibleCourse(ctx: AppContext, actor: Actor, id: string) {
  const c = await courses.findCourse(ctx.db, actor.orgId, id);
  if (!c) throw notFound('Course');
  const [my] = await repo.myEnrollments(ctx.db, actor.orgId, actor.personId, [id], []);
  if (c.status !== 'published' && !my) throw notFound('Course');
  return { c, my };
}

export async function getCatalogCourse(ctx: AppContext, actor: Actor, id: string) {
  const { c, my } = await visibleCourse(ctx, actor, id);
  const [skills, prereqs, version] = await Promise.all([
    repo.itemSkills(ctx.db, actor.orgId, [id], []),
    courses.coursePrerequisites(ctx.db, actor.orgId, [id]),
    c.publishedVersionId ? courses.findVersion(ctx.db, actor.orgId, c.publishedVersionId) : undefined,
  ]);
  const done = await enrollments.completedCourseIds(ctx.db, actor.orgId, actor.personId, prereqs.map((p) => p.id), ctx.clock.now());
  // Titles only: the content itself is for enrolled learners, through the player.
  const outline = (version?.content.sections ?? []).map((s) => ({
    id: s.id,
    title: s.title,
    lessons: s.lessons.map((l) => ({ id: l.id, title: l.title, estimatedMinutes: l.estimatedMinutes ?? null })),
  }));
  return {
    id: c.id,
    title: c.title,
    summary: c.summary,
    coverUrl: learningFileUrl(c.coverFileId),
    format: c.format,
    externalUrl: c.externalUrl,
    estimatedMinutes: c.estimatedMinutes,
    tags: c.tags,
    selfEnrollment: c.selfEnrollment,
    status: c.status,
    skills: skills.map(({ targetId: _t, ...s }) => s),
    prerequisites: prereqs.map((p) => ({ id: p.id, title: p.title, completed: done.has(p.id) })),
    outline,
    lessonCount: outline.reduce((n, s) => n + s.lessons.length, 0),
    myEnrollment: mine(my),
  };
}

const closed = () => new AppError('forbidden', 'This is not open for self-enrolment; ask your manager or the learning team to assign it');

export async function selfEnrollCourse(ctx: AppContext, actor: Actor, id: string, requestId?: string) {
  return ctx.db.transaction(async (tx) => {
    const c = await courses.findCourse(tx, actor.orgId, id);
    if (!c || c.status !== 'published') throw notFound('Course');
    const open = await enrollments.findOpenEnrollment(tx, actor.orgId, actor.personId, { courseId: id });
    if (open) return { enrollment: { id: open.id, status: open.status }, created: false };
    if (!c.selfEnrollment) throw closed();
    const prereqs = await courses.coursePrerequisites(tx, actor.orgId, [id]);
    const done = await enrollments.completedCourseIds(tx, actor.orgId, actor.personId, prereqs.map((p) => p.id), ctx.clock.now());
    const missing = prereqs.filter((p) => !done.has(p.id));
    if (missing.length) {
      throw new AppError(
        'unprocessable',
        `Complete ${missing.map((m) => m.title).join(', ')} first`,
        missing.map((m) => ({ path: 'prerequisites', courseId: m.id, title: m.title, message: `Complete “${m.title}” first` })),
      );
    }
    await enroll(ctx, tx, actorRef(actor, requestId), {
      audience: { type: 'people', personIds: [actor.personId] },
      courseId: id,
      versionId: c.publishedVersionId,
      reasonType: 'self',
      source: 'self',
      assignedBy: null,
    });
    // Read back: a concurrent request may have won the race, which is the same outcome.
    const e = await enrollments.findOpenEnrollment(tx, actor.orgId, actor.personId, { courseId: id });
    if (!e) throw notFound('Person');
    return { enrollment: { id: e.id, status: e.status }, created: true };
  });
}

export async function selfEnrollProgram(ctx: AppContext, actor: Actor, id: string, requestId?: string) {
  return ctx.db.transaction(async (tx) => {
    const p = await repo.findProgram(tx, actor.orgId, id);
    if (!p || p.status !== 'published') throw notFound('Program');
    const open = await enrollments.findOpenEnrollment(tx, actor.orgId, actor.personId, { programId: id });
    if (open) return { enrollment: { id: open.id, status: open.status }, created: false };
    if (!p.selfEnrollment) throw closed();
    await enroll(ctx, tx, actorRef(actor, requestId), {
      audience: { type: 'people', personIds: [actor.personId] },
      programId: id,
      reasonType: 'self',
      source: 'self',
      assignedBy: null,
      dueDays: p.dueDays,
    });
    const e = await enrollments.findOpenEnrollment(tx, actor.orgId, actor.personId, { programId: id });
    if (!e) throw notFound('Person');
    return { enrollment: { id: e.id, status: e.status }, created: true };
  });
}
