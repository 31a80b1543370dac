import { z } from 'zod';
import type { AppContext } from '../../../context.ts';
import type { FollowUpSignal } from '../../../db/schema/insight.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';
import { iso, lockKey } from '../../../platform/db/sql.ts';
import { AppError, conflict, notFound } from '../../../platform/http/errors.ts';
import { decodeCursor, keysetPage } from '../../../platform/http/openapi.ts';
import type { Actor, ActorRef } from '../../../platform/http/types.ts';
import { requirePermission } from '../../org/index.ts';
import { addToNextOneOnOne } from '../../performance/index.ts';
import { actorRef, emit, notifyMany, recordChange, recordChanges, systemRef, type Change, type NewNotification } from '../../platform/index.ts';
import { FOLLOW_UP_ASKED, FOLLOW_UP_DECIDED } from './follow-ups.events.ts';
import { canManageFollowUpSettings, canReadFollowUpsOf, canReadLoopReports, seesEveryonesFollowUps } from './follow-ups.policy.ts';
import * as repo from './follow-ups.repo.ts';
import type * as s from './follow-ups.schemas.ts';
import { coursesToFlag, lowClosureMessage } from './low-closure.ts';
import { closureBy, FOLLOWED_REASONS, followUpWindows, isFollowedReason, isLowClosure, nextStep, type DueFollowUp, type LoopClosure, type Step } from './loop.ts';

/** Follow-ups per transaction of the sweep: each input and each write is one statement per batch. */
export const SWEEP_BATCH = 5000;

const systemActor = (orgId: string): ActorRef => systemRef(orgId, 'follow-ups');

// ---- creation -----------------------------------------------------------------------------------

/**
 * Writes the follow-ups of completed enrolments (those whose reason has a signal), in the
 * caller's transaction, audited as the system. Idempotent: one per enrolment (unique index).
 */
export async function createFollowUps(tx: DbOrTx, orgId: string, enrollmentIds: readonly string[], now: Date): Promise<repo.CreatedFollowUp[]> {
  if (enrollmentIds.length === 0) return [];
  const windows = followUpWindows(await repo.followUpDays(tx, orgId));
  const created = await repo.insertForEnrollments(tx, orgId, enrollmentIds, windows, now);
  await recordChanges(
    tx,
    systemActor(orgId),
    created.map((f) => ({
      action: 'follow_up.created',
      recordType: 'follow_up',
      recordId: f.id,
      after: { enrollmentId: f.enrollment_id, reasonType: f.reason_type, dueAt: iso(f.due_at) },
    })),
  );
  return created;
}

// ---- the sweep ----------------------------------------------------------------------------------

/**
 * Follows up every due pending follow-up of the organisation at `now`, a batch per transaction:
 * decides what the signal already answers (a goal's progress, a resolved hurdle, a skill assessed
 * since the completion) and asks for the rest (the manager to re-rate, the person about the
 * hurdle, the next 1:1). Each batch leaves `pending`, so the loop ends; returns how many it handled.
 * On PostgreSQL two batches run at once on connections of their own (`skip locked` gives each its
 * own rows): the audit and outbox rows are most of a batch's time (13 of 25 s over 100,000), and
 * one batch's writes overlap the other's reads. PGlite has one connection, so one at a time.
 */
export async function sweepOrganisation(ctx: AppContext, orgId: string): Promise<number> {
  const workers = ctx.database.kind === 'pglite' ? 1 : SWEEP_CONCURRENCY;
  const counts = await Promise.all(
    Array.from({ length: workers }, async () => {
      let handled = 0;
      for (;;) {
        const n = await ctx.db.transaction(async (tx) => {
          const now = ctx.clock.now();
          const due = await repo.dueBatch(tx, orgId, now, SWEEP_BATCH);
          if (due.length === 0) return 0;
          await settle(ctx, tx, orgId, due, now, { ask: true });
          return due.length;
        });
        if (n === 0) return handled;
        handled += n;
      }
    }),
  );
  // Every course once a night, not only those decided tonight: one grouped statement over the
  // course index, and a course left low by earlier answers is flagged again after its quiet month.
  await ctx.db.transaction((tx) => flagLowClosure(ctx, tx, orgId));
  return counts.reduce((x, y) => x + y, 0);
}

/** Sweep batches in flight at once on PostgreSQL. */
const SWEEP_CONCURRENCY = 2;

/**
 * A new assessment of a person's skill decides their skill follow-ups that wait for it (asked, or
 * due and not yet swept) and name that skill. Idempotent: decided follow-ups are no longer awaiting.
 */
export async function decideOnAssessment(ctx: AppContext, orgId: string, personId: string, skillId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const ids = await repo.skillFollowUpsAwaiting(tx, orgId, personId, skillId, now);
    if (ids.length === 0) return;
    const due = await repo.dueBatch(tx, orgId, now, ids.length, ids);
    await settle(ctx, tx, orgId, due, now, { ask: false });
    await flagLowClosure(ctx, tx, orgId, [...new Set(due.flatMap((d) => (d.course_id ? [d.course_id] : [])))]);
  });
}

type Planned = { row: repo.DueRow; step: Step; assessments: Map<string, string> };

async function settle(ctx: AppContext, tx: DbOrTx, orgId: string, due: repo.DueRow[], now: Date, opts: { ask: boolean }) {
  const skillIds = due.filter((d) => d.before.levels !== undefined).map((d) => d.id);
  const since = await repo.levelsSince(tx, orgId, skillIds);
  const levelsOf = new Map<string, { levels: Record<string, number>; assessments: Map<string, string> }>();
  for (const l of since) {
    const e = levelsOf.get(l.follow_up_id) ?? levelsOf.set(l.follow_up_id, { levels: {}, assessments: new Map() }).get(l.follow_up_id)!;
    e.levels[l.skill_id] = l.level;
    e.assessments.set(l.skill_id, l.assessment_id);
  }
  const planned: Planned[] = due.map((row) => {
    const input: DueFollowUp = {
      reasonType: row.reason_type,
      personId: row.person_id,
      before: row.before ?? {},
      goal: row.reason_type === 'goal' ? (row.goal_found ? { goalProgress: row.goal_progress ?? 0, goalStatus: row.goal_status! } : null) : undefined,
      hurdleStatus: row.reason_type === 'hurdle' ? row.hurdle_status : undefined,
      levelsSince: levelsOf.get(row.id)?.levels,
      managerId: row.manager_id,
      organiserId: row.organiser_id,
    };
    return { row, step: nextStep(input), assessments: levelsOf.get(row.id)?.assessments ?? new Map() };
  });

  const decisions: repo.Decision[] = [];
  const asks: repo.Ask[] = [];
  const cancelled: string[] = [];
  const changes: Change[] = [];
  const notes: NewNotification[] = [];
  for (const { row, step, assessments } of planned) {
    if (step.kind === 'decide') {
      const evidence = evidenceOf(row, step.after, assessments);
      decisions.push({ id: row.id, status: step.status, after: step.after, ...evidence });
      changes.push(decidedChange(row, step.status, row.before, step.after));
    } else if (step.kind === 'cancel') {
      if (!opts.ask) continue;
      cancelled.push(row.id);
      changes.push({ action: 'follow_up.cancelled', recordType: 'follow_up', recordId: row.id, before: { status: 'pending' }, after: { status: 'cancelled' } });
    } else if (opts.ask) {
      let askedOf = step.askedOf;
      let evidence: { evidenceType: string | null; evidenceId: string | null } = { evidenceType: null, evidenceId: null };
      if (step.via === 'one_on_one') {
        const point = await askInNextOneOnOne(ctx, tx, row, orgId);
        if (point) evidence = { evidenceType: 'agenda_item', evidenceId: point };
        else askedOf = row.manager_id ?? row.person_id;
      }
      asks.push({ id: row.id, askedOf, ...evidence });
      changes.push({
        action: 'follow_up.asked',
        recordType: 'follow_up',
        recordId: row.id,
        after: { status: 'asked', askedOf, via: step.via },
        emits: emit(FOLLOW_UP_ASKED, { followUpId: row.id, personId: row.person_id, askedOf, reasonType: row.reason_type }),
      });
      notes.push(askNotification(orgId, row, askedOf, step.via));
    }
  }
  await repo.applyDecisions(tx, orgId, decisions, now);
  await repo.applyAsks(tx, orgId, asks, now);
  await repo.cancel(tx, orgId, cancelled, now);
  await recordChanges(tx, systemActor(orgId), changes);
  await notifyMany(ctx, tx, notes);
}

function evidenceOf(row: repo.DueRow, after: FollowUpSignal, assessments: Map<string, string>) {
  if (row.reason_type === 'goal') return { evidenceType: 'goal', evidenceId: row.reason_record_id };
  if (row.reason_type === 'hurdle') return { evidenceType: 'hurdle', evidenceId: row.reason_record_id };
  // The newest assessment among the skills that decided it.
  const ids = Object.keys(after.levels ?? {}).map((k) => assessments.get(k)).filter((x) => x !== undefined).sort();
  return ids.length ? { evidenceType: 'skill_assessment', evidenceId: ids[ids.length - 1]! } : { evidenceType: null, evidenceId: null };
}

function decidedChange(row: { id: string; person_id: string; enrollment_id: string; reason_type: string }, status: 'improved' | 'not_improved', before: FollowUpSignal, after: FollowUpSignal): Change {
  return {
    action: 'follow_up.decided',
    recordType: 'follow_up',
    recordId: row.id,
    before: { signal: before },
    after: { status, signal: after },
    emits: emit(FOLLOW_UP_DECIDED, { followUpId: row.id, personId: row.person_id, enrollmentId: row.enrollment_id, reasonType: row.reason_type, status }),
  };
}

const titleOf = (row: { item_title: string | null }) => (row.item_title ? `“${row.item_title}”` : 'the learning');

function askNotification(orgId: string, row: repo.DueRow, askedOf: string, via: Extract<Step, { kind: 'ask' }>['via']): NewNotification {
  const name = row.first_name;
  const self = askedOf === row.person_id;
  const title =
    via === 'rerate'
      ? self
        ? `Follow-up: rate the skills ${titleOf(row)} was for`
        : `Follow-up: re-rate ${name}’s skills after ${titleOf(row)}`
      : via === 'hurdle'
        ? `Follow-up: is your hurdle resolved since ${titleOf(row)}?`
        : via === 'one_on_one'
          ? `Follow-up for your next 1:1 with ${name}: did ${titleOf(row)} help?`
          : self
            ? `Follow-up: did ${titleOf(row)} help with what it was for?`
            : `Follow-up: did ${titleOf(row)} help ${name} with what it was for?`;
  return { orgId, personId: askedOf, kind: 'follow_up.asked', title, link: '/follow-ups' };
}

/**
 * Adds the question to the next meeting of the 1:1 series the reason came from, as its organiser
 * (who is asked). Null when the series has no next meeting to hold it (the caller asks the
 * manager instead); the point's own audit and event are performance's.
 */
async function askInNextOneOnOne(ctx: AppContext, tx: DbOrTx, row: repo.DueRow, orgId: string): Promise<string | null> {
  if (!row.organiser_id || !row.attendee_id) return null;
  const organiser: Actor = { orgId, userId: '', personId: row.organiser_id, roles: [], via: 'session', scopes: ['read', 'write'], label: 'Tandem follow-ups' };
  try {
    const r = await addToNextOneOnOne(ctx, tx, organiser, {
      withPersonId: row.attendee_id,
      body: `Follow-up: did ${titleOf(row)} help with what you agreed? Record the answer under Follow-ups.`,
      sourceRecordType: 'follow_up',
      sourceRecordId: row.id,
    });
    return r.agendaItemId;
  } catch (err) {
    if (err instanceof AppError) return null;
    throw err;
  }
}

// ---- low loop closure ---------------------------------------------------------------------------

const LOW_CLOSURE_FLAGGED = 'course.low_closure_flagged';

/**
 * Tells the learning admins of each course (all, or those named) whose loop closure is now low
 * over enough decided follow-ups, with a link to its report; a course is flagged once per
 * `LOW_CLOSURE_REPEAT_DAYS`. The flag is audited on the course, and that audit row is what the
 * next run reads to stay quiet. Serialised per organisation (a lock until the caller's
 * transaction ends), so a sweep and an answer deciding at once do not both flag one course.
 */
export async function flagLowClosure(ctx: AppContext, tx: DbOrTx, orgId: string, courseIds?: readonly string[]): Promise<string[]> {
  if (courseIds && courseIds.length === 0) return [];
  await lockKey(tx, `follow-ups.low-closure:${orgId}`);
  const counts = await repo.countByCourse(tx, orgId, courseIds);
  const courses = [...new Set(counts.map((c) => c.key))];
  const now = ctx.clock.now();
  const flags = coursesToFlag(counts, await repo.lastLowClosureFlags(tx, orgId, courses, LOW_CLOSURE_FLAGGED), now);
  if (flags.length === 0) return [];
  const recipients = await repo.learningAdminIds(tx, orgId);
  const titles = await repo.courseTitles(tx, orgId, flags.map((f) => f.courseId));
  await recordChanges(
    tx,
    systemActor(orgId),
    flags.map((f) => ({ action: LOW_CLOSURE_FLAGGED, recordType: 'course', recordId: f.courseId, after: { loopClosure: f.closure, notified: recipients, flaggedAt: now.toISOString() } })),
  );
  await notifyMany(
    ctx,
    tx,
    flags.flatMap((f) => {
      const words = lowClosureMessage(titles.get(f.courseId) ?? 'a course', f.closure);
      const link = `/admin/learning-reports/${f.courseId}`;
      return recipients.map((personId) => ({ orgId, personId, kind: 'follow_up.low_closure', ...words, link, email: true }));
    }),
  );
  return flags.map((f) => f.courseId);
}

// ---- answers ------------------------------------------------------------------------------------

/**
 * The person asked answers: the reason improved or not (a hurdle resolved, the 1:1 point, or no
 * re-rating to give). Others who may see the follow-up get 404 too: it is not theirs to answer.
 */
export async function answerFollowUp(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof s.AnswerBody>, requestId?: string) {
  return ctx.db.transaction(async (tx) => {
    const f = await repo.findFollowUp(tx, actor.orgId, id);
    if (!f || f.asked_of !== actor.personId) throw notFound('Follow-up');
    if (f.status !== 'asked') throw conflict(`This follow-up is ${f.status.replace('_', ' ')}, not waiting for an answer`);
    const now = ctx.clock.now();
    const after: FollowUpSignal = { answer: input.answer, ...(input.note ? { note: input.note } : {}) };
    await repo.applyDecisions(tx, actor.orgId, [{ id, status: input.answer, after, evidenceType: f.evidence_type, evidenceId: f.evidence_id }], now);
    await recordChange(tx, actorRef(actor, requestId), decidedChange(f, input.answer, f.before, after));
    if (f.course_id) await flagLowClosure(ctx, tx, actor.orgId, [f.course_id]);
    return dto((await repo.findFollowUp(tx, actor.orgId, id))!, await repo.skillNames(tx, actor.orgId, skillsOf([f])));
  });
}

// ---- reads --------------------------------------------------------------------------------------

const skillsOf = (list: readonly repo.FollowUpRow[]) => [...new Set(list.flatMap((f) => Object.keys(f.before?.levels ?? {})))];

function dto(f: repo.FollowUpRow, names: Map<string, string>) {
  const before = f.before ?? {};
  const after = f.after ?? null;
  return {
    id: f.id,
    enrollmentId: f.enrollment_id,
    person: { id: f.person_id, name: `${f.person_first_name} ${f.person_last_name}` },
    item: f.course_id || f.program_id ? { kind: (f.course_id ? 'course' : 'program') as 'course' | 'program', id: (f.course_id ?? f.program_id)!, title: f.item_title ?? '' } : null,
    reasonType: f.reason_type,
    reasonRecordType: f.reason_record_type,
    reasonRecordId: f.reason_record_id,
    completedAt: iso(f.completed_at),
    dueAt: iso(f.due_at)!,
    status: f.status,
    askedOf: f.asked_of ? { id: f.asked_of, name: f.asked_of_name ?? '' } : null,
    askedAt: iso(f.asked_at),
    decidedAt: iso(f.decided_at),
    before,
    after,
    skills: Object.keys(before.levels ?? {}).map((id) => ({
      id,
      name: names.get(id) ?? '',
      before: before.levels?.[id] ?? null,
      after: after?.levels?.[id] ?? null,
    })),
    evidence: f.evidence_type && f.evidence_id ? { type: f.evidence_type, id: f.evidence_id } : null,
  };
}
export type FollowUpDto = ReturnType<typeof dto>;

export async function listFollowUps(ctx: AppContext, actor: Actor, q: z.infer<typeof s.ListQuery>) {
  if (q.personId) await visiblePerson(ctx, actor, q.personId);
  const limit = q.limit ?? 50;
  const beforeId = decodeCursor(q.cursor, z.uuid());
  const list = await repo.listFollowUps(
    ctx.db,
    actor.orgId,
    {
      personId: q.personId,
      courseId: q.courseId,
      programId: q.programId,
      status: q.status,
      askedOf: q.askedOf === 'me' ? actor.personId : undefined,
      visibleTo: seesEveryonesFollowUps(actor) || q.personId ? undefined : actor.personId,
      beforeId,
    },
    limit + 1,
  );
  const page = keysetPage(list, limit, (last) => last.id);
  const names = await repo.skillNames(ctx.db, actor.orgId, skillsOf(page.data));
  return { data: page.data.map((f) => dto(f, names)), nextCursor: page.nextCursor };
}

const closureDto = (c: LoopClosure) => ({ ...c, flagged: isLowClosure(c) });

/**
 * The loop-closure rate of a course, a program (learning and HR admins), a person (who may see
 * their learning) or everyone below the caller (`team=me`), with the counts and per reason type.
 */
export async function summary(ctx: AppContext, actor: Actor, q: z.infer<typeof s.SummaryQuery>) {
  let scope: repo.Scope;
  if (q.courseId || q.programId) {
    requirePermission(actor, canReadLoopReports);
    const kind = q.courseId ? 'course' : 'program';
    const id = (q.courseId ?? q.programId)!;
    if (!(await repo.itemExists(ctx.db, actor.orgId, kind, id))) throw notFound(kind === 'course' ? 'Course' : 'Program');
    scope = q.courseId ? { courseId: q.courseId } : { programId: q.programId! };
  } else if (q.personId) {
    await visiblePerson(ctx, actor, q.personId);
    scope = { personIds: [q.personId] };
  } else {
    scope = { below: actor.personId };
  }
  const { by, total } = closureBy((await repo.countBy(ctx.db, actor.orgId, scope, 'reason_type')) as Array<{ key: string; status: never; n: number }>);
  return {
    ...closureDto(total),
    byReason: FOLLOWED_REASONS.filter((r) => by.has(r)).map((r) => ({ reasonType: r, ...closureDto(by.get(r)!) })),
  };
}

/**
 * The loop closure of each of the people and of them together, for the team view (which has
 * checked who the caller may see): one statement whatever their number.
 */
export async function loopSummaryFor(ctx: AppContext, orgId: string, personIds: readonly string[]) {
  const counts = personIds.length ? await repo.countBy(ctx.db, orgId, { personIds }, 'person_id') : [];
  const { by, total } = closureBy(counts);
  const empty = closureBy([]).total;
  return { people: personIds.map((personId) => ({ personId, ...(by.get(personId) ?? empty) })), total };
}

// ---- settings -----------------------------------------------------------------------------------

export async function getSettings(ctx: AppContext, actor: Actor) {
  requirePermission(actor, canManageFollowUpSettings);
  return { days: followUpWindows(await repo.followUpDays(ctx.db, actor.orgId)) };
}

/** Sets the window of the reasons named (others keep theirs); applies to follow-ups created from then on. */
export async function putSettings(ctx: AppContext, actor: Actor, input: z.infer<typeof s.SettingsBody>, requestId?: string) {
  requirePermission(actor, canManageFollowUpSettings);
  return ctx.db.transaction(async (tx) => {
    const stored = (await repo.followUpDays(tx, actor.orgId)) ?? {};
    const before = followUpWindows(stored);
    const next: Record<string, number> = {};
    for (const [k, v] of Object.entries({ ...stored, ...input.days })) if (isFollowedReason(k) && typeof v === 'number') next[k] = v;
    await repo.saveFollowUpDays(tx, actor.orgId, next, ctx.clock.now());
    const after = followUpWindows(next);
    await recordChange(tx, actorRef(actor, requestId), { action: 'insight_settings.updated', recordType: 'insight_settings', recordId: actor.orgId, before: { followUpDays: before }, after: { followUpDays: after } });
    return { days: after };
  });
}

/** A person of the caller's organisation whose learning the caller may read; an unknown id or another organisation's person is not found, admins included. */
async function visiblePerson(ctx: AppContext, actor: Actor, personId: string): Promise<void> {
  if (!(await repo.personInOrg(ctx.db, actor.orgId, personId)) || !(await canReadFollowUpsOf(ctx.db, actor, personId))) throw notFound('Person');
}
