import type { z } from '@hono/zod-openapi';
import { z as zod } from 'zod';
import type { AppContext } from '../../../context.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';
import { AppError, conflict, notFound, validationFailed, type ErrorDetail } from '../../../platform/http/errors.ts';
import { decodeCursor, keysetPage } from '../../../platform/http/openapi.ts';
import type { Actor } from '../../../platform/http/types.ts';
import { actorRef, recordChange } from '../../platform/index.ts';
import { enroll, refreshProgramProgress } from '../enrollment/index.ts';
import { requirePermission } from '../../org/index.ts';
import { canManagePrograms } from '../learning.policy.ts';
import type { ProgramCreate, ProgramsQuery, ProgramUpdate, StepInput } from './programs.schemas.ts';
import * as repo from './programs.repo.ts';

const summaryDto = (p: repo.ProgramRow, stepCount: number) => ({
  id: p.id,
  title: p.title,
  summary: p.summary,
  tags: p.tags,
  enforceOrder: p.enforceOrder,
  dueDays: p.dueDays,
  selfEnrollment: p.selfEnrollment,
  status: p.status,
  stepCount,
  createdAt: p.createdAt.toISOString(),
  updatedAt: p.updatedAt.toISOString(),
});

export const stepDto = (r: repo.StepWithCourse) => ({
  id: r.step.id,
  position: r.step.position,
  kind: r.step.kind,
  courseId: r.step.courseId,
  course: r.step.courseId && r.course?.id ? { ...r.course } : null,
  title: r.step.kind === 'course' ? (r.course?.title ?? null) : r.step.title,
  instructions: r.step.instructions,
  evidenceKinds: r.step.evidenceKinds,
  approver: r.step.approver,
  approverPerson: r.step.approverPersonId && r.approverFirst ? { id: r.step.approverPersonId, name: `${r.approverFirst} ${r.approverLast}` } : null,
});

const audit = (p: repo.ProgramRow) => ({
  title: p.title,
  summary: p.summary,
  tags: p.tags,
  enforceOrder: p.enforceOrder,
  dueDays: p.dueDays,
  selfEnrollment: p.selfEnrollment,
  status: p.status,
});

async function detail(db: DbOrTx, actor: Actor, p: repo.ProgramRow) {
  const steps = await repo.stepsWithCourses(db, actor.orgId, p.id);
  const mine = await repo.myProgramEnrollment(db, actor.orgId, actor.personId, p.id);
  return { ...summaryDto(p, steps.length), steps: steps.map(stepDto), myEnrollment: mine ?? null };
}

export async function listPrograms(ctx: AppContext, actor: Actor, query: z.infer<typeof ProgramsQuery>) {
  requirePermission(actor, canManagePrograms);
  const limit = query.limit ?? 50;
  const rows = await repo.listPrograms(
    ctx.db,
    actor.orgId,
    { q: query.q, status: query.status },
    { limit: limit + 1, after: decodeCursor(query.cursor, zod.tuple([zod.string(), zod.uuid()])) },
  );
  const { data, nextCursor } = keysetPage(rows, limit, (last) => [last.program.title.toLowerCase(), last.program.id]);
  return {
    data: data.map((r) => summaryDto(r.program, r.stepCount)),
    nextCursor,
  };
}

/** Admins see every program; learners published ones and those they are enrolled in (the rest answer 404). */
export async function getProgram(ctx: AppContext, actor: Actor, id: string) {
  const p = await repo.findProgram(ctx.db, actor.orgId, id);
  if (!p) throw notFound('Program');
  if (p.status !== 'published' && !canManagePrograms(actor) && !(await repo.myProgramEnrollment(ctx.db, actor.orgId, actor.personId, id))) {
    throw notFound('Program');
  }
  return detail(ctx.db, actor, p);
}

export async function createProgram(ctx: AppContext, actor: Actor, input: z.infer<typeof ProgramCreate>, requestId?: string) {
  requirePermission(actor, canManagePrograms);
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const p = await repo.insertProgram(tx, {
      orgId: actor.orgId,
      title: input.title,
      summary: input.summary ?? null,
      tags: dedupe(input.tags ?? []),
      enforceOrder: input.enforceOrder ?? false,
      dueDays: input.dueDays ?? null,
      selfEnrollment: input.selfEnrollment ?? true,
      createdBy: actor.personId,
      createdAt: now,
      updatedAt: now,
    });
    await recordChange(tx, actorRef(actor, requestId), { action: 'program.created', recordType: 'program', recordId: p.id, after: audit(p) });
    return detail(tx, actor, p);
  });
}

export async function updateProgram(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof ProgramUpdate>, requestId?: string) {
  requirePermission(actor, canManagePrograms);
  return ctx.db.transaction(async (tx) => {
    const before = await repo.findProgram(tx, actor.orgId, id, true);
    if (!before) throw notFound('Program');
    const patch = Object.fromEntries(Object.entries({ ...input, tags: input.tags && dedupe(input.tags) }).filter(([, v]) => v !== undefined));
    if (!Object.keys(patch).length) return detail(tx, actor, before);
    const after = await repo.updateProgram(tx, actor.orgId, id, { ...patch, updatedAt: ctx.clock.now() });
    await recordChange(tx, actorRef(actor, requestId), { action: 'program.updated', recordType: 'program', recordId: id, before: audit(before), after: audit(after) });
    return detail(tx, actor, after);
  });
}

const dedupe = (tags: string[]) => [...new Set(tags.map((t) => t.trim()))];

/**
 * Replaces the ordered steps. Steps sent back with their id keep it (submissions point at
 * them); a removed step that has evidence submitted cannot go (409). People already on the
 * program are enrolled in course steps that are new to it, and their progress is recomputed.
 */
export async function replaceSteps(ctx: AppContext, actor: Actor, id: string, steps: StepInput[], requestId?: string) {
  requirePermission(actor, canManagePrograms);
  return ctx.db.transaction(async (tx) => {
    const p = await repo.findProgram(tx, actor.orgId, id, true);
    if (!p) throw notFound('Program');
    const before = await repo.stepsWithCourses(tx, actor.orgId, id);
    const existing = new Map(before.map((r) => [r.step.id, r.step]));
    const existingCourses = new Set(before.flatMap((r) => (r.step.courseId ? [r.step.courseId] : [])));
    const courseIds = steps.flatMap((s) => (s.kind === 'course' ? [s.courseId] : []));
    const courses = new Map((await repo.coursesByIds(tx, actor.orgId, courseIds)).map((c) => [c.id, c]));
    const approvers = await repo.activePeopleIds(
      tx,
      actor.orgId,
      steps.flatMap((s) => (s.kind === 'checkpoint' && s.approver === 'person' && s.approverPersonId ? [s.approverPersonId] : [])),
    );

    const errors: ErrorDetail[] = [];
    const seenIds = new Set<string>();
    const seenCourses = new Set<string>();
    steps.forEach((s, i) => {
      const at = `steps.${i}`;
      if (s.id) {
        const old = existing.get(s.id);
        if (!old || seenIds.has(s.id)) errors.push({ path: `${at}.id`, message: 'Not a step of this program' });
        else if (old.kind !== s.kind) errors.push({ path: `${at}.kind`, message: 'A step keeps its kind; add a new step instead' });
        seenIds.add(s.id);
      }
      if (s.kind === 'course') {
        const c = courses.get(s.courseId);
        if (!c) errors.push({ path: `${at}.courseId`, message: 'No such course' });
        else if (c.status !== 'published' && !existingCourses.has(c.id)) errors.push({ path: `${at}.courseId`, message: 'Only published courses can be added' });
        if (seenCourses.has(s.courseId)) errors.push({ path: `${at}.courseId`, message: 'This course is already a step' });
        seenCourses.add(s.courseId);
      } else if (s.approver === 'person' && s.approverPersonId && !approvers.has(s.approverPersonId)) {
        errors.push({ path: `${at}.approverPersonId`, message: 'No such active person' });
      }
    });
    if (errors.length) throw validationFailed('Some steps are not valid', errors);

    // Nobody approves their own evidence: a named approver already on the program is refused
    // here; one who enrols later has their own evidence go to their manager (approverOf).
    const openEnrollments = await repo.openProgramEnrollments(tx, actor.orgId, id);
    const learners = new Set(openEnrollments.map((e) => e.personId));
    const ownApprovers: ErrorDetail[] = steps.flatMap((s, i) =>
      s.kind === 'checkpoint' && s.approver === 'person' && s.approverPersonId && learners.has(s.approverPersonId)
        ? [{ path: `steps.${i}.approverPersonId`, message: 'This person is enrolled in the program and cannot approve their own evidence: choose someone else' }]
        : [],
    );
    if (ownApprovers.length) throw new AppError('unprocessable', 'A learner cannot approve their own evidence', ownApprovers);

    const removed = before.map((r) => r.step.id).filter((sid) => !seenIds.has(sid));
    const withEvidence = await repo.stepIdsWithSubmissions(tx, actor.orgId, removed);
    if (withEvidence.size) {
      throw conflict(
        'Steps that learners have submitted evidence for cannot be removed',
        before.filter((r) => withEvidence.has(r.step.id)).map((r) => ({ stepId: r.step.id, message: `"${r.step.title ?? 'Checkpoint'}" has submissions` })),
      );
    }

    const now = ctx.clock.now();
    await repo.deleteSteps(tx, actor.orgId, removed);
    const fresh: Array<Parameters<typeof repo.insertSteps>[1][number]> = [];
    for (const [i, s] of steps.entries()) {
      const fields =
        s.kind === 'course'
          ? { courseId: s.courseId, title: null, instructions: null, evidenceKinds: null, approver: null, approverPersonId: null }
          : {
              courseId: null,
              title: s.title,
              instructions: s.instructions ?? null,
              evidenceKinds: [...new Set(s.evidenceKinds)],
              approver: s.approver,
              approverPersonId: s.approver === 'person' ? s.approverPersonId! : null,
            };
      if (s.id) await repo.updateStep(tx, actor.orgId, s.id, { position: i + 1, ...fields });
      else fresh.push({ orgId: actor.orgId, programId: id, kind: s.kind, position: i + 1, createdAt: now, ...fields });
    }
    await repo.insertSteps(tx, fresh);
    await repo.updateProgram(tx, actor.orgId, id, { updatedAt: now });

    const by = actorRef(actor, requestId);
    const after = await repo.stepsWithCourses(tx, actor.orgId, id);
    const brief = (rs: repo.StepWithCourse[]) => rs.map((r) => ({ id: r.step.id, kind: r.step.kind, courseId: r.step.courseId, title: r.step.title }));
    await recordChange(tx, by, { action: 'program.steps_replaced', recordType: 'program', recordId: id, before: brief(before), after: brief(after) });

    const added = courseIds.filter((c) => !existingCourses.has(c));
    for (const e of openEnrollments) {
      for (const courseId of added) {
        await enroll(ctx, tx, by, {
          audience: { type: 'people', personIds: [e.personId] },
          courseId,
          parentEnrollmentId: e.id,
          reasonType: e.reasonType,
          reasonRecordType: e.reasonRecordType,
          reasonRecordId: e.reasonRecordId,
          reasonNote: e.reasonNote,
          source: e.source,
          assignedBy: e.assignedBy,
          complianceRuleId: e.complianceRuleId,
          dueAt: e.dueAt,
        });
      }
      await refreshProgramProgress(ctx, tx, by, e);
    }
    return detail(tx, actor, (await repo.findProgram(tx, actor.orgId, id))!);
  });
}

export async function setStatus(ctx: AppContext, actor: Actor, id: string, status: 'published' | 'archived', requestId?: string) {
  requirePermission(actor, canManagePrograms);
  return ctx.db.transaction(async (tx) => {
    const before = await repo.findProgram(tx, actor.orgId, id, true);
    if (!before) throw notFound('Program');
    if (before.status === status) return detail(tx, actor, before);
    if (status === 'published') {
      const steps = await repo.stepsWithCourses(tx, actor.orgId, id);
      if (!steps.length) throw conflict('Add at least one step before publishing');
      const unpublished = steps.filter((r) => r.step.kind === 'course' && r.course?.status !== 'published');
      if (unpublished.length) {
        throw conflict(
          'Every course of the program must be published first',
          unpublished.map((r) => ({ stepId: r.step.id, message: `"${r.course?.title ?? 'Course'}" is not published` })),
        );
      }
    }
    const after = await repo.updateProgram(tx, actor.orgId, id, { status, updatedAt: ctx.clock.now() });
    await recordChange(tx, actorRef(actor, requestId), {
      action: status === 'published' ? 'program.published' : 'program.archived',
      recordType: 'program',
      recordId: id,
      before: { status: before.status },
      after: { status },
    });
    return detail(tx, actor, after);
  });
}
