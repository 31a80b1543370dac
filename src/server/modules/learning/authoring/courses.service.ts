import { z } from 'zod';
import type { z as zo } from '@hono/zod-openapi';
import type { AppContext } from '../../../context.ts';
import type { CourseContent } from '../../../db/schema/index.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';
import { decodeCursor, keysetPage } from '../../../platform/http/openapi.ts';
import { AppError, conflict, notFound, validationFailed, type ErrorDetail } from '../../../platform/http/errors.ts';
import type { Actor } from '../../../platform/http/types.ts';
import { actorRef, recordChange } from '../../platform/index.ts';
import { assertContentFiles } from './content.ts';
import { filePurposes } from './content.repo.ts';
import { lessonCount, type ValidContent } from './content.schemas.ts';
import type { CourseCreate, CoursesQuery, CourseUpdate, DraftSave } from './courses.schemas.ts';
import * as repo from './courses.repo.ts';
import { learningFileUrl } from './uploads.service.ts';
import { requirePermission } from '../../org/index.ts';
import { canManageCourses } from '../learning.policy.ts';


async function dtos(db: DbOrTx, orgId: string, courses: repo.CourseListRow[]) {
  const ids = courses.map((c) => c.id);
  const [skills, prereqs] = await Promise.all([repo.courseSkills(db, orgId, ids), repo.coursePrerequisites(db, orgId, ids)]);
  return courses.map((c) => ({
    id: c.id,
    title: c.title,
    summary: c.summary,
    coverFileId: c.coverFileId,
    coverUrl: learningFileUrl(c.coverFileId),
    estimatedMinutes: c.estimatedMinutes,
    tags: c.tags,
    format: c.format,
    externalUrl: c.externalUrl,
    selfEnrollment: c.selfEnrollment,
    status: c.status,
    publishedVersionId: c.publishedVersionId,
    publishedVersionNumber: c.publishedNumber,
    hasDraft: c.draftRevision != null,
    skills: skills.filter((s) => s.courseId === c.id).map(({ courseId: _c, ...s }) => s),
    prerequisites: prereqs.filter((p) => p.courseId === c.id).map(({ courseId: _c, ...p }) => p),
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  }));
}
export type CourseDto = Awaited<ReturnType<typeof dtos>>[number];

async function loadDto(db: DbOrTx, orgId: string, id: string): Promise<CourseDto> {
  const c = await repo.findCourse(db, orgId, id);
  if (!c) throw notFound('Course');
  return (await dtos(db, orgId, [c]))[0]!;
}

const audit = (c: CourseDto) => ({
  title: c.title,
  summary: c.summary,
  coverFileId: c.coverFileId,
  estimatedMinutes: c.estimatedMinutes,
  tags: c.tags,
  format: c.format,
  externalUrl: c.externalUrl,
  selfEnrollment: c.selfEnrollment,
  status: c.status,
  skills: c.skills.map((s) => ({ skillId: s.skillId, level: s.level })),
  prerequisiteIds: c.prerequisites.map((p) => p.id),
});

export async function listCourses(ctx: AppContext, actor: Actor, query: zo.infer<typeof CoursesQuery>) {
  requirePermission(actor, canManageCourses);
  const limit = query.limit ?? 50;
  const found = await repo.listCourses(
    ctx.db,
    actor.orgId,
    { q: query.q, status: query.status, format: query.format },
    { limit: limit + 1, after: decodeCursor(query.cursor, z.tuple([z.string(), z.uuid()])) },
  );
  const { data, nextCursor } = keysetPage(found, limit, (last) => [last.title.toLowerCase(), last.id]);
  return {
    data: await dtos(ctx.db, actor.orgId, data),
    nextCursor,
  };
}

export async function getCourse(ctx: AppContext, actor: Actor, id: string) {
  requirePermission(actor, canManageCourses);
  return loadDto(ctx.db, actor.orgId, id);
}

type Meta = zo.infer<typeof CourseUpdate>;

/** Checks the parts of the metadata that depend on other records; throws one 400 with every problem. */
async function checkMeta(ctx: AppContext, db: DbOrTx, orgId: string, courseId: string | null, m: Meta, format: string, externalUrl: string | null) {
  const errors: ErrorDetail[] = [];
  if (format === 'external' && !externalUrl) errors.push({ path: 'externalUrl', message: 'External courses need the https link where they happen' });
  if (m.coverFileId) {
    const found = await filePurposes(db, orgId, [m.coverFileId]);
    if (!found.has(m.coverFileId)) errors.push({ path: 'coverFileId', message: 'No such file' });
    else if (found.get(m.coverFileId) !== 'cover') errors.push({ path: 'coverFileId', message: 'Upload the image as a cover' });
  }
  if (m.skills) {
    const skills = new Map((await ctx.skillCatalog.findSkills(db, orgId, m.skills.map((s) => s.skillId))).map((s) => [s.id, s]));
    // A skill archived since the course was linked to it stays; an archived one is not linked anew.
    const linked = new Set(courseId ? (await repo.courseSkills(db, orgId, [courseId])).map((s) => s.skillId) : []);
    const seen = new Set<string>();
    m.skills.forEach((s, i) => {
      const sk = skills.get(s.skillId);
      if (!sk) errors.push({ path: `skills.${i}.skillId`, message: 'No such skill' });
      else if (sk.archivedAt && !linked.has(s.skillId)) errors.push({ path: `skills.${i}.skillId`, message: `${sk.name} is archived` });
      else if (s.level > sk.maxLevel) errors.push({ path: `skills.${i}.level`, message: `${sk.name} goes up to level ${sk.maxLevel}` });
      if (seen.has(s.skillId)) errors.push({ path: `skills.${i}.skillId`, message: 'Listed twice' });
      seen.add(s.skillId);
    });
  }
  if (m.prerequisiteIds) {
    const existing = await repo.existingCourseIds(db, orgId, m.prerequisiteIds);
    m.prerequisiteIds.forEach((p, i) => {
      if (p === courseId) errors.push({ path: `prerequisiteIds.${i}`, message: 'A course cannot require itself' });
      else if (!existing.has(p)) errors.push({ path: `prerequisiteIds.${i}`, message: 'No such course' });
    });
    if (new Set(m.prerequisiteIds).size !== m.prerequisiteIds.length) errors.push({ path: 'prerequisiteIds', message: 'A course is listed twice' });
  }
  if (errors.length) throw validationFailed('Some details need fixing', errors);
  if (courseId && m.prerequisiteIds && (await repo.wouldCycle(db, orgId, courseId, m.prerequisiteIds))) {
    throw new AppError('unprocessable', 'These prerequisites would make a loop: one of them already requires this course', [
      { path: 'prerequisiteIds', message: 'Creates a prerequisite loop' },
    ]);
  }
}

export async function createCourse(ctx: AppContext, actor: Actor, input: zo.infer<typeof CourseCreate>, requestId?: string) {
  requirePermission(actor, canManageCourses);
  return ctx.db.transaction(async (tx) => {
    const format = input.format ?? 'self_paced';
    const externalUrl = format === 'external' ? (input.externalUrl ?? null) : null;
    await checkMeta(ctx, tx, actor.orgId, null, input, format, externalUrl);
    const now = ctx.clock.now();
    const c = await repo.insertCourse(tx, {
      orgId: actor.orgId,
      title: input.title,
      summary: input.summary || null,
      coverFileId: input.coverFileId ?? null,
      estimatedMinutes: input.estimatedMinutes ?? null,
      tags: input.tags ?? [],
      format,
      externalUrl,
      selfEnrollment: input.selfEnrollment ?? true,
      status: 'draft',
      createdBy: actor.personId,
      createdAt: now,
      updatedAt: now,
    });
    await repo.insertVersion(tx, { orgId: actor.orgId, courseId: c.id, number: 1, status: 'draft', content: { sections: [] }, createdAt: now, updatedAt: now });
    if (input.skills?.length) await repo.replaceCourseSkills(tx, actor.orgId, c.id, input.skills);
    if (input.prerequisiteIds?.length) await repo.replacePrerequisites(tx, actor.orgId, c.id, input.prerequisiteIds);
    const dto = await loadDto(tx, actor.orgId, c.id);
    await recordChange(tx, actorRef(actor, requestId), { action: 'course.created', recordType: 'course', recordId: c.id, after: audit(dto) });
    return dto;
  });
}

export async function updateCourse(ctx: AppContext, actor: Actor, id: string, input: Meta, requestId?: string) {
  requirePermission(actor, canManageCourses);
  return ctx.db.transaction(async (tx) => {
    const row = await repo.lockCourse(tx, actor.orgId, id);
    if (!row) throw notFound('Course');
    const before = await loadDto(tx, actor.orgId, id);
    const format = input.format ?? row.format;
    const externalUrl = format === 'external' ? (input.externalUrl !== undefined ? input.externalUrl : row.externalUrl) : null;
    await checkMeta(ctx, tx, actor.orgId, id, input, format, externalUrl);
    const patch: repo.CoursePatch = {
      ...(input.title !== undefined && { title: input.title }),
      ...(input.summary !== undefined && { summary: input.summary || null }),
      ...(input.coverFileId !== undefined && { coverFileId: input.coverFileId }),
      ...(input.estimatedMinutes !== undefined && { estimatedMinutes: input.estimatedMinutes }),
      ...(input.tags !== undefined && { tags: input.tags }),
      ...(input.selfEnrollment !== undefined && { selfEnrollment: input.selfEnrollment }),
      format,
      externalUrl,
    };
    await repo.updateCourse(tx, actor.orgId, id, patch, ctx.clock.now());
    if (input.skills) await repo.replaceCourseSkills(tx, actor.orgId, id, input.skills);
    if (input.prerequisiteIds) await repo.replacePrerequisites(tx, actor.orgId, id, input.prerequisiteIds);
    const after = await loadDto(tx, actor.orgId, id);
    await recordChange(tx, actorRef(actor, requestId), { action: 'course.updated', recordType: 'course', recordId: id, before: audit(before), after: audit(after) });
    return after;
  });
}

export async function archiveCourse(ctx: AppContext, actor: Actor, id: string, requestId?: string) {
  requirePermission(actor, canManageCourses);
  return ctx.db.transaction(async (tx) => {
    const row = await repo.lockCourse(tx, actor.orgId, id);
    if (!row) throw notFound('Course');
    if (row.status !== 'archived') {
      await repo.updateCourse(tx, actor.orgId, id, { status: 'archived' }, ctx.clock.now());
      await recordChange(tx, actorRef(actor, requestId), {
        action: 'course.archived',
        recordType: 'course',
        recordId: id,
        before: { status: row.status },
        after: { status: 'archived' },
      });
    }
    return loadDto(tx, actor.orgId, id);
  });
}

// ---- draft and versions ------------------------------------------------------------------------

export async function getDraft(ctx: AppContext, actor: Actor, id: string) {
  requirePermission(actor, canManageCourses);
  const c = await repo.findCourse(ctx.db, actor.orgId, id);
  if (!c) throw notFound('Course');
  const draft = await repo.findDraft(ctx.db, actor.orgId, id);
  if (draft) {
    return { courseId: id, versionId: draft.id, number: draft.number, revision: draft.revision, content: draft.content, updatedAt: draft.updatedAt.toISOString() };
  }
  // Published with no pending edits: the next save starts a new draft copied from it.
  const published = c.publishedVersionId ? await repo.findVersion(ctx.db, actor.orgId, c.publishedVersionId) : undefined;
  return {
    courseId: id,
    versionId: null,
    number: (await repo.lastVersionNumber(ctx.db, actor.orgId, id)) + 1,
    revision: 0,
    content: published?.content ?? { sections: [] },
    updatedAt: null,
  };
}

export async function saveDraft(ctx: AppContext, actor: Actor, id: string, input: zo.infer<typeof DraftSave>, requestId?: string) {
  requirePermission(actor, canManageCourses);
  const saved = await ctx.db.transaction(async (tx) => {
    const c = await repo.lockCourse(tx, actor.orgId, id);
    if (!c) throw notFound('Course');
    const content = input.content as ValidContent as CourseContent;
    await assertContentFiles(tx, actor.orgId, input.content);
    const now = ctx.clock.now();
    const draft = await repo.findDraft(tx, actor.orgId, id);
    const stale = () =>
      conflict('Someone saved this course since you opened it; reload to see their changes', [
        { path: 'revision', message: `The draft is at revision ${draft?.revision ?? 0}`, currentRevision: draft?.revision ?? 0 },
      ]);
    let version;
    if (!draft) {
      if (input.revision !== 0) throw stale();
      const number = (await repo.lastVersionNumber(tx, actor.orgId, id)) + 1;
      version = await repo.insertVersion(tx, { orgId: actor.orgId, courseId: id, number, status: 'draft', content, revision: 1, createdAt: now, updatedAt: now });
    } else {
      version = await repo.saveDraft(tx, actor.orgId, draft.id, content, input.revision, now);
      if (!version) throw stale();
    }
    await recordChange(tx, actorRef(actor, requestId), {
      action: 'course.draft_saved',
      recordType: 'course',
      recordId: id,
      after: { versionId: version.id, number: version.number, revision: version.revision, lessons: lessonCount(content) },
      event: false,
    });
    return version;
  });
  return { courseId: id, versionId: saved.id, number: saved.number, revision: saved.revision, content: saved.content, updatedAt: saved.updatedAt.toISOString() };
}

export async function publishCourse(ctx: AppContext, actor: Actor, id: string, input: { pushToLearners: boolean }, requestId?: string) {
  requirePermission(actor, canManageCourses);
  return ctx.db.transaction(async (tx) => {
    const c = await repo.lockCourse(tx, actor.orgId, id);
    if (!c) throw notFound('Course');
    const draft = await repo.findDraft(tx, actor.orgId, id);
    if (!draft) throw conflict('There are no changes to publish', [{ path: 'draft', message: 'Edit the content first' }]);
    if (c.format === 'self_paced' && lessonCount(draft.content) === 0) {
      throw new AppError('unprocessable', 'A self-paced course needs at least one lesson before it is published', [
        { path: 'content.sections', message: 'Add a lesson' },
      ]);
    }
    // Files may have gone since the draft was saved.
    await assertContentFiles(tx, actor.orgId, draft.content as ValidContent);
    const now = ctx.clock.now();
    await repo.retirePublished(tx, actor.orgId, id, now);
    const v = await repo.markPublished(tx, actor.orgId, draft.id, actor.personId, now);
    await repo.updateCourse(tx, actor.orgId, id, { status: 'published', publishedVersionId: v.id }, now);
    const moved = input.pushToLearners ? await repo.pushOpenEnrollments(tx, actor.orgId, id, v.id, now) : 0;
    await recordChange(tx, actorRef(actor, requestId), {
      action: 'course.published',
      recordType: 'course',
      recordId: id,
      before: { status: c.status, publishedVersionId: c.publishedVersionId },
      after: { status: 'published', publishedVersionId: v.id, number: v.number, pushToLearners: input.pushToLearners, movedEnrollments: moved },
    });
    return { course: await loadDto(tx, actor.orgId, id), versionId: v.id, number: v.number, movedEnrollments: moved };
  });
}

export async function listVersions(ctx: AppContext, actor: Actor, id: string) {
  requirePermission(actor, canManageCourses);
  if (!(await repo.findCourse(ctx.db, actor.orgId, id))) throw notFound('Course');
  const found = await repo.listVersions(ctx.db, actor.orgId, id);
  return found.map((v) => ({
    ...v,
    enrollmentCount: Number(v.enrollmentCount),
    publishedAt: v.publishedAt?.toISOString() ?? null,
    createdAt: v.createdAt.toISOString(),
    updatedAt: v.updatedAt.toISOString(),
  }));
}
