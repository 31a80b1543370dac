import type { ReviewCyclePhase, ReviewTemplateBody } from '../../../db/schema/index.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { ActorRef } from '../../../platform/http/types.ts';
import { emit, recordChange, recordChanges, type Change } from '../../platform/index.ts';
import { launchPhase } from './cycle.phases.ts';
import * as repo from './cycles.repo.ts';
import { REVIEW_ASSIGNED } from './reviews.events.ts';
import { anonymousRelationship } from './reviews.audit.ts';
import type * as templates from './templates.repo.ts';

// A cycle's building blocks, run in the caller's transaction with no policy: the services (HR's
// actions) and the demo seed launch cycles and move their phases through them.

export const cycleAudit = (c: repo.CycleRow) => ({
  name: c.name,
  templateId: c.templateId,
  phase: c.phase,
  dates: [c.periodStartsOn, c.periodEndsOn, c.nominationEndsOn, c.writingEndsOn, c.calibrationEndsOn, c.sharingStartsOn],
  participants: c.participantRule,
  relationships: c.relationships,
  anonymity: [c.peerAnonymous, c.upwardAnonymous, c.anonymityMinimum],
});

/** Whether a template asks about skills or goals: the reviews then keep the subject's at launch. */
export const asks = (body: ReviewTemplateBody, kind: 'skills' | 'goals') => body.sections.some((s) => s.questions.some((q) => q.kind === kind));

/** The audit row and event of each new review; anonymous ones name neither reviewer in the audit. */
export function reviewAssignedChanges(cycle: Pick<repo.CycleRow, 'id' | 'peerAnonymous' | 'upwardAnonymous'>, created: repo.NewReview[]): Change[] {
  return created.map((r) => {
    const relationship = r.relationship as 'self' | 'manager' | 'peer' | 'upward';
    return {
      action: 'review.created',
      recordType: 'review',
      recordId: r.id,
      after: { cycleId: cycle.id, subjectId: r.subjectId, relationship, ...(!anonymousRelationship(cycle, relationship) && { reviewerId: r.reviewerId }) },
      emits: emit(REVIEW_ASSIGNED, { reviewId: r.id, cycleId: cycle.id, reviewerId: r.reviewerId, subjectId: r.subjectId, relationship }),
    };
  });
}

/**
 * Launches a draft cycle in the caller's transaction (the cycle row locked by the caller): the
 * template is copied into it, the rule's people become subjects and their self, manager and upward
 * reviews are made, each with its audit row and REVIEW_ASSIGNED event. Used by `launchCycle` and
 * the demo seed.
 */
export async function launchIn(tx: DbOrTx, by: ActorRef, c: repo.CycleRow, t: templates.TemplateRow, now: Date) {
  const participants = await repo.insertParticipants(tx, by.orgId, c.id, c.participantRule);
  if (!participants) throw new AppError('unprocessable', 'Nobody matches this cycle’s participants; widen the rule');
  const { relationships: rel } = c;
  const created = await repo.insertLaunchReviews(
    tx,
    by.orgId,
    { ...c, self: rel.self, manager: rel.manager, upward: rel.upward, skills: asks(t.body, 'skills'), goals: asks(t.body, 'goals') },
    now,
  );
  const after = await repo.updateCycle(tx, by.orgId, c.id, {
    phase: launchPhase(!!rel.peers),
    templateSnapshot: t.body,
    templateVersion: t.version,
    launchedAt: now,
    launchedBy: by.personId,
    updatedAt: now,
  });
  await recordChange(tx, by, { action: 'review_cycle.launched', recordType: 'review_cycle', recordId: c.id, before: cycleAudit(c), after: { ...cycleAudit(after), participants, reviews: created.length }, event: false });
  await recordChanges(tx, by, reviewAssignedChanges(c, created));
  return { participants, reviews: created.length };
}

/**
 * Moves a launched cycle (locked by the caller) to `phase` in the caller's transaction; entering
 * writing turns approved peer nominations into peer reviews (once each).
 */
export async function movePhaseIn(tx: DbOrTx, by: ActorRef, c: repo.CycleRow, phase: ReviewCyclePhase, now: Date) {
  const created =
    phase === 'writing' && c.templateSnapshot
      ? await repo.insertPeerReviews(tx, by.orgId, { ...c, skills: asks(c.templateSnapshot, 'skills'), goals: asks(c.templateSnapshot, 'goals') }, now)
      : [];
  await repo.updateCycle(tx, by.orgId, c.id, { phase, updatedAt: now });
  await recordChange(tx, by, { action: 'review_cycle.phase_changed', recordType: 'review_cycle', recordId: c.id, before: { phase: c.phase }, after: { phase }, event: false });
  await recordChanges(tx, by, reviewAssignedChanges(c, created));
}

