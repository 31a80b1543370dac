import type { z } from '@hono/zod-openapi';
import type { AppContext } from '../../../context.ts';
import type { ReviewTemplateBody } from '../../../db/schema/index.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';
import { conflict, notFound, validationFailed } from '../../../platform/http/errors.ts';
import type { Actor } from '../../../platform/http/types.ts';
import { personInOrg, requirePermission } from '../../org/index.ts';
import { actorRef, recordChange } from '../../platform/index.ts';
import { canCalibrate, canManageCalibration, canReadRaterLeniency } from '../performance.policy.ts';
import { finalScore, scaleOf } from '../reviews/index.ts';
import * as repo from './calibration.repo.ts';
import type { EntryUpdate, NineBoxUpdate, SessionCreate } from './calibration.schemas.ts';
import { buildGrid, differsFromProposed, proposedScores, ratingsOf, round4, sessionDto, subjectRowDto } from './calibration.view.ts';
import { guidelineProblems } from './distribution.ts';
import { cycleLeniency, poolLeniency, type OffsetFigure } from './leniency.ts';
import { nineBoxLabelProblems, nineBoxLabels } from './nine-box.ts';

/** Cycles whose subjects may be calibrated: writing (calibration may start as reviews come in) and calibration. */
const calibratablePhases = new Set(['writing', 'calibration']);

const templateOf = (cycle: repo.CycleOfSession): ReviewTemplateBody => {
  if (!cycle.templateSnapshot) throw conflict('The review cycle has not been launched');
  return cycle.templateSnapshot;
};

async function namesOf(db: DbOrTx, orgId: string, s: repo.SessionRow) {
  const people = await repo.peopleAmong(db, orgId, [...s.calibratorIds, ...(s.managerId ? [s.managerId] : [])]);
  const deptName = s.departmentId ? await repo.departmentName(db, orgId, s.departmentId) : undefined;
  return {
    department: s.departmentId && deptName !== undefined ? { id: s.departmentId, name: deptName } : null,
    manager: s.managerId && people.has(s.managerId) ? { id: s.managerId, name: people.get(s.managerId)!.name } : null,
    calibrators: s.calibratorIds.flatMap((id) => (people.has(id) ? [{ id, name: people.get(id)!.name }] : [])),
  };
}

/**
 * The session when the actor may calibrate in it; 404 otherwise, and 404 to any subject of it
 * (whose row, manager figures and distribution would tell them their own calibration).
 */
async function calibratableSession(db: DbOrTx, actor: Actor, id: string, lock?: 'share' | 'update') {
  const found = await repo.findSession(db, actor.orgId, id, lock);
  if (!found) throw notFound('Calibration session');
  const isSubject = (await repo.sessionsHolding(db, actor.orgId, actor.personId, [found.session])).size > 0;
  if (!canCalibrate(actor, found.session, isSubject)) throw notFound('Calibration session');
  return found;
}

// ---- sessions -----------------------------------------------------------------------------------

export async function createSession(ctx: AppContext, actor: Actor, input: z.infer<typeof SessionCreate>, requestId?: string) {
  requirePermission(actor, canManageCalibration);
  return ctx.db.transaction(async (tx) => {
    const cycle = await repo.findCycle(tx, actor.orgId, input.cycleId);
    if (!cycle) throw validationFailed('Unknown review cycle', [{ path: 'cycleId', message: 'Choose a review cycle' }]);
    if (!calibratablePhases.has(cycle.phase)) throw conflict('Calibration opens when the cycle is in its writing or calibration phase');
    const template = templateOf(cycle);
    const scope: repo.SessionScope =
      input.scope.type === 'department'
        ? { scopeType: 'department', departmentId: input.scope.departmentId, managerId: null }
        : { scopeType: 'manager', departmentId: null, managerId: input.scope.managerId };
    if (scope.departmentId && (await repo.departmentName(tx, actor.orgId, scope.departmentId)) === undefined) {
      throw validationFailed('Unknown department', [{ path: 'scope.departmentId', message: 'Choose a department' }]);
    }
    if (scope.managerId && !(await personInOrg(tx, actor.orgId, scope.managerId))) {
      throw validationFailed('Unknown person', [{ path: 'scope.managerId', message: 'Choose a person of the organisation' }]);
    }
    const calibratorIds = [...new Set(input.calibratorIds)];
    const people = await repo.peopleAmong(tx, actor.orgId, calibratorIds);
    const unknown = calibratorIds.findIndex((id) => !people.get(id)?.active);
    if (unknown >= 0) throw validationFailed('Unknown person', [{ path: `calibratorIds.${unknown}`, message: 'Choose an active person of the organisation' }]);
    const subjects = await repo.subjectsAmong(tx, actor.orgId, cycle.id, scope, calibratorIds);
    const subject = calibratorIds.findIndex((id) => subjects.has(id));
    if (subject >= 0) {
      throw validationFailed('A subject cannot calibrate', [{ path: `calibratorIds.${subject}`, message: 'This person is calibrated in this session' }]);
    }
    const scale = scaleOf(template);
    if (input.guideline && scale) {
      const problems = guidelineProblems(input.guideline, scale);
      if (problems.length) throw validationFailed('The guideline is not valid', problems);
    }
    const row = await repo.insertSession(tx, {
      orgId: actor.orgId,
      cycleId: cycle.id,
      name: input.name,
      ...scope,
      calibratorIds,
      guideline: input.guideline ?? null,
      createdAt: ctx.clock.now(),
    });
    await recordChange(tx, actorRef(actor, requestId), {
      action: 'calibration_session.created',
      recordType: 'calibration_session',
      recordId: row.id,
      after: { cycleId: cycle.id, name: row.name, scopeType: row.scopeType, departmentId: row.departmentId, managerId: row.managerId, calibratorIds, guideline: row.guideline },
    });
    return sessionDto(row, cycle, await namesOf(tx, actor.orgId, row));
  });
}

/** HR admins: every session of the cycle; others: those they calibrate in. Sessions the actor is a subject of are left out. */
export async function listSessions(ctx: AppContext, actor: Actor, cycleId: string) {
  const cycle = await repo.findCycle(ctx.db, actor.orgId, cycleId);
  if (!cycle) return { data: [], nextCursor: null };
  const all = await repo.listSessions(ctx.db, actor.orgId, cycleId, canCalibrate(actor, { calibratorIds: [] }, false) ? null : actor.personId);
  const holding = await repo.sessionsHolding(ctx.db, actor.orgId, actor.personId, all);
  const visible = all.filter((s) => canCalibrate(actor, s, holding.has(s.id)));
  const data = [];
  for (const s of visible) data.push(sessionDto(s, cycle, await namesOf(ctx.db, actor.orgId, s)));
  return { data, nextCursor: null };
}

/** The grid: every subject in scope with proposed score, final, potential and box, the distributions and each manager's leniency. */
export async function getGrid(ctx: AppContext, actor: Actor, id: string) {
  const { session, cycle } = await calibratableSession(ctx.db, actor, id);
  const template = templateOf(cycle);
  const [subjects, reviews, stored] = await Promise.all([
    repo.subjectsInScope(ctx.db, actor.orgId, cycle.id, session),
    repo.submittedReviews(ctx.db, actor.orgId, cycle.id, session),
    repo.storedNineBox(ctx.db, actor.orgId),
  ]);
  const managerIds = [...new Set(subjects.flatMap((s) => (s.managerId ? [s.managerId] : [])))];
  const history = await repo.leniencyOf(ctx.db, actor.orgId, managerIds, cycle.id);
  const grid = buildGrid({ session, template, subjects, reviews, history, labels: nineBoxLabels(stored) });
  return { session: sessionDto(session, cycle, await namesOf(ctx.db, actor.orgId, session)), ...grid };
}

// ---- entries ------------------------------------------------------------------------------------

const entryAudit = (e: Pick<repo.EntryRow, 'proposedScore' | 'finalRating' | 'potential' | 'reason' | 'notes'> | undefined) =>
  e ? { proposedScore: round4(e.proposedScore), finalRating: round4(e.finalRating), potential: e.potential, reason: e.reason, notes: e.notes } : null;

/**
 * A calibrator sets a subject's final rating (with a reason when it differs from the proposed
 * score), potential or notes. The entry is created on the first change; the session row is held
 * for share so a lock waits for the change, and a change after the lock is refused (409).
 */
export async function updateEntry(ctx: AppContext, actor: Actor, sessionId: string, subjectId: string, input: z.infer<typeof EntryUpdate>, requestId?: string) {
  return ctx.db.transaction(async (tx) => {
    const { session, cycle } = await calibratableSession(tx, actor, sessionId, 'share');
    const template = templateOf(cycle);
    const [subject] = await repo.subjectsInScope(tx, actor.orgId, cycle.id, session, subjectId);
    if (!subject) throw notFound('Subject');
    if (session.lockedAt) throw conflict('The calibration session is locked');
    if (!calibratablePhases.has(cycle.phase)) throw conflict('Calibration is over: the cycle has moved past its calibration phase');
    const before = await repo.entryForUpdate(tx, actor.orgId, cycle.id, subjectId);
    if (before?.sessionId && before.sessionId !== session.id) throw conflict('Another calibration session of this cycle calibrates this subject');
    const proposal = finalScore(template, await repo.submittedReviews(tx, actor.orgId, cycle.id, session, subjectId));
    const proposed = proposal.score;

    const finalRating = input.finalRating !== undefined ? input.finalRating : (before?.finalRating ?? null);
    if (input.finalRating !== undefined && input.finalRating !== null) {
      const scale = scaleOf(template);
      if (scale && (input.finalRating < scale.min || input.finalRating > scale.max)) {
        throw validationFailed('The final rating is off the scale', [{ path: 'finalRating', message: `Use a rating from ${scale.min} to ${scale.max}` }]);
      }
      if (differsFromProposed(input.finalRating, proposed) && !input.reason?.trim()) {
        throw validationFailed('Give a reason for changing the proposed score', [{ path: 'reason', message: 'Say why the final rating differs from the proposed score' }]);
      }
    }
    // A reason belongs to the final rating it explains: a new final without one clears it.
    let reason = before?.reason ?? null;
    if (input.finalRating !== undefined) reason = input.finalRating === null ? null : input.reason?.trim() || null;
    else if (input.reason !== undefined) reason = input.reason?.trim() || null;
    const now = ctx.clock.now();
    const after = await repo.saveEntry(tx, {
      orgId: actor.orgId,
      cycleId: cycle.id,
      subjectId,
      sessionId: session.id,
      proposedScore: proposed,
      finalRating,
      potential: input.potential !== undefined ? input.potential : (before?.potential ?? null),
      reason,
      notes: input.notes !== undefined ? input.notes?.trim() || null : (before?.notes ?? null),
      adjustedBy: actor.personId,
      adjustedAt: now,
    });
    await recordChange(tx, actorRef(actor, requestId), {
      action: 'calibration_entry.updated',
      recordType: 'calibration_entry',
      recordId: `${cycle.id}:${subjectId}`,
      before: entryAudit(before),
      after: { ...entryAudit(after), sessionId: session.id },
    });
    const [row] = await repo.subjectsInScope(tx, actor.orgId, cycle.id, session, subjectId);
    return subjectRowDto(row!, { session, template, labels: nineBoxLabels(await repo.storedNineBox(tx, actor.orgId)) }, proposal);
  });
}

// ---- lock and leniency --------------------------------------------------------------------------

const leniencyWrite = (raterId: string, f: { fromFinal: OffsetFigure; fromPeers: OffsetFigure }): repo.LeniencyWrite => ({
  raterId,
  ratings: f.fromFinal.n,
  offsetFromFinal: f.fromFinal.mean,
  finalSd: f.fromFinal.sd,
  finalLow: f.fromFinal.low,
  finalHigh: f.fromFinal.high,
  coRated: f.fromPeers.n,
  offsetFromPeers: f.fromPeers.mean,
  peersSd: f.fromPeers.sd,
  peersLow: f.fromPeers.low,
  peersHigh: f.fromPeers.high,
});

/**
 * Locks a session: every subject's entry is written (the proposed score as it stands, the final
 * the proposed one where nobody changed it), then the cycle's leniency rows are computed again
 * over the subjects of all its locked sessions, so each lock extends the cycle's figures.
 */
/**
 * Recomputes a cycle's rater leniency over its calibrated finals and writes it (one row per rater):
 * run when a session locks, and by the demo seed for its finished cycle.
 */
export async function writeCycleLeniency(tx: DbOrTx, orgId: string, cycleId: string, template: ReviewTemplateBody, now: Date) {
  const calibrated = await repo.calibratedOfCycle(tx, orgId, cycleId);
  const figures = cycleLeniency(ratingsOf(template, calibrated.reviews), new Map(calibrated.finals.map((f) => [f.subjectId, f.finalRating])));
  await repo.replaceCycleLeniency(tx, orgId, cycleId, figures.map((f) => leniencyWrite(f.raterId, f)), now);
  return figures;
}

export async function lockSession(ctx: AppContext, actor: Actor, id: string, requestId?: string) {
  requirePermission(actor, canManageCalibration);
  return ctx.db.transaction(async (tx) => {
    const { session, cycle } = await calibratableSession(tx, actor, id, 'update');
    if (session.lockedAt) throw conflict('The calibration session is locked already');
    const template = templateOf(cycle);
    const subjects = await repo.subjectsInScope(tx, actor.orgId, cycle.id, session);
    const reviews = await repo.submittedReviews(tx, actor.orgId, cycle.id, session);
    const scores = proposedScores(template, reviews);
    const now = ctx.clock.now();
    await repo.settleEntries(
      tx,
      actor.orgId,
      cycle.id,
      session.id,
      subjects.map((s) => ({ subjectId: s.subjectId, proposed: scores.get(s.subjectId)?.score ?? null })),
    );
    await repo.markLocked(tx, actor.orgId, session.id, actor.personId, now);
    const figures = await writeCycleLeniency(tx, actor.orgId, cycle.id, template, now);
    await recordChange(tx, actorRef(actor, requestId), {
      action: 'calibration_session.locked',
      recordType: 'calibration_session',
      recordId: session.id,
      before: { lockedAt: null },
      after: { lockedAt: now.toISOString(), subjects: subjects.length, raters: figures.length },
    });
    const locked = { ...session, lockedAt: now, lockedBy: actor.personId };
    return sessionDto(locked, cycle, await namesOf(tx, actor.orgId, locked));
  });
}

const figureOf = (n: number, mean: number | null, sd: number | null, low: number | null, high: number | null) => ({
  n,
  mean: round4(mean),
  sd: round4(sd),
  low: round4(low),
  high: round4(high),
});

/** A rater's leniency in each locked cycle and pooled over them (HR admins). */
export async function raterLeniency(ctx: AppContext, actor: Actor, raterId: string) {
  requirePermission(actor, canReadRaterLeniency);
  const people = await repo.peopleAmong(ctx.db, actor.orgId, [raterId]);
  if (!people.has(raterId)) throw notFound('Person');
  const list = await repo.leniencyOf(ctx.db, actor.orgId, [raterId], null);
  const pooled = (f: OffsetFigure) => figureOf(f.n, f.mean, f.sd, f.low, f.high);
  return {
    rater: { id: raterId, name: people.get(raterId)!.name },
    cycles: list.map((r) => ({
      cycle: { id: r.cycleId, name: r.cycleName },
      computedAt: r.computedAt.toISOString(),
      fromFinal: figureOf(r.ratings, r.offsetFromFinal, r.finalSd, r.finalLow, r.finalHigh),
      fromPeers: figureOf(r.coRated, r.offsetFromPeers, r.peersSd, r.peersLow, r.peersHigh),
    })),
    pooled: {
      cycles: list.length,
      fromFinal: pooled(poolLeniency(list.map((r) => ({ n: r.ratings, mean: r.offsetFromFinal, sd: r.finalSd })))),
      fromPeers: pooled(poolLeniency(list.map((r) => ({ n: r.coRated, mean: r.offsetFromPeers, sd: r.peersSd })))),
    },
  };
}

// ---- 9-box labels -------------------------------------------------------------------------------

const nineBoxDto = (stored: { name: string; description: string }[] | null) => ({
  custom: !!stored && stored.length === 9,
  labels: nineBoxLabels(stored).map((l, box) => ({ box, ...l })),
});

export async function getNineBox(ctx: AppContext, actor: Actor) {
  requirePermission(actor, canManageCalibration);
  return nineBoxDto(await repo.storedNineBox(ctx.db, actor.orgId));
}

export async function setNineBox(ctx: AppContext, actor: Actor, input: z.infer<typeof NineBoxUpdate>, requestId?: string) {
  requirePermission(actor, canManageCalibration);
  const labels = input.labels ? input.labels.map((l) => ({ name: l.name, description: l.description })) : null;
  if (labels) {
    const problems = nineBoxLabelProblems(labels);
    if (problems.length) throw validationFailed('The 9-box labels are not valid', problems);
  }
  return ctx.db.transaction(async (tx) => {
    const before = await repo.storedNineBox(tx, actor.orgId);
    await repo.saveNineBox(tx, actor.orgId, labels, ctx.clock.now());
    await recordChange(tx, actorRef(actor, requestId), {
      action: 'review_settings.nine_box_updated',
      recordType: 'review_settings',
      recordId: actor.orgId,
      before: { nineBox: before },
      after: { nineBox: labels },
    });
    return nineBoxDto(labels);
  });
}
