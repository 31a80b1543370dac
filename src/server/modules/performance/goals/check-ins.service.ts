import type { z } from '@hono/zod-openapi';
import { z as zod } from 'zod';
import type { AppContext } from '../../../context.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';
import { AppError, notFound } from '../../../platform/http/errors.ts';
import { decodeCursor, keysetPage } from '../../../platform/http/openapi.ts';
import type { Actor } from '../../../platform/http/types.ts';
import { actorRef, emit, recordChange } from '../../platform/index.ts';
import { raiseHurdle } from '../../talent/index.ts';
import { addToNextOneOnOne } from '../one-on-ones/index.ts';
import { canEditGoalsOf, goalVisibleSql, readableGoal } from '../performance.policy.ts';
import type { CheckInCreate, CheckInsQuery, CheckInUpdate } from './check-ins.schemas.ts';
import { GOAL_CHECKED_IN } from './goals.events.ts';
import * as repo from './goals.repo.ts';
import { goalProgress, ROLL_UP_DEPTH, rollUpChain } from './goals.rules.ts';
import { cannotEditGoal, editableGoal, periodClosed, refreshProgress } from './goals.service.ts';

const closedStatuses = new Set(['done', 'missed', 'dropped']);

export const checkInDto = (c: repo.CheckInView) => ({
  id: c.id,
  goalId: c.goalId,
  authorId: c.authorId,
  authorName: c.authorName,
  confidence: c.confidence,
  status: c.status,
  progress: Number(c.progress),
  note: c.note,
  blockers: c.blockers,
  values: c.values ?? {},
  correctedAt: c.correctedAt ? c.correctedAt.toISOString() : null,
  createdAt: c.createdAt.toISOString(),
});

const audit = (c: Pick<repo.CheckInRow, 'goalId' | 'confidence' | 'status' | 'progress' | 'note' | 'blockers' | 'values'>) => ({
  goalId: c.goalId,
  confidence: c.confidence,
  status: c.status,
  progress: c.progress,
  note: c.note,
  blockers: c.blockers,
  values: c.values,
});

/** A check-in needs the goal's period open. */
async function requireOpenPeriodOf(tx: DbOrTx, orgId: string, g: repo.GoalRow) {
  if (!g.periodId) return;
  const p = await repo.findPeriod(tx, orgId, g.periodId);
  if (p?.closedAt) throw periodClosed(p.name);
}

/**
 * The values as numbers for the goal's key results; 422 naming each one that is not a number,
 * not one of the goal's, or (done/not done) not 0 or 1.
 */
function checkValues(raw: Record<string, unknown>, krs: readonly repo.CheckInKeyResult[]): Record<string, number> {
  const byId = new Map(krs.map((k) => [k.id, k]));
  const problems: Array<{ path: string; message: string }> = [];
  const out: Record<string, number> = {};
  for (const [id, v] of Object.entries(raw)) {
    const kr = byId.get(id);
    if (!kr) problems.push({ path: `values.${id}`, message: 'Not a key result of this goal' });
    else if (typeof v !== 'number' || !Number.isFinite(v) || Math.abs(v) > 1e12) problems.push({ path: `values.${id}`, message: `${kr.title}: enter a number` });
    else if (kr.kind === 'binary' && v !== 0 && v !== 1) problems.push({ path: `values.${id}`, message: `${kr.title}: 1 (done) or 0 (not done)` });
    else out[id] = v;
  }
  if (problems.length) throw new AppError('unprocessable', problems.length === 1 ? problems[0]!.message : 'Some key result values are not valid', problems);
  return out;
}

/** Progress the key results would show with these values (the others at `fallback`). */
function progressWith(krs: repo.KeyResultRow[], values: Record<string, number>, fallback: (k: repo.KeyResultRow) => number, children: Array<{ progress: number; weight: number }>, own: number) {
  return goalProgress(krs.map((k) => ({ ...k, currentValue: values[k.id] ?? fallback(k) })), children) ?? own;
}

const summary = (goalTitle: string, c: { note?: string | null; blockers?: string | null; confidence: number }) =>
  [`Check-in on “${goalTitle}” (confidence ${c.confidence}/10)`, c.note && `Note: ${c.note}`, c.blockers && `Blockers: ${c.blockers}`].filter(Boolean).join('\n').slice(0, 2000);

/**
 * A check-in in few statements (it was 17): the goal with its visibility, period and key results
 * in one read, the values, goal and check-in in one write, the audit and its event. The goals
 * above are left to `rollUpAbove`, run by the event after the commit: rolled up here, every
 * check-in below a department's goal locked it (and the company's) until its commit, so 20
 * clients checking in on sibling goals queued on those rows (p95 465 ms), and the goals above
 * were computed from children read before the lock, so a sibling's concurrent roll-up was lost.
 */
export async function createCheckIn(ctx: AppContext, actor: Actor, goalId: string, input: z.infer<typeof CheckInCreate>, requestId?: string) {
  return ctx.db.transaction(async (tx) => {
    const target = await repo.checkInTarget(tx, actor.orgId, goalId, goalVisibleSql(actor, 'g'));
    if (!target || !target.visible) throw notFound('Goal');
    const g = target.goal;
    if (!(await canEditGoalsOf(tx, actor, g))) throw cannotEditGoal();
    if (g.periodId && target.periodClosed) throw periodClosed(target.periodName!);
    const krs = target.keyResults;
    const values = checkValues(input.values ?? {}, krs);
    const now = ctx.clock.now();
    const current = (k: repo.CheckInKeyResult) => values[k.id] ?? k.currentValue;
    const progress = goalProgress(krs.map((k) => ({ ...k, currentValue: current(k) })), target.children) ?? g.progress;
    const status = input.status ?? g.status;
    // The snapshot holds every key result's value as of this check-in, so the chart needs nothing else.
    const written = await repo.writeCheckIn(tx, {
      orgId: actor.orgId,
      goalId,
      values,
      goal: { progress, status, closedAt: closedStatuses.has(status) ? (g.closedAt ?? now) : null },
      checkIn: {
        authorId: actor.personId,
        confidence: input.confidence,
        note: input.note || null,
        blockers: input.blockers || null,
        values: Object.fromEntries(krs.map((k) => [k.id, current(k)])),
      },
      now,
    });
    const row = written.checkIn;
    await recordChange(tx, actorRef(actor, requestId), {
      action: 'check_in.created',
      recordType: 'check_in',
      recordId: row.id,
      after: audit(row),
      emits: emit(GOAL_CHECKED_IN, { goalId, checkInId: row.id, ownerPersonId: g.ownerPersonId, status, corrected: false }),
    });

    // One step: the blockers become a hurdle of the goal's owner (the one checking in for a team goal).
    let hurdleId: string | null = null;
    if (input.raiseHurdle) {
      const title = input.raiseHurdle.title ?? input.blockers;
      if (!title) {
        throw new AppError('unprocessable', 'Describe the blockers to raise them as a hurdle', [{ path: 'blockers', message: 'Enter what is in the way' }]);
      }
      const hurdle = await raiseHurdle(ctx, tx, actor, {
        personId: g.ownerPersonId ?? actor.personId,
        title,
        description: input.raiseHurdle.description ?? null,
        category: input.raiseHurdle.category ?? 'other',
        goalId,
        source: 'check_in',
        sourceRecordId: row.id,
        requestId,
      });
      hurdleId = hurdle.id;
    }
    let talkingPoint: { agendaItemId: string; seriesId: string; meetingId: string } | null = null;
    if (input.addToNextOneOnOne) {
      talkingPoint = await addToNextOneOnOne(
        ctx,
        tx,
        actor,
        {
          withPersonId: input.addToNextOneOnOne.withPersonId,
          body: input.addToNextOneOnOne.body ?? summary(g.title, input),
          private: input.addToNextOneOnOne.private ?? false,
          sourceRecordType: 'check_in',
          sourceRecordId: row.id,
        },
        requestId,
      );
    }
    return { checkIn: checkInDto(row), hurdleId, talkingPoint };
  });
}

/**
 * Rolls a goal's progress up the alignment, in its own transaction (the check-in's event runs it
 * after the check-in's commit): the goals above locked nearest first, the same order for every
 * roll-up, so two through a shared goal wait for each other and never deadlock; then, once
 * locked, each one's children read afresh (what the roll-ups it waited for wrote) and the goals
 * whose progress moved written in one statement. Idempotent: a second run reads what the first
 * wrote and writes nothing.
 */
export async function rollUpAbove(ctx: AppContext, orgId: string, goalId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const ids = await repo.lockGoalsAbove(tx, orgId, goalId, ROLL_UP_DEPTH);
    if (!ids.length) return;
    await repo.setProgresses(tx, orgId, rollUpChain(await repo.rollUpNodes(tx, orgId, ids)));
  });
}

const CursorShape = zod.object({ createdAt: zod.string(), id: zod.uuid() });

export async function listCheckIns(ctx: AppContext, actor: Actor, goalId: string, q: z.infer<typeof CheckInsQuery>) {
  if (!(await readableGoal(ctx.db, actor, goalId))) throw notFound('Goal');
  const limit = q.limit ?? 200;
  const found = await repo.listCheckIns(ctx.db, actor.orgId, goalId, limit + 1, decodeCursor(q.cursor, CursorShape));
  const page = keysetPage(found, limit, (last) => ({ createdAt: last.createdAt.toISOString(), id: last.id }));
  return { data: page.data.map(checkInDto), nextCursor: page.nextCursor };
}

/**
 * Corrects a check-in (audited with before and after). Its progress is recomputed from its
 * values; the newest check-in also sets the key results and the goal's status, as it did.
 */
export async function correctCheckIn(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof CheckInUpdate>, requestId?: string) {
  return ctx.db.transaction(async (tx) => {
    const before = await repo.findCheckInForUpdate(tx, actor.orgId, id);
    if (!before || !(await readableGoal(tx, actor, before.goalId))) throw notFound('Check-in');
    const g = await editableGoal(tx, actor, before.goalId);
    await requireOpenPeriodOf(tx, actor.orgId, g);
    const krs = await repo.keyResultsOf(tx, actor.orgId, [g.id]);
    const values = { ...before.values, ...checkValues(input.values ?? {}, krs) };
    const now = ctx.clock.now();
    const latest = (await repo.latestCheckInId(tx, actor.orgId, g.id)) === id;
    let progress = before.progress;
    const status = input.status ?? before.status;
    if (latest) {
      await repo.setKeyResultValues(tx, actor.orgId, g.id, values, now);
      await refreshProgress(tx, actor.orgId, g.id);
      const after = await repo.updateGoal(tx, actor.orgId, g.id, { status, closedAt: closedStatuses.has(status) ? (g.closedAt ?? now) : null }, now);
      progress = after.progress;
    } else if (krs.length) {
      progress = progressWith(krs, values, (k) => k.startValue, [], before.progress);
    }
    const after = await repo.updateCheckIn(tx, actor.orgId, id, {
      values,
      progress,
      status,
      ...(input.confidence !== undefined && { confidence: input.confidence }),
      ...(input.note !== undefined && { note: input.note || null }),
      ...(input.blockers !== undefined && { blockers: input.blockers || null }),
      correctedAt: now,
      correctedBy: actor.personId,
    });
    await recordChange(tx, actorRef(actor, requestId), {
      action: 'check_in.corrected',
      recordType: 'check_in',
      recordId: id,
      before: audit(before),
      after: audit(after),
      emits: emit(GOAL_CHECKED_IN, { goalId: g.id, checkInId: id, ownerPersonId: g.ownerPersonId, status, corrected: true }),
    });
    return checkInDto((await repo.findCheckInView(tx, actor.orgId, id))!);
  });
}
