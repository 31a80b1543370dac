import type { z } from '@hono/zod-openapi';
import type { AppContext } from '../../../context.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';
import { AppError, conflict, notFound, validationFailed } from '../../../platform/http/errors.ts';
import { decodeCursor, keysetPage } from '../../../platform/http/openapi.ts';
import type { Actor } from '../../../platform/http/types.ts';
import { z as zod } from 'zod';
import { enroll } from '../../learning/index.ts';
import { actorRef, emit, recordChange } from '../../platform/index.ts';
import { HURDLE_CHANGED } from '../talent.events.ts';
import { canAssignLearningFromHurdle, canChangeHurdle, canReadHurdlesOf } from '../talent.policy.ts';
import { hurdleAudit, hurdleDto, raiseHurdle, readableHurdle, requireReadableGoal, requireSkill } from './hurdles.core.ts';
import type { AssignLearningBody, HurdleCreate, HurdlesQuery, HurdleUpdate, PersonHurdlesQuery } from './hurdles.schemas.ts';
import * as repo from './hurdles.repo.ts';

const TimeCursor = zod.tuple([zod.string(), zod.uuid()]);

async function pageOf(ctx: AppContext, actor: Actor, filter: repo.ListFilter, q: { limit?: number; cursor?: string }) {
  const limit = q.limit ?? 50;
  const found = await repo.list(ctx.db, actor, filter, limit + 1, decodeCursor(q.cursor, TimeCursor));
  const p = keysetPage(found, limit, (last) => [last.createdAt.toISOString(), last.id]);
  return { data: p.data.map(hurdleDto), nextCursor: p.nextCursor };
}

/** A person's hurdles, newest first: the person, their manager chain, HR admins (404 otherwise). */
export async function listOfPerson(ctx: AppContext, actor: Actor, personId: string, q: z.infer<typeof PersonHurdlesQuery>) {
  if (!(await repo.findPerson(ctx.db, actor.orgId, personId)) || !(await canReadHurdlesOf(ctx.db, actor, personId))) throw notFound('Person');
  return pageOf(ctx, actor, { personId, status: q.status }, q);
}

/** Mine, or (`team`) those of everyone below me in the reporting chain. */
export async function listHurdles(ctx: AppContext, actor: Actor, q: z.infer<typeof HurdlesQuery>) {
  const scope = q.scope ?? 'mine';
  const filter: repo.ListFilter = { status: q.status, category: q.category, ...(scope === 'team' ? { chainOf: actor.personId } : { personId: actor.personId }) };
  return pageOf(ctx, actor, filter, q);
}

export async function getHurdle(ctx: AppContext, actor: Actor, id: string) {
  if (!(await readableHurdle(ctx.db, actor, id))) throw notFound('Hurdle');
  return hurdleDto((await repo.findView(ctx.db, actor, id))!);
}

export async function createHurdle(ctx: AppContext, actor: Actor, input: z.infer<typeof HurdleCreate>, requestId?: string) {
  return ctx.db.transaction((tx) => raiseHurdle(ctx, tx, actor, { ...input, personId: input.personId ?? actor.personId, source: 'self', requestId }));
}

/** The hurdle, locked, when the actor may change it; 404 otherwise. */
async function editable(tx: DbOrTx, actor: Actor, id: string) {
  const before = await repo.findForUpdate(tx, actor.orgId, id);
  if (!before || !(await canChangeHurdle(tx, actor, before))) throw notFound('Hurdle');
  return before;
}

const changed = (before: repo.HurdleRow, after: { status: repo.HurdleRow['status'] | null; category: repo.HurdleRow['category']; goalId: string | null; skillId: string | null }) =>
  emit(HURDLE_CHANGED, {
    hurdleId: before.id,
    personId: before.personId,
    category: after.category,
    status: after.status,
    previousStatus: before.status,
    goalId: after.goalId,
    skillId: after.skillId,
  });

/**
 * Changes a hurdle. Resolving stamps `resolvedAt` (the clock's now) and keeps the resolution
 * note; reopening clears both. A newly linked goal must be one the actor may read.
 */
export async function updateHurdle(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof HurdleUpdate>, requestId?: string) {
  return ctx.db.transaction(async (tx) => {
    const before = await editable(tx, actor, id);
    if (input.goalId && input.goalId !== before.goalId) await requireReadableGoal(tx, actor, input.goalId);
    if (input.skillId) await requireSkill(tx, actor.orgId, input.skillId);
    const status = input.status ?? before.status;
    if (input.resolution && status !== 'resolved') {
      throw validationFailed('Only a resolved hurdle has a resolution', [{ path: 'resolution', message: 'Resolve the hurdle to say how' }]);
    }
    const now = ctx.clock.now();
    const patch = {
      ...(input.title !== undefined && { title: input.title }),
      ...(input.description !== undefined && { description: input.description || null }),
      ...(input.category !== undefined && { category: input.category }),
      ...(input.skillId !== undefined && { skillId: input.skillId }),
      ...(input.goalId !== undefined && { goalId: input.goalId }),
      ...(input.status !== undefined && input.status !== before.status && { status: input.status }),
      ...(status === 'resolved' && before.status !== 'resolved' && { resolvedAt: now }),
      ...(status !== 'resolved' && before.status === 'resolved' && { resolvedAt: null, resolution: null }),
      ...(input.resolution !== undefined && status === 'resolved' && { resolution: input.resolution || null }),
    };
    if (Object.keys(patch).length) {
      const after = await repo.update(tx, actor.orgId, id, patch, now);
      await recordChange(tx, actorRef(actor, requestId), {
        action: 'hurdle.updated',
        recordType: 'hurdle',
        recordId: id,
        before: hurdleAudit(before),
        after: hurdleAudit(after),
        emits: changed(before, after),
      });
    }
    return hurdleDto((await repo.findView(tx, actor, id))!);
  });
}

/** Deletes a hurdle; enrolments made from it keep their reason (the link then leads nowhere). */
export async function deleteHurdle(ctx: AppContext, actor: Actor, id: string, requestId?: string) {
  await ctx.db.transaction(async (tx) => {
    const before = await editable(tx, actor, id);
    await repo.remove(tx, actor.orgId, id);
    await recordChange(tx, actorRef(actor, requestId), {
      action: 'hurdle.deleted',
      recordType: 'hurdle',
      recordId: id,
      before: hurdleAudit(before),
      emits: changed(before, { status: null, category: before.category, goalId: before.goalId, skillId: before.skillId }),
    });
  });
}

/**
 * Assigns a course or program to the hurdle's person with reason `hurdle` linked to it and the
 * hurdle's status as the baseline (the loop later asks whether it was resolved). Who may: as
 * learning's assignment rules say (learning and HR admins, managers to their chain), and only
 * on a hurdle they can read (404 otherwise). 409 when the person already has it open.
 */
export async function assignLearning(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof AssignLearningBody>, requestId?: string) {
  return ctx.db.transaction(async (tx) => {
    const h = await readableHurdle(tx, actor, id);
    if (!h || !(await canAssignLearningFromHurdle(tx, actor, h))) throw notFound('Hurdle');
    const target = input.courseId ? { courseId: input.courseId } : { programId: input.programId! };
    const what = input.courseId ? 'course' : 'program';
    const item = await repo.findLearningItem(tx, actor.orgId, target);
    if (!item) throw validationFailed(`Unknown ${what}`, [{ path: `${what}Id`, message: `Choose a ${what} of the organisation` }]);
    if (item.status !== 'published') {
      throw new AppError('unprocessable', `Only published ${what}s can be assigned`, [{ path: `${what}Id`, message: `"${item.title}" is ${item.status}` }]);
    }
    const who = (await repo.findPerson(tx, actor.orgId, h.personId))!;
    if (who.status !== 'active') throw new AppError('unprocessable', `${who.firstName} ${who.lastName} is not active`);
    const dueAt = input.dueAt ? new Date(input.dueAt) : null;
    if (dueAt && dueAt.getTime() <= ctx.clock.now().getTime()) {
      throw validationFailed('The due date has passed', [{ path: 'dueAt', message: 'Choose a date in the future' }]);
    }
    const [created] = await enroll(ctx, tx, actorRef(actor, requestId), {
      audience: { type: 'people', personIds: [h.personId] },
      courseId: input.courseId ?? null,
      programId: input.courseId ? null : input.programId!,
      reasonType: 'hurdle',
      reasonRecordType: 'hurdle',
      reasonRecordId: h.id,
      reasonNote: input.note || null,
      source: 'assigned',
      assignedBy: actor.personId,
      dueAt,
      baselineSignal: { hurdleStatus: h.status },
    });
    if (!created) throw conflict(`${who.firstName} ${who.lastName} is already enrolled in "${item.title}"`);
    return { enrollmentId: created.id, hurdle: hurdleDto((await repo.findView(tx, actor, h.id))!) };
  });
}
