import type { z } from '@hono/zod-openapi';
import type { AppContext } from '../../../context.ts';
import type { AssessmentSource, ReviewAnswer, ReviewRelationship, ReviewTemplateBody } from '../../../db/schema/index.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';
import { conflict, databaseCode, notFound, validationFailed } from '../../../platform/http/errors.ts';
import type { Actor } from '../../../platform/http/types.ts';
import { z as zod } from 'zod';
import { decodeCursor, keysetPage } from '../../../platform/http/openapi.ts';
import { reportsOf, requirePermission } from '../../org/index.ts';
import { actorRef, emit, notify, notifyMany, recordChange, recordChanges } from '../../platform/index.ts';
import { recordAssessments } from '../../talent/index.ts';
import { canManageReviews, canOverseeReviewsOf, canReadSharedReview, canWriteReview } from '../performance.policy.ts';
import { phaseAllows } from './cycle.phases.ts';
import { activePeopleIds, skillNames as namesOfSkills } from '../praise/index.ts';
import * as cycles from './cycles.repo.ts';
import { asks, reviewAssignedChanges } from './cycles.core.ts';
import { checkAnswers, questionsFor, type ReviewFrame } from './review.answers.ts';
import { sharedView } from './review.sharing.ts';
import { anonymousRelationship, reviewerRef } from './reviews.audit.ts';
import { REVIEW_RELEASED } from './reviews.events.ts';
import * as repo from './reviews.repo.ts';
import type { AcknowledgeBody, AnswersBody, NominateBody, ReleaseBody } from './reviews.schemas.ts';

const frameOf = (r: repo.ReviewRow): ReviewFrame => ({
  relationship: r.relationship,
  skills: (r.subjectSkills as ReviewFrame['skills']).map((s) => ({ ...s, max: s.max ?? 5 })),
  goalIds: r.subjectGoalIds,
});

async function launchedCycle(db: DbOrTx, orgId: string, id: string, lock = false) {
  const c = await cycles.findCycle(db, orgId, id, lock);
  if (!c || c.phase === 'draft' || !c.templateSnapshot) throw notFound('Review cycle');
  return c as cycles.CycleRow & { templateSnapshot: ReviewTemplateBody };
}

const personName = (p: { firstName: string; lastName: string } | undefined) => (p ? `${p.firstName} ${p.lastName}` : 'Former colleague');

/** The reviews I write, in launched cycles. */
export async function myReviews(ctx: AppContext, actor: Actor, cycleId?: string) {
  const found = await repo.reviewsWrittenBy(ctx.db, actor.orgId, actor.personId, cycleId);
  return {
    data: found
      .filter((r) => r.phase !== 'draft')
      .map((r) => ({
        id: r.id,
        cycleId: r.cycleId,
        cycleName: r.cycleName,
        phase: r.phase as 'writing',
        writingEndsOn: r.writingEndsOn,
        subject: { id: r.subjectId, name: r.subjectName },
        relationship: r.relationship,
        status: r.status,
        submittedAt: r.submittedAt?.toISOString() ?? null,
      })),
    nextCursor: null,
  };
}

/** A review, for its reviewer (to write) and for the subject's overseers (to read); 404 for anyone else. */
async function readableReview(ctx: AppContext, db: DbOrTx, actor: Actor, id: string, lock = false) {
  const r = await repo.findReview(db, actor.orgId, id, lock);
  if (!r) throw notFound('Review');
  const c = await launchedCycle(db, actor.orgId, r.cycleId);
  if (canWriteReview(actor, r)) return { r, c, own: true };
  const p = await repo.findParticipant(db, actor.orgId, r.cycleId, r.subjectId);
  if (!p || !(await canOverseeReviewsOf(db, actor, { personId: p.personId, managerId: p.managerId }))) throw notFound('Review');
  return { r, c, own: false };
}

async function reviewDto(ctx: AppContext, actor: Actor, r: repo.ReviewRow, c: cycles.CycleRow & { templateSnapshot: ReviewTemplateBody }, own: boolean) {
  const frame = frameOf(r);
  const [subject, reviewer, skillNames, goals] = await Promise.all([
    repo.personBasics(ctx.db, actor.orgId, r.subjectId),
    repo.personBasics(ctx.db, actor.orgId, r.reviewerId),
    namesOfSkills(ctx.db, actor.orgId, frame.skills.map((s) => s.skillId)),
    repo.goalTitles(ctx.db, actor.orgId, frame.goalIds),
  ]);
  const mine = new Set(questionsFor(c.templateSnapshot, r.relationship).map((q) => q.id));
  return {
    id: r.id,
    cycle: { id: c.id, name: c.name, phase: c.phase, writingEndsOn: c.writingEndsOn, periodStartsOn: c.periodStartsOn, periodEndsOn: c.periodEndsOn },
    subject: { id: r.subjectId, name: personName(subject) },
    reviewer: { id: r.reviewerId, name: personName(reviewer) },
    relationship: r.relationship,
    status: r.status,
    editable: own && phaseAllows(c.phase, 'write') && r.status !== 'submitted',
    anonymous: anonymousRelationship(c, r.relationship),
    scale: c.templateSnapshot.scale,
    sections: c.templateSnapshot.sections
      .map((s) => ({ id: s.id, title: s.title, description: s.description, questions: s.questions.filter((q) => mine.has(q.id)).map(({ relationships: _r, ...q }) => q) }))
      .filter((s) => s.questions.length),
    skills: frame.skills.map((s) => ({ ...s, name: skillNames.get(s.skillId) ?? 'Removed skill' })),
    goals: frame.goalIds.flatMap((g) => {
      const goal = goals.get(g);
      return goal ? [{ goalId: g, ...goal }] : [];
    }),
    answers: r.answers,
    submittedAt: r.submittedAt?.toISOString() ?? null,
    updatedAt: r.updatedAt.toISOString(),
  };
}

export async function getReview(ctx: AppContext, actor: Actor, id: string) {
  const { r, c, own } = await readableReview(ctx, ctx.db, actor, id);
  return reviewDto(ctx, actor, r, c, own);
}

/** Merges answers into a draft (an empty answer removes one): the form saves as the reviewer types. */
export async function saveAnswers(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof AnswersBody>, requestId?: string) {
  const { r, c } = await ctx.db.transaction(async (tx) => {
    const { r, c, own } = await readableReview(ctx, tx, actor, id, true);
    if (!own) throw notFound('Review');
    if (!phaseAllows(c.phase, 'write')) throw conflict(`This cycle is in ${c.phase}; reviews are written in the writing phase`);
    if (r.status === 'submitted') throw conflict('This review is submitted; ask HR or the manager to reopen it to change it');
    const incoming = input.answers as Record<string, ReviewAnswer>;
    const issues = checkAnswers(c.templateSnapshot, frameOf(r), incoming);
    if (issues.length) throw validationFailed('Some answers do not fit their questions', issues);
    const answers: Record<string, ReviewAnswer> = { ...r.answers };
    for (const [q, a] of Object.entries(incoming)) {
      if (Object.values(a).every((v) => v === undefined)) delete answers[q];
      else answers[q] = a;
    }
    const after = await repo.updateReview(tx, actor.orgId, id, { answers, status: 'draft', updatedAt: ctx.clock.now() });
    const by = reviewerRef(actorRef(actor, requestId), anonymousRelationship(c, r.relationship));
    await recordChange(tx, by, { action: 'review.draft_saved', recordType: 'review', recordId: id, after: { questions: Object.keys(incoming) }, event: false });
    return { r: after, c };
  });
  return reviewDto(ctx, actor, r, c, true);
}

export async function submitReview(ctx: AppContext, actor: Actor, id: string, requestId?: string) {
  const { r, c } = await ctx.db.transaction(async (tx) => {
    const { r, c, own } = await readableReview(ctx, tx, actor, id, true);
    if (!own) throw notFound('Review');
    if (r.status === 'submitted') return { r, c };
    if (!phaseAllows(c.phase, 'write')) throw conflict(`This cycle is in ${c.phase}; reviews are submitted in the writing phase`);
    const issues = checkAnswers(c.templateSnapshot, frameOf(r), r.answers, true);
    if (issues.length) throw validationFailed('Answer every required question before you submit', issues);
    const now = ctx.clock.now();
    const after = await repo.updateReview(tx, actor.orgId, id, { status: 'submitted', submittedAt: now, updatedAt: now });
    const by = reviewerRef(actorRef(actor, requestId), anonymousRelationship(c, r.relationship));
    await recordChange(tx, by, { action: 'review.submitted', recordType: 'review', recordId: id, after: { status: 'submitted' }, event: false });
    return { r: after, c };
  });
  return reviewDto(ctx, actor, r, c, true);
}

/** HR admins and the subject's overseers reopen a submitted review before it is shared. */
export async function reopenReview(ctx: AppContext, actor: Actor, id: string, requestId?: string) {
  const { r, c } = await ctx.db.transaction(async (tx) => {
    const { r, c, own } = await readableReview(ctx, tx, actor, id, true);
    if (own && !canManageReviews(actor)) throw notFound('Review');
    if (r.status !== 'submitted') throw conflict('Only a submitted review is reopened');
    if (!phaseAllows(c.phase, 'reopen')) throw conflict(`This cycle is in ${c.phase}; reviews are reopened while writing or calibrating`);
    const now = ctx.clock.now();
    const after = await repo.updateReview(tx, actor.orgId, id, { status: 'draft', submittedAt: null, reopenedAt: now, updatedAt: now });
    await recordChange(tx, actorRef(actor, requestId), { action: 'review.reopened', recordType: 'review', recordId: id, before: { status: 'submitted' }, after: { status: 'draft' }, event: false });
    await notify(ctx, tx, { orgId: actor.orgId, personId: r.reviewerId, kind: 'review.reopened', title: 'A review you submitted was reopened', body: 'You can change it and submit it again.', link: `/reviews/${id}` });
    return { r: after, c };
  });
  return reviewDto(ctx, actor, r, c, false);
}

/**
 * Gives a review not yet submitted to another reviewer (the manager changed mid-cycle, or a
 * reviewer left). The new reviewer starts from an empty form: a draft is its writer's. For the
 * manager's review, the cycle's manager of the subject changes with it.
 */
export async function reassignReview(ctx: AppContext, actor: Actor, id: string, reviewerId: string, requestId?: string) {
  requirePermission(actor, canManageReviews);
  const { r, c } = await ctx.db.transaction(async (tx) => {
    const { r, c } = await readableReview(ctx, tx, actor, id, true);
    if (r.status === 'submitted') throw conflict('This review is submitted; reopen it first, or keep it');
    if (r.reviewerId === reviewerId) return { r, c };
    const next = await repo.personBasics(tx, actor.orgId, reviewerId);
    if (!next || next.status !== 'active') throw validationFailed('No such reviewer', [{ path: 'reviewerId', message: 'Choose an active colleague' }]);
    if (reviewerId === r.subjectId) throw validationFailed('Not the subject', [{ path: 'reviewerId', message: 'The subject cannot write this review' }]);
    const now = ctx.clock.now();
    let after: repo.ReviewRow;
    try {
      after = await repo.updateReview(tx, actor.orgId, id, { reviewerId, answers: {}, status: 'not_started', updatedAt: now });
    } catch (e) {
      if (databaseCode(e) === '23505')
        throw conflict('This person already writes this kind of review of the subject', [{ path: 'reviewerId', message: 'Choose someone else' }]);
      throw e;
    }
    if (r.relationship === 'manager') await repo.updateParticipants(tx, actor.orgId, r.cycleId, [r.subjectId], { managerId: reviewerId });
    const anonymous = anonymousRelationship(c, r.relationship);
    await recordChange(tx, actorRef(actor, requestId), {
      action: 'review.reassigned',
      recordType: 'review',
      recordId: id,
      ...(!anonymous && { before: { reviewerId: r.reviewerId }, after: { reviewerId } }),
      event: false,
    });
    await recordChanges(tx, actorRef(actor, requestId), reviewAssignedChanges(c, [{ id, subjectId: r.subjectId, reviewerId, relationship: r.relationship }]).map((ch) => ({ ...ch, action: 'review.assigned' })));
    return { r: after, c };
  });
  return reviewDto(ctx, actor, r, c, false);
}

// ---- peer nominations ------------------------------------------------------------------------

async function subjectOf(db: DbOrTx, actor: Actor, cycleId: string, personId: string, lock = false) {
  const p = await repo.findParticipant(db, actor.orgId, cycleId, personId, lock);
  if (!p) throw notFound('Participant');
  const self = p.personId === actor.personId;
  const overseer = !self && (await canOverseeReviewsOf(db, actor, { personId: p.personId, managerId: p.managerId }));
  if (!self && !overseer) throw notFound('Participant');
  return { p, self, overseer };
}

const nominationDto = (n: Awaited<ReturnType<typeof repo.nominationsOf>>[number]) => ({
  id: n.id,
  subjectId: n.subjectId,
  reviewer: { id: n.reviewerId, name: n.reviewerName, jobTitle: n.reviewerJobTitle },
  status: n.status,
  decidedAt: n.decidedAt?.toISOString() ?? null,
});

/** A subject's peer nominations: the subject and their overseers. */
export async function listNominations(ctx: AppContext, actor: Actor, cycleId: string, subjectId = actor.personId) {
  const c = await launchedCycle(ctx.db, actor.orgId, cycleId);
  await subjectOf(ctx.db, actor, cycleId, subjectId);
  const found = await repo.nominationsOf(ctx.db, actor.orgId, cycleId, subjectId);
  return { data: found.map(nominationDto), min: c.relationships.peers?.min ?? 0, max: c.relationships.peers?.max ?? 0, phase: c.phase };
}

/** The subject names peers to review them (within the cycle's most); their manager then approves. */
export async function nominatePeers(ctx: AppContext, actor: Actor, cycleId: string, input: z.infer<typeof NominateBody>, requestId?: string) {
  const subjectId = input.subjectId ?? actor.personId;
  await ctx.db.transaction(async (tx) => {
    const c = await launchedCycle(tx, actor.orgId, cycleId, true);
    const { p, self } = await subjectOf(tx, actor, cycleId, subjectId, true);
    if (!self && !canManageReviews(actor)) throw notFound('Participant');
    if (!c.relationships.peers) throw conflict('Peers do not review in this cycle');
    if (!phaseAllows(c.phase, 'nominate')) throw conflict('Nominations are closed for this cycle');
    const existing = await repo.nominationsOf(tx, actor.orgId, cycleId, subjectId);
    const taken = new Set(existing.map((n) => n.reviewerId));
    const fresh = [...new Set(input.reviewerIds)].filter((id) => !taken.has(id));
    const issues: { path: string; message: string }[] = [];
    const active = await activePeopleIds(tx, actor.orgId, input.reviewerIds);
    for (const [i, id] of input.reviewerIds.entries()) {
      if (id === subjectId) issues.push({ path: `reviewerIds.${i}`, message: 'Nominate someone other than the subject' });
      else if (id === p.managerId) issues.push({ path: `reviewerIds.${i}`, message: 'The manager reviews as the manager, not as a peer' });
      else if (!active.has(id)) issues.push({ path: `reviewerIds.${i}`, message: 'No active colleague with this id' });
    }
    if (issues.length) throw validationFailed('Some nominations cannot be made', issues);
    const open = existing.filter((n) => n.status !== 'declined').length;
    if (open + fresh.length > c.relationships.peers.max)
      throw validationFailed(`At most ${c.relationships.peers.max} peers`, [{ path: 'reviewerIds', message: `You can nominate ${Math.max(0, c.relationships.peers.max - open)} more` }]);
    const now = ctx.clock.now();
    const made = await repo.insertNominations(tx, fresh.map((reviewerId) => ({ orgId: actor.orgId, cycleId, subjectId, reviewerId, createdAt: now })));
    await recordChanges(
      tx,
      actorRef(actor, requestId),
      made.map((n) => ({ action: 'peer_nomination.created', recordType: 'peer_nomination', recordId: n.id, after: { cycleId, subjectId }, event: false })),
    );
    if (made.length && p.managerId)
      await notify(ctx, tx, { orgId: actor.orgId, personId: p.managerId, kind: 'review.nominations', title: 'Peer nominations to approve', link: `/reviews/cycles/${cycleId}/people/${subjectId}` });
  });
  return listNominations(ctx, actor, cycleId, subjectId);
}

/** The subject's overseer approves or declines a nomination; approved in writing, the peer review is made at once. */
export async function decideNomination(ctx: AppContext, actor: Actor, id: string, status: 'approved' | 'declined', requestId?: string) {
  const n = await ctx.db.transaction(async (tx) => {
    const n = await repo.findNomination(tx, actor.orgId, id, true);
    if (!n) throw notFound('Nomination');
    const c = await launchedCycle(tx, actor.orgId, n.cycleId);
    const { overseer } = await subjectOf(tx, actor, n.cycleId, n.subjectId);
    if (!overseer) throw notFound('Nomination');
    if (!phaseAllows(c.phase, 'decide_nomination')) throw conflict(`This cycle is in ${c.phase}; nominations are decided during nomination and writing`);
    if (n.status === status) return n;
    const now = ctx.clock.now();
    const after = await repo.updateNomination(tx, actor.orgId, id, { status, decidedBy: actor.personId, decidedAt: now });
    await recordChange(tx, actorRef(actor, requestId), { action: 'peer_nomination.decided', recordType: 'peer_nomination', recordId: id, before: { status: n.status }, after: { status }, event: false });
    if (status === 'approved' && c.phase === 'writing') {
      const created = await cycles.insertPeerReviews(tx, actor.orgId, { ...c, skills: asks(c.templateSnapshot, 'skills'), goals: asks(c.templateSnapshot, 'goals') }, now, [id]);
      await recordChanges(tx, actorRef(actor, requestId), reviewAssignedChanges(c, created));
    }
    return after;
  });
  return listNominations(ctx, actor, n.cycleId, n.subjectId);
}

/** The subject withdraws a nomination nobody has decided yet. */
export async function withdrawNomination(ctx: AppContext, actor: Actor, id: string, requestId?: string) {
  await ctx.db.transaction(async (tx) => {
    const n = await repo.findNomination(tx, actor.orgId, id, true);
    if (!n || n.subjectId !== actor.personId) throw notFound('Nomination');
    if (n.status !== 'nominated') throw conflict('This nomination was decided; ask your manager to change it');
    await repo.deleteNomination(tx, actor.orgId, id);
    await recordChange(tx, actorRef(actor, requestId), { action: 'peer_nomination.withdrawn', recordType: 'peer_nomination', recordId: id, before: { cycleId: n.cycleId }, event: false });
  });
}

// ---- results, release, acknowledgement -----------------------------------------------------

/**
 * A subject's reviews of a cycle. Overseers read every answer with its author and every review's
 * state; the subject, once released, the shared view only; anyone else, and the subject before
 * release, 404.
 */
export async function subjectResult(ctx: AppContext, actor: Actor, cycleId: string, personId: string) {
  const c = await launchedCycle(ctx.db, actor.orgId, cycleId);
  const p = await repo.findParticipant(ctx.db, actor.orgId, cycleId, personId);
  if (!p) throw notFound('Review');
  const overseer = await canOverseeReviewsOf(ctx.db, actor, { personId, managerId: p.managerId });
  if (!overseer && !canReadSharedReview(actor, p)) throw notFound('Review');
  const all = await repo.reviewsOfSubject(ctx.db, actor.orgId, cycleId, personId);
  const submitted = all.filter((r) => r.status === 'submitted');
  const subject = await repo.personBasics(ctx.db, actor.orgId, personId);
  const frame = all[0] ? frameOf(all[0]) : { skills: [], goalIds: [] };
  const [skillNames, goals] = await Promise.all([
    namesOfSkills(ctx.db, actor.orgId, frame.skills.map((s) => s.skillId)),
    repo.goalTitles(ctx.db, actor.orgId, frame.goalIds),
  ]);
  const body = c.templateSnapshot;
  const list = submitted.map((r) => ({ relationship: r.relationship, reviewerId: r.reviewerId, reviewerName: r.reviewerName, answers: r.answers }));
  const sections = overseer
    ? sharedView({ ...body, sections: body.sections.map((s) => ({ ...s, questions: s.questions.map((q) => ({ ...q, visibleToSubject: true })) })) }, list, { peerAnonymous: false, upwardAnonymous: false, anonymityMinimum: 1 })
    : sharedView(body, list, c);
  return {
    cycle: { id: c.id, name: c.name, phase: c.phase },
    subject: { id: personId, name: personName(subject) },
    view: overseer ? ('overseer' as const) : ('subject' as const),
    releasedAt: p.releasedAt?.toISOString() ?? null,
    acknowledgedAt: p.acknowledgedAt?.toISOString() ?? null,
    subjectComment: p.subjectComment,
    scale: body.scale.map((a) => ({ value: a.value, label: a.label })),
    skills: frame.skills.map((s) => ({ ...s, name: skillNames.get(s.skillId) ?? 'Removed skill' })),
    goals: frame.goalIds.flatMap((g) => (goals.get(g) ? [{ goalId: g, title: goals.get(g)!.title }] : [])),
    reviews: overseer
      ? all.map((r) => ({ id: r.id, relationship: r.relationship, reviewer: { id: r.reviewerId, name: r.reviewerName }, status: r.status, submittedAt: r.submittedAt?.toISOString() ?? null }))
      : [],
    sections,
  };
}

const assessmentSource: Record<ReviewRelationship, AssessmentSource> = { manager: 'review', self: 'self', peer: 'peer', upward: 'peer' };

/**
 * Shares subjects' reviews with them, in one transaction: each submitted review's skill ratings
 * become skill assessments (the manager's as source review, a self-review's as self, peers' and
 * reports' as peer; anonymous ones name no assessor), the subjects are told, and REVIEW_RELEASED
 * is recorded for each. Only in the sharing phase.
 */
async function release(ctx: AppContext, tx: DbOrTx, actor: Actor, c: cycles.CycleRow, participants: repo.ParticipantRow[], requestId?: string) {
  if (!participants.length) return { released: 0, assessments: 0 };
  const now = ctx.clock.now();
  const ids = participants.map((p) => p.personId);
  await repo.updateParticipants(tx, actor.orgId, c.id, ids, { releasedAt: now, releasedBy: actor.personId });
  const submitted = await repo.submittedReviewsOf(tx, actor.orgId, c.id, ids);
  const ratings = submitted.flatMap((r) =>
    Object.values(r.answers).flatMap((a) =>
      Object.entries(a.skills ?? {}).map(([skillId, level]) => ({
        personId: r.subjectId,
        skillId,
        level,
        source: assessmentSource[r.relationship],
        assessorId: anonymousRelationship(c, r.relationship) ? null : r.reviewerId,
        assessedAt: now,
        note: `From the review cycle ${c.name}`,
        sourceRecordType: 'review',
        sourceRecordId: r.id,
      })),
    ),
  );
  const assessed = await recordAssessments(tx, actor.orgId, ratings, { by: actorRef(actor, requestId), now });
  const managerReview = new Map(submitted.filter((r) => r.relationship === 'manager').map((r) => [r.subjectId, r.id]));
  await recordChanges(
    tx,
    actorRef(actor, requestId),
    participants.map((p) => ({
      action: 'review.released',
      recordType: 'review_participant',
      recordId: null,
      after: { cycleId: c.id, subjectId: p.personId },
      emits: emit(REVIEW_RELEASED, { cycleId: c.id, subjectId: p.personId, managerId: p.managerId, reviewId: managerReview.get(p.personId) ?? null }),
    })),
  );
  await notifyMany(
    ctx,
    tx,
    participants.map((p) => ({ orgId: actor.orgId, personId: p.personId, kind: 'review.released', title: `Your review of ${c.name} is ready to read`, link: `/reviews/cycles/${c.id}/people/${p.personId}`, email: true })),
  );
  return { released: participants.length, assessments: assessed.length };
}

export async function releaseOne(ctx: AppContext, actor: Actor, cycleId: string, personId: string, requestId?: string) {
  return ctx.db.transaction(async (tx) => {
    const c = await launchedCycle(tx, actor.orgId, cycleId, true);
    const p = await repo.findParticipant(tx, actor.orgId, cycleId, personId, true);
    if (!p || !(await canOverseeReviewsOf(tx, actor, { personId, managerId: p.managerId }))) throw notFound('Review');
    if (!phaseAllows(c.phase, 'release')) throw conflict(`This cycle is in ${c.phase}; reviews are shared in the sharing phase`);
    if (p.releasedAt) return { released: 0, assessments: 0 };
    return release(ctx, tx, actor, c, [p], requestId);
  });
}

/** HR shares many (or everyone not yet shared) at once. */
export async function releaseMany(ctx: AppContext, actor: Actor, cycleId: string, input: z.infer<typeof ReleaseBody>, requestId?: string) {
  requirePermission(actor, canManageReviews);
  return ctx.db.transaction(async (tx) => {
    const c = await launchedCycle(tx, actor.orgId, cycleId, true);
    if (!phaseAllows(c.phase, 'release')) throw conflict(`This cycle is in ${c.phase}; reviews are shared in the sharing phase`);
    const found = await repo.unreleasedParticipants(tx, actor.orgId, cycleId, input.personIds);
    // HR admins are subjects too: nobody releases their own review.
    return release(ctx, tx, actor, c, found.filter((p) => p.personId !== actor.personId), requestId);
  });
}

/** The subject says they read it, with an optional comment their manager reads. */
export async function acknowledge(ctx: AppContext, actor: Actor, cycleId: string, personId: string, input: z.infer<typeof AcknowledgeBody>, requestId?: string) {
  await ctx.db.transaction(async (tx) => {
    const c = await launchedCycle(tx, actor.orgId, cycleId);
    const p = await repo.findParticipant(tx, actor.orgId, cycleId, personId, true);
    if (!p || !canReadSharedReview(actor, p)) throw notFound('Review');
    if (!phaseAllows(c.phase, 'acknowledge')) throw conflict('This cycle takes no acknowledgements now');
    const now = ctx.clock.now();
    await repo.updateParticipants(tx, actor.orgId, cycleId, [personId], {
      acknowledgedAt: p.acknowledgedAt ?? now,
      ...(input.comment !== undefined && { subjectComment: input.comment || null }),
    });
    await recordChange(tx, actorRef(actor, requestId), { action: 'review.acknowledged', recordType: 'review_participant', recordId: null, after: { cycleId, subjectId: personId, comment: !!input.comment }, event: false });
    if (p.managerId && !p.acknowledgedAt)
      await notify(ctx, tx, { orgId: actor.orgId, personId: p.managerId, kind: 'review.acknowledged', title: `${personName(await repo.personBasics(tx, actor.orgId, personId))} acknowledged their review`, link: `/reviews/cycles/${cycleId}/people/${personId}` });
  });
  return subjectResult(ctx, actor, cycleId, personId);
}

/** The cycles whose reviews of me were shared with me. */
export async function sharedWithMe(ctx: AppContext, actor: Actor) {
  const found = await repo.sharedWith(ctx.db, actor.orgId, actor.personId);
  return { data: found.map((f) => ({ cycleId: f.p.cycleId, cycleName: f.cycleName, releasedAt: f.p.releasedAt!.toISOString(), acknowledgedAt: f.p.acknowledgedAt?.toISOString() ?? null })), nextCursor: null };
}

/** A cycle's subjects and where their reviews stand: HR admins every one, a manager those below them. */
export async function cycleParticipants(ctx: AppContext, actor: Actor, cycleId: string, q: { q?: string; limit?: number; cursor?: string }) {
  await launchedCycle(ctx.db, actor.orgId, cycleId);
  const hr = canManageReviews(actor);
  if (!hr && !(await reportsOf(ctx.db, actor.orgId, actor.personId)).length) throw notFound('Review cycle');
  const limit = q.limit ?? 50;
  const after = decodeCursor(q.cursor, zod.tuple([zod.string(), zod.string(), zod.uuid()]));
  const found = await repo.participantsPage(ctx.db, actor.orgId, cycleId, { q: q.q, chainOf: hr ? undefined : actor.personId, after, limit });
  const page = keysetPage(found, limit, (l) => [l.lastName, l.firstName, l.personId]);
  return {
    data: page.data.map((p) => ({
      person: { id: p.personId, name: `${p.firstName} ${p.lastName}`, jobTitle: p.jobTitle },
      manager: p.managerName,
      reviews: p.reviews,
      submitted: p.submitted,
      releasedAt: p.releasedAt?.toISOString() ?? null,
      acknowledgedAt: p.acknowledgedAt?.toISOString() ?? null,
    })),
    nextCursor: page.nextCursor,
  };
}

/** The launched cycles I am reviewed in: where I nominate peers and read my shared result. */
export async function myCycles(ctx: AppContext, actor: Actor) {
  const found = await repo.cyclesOfSubject(ctx.db, actor.orgId, actor.personId);
  return {
    data: found.map(({ c, p }) => ({
      id: c.id,
      name: c.name,
      phase: c.phase,
      nominationEndsOn: c.nominationEndsOn,
      writingEndsOn: c.writingEndsOn,
      peers: c.relationships.peers,
      releasedAt: p.releasedAt?.toISOString() ?? null,
      acknowledgedAt: p.acknowledgedAt?.toISOString() ?? null,
    })),
    nextCursor: null,
  };
}
