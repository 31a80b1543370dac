import { isOpenEnrollment } from '../../../db/schema/index.ts';
import type { z } from '@hono/zod-openapi';
import { z as zod } from 'zod';
import type { AppContext } from '../../../context.ts';
import { decodeCursor, encodeCursor, keysetPage } from '../../../platform/http/openapi.ts';
import { AppError, conflict, forbidden, notFound } from '../../../platform/http/errors.ts';
import type { Actor } from '../../../platform/http/types.ts';
import { actorRef, emit, recordChange } from '../../platform/index.ts';
import { ENROLLMENT_REMOVED } from './lifecycle.events.ts';
import * as repo from './enrollments.repo.ts';
import type { DuePatch, EnrollmentsQuery, TeamQuery } from './enrollments.schemas.ts';
import { iso } from '../../../platform/db/sql.ts';
import { splitTabs, toEnrollmentDto, toLearningItem } from './enrollments.view.ts';
import { withReasonDetails } from './reason-details.ts';
import { canChangeDueDateOf, canManageEnrollments, canReadLearningOf, visibleLearner } from '../learning.policy.ts';

export async function myLearning(ctx: AppContext, actor: Actor) {
  const items = await repo.learningOfPerson(ctx.db, actor.orgId, actor.personId, ctx.clock.now());
  return splitTabs(await withReasonDetails(ctx.db, actor, items.map(toLearningItem)));
}

export async function personLearning(ctx: AppContext, actor: Actor, personId: string) {
  await visibleLearner(ctx.db, actor, personId);
  const items = await repo.learningOfPerson(ctx.db, actor.orgId, personId, ctx.clock.now());
  return splitTabs(await withReasonDetails(ctx.db, actor, items.map(toLearningItem)));
}

export async function listEnrollments(ctx: AppContext, actor: Actor, query: z.infer<typeof EnrollmentsQuery>) {
  const admin = canManageEnrollments(actor);
  if (query.personId) await visibleLearner(ctx.db, actor, query.personId);
  const limit = query.limit ?? 50;
  const beforeId = decodeCursor(query.cursor, zod.uuid());
  const rows = await repo.listEnrollments(
    ctx.db,
    actor.orgId,
    ctx.clock.now(),
    {
      personId: query.personId,
      courseId: query.courseId,
      programId: query.programId,
      status: query.status,
      overdue: query.overdue === undefined ? undefined : query.overdue === 'true',
      visibleTo: admin || query.personId ? undefined : actor.personId,
      beforeId,
    },
    limit + 1,
  );
  const page = keysetPage(rows, limit, (last) => last.id);
  return { data: await withReasonDetails(ctx.db, actor, page.data.map(toEnrollmentDto)), nextCursor: page.nextCursor };
}

/** The enrolment if the actor may see it (learner, manager chain, admins); 404 otherwise. */
async function visibleEnrollment(ctx: AppContext, actor: Actor, id: string, forUpdate = false, db = ctx.db) {
  const e = forUpdate ? await repo.findEnrollmentForUpdate(db, actor.orgId, id) : await repo.findEnrollment(db, actor.orgId, id);
  if (!e || !(await canReadLearningOf(db, actor, e.personId))) throw notFound('Enrollment');
  return e;
}

export async function getEnrollment(ctx: AppContext, actor: Actor, id: string) {
  await visibleEnrollment(ctx, actor, id);
  const [dto] = await withReasonDetails(ctx.db, actor, [toEnrollmentDto((await repo.learningItem(ctx.db, actor.orgId, id, ctx.clock.now()))!)]);
  return dto!;
}

const isOpen = (e: repo.EnrollmentRow) => isOpenEnrollment(e.status);

/** Admins, or the manager who assigned it while the learner still reports to them. */
export async function changeDueDate(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof DuePatch>, requestId?: string) {
  await ctx.db.transaction(async (tx) => {
    const e = await visibleEnrollment(ctx, actor, id, true, tx);
    const allowed =
      await canChangeDueDateOf(tx, actor, e);
    if (!allowed) throw forbidden('Only a learning admin or the manager who assigned it can change the due date');
    if (!isOpen(e)) throw new AppError('unprocessable', `A ${e.status.replace('_', ' ')} enrolment has no due date to change`);
    const now = ctx.clock.now();
    const dueAt = input.dueAt ? new Date(input.dueAt) : null;
    if (dueAt && dueAt.getTime() <= now.getTime()) {
      throw new AppError('validation_failed', 'The due date has passed', [{ path: 'dueAt', message: 'Choose a date in the future' }]);
    }
    await repo.updateEnrollment(tx, actor.orgId, id, { dueAt }, now);
    // A new date deserves its own reminders.
    await repo.clearReminders(tx, actor.orgId, id);
    await recordChange(tx, actorRef(actor, requestId), {
      action: 'enrollment.due_changed',
      recordType: 'enrollment',
      recordId: id,
      before: { dueAt: iso(e.dueAt) },
      after: { dueAt: iso(dueAt) },
      event: { personId: e.personId },
    });
  });
  return getEnrollment(ctx, actor, id);
}

/** Back to not started: progress, quiz attempts, certificate and checkpoint evidence removed (admins). */
export async function resetEnrollment(ctx: AppContext, actor: Actor, id: string, requestId?: string) {
  await ctx.db.transaction(async (tx) => {
    const e = await visibleEnrollment(ctx, actor, id, true, tx);
    if (!canManageEnrollments(actor)) throw forbidden('Only a learning admin can reset an enrolment');
    if (!isOpen(e) && (await repo.otherOpenEnrollment(tx, e))) {
      throw conflict('The person already has an open enrolment in this learning: reset that one instead');
    }
    const now = ctx.clock.now();
    await repo.clearEnrollmentActivity(tx, actor.orgId, id);
    await repo.updateEnrollment(
      tx,
      actor.orgId,
      id,
      {
        status: 'not_started',
        progress: 0,
        startedAt: null,
        completedAt: null,
        expiresAt: null,
        score: null,
        timeSpentSeconds: 0,
        lastLessonId: null,
        lastActivityAt: null,
      },
      now,
    );
    await recordChange(tx, actorRef(actor, requestId), {
      action: 'enrollment.reset',
      recordType: 'enrollment',
      recordId: id,
      before: {
        status: e.status,
        progress: e.progress,
        score: e.score,
        startedAt: iso(e.startedAt),
        completedAt: iso(e.completedAt),
        expiresAt: iso(e.expiresAt),
        timeSpentSeconds: e.timeSpentSeconds,
        versionId: e.versionId,
      },
      after: { status: 'not_started', progress: 0 },
      event: { personId: e.personId },
    });
  });
  return getEnrollment(ctx, actor, id);
}

/** Unenrol: admins, or the learner for learning they chose themself and have not finished. */
export async function unenroll(ctx: AppContext, actor: Actor, id: string, requestId?: string) {
  await ctx.db.transaction(async (tx) => {
    const e = await visibleEnrollment(ctx, actor, id, true, tx);
    const own = e.personId === actor.personId && e.source === 'self' && isOpen(e);
    if (!canManageEnrollments(actor) && !own) {
      throw forbidden(
        e.personId === actor.personId && e.source === 'self'
          ? 'Finished learning stays on your record'
          : 'Only a learning admin can remove assigned learning',
      );
    }
    const children = e.programId ? await repo.deleteOpenChildren(tx, actor.orgId, id) : [];
    await repo.deleteEnrollment(tx, actor.orgId, id);
    await recordChange(tx, actorRef(actor, requestId), {
      action: 'enrollment.deleted',
      recordType: 'enrollment',
      recordId: id,
      before: {
        personId: e.personId,
        courseId: e.courseId,
        programId: e.programId,
        status: e.status,
        progress: e.progress,
        reasonType: e.reasonType,
        reasonRecordType: e.reasonRecordType,
        reasonRecordId: e.reasonRecordId,
        source: e.source,
        dueAt: iso(e.dueAt),
        completedAt: iso(e.completedAt),
        openStepEnrollmentsRemoved: children,
      },
      // Read by insight: the learning is no longer held, so it may be recommended again.
      emits: emit(ENROLLMENT_REMOVED, { personId: e.personId, courseId: e.courseId, programId: e.programId }),
    });
  });
}

/** Everyone below the signed-in manager, overdue first, with counts and their learning. */
export async function teamLearning(ctx: AppContext, actor: Actor, query: z.infer<typeof TeamQuery>) {
  const limit = query.limit ?? 50;
  const offset = decodeCursor(query.cursor, zod.number().int().min(0)) ?? 0;
  const now = ctx.clock.now();
  const people = await repo.teamPage(ctx.db, actor.orgId, actor.personId, now, limit + 1, offset);
  const page = people.slice(0, limit);
  const items = await repo.topLevelLearningOf(
    ctx.db,
    actor.orgId,
    page.map((p) => p.id),
    now,
  );
  const described = await withReasonDetails(ctx.db, actor, items.map(toLearningItem));
  const byPerson = new Map<string, typeof described>();
  for (const [i, r] of items.entries()) {
    const list = byPerson.get(r.personId) ?? [];
    list.push(described[i]!);
    byPerson.set(r.personId, list);
  }
  return {
    data: page.map((p) => ({
      person: { id: p.id, name: p.name, jobTitle: p.jobTitle, direct: Boolean(p.direct) },
      counts: { notStarted: p.notStarted, inProgress: p.inProgress, completed: p.completed, overdue: p.overdue },
      enrollments: byPerson.get(p.id) ?? [],
    })),
    nextCursor: people.length > limit ? encodeCursor(offset + limit) : null,
  };
}
