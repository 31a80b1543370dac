import type { z } from '@hono/zod-openapi';
import type { AppContext } from '../../../context.ts';
import { reviewStatuses, type CycleRelationships, type ParticipantRule } from '../../../db/schema/index.ts';
import { AppError, conflict, databaseCode, notFound, validationFailed } from '../../../platform/http/errors.ts';
import type { Actor } from '../../../platform/http/types.ts';
import { hasRole, reportsOf, requirePermission } from '../../org/index.ts';
import { actorRef, recordChange } from '../../platform/index.ts';
import { canManageReviews } from '../performance.policy.ts';
import { canMovePhase } from './cycle.phases.ts';
import { dateIssues, type CycleCreate, type CyclesQuery, type CycleUpdate, type PhaseBody, type ProgressQuery } from './cycles.schemas.ts';
import * as repo from './cycles.repo.ts';
import { cycleAudit, launchIn, movePhaseIn } from './cycles.core.ts';
import * as templates from './templates.repo.ts';

export const cycleDto = (c: repo.CycleWithCounts) => ({
  id: c.id,
  name: c.name,
  templateId: c.templateId,
  templateName: c.templateName,
  templateVersion: c.templateVersion,
  phase: c.phase,
  periodStartsOn: c.periodStartsOn,
  periodEndsOn: c.periodEndsOn,
  nominationEndsOn: c.nominationEndsOn,
  writingEndsOn: c.writingEndsOn,
  calibrationEndsOn: c.calibrationEndsOn,
  sharingStartsOn: c.sharingStartsOn,
  participants: c.participantRule,
  relationships: c.relationships,
  peerAnonymous: c.peerAnonymous,
  upwardAnonymous: c.upwardAnonymous,
  anonymityMinimum: c.anonymityMinimum,
  launchedAt: c.launchedAt?.toISOString() ?? null,
  counts: c.counts,
  createdAt: c.createdAt.toISOString(),
});
const nameTaken = () => conflict('A review cycle with this name exists', [{ path: 'name', message: 'Choose another name' }]);

async function loaded(ctx: AppContext, orgId: string, id: string) {
  const c = await repo.findCycleWithCounts(ctx.db, orgId, id);
  if (!c) throw notFound('Review cycle');
  return cycleDto(c);
}

async function liveTemplate(ctx: AppContext, orgId: string, id: string, path = 'templateId') {
  const t = await templates.findTemplate(ctx.db, orgId, id);
  if (!t) throw validationFailed('No such template', [{ path, message: 'No review template with this id' }]);
  if (t.archivedAt) throw validationFailed('Archived template', [{ path, message: 'This template is archived; restore it or choose another' }]);
  return t;
}

/** Cycles: HR admins run them; a manager reads the cycles to follow their team's progress in. */
export async function listCycles(ctx: AppContext, actor: Actor, query: z.infer<typeof CyclesQuery>) {
  if (!canManageReviews(actor) && !(await reportsOf(ctx.db, actor.orgId, actor.personId)).length) throw notFound();
  const found = await repo.listCycles(ctx.db, actor.orgId, query.phase);
  return { data: found.filter((c) => canManageReviews(actor) || c.phase !== 'draft').map(cycleDto), nextCursor: null };
}

export async function getCycle(ctx: AppContext, actor: Actor, id: string) {
  const c = await loaded(ctx, actor.orgId, id);
  if (!canManageReviews(actor) && (c.phase === 'draft' || !(await reportsOf(ctx.db, actor.orgId, actor.personId)).length)) throw notFound('Review cycle');
  return c;
}

export async function createCycle(ctx: AppContext, actor: Actor, input: z.infer<typeof CycleCreate>, requestId?: string) {
  requirePermission(actor, canManageReviews);
  await liveTemplate(ctx, actor.orgId, input.templateId);
  try {
    const id = await ctx.db.transaction(async (tx) => {
      const now = ctx.clock.now();
      const row = await repo.insertCycle(tx, {
        orgId: actor.orgId,
        name: input.name,
        templateId: input.templateId,
        periodStartsOn: input.periodStartsOn,
        periodEndsOn: input.periodEndsOn,
        nominationEndsOn: input.relationships.peers ? (input.nominationEndsOn ?? null) : null,
        writingEndsOn: input.writingEndsOn,
        calibrationEndsOn: input.calibrationEndsOn ?? null,
        sharingStartsOn: input.sharingStartsOn ?? null,
        participantRule: input.participants as ParticipantRule,
        relationships: input.relationships as CycleRelationships,
        peerAnonymous: input.peerAnonymous,
        upwardAnonymous: input.upwardAnonymous,
        anonymityMinimum: input.anonymityMinimum,
        createdBy: actor.personId,
        createdAt: now,
        updatedAt: now,
      });
      await recordChange(tx, actorRef(actor, requestId), { action: 'review_cycle.created', recordType: 'review_cycle', recordId: row.id, after: cycleAudit(row), event: false });
      return row.id;
    });
    return loaded(ctx, actor.orgId, id);
  } catch (e) {
    if (databaseCode(e) === '23505') throw nameTaken();
    throw e;
  }
}

const setupFields = ['templateId', 'participants', 'relationships', 'peerAnonymous', 'upwardAnonymous', 'anonymityMinimum', 'periodStartsOn', 'periodEndsOn'] as const;

/**
 * Names and phase dates change at any time; who takes part, who reviews, anonymity, the period
 * and the template only before launch (after it, the reviews exist and were made from them: 409).
 */
export async function updateCycle(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof CycleUpdate>, requestId?: string) {
  requirePermission(actor, canManageReviews);
  if (input.templateId) await liveTemplate(ctx, actor.orgId, input.templateId);
  try {
    await ctx.db.transaction(async (tx) => {
      const before = await repo.findCycle(tx, actor.orgId, id, true);
      if (!before) throw notFound('Review cycle');
      const changedSetup = setupFields.filter((k) => input[k] !== undefined);
      if (before.phase !== 'draft' && changedSetup.length)
        throw conflict('This cycle is launched: its participants, reviewers, anonymity, period and template are fixed', changedSetup.map((k) => ({ path: k, message: 'Fixed once launched' })));
      const next = {
        periodStartsOn: input.periodStartsOn ?? before.periodStartsOn,
        periodEndsOn: input.periodEndsOn ?? before.periodEndsOn,
        nominationEndsOn: input.nominationEndsOn !== undefined ? input.nominationEndsOn : before.nominationEndsOn,
        writingEndsOn: input.writingEndsOn ?? before.writingEndsOn,
        calibrationEndsOn: input.calibrationEndsOn !== undefined ? input.calibrationEndsOn : before.calibrationEndsOn,
        sharingStartsOn: input.sharingStartsOn !== undefined ? input.sharingStartsOn : before.sharingStartsOn,
      };
      const issues = dateIssues(next);
      if (issues.length) throw validationFailed('Dates out of order', issues);
      const after = await repo.updateCycle(tx, actor.orgId, id, {
        ...next,
        ...(input.name !== undefined && { name: input.name }),
        ...(input.templateId !== undefined && { templateId: input.templateId }),
        ...(input.participants !== undefined && { participantRule: input.participants as ParticipantRule }),
        ...(input.relationships !== undefined && { relationships: input.relationships as CycleRelationships }),
        ...(input.peerAnonymous !== undefined && { peerAnonymous: input.peerAnonymous }),
        ...(input.upwardAnonymous !== undefined && { upwardAnonymous: input.upwardAnonymous }),
        ...(input.anonymityMinimum !== undefined && { anonymityMinimum: input.anonymityMinimum }),
        updatedAt: ctx.clock.now(),
      });
      await recordChange(tx, actorRef(actor, requestId), { action: 'review_cycle.updated', recordType: 'review_cycle', recordId: id, before: cycleAudit(before), after: cycleAudit(after), event: false });
    });
  } catch (e) {
    if (databaseCode(e) === '23505') throw nameTaken();
    throw e;
  }
  return loaded(ctx, actor.orgId, id);
}

/**
 * Launch: the template is copied into the cycle, the rule's people become subjects and their
 * self, manager and upward reviews are made, in one transaction; peers follow their approved
 * nominations. The cycle row is locked, so a second launch (or two at once) waits, finds the
 * cycle launched and makes nothing. A dry run counts who would take part and writes nothing.
 */
export async function launchCycle(ctx: AppContext, actor: Actor, id: string, input: { dryRun?: boolean }, requestId?: string) {
  requirePermission(actor, canManageReviews);
  const result = await ctx.db.transaction(async (tx) => {
    const c = await repo.findCycle(tx, actor.orgId, id, true);
    if (!c) throw notFound('Review cycle');
    if (c.phase !== 'draft') return { dryRun: !!input.dryRun, alreadyLaunched: true, participants: 0, reviews: 0, sample: [] };
    if (input.dryRun) {
      const p = await repo.previewParticipants(tx, actor.orgId, c.participantRule);
      return { dryRun: true, alreadyLaunched: false, participants: p.count, reviews: 0, sample: p.sample };
    }
    const t = await templates.findTemplate(tx, actor.orgId, c.templateId);
    if (!t || t.archivedAt) throw new AppError('unprocessable', 'The cycle’s template is archived; restore it or choose another');
    const { participants, reviews } = await launchIn(tx, actorRef(actor, requestId), c, t, ctx.clock.now());
    return { dryRun: false, alreadyLaunched: false, participants, reviews, sample: [] };
  });
  return { ...result, cycle: result.dryRun ? null : await loaded(ctx, actor.orgId, id) };
}

/**
 * Moves a launched cycle one phase forward. Entering writing turns approved peer nominations into
 * peer reviews (once each).
 */
export async function movePhase(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof PhaseBody>, requestId?: string) {
  requirePermission(actor, canManageReviews);
  await ctx.db.transaction(async (tx) => {
    const c = await repo.findCycle(tx, actor.orgId, id, true);
    if (!c) throw notFound('Review cycle');
    if (c.phase === input.phase) return;
    if (c.phase === 'draft') throw conflict('Launch the cycle first', [{ path: 'phase', message: 'A draft is launched, not moved' }]);
    if (!canMovePhase(c.phase, input.phase, !!c.relationships.peers))
      throw conflict(`A cycle in ${c.phase} moves on to the next phase only`, [{ path: 'phase', message: 'Phases go forward one at a time' }]);
    await movePhaseIn(tx, actorRef(actor, requestId), c, input.phase, ctx.clock.now());
  });
  return loaded(ctx, actor.orgId, id);
}

const emptyCount = () => ({ total: 0, ...(Object.fromEntries(reviewStatuses.map((s) => [s, 0])) as Record<(typeof reviewStatuses)[number], number>) });

/** Progress by manager or department: HR admins for everyone, a manager for the subjects below them. */
export async function cycleProgress(ctx: AppContext, actor: Actor, id: string, query: z.infer<typeof ProgressQuery>) {
  const c = await getCycle(ctx, actor, id);
  const found = await repo.progress(ctx.db, actor.orgId, c.id, query.by, hasRole(actor, 'hr_admin') ? undefined : actor.personId);
  const overall = emptyCount();
  const byRel = new Map<string, ReturnType<typeof emptyCount>>();
  const groups = new Map<string, { id: string | null; name: string; participants: number } & ReturnType<typeof emptyCount>>();
  for (const r of found) {
    const key = r.id ?? '';
    const g = groups.get(key) ?? { id: r.id, name: r.name, participants: r.participants, ...emptyCount() };
    groups.set(key, g);
    if (!r.status) continue;
    const status = r.status as (typeof reviewStatuses)[number];
    for (const target of [overall, g, byRel.get(r.relationship) ?? byRel.set(r.relationship, emptyCount()).get(r.relationship)!]) {
      target.total += r.count;
      target[status] += r.count;
    }
  }
  return {
    by: query.by,
    overall,
    byRelationship: [...byRel].map(([relationship, counts]) => ({ relationship: relationship as 'self', ...counts })),
    groups: [...groups.values()],
  };
}
