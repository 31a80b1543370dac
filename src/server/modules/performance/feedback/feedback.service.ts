import type { z } from '@hono/zod-openapi';
import { z as zod } from 'zod';
import type { AppContext } from '../../../context.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';
import { AppError, notFound, validationFailed } from '../../../platform/http/errors.ts';
import { decodeCursor, keysetPage } from '../../../platform/http/openapi.ts';
import type { Actor, ActorRef } from '../../../platform/http/types.ts';
import { actorRef, emit, notifyMany, recordChange, systemRef } from '../../platform/index.ts';
import { recordAssessments } from '../../talent/index.ts';
import { canReadFeedback, canRequestFeedbackAbout, isFeedbackReleased } from '../performance.policy.ts';
import { activePeopleIds, peopleNames, requireValuesAndSkills, skillNames, valueNames, type PersonName } from '../praise/index.ts';
import { FEEDBACK_GIVEN, FEEDBACK_REQUESTED } from './feedback.events.ts';
import type { FeedbackAnswer, FeedbackCreate, FeedbackRequestCreate } from './feedback.schemas.ts';
import * as repo from './feedback.repo.ts';
import { performanceSettingsOf } from './settings.service.ts';

const DAY = 86_400_000;
/** A request takes answers for two weeks unless it says otherwise. */
const DEFAULT_EXPIRY_DAYS = 14;
/** Pending givers are reminded three days after being asked, then every three days until the request ends. */
export const REMINDER_INTERVAL_DAYS = 3;

/** The UTC date: feedback keeps only the day it was given. */
export const utcDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Who an anonymous answer is recorded as, in the audit log and the outbox: nobody. No person, no
 * request id (which the request log would tie to a session).
 */
const anonymousRef = (orgId: string): ActorRef => systemRef(orgId, 'anonymous');

const uniq = (ids: string[]) => [...new Set(ids)];
const unknownPerson = (p: PersonName | undefined, id: string): PersonName => p ?? { id, name: 'Former colleague', jobTitle: null };
const DayCursor = zod.tuple([zod.string(), zod.uuid()]);

function requestStatus(r: repo.RequestRow, now: Date): 'open' | 'expired' | 'closed' {
  if (r.closedAt) return 'closed';
  if (r.expiresAt && r.expiresAt <= now) return 'expired';
  return 'open';
}

// ---- requests ---------------------------------------------------------------------------------

async function presentRequests(db: DbOrTx, actor: Actor, list: repo.RequestRow[], now: Date) {
  const ids = list.map((r) => r.id);
  const [invitations, answered] = await Promise.all([repo.invitationsOf(db, actor.orgId, ids), repo.releasedAnswerCounts(db, actor.orgId, ids, utcDay(now))]);
  const [people, skills] = await Promise.all([
    peopleNames(db, actor.orgId, uniq([...list.flatMap((r) => [r.requesterId, r.subjectId]), ...invitations.map((i) => i.giverId)])),
    skillNames(db, actor.orgId, uniq(list.flatMap((r) => r.skillIds))),
  ]);
  return list.map((r) => {
    const mine = invitations.filter((i) => i.requestId === r.id);
    const declined = mine.filter((i) => i.status === 'declined').length;
    // Where an answer may be anonymous, the requester sees counts only, and an anonymous answer
    // counts from the day after it was given: neither a status nor the moment a count moved
    // points at the invitee who wrote it.
    const answeredCount = r.allowAnonymous ? (answered.get(r.id) ?? 0) : mine.filter((i) => i.status === 'answered').length;
    return {
      id: r.id,
      requester: unknownPerson(people.get(r.requesterId), r.requesterId),
      subject: unknownPerson(people.get(r.subjectId), r.subjectId),
      message: r.message,
      questions: r.questions,
      skills: r.skillIds.flatMap((id) => (skills.has(id) ? [{ id, name: skills.get(id)! }] : [])),
      allowAnonymous: r.allowAnonymous,
      expiresAt: r.expiresAt?.toISOString() ?? null,
      closedAt: r.closedAt?.toISOString() ?? null,
      createdAt: r.createdAt.toISOString(),
      status: requestStatus(r, now),
      progress: { invited: mine.length, answered: answeredCount, declined, pending: Math.max(0, mine.length - answeredCount - declined) },
      invitations: mine
        .map((i) => ({ giver: unknownPerson(people.get(i.giverId), i.giverId), status: r.allowAnonymous ? null : i.status }))
        .sort((a, b) => a.giver.name.localeCompare(b.giver.name)),
    };
  });
}

export async function createRequest(ctx: AppContext, actor: Actor, input: z.infer<typeof FeedbackRequestCreate>, requestId?: string) {
  return ctx.db.transaction(async (tx) => {
    const subjectId = input.subjectId ?? actor.personId;
    if (!(await canRequestFeedbackAbout(tx, actor, subjectId))) throw notFound('Person');
    const giverIds = uniq(input.giverIds);
    const active = await activePeopleIds(tx, actor.orgId, giverIds);
    const bad = giverIds.findIndex((id) => !active.has(id) || id === subjectId || id === actor.personId);
    if (bad >= 0) {
      const own = giverIds[bad] === subjectId || giverIds[bad] === actor.personId;
      throw validationFailed(own ? 'Ask someone else' : 'Unknown person', [
        { path: `giverIds.${bad}`, message: own ? 'The subject and the requester cannot give this feedback' : 'Choose an active person of the organisation' },
      ]);
    }
    const skillIds = uniq(input.skillIds);
    await requireValuesAndSkills(tx, actor.orgId, [], skillIds);
    const settings = await performanceSettingsOf(tx, actor.orgId);
    if (input.allowAnonymous && !settings.anonymousFeedback) {
      throw validationFailed('Anonymous feedback is turned off in this organisation', [{ path: 'allowAnonymous', message: 'Ask for named feedback' }]);
    }
    const now = ctx.clock.now();
    const expiresAt = input.expiresAt ? new Date(input.expiresAt) : new Date(now.getTime() + DEFAULT_EXPIRY_DAYS * DAY);
    if (expiresAt <= now) throw validationFailed('The expiry is in the past', [{ path: 'expiresAt', message: 'Choose a time in the future' }]);
    const row = await repo.insertRequest(
      tx,
      {
        orgId: actor.orgId,
        requesterId: actor.personId,
        subjectId,
        message: input.message || null,
        questions: input.questions.map((q) => ({ id: crypto.randomUUID(), text: q.text })),
        skillIds,
        allowAnonymous: input.allowAnonymous,
        expiresAt,
        createdAt: now,
      },
      giverIds,
    );
    await recordChange(tx, actorRef(actor, requestId), {
      action: 'feedback_request.created',
      recordType: 'feedback_request',
      recordId: row.id,
      after: { subjectId, giverIds, questions: row.questions, skillIds, allowAnonymous: row.allowAnonymous, expiresAt: expiresAt.toISOString() },
      emits: emit(FEEDBACK_REQUESTED, { requestId: row.id, subjectId, giverIds }),
    });
    const names = await peopleNames(tx, actor.orgId, uniq([actor.personId, subjectId]));
    const who = names.get(actor.personId)?.name ?? 'A colleague';
    const about = subjectId === actor.personId ? 'them' : (names.get(subjectId)?.name ?? 'a colleague');
    await notifyMany(
      ctx,
      tx,
      giverIds.map((personId) => ({
        orgId: actor.orgId,
        personId,
        kind: 'performance.feedback_requested',
        title: `${who} asked you for feedback`,
        body: `${who} would like your feedback on ${about} by ${expiresAt.toISOString().slice(0, 10)}.${row.allowAnonymous && settings.anonymousFeedback ? ' You may answer anonymously.' : ''}`,
        link: `/feedback?tab=to-answer&requestId=${row.id}`,
        email: true,
      })),
    );
    const [dto] = await presentRequests(tx, actor, [row], now);
    return dto!;
  });
}

export async function listMyRequests(ctx: AppContext, actor: Actor, q: { limit?: number; cursor?: string }) {
  const limit = q.limit ?? 20;
  const list = await repo.requestsOf(ctx.db, actor.orgId, actor.personId, limit + 1, decodeCursor(q.cursor, DayCursor));
  const pageRows = keysetPage(list, limit, (last) => [last.createdAt.toISOString(), last.id]);
  return { data: await presentRequests(ctx.db, actor, pageRows.data, ctx.clock.now()), nextCursor: pageRows.nextCursor };
}

/** A request is its requester's: the invitees see theirs through their invitations, nobody else sees it. */
async function ownRequest(db: DbOrTx, actor: Actor, id: string, lock = false) {
  const r = await repo.findRequest(db, actor.orgId, id, lock);
  if (!r || r.requesterId !== actor.personId) throw notFound('Feedback request');
  return r;
}

export async function getRequest(ctx: AppContext, actor: Actor, id: string) {
  const [dto] = await presentRequests(ctx.db, actor, [await ownRequest(ctx.db, actor, id)], ctx.clock.now());
  return dto!;
}

export async function closeRequest(ctx: AppContext, actor: Actor, id: string, requestId?: string) {
  return ctx.db.transaction(async (tx) => {
    const before = await ownRequest(tx, actor, id, true);
    const now = ctx.clock.now();
    const after = before.closedAt ? before : await repo.closeRequest(tx, actor.orgId, id, now);
    if (!before.closedAt) {
      await recordChange(tx, actorRef(actor, requestId), {
        action: 'feedback_request.closed',
        recordType: 'feedback_request',
        recordId: id,
        before: { closedAt: null },
        after: { closedAt: now.toISOString() },
      });
    }
    const [dto] = await presentRequests(tx, actor, [after], now);
    return dto!;
  });
}

// ---- invitations ------------------------------------------------------------------------------

async function presentInvitations(db: DbOrTx, actor: Actor, list: { invitation: repo.InvitationRow; request: repo.RequestRow }[], now: Date) {
  const settings = await performanceSettingsOf(db, actor.orgId);
  const [people, skills] = await Promise.all([
    peopleNames(db, actor.orgId, uniq(list.flatMap((x) => [x.request.requesterId, x.request.subjectId]))),
    skillNames(db, actor.orgId, uniq(list.flatMap((x) => x.request.skillIds))),
  ]);
  return list.map(({ invitation: i, request: r }) => ({
    id: i.id,
    status: i.status,
    remindedAt: i.remindedAt?.toISOString() ?? null,
    request: {
      id: r.id,
      requester: unknownPerson(people.get(r.requesterId), r.requesterId),
      subject: unknownPerson(people.get(r.subjectId), r.subjectId),
      message: r.message,
      questions: r.questions,
      skills: r.skillIds.flatMap((id) => (skills.has(id) ? [{ id, name: skills.get(id)! }] : [])),
      anonymousAllowed: r.allowAnonymous && settings.anonymousFeedback,
      forManager: r.subjectId !== r.requesterId,
      expiresAt: r.expiresAt?.toISOString() ?? null,
      status: requestStatus(r, now),
    },
  }));
}

export async function listInvitations(ctx: AppContext, actor: Actor, q: { status: 'pending' | 'all'; limit?: number; cursor?: string }) {
  const limit = q.limit ?? 20;
  const now = ctx.clock.now();
  const list = await repo.invitationsOfGiver(ctx.db, actor.orgId, actor.personId, q.status === 'pending', now, limit + 1, decodeCursor(q.cursor, DayCursor));
  const pageRows = keysetPage(list, limit, (last) => [last.invitation.createdAt.toISOString(), last.invitation.id]);
  return { data: await presentInvitations(ctx.db, actor, pageRows.data, now), nextCursor: pageRows.nextCursor };
}

/** My invitation, locked, still open; 404 for anyone else's. */
async function openInvitation(tx: DbOrTx, actor: Actor, id: string, now: Date) {
  const found = await repo.findInvitation(tx, actor.orgId, id, true);
  if (!found || found.invitation.giverId !== actor.personId) throw notFound('Feedback request');
  if (found.invitation.status !== 'pending') throw new AppError('conflict', `You have already ${found.invitation.status} this request`);
  const status = requestStatus(found.request, now);
  if (status !== 'open') throw new AppError('conflict', status === 'expired' ? 'This request has expired' : 'The requester has closed this request');
  return found;
}

export async function getInvitation(ctx: AppContext, actor: Actor, id: string) {
  const found = await repo.findInvitation(ctx.db, actor.orgId, id);
  if (!found || found.invitation.giverId !== actor.personId) throw notFound('Feedback request');
  const [dto] = await presentInvitations(ctx.db, actor, [found], ctx.clock.now());
  return dto!;
}

function checkAnswers(request: repo.RequestRow, input: z.infer<typeof FeedbackAnswer>) {
  const questions = new Set(request.questions.map((q) => q.id));
  const badQ = input.answers.findIndex((a) => !questions.has(a.questionId));
  if (badQ >= 0) throw validationFailed('Unknown question', [{ path: `answers.${badQ}.questionId`, message: 'Answer a question of the request' }]);
  const skills = new Set(request.skillIds);
  const badS = input.skillRatings.findIndex((s) => !skills.has(s.skillId));
  if (badS >= 0) throw validationFailed('That skill was not asked about', [{ path: `skillRatings.${badS}.skillId`, message: 'Rate the skills of the request' }]);
  const answered = input.answers.some((a) => a.text) || input.skillRatings.length > 0 || !!input.body;
  if (!answered) throw validationFailed('The answer is empty', [{ path: 'body', message: 'Write something, answer a question or rate a skill' }]);
}

/**
 * Rated skills become peer assessments. Linked to the feedback, never to a person: the giver of a
 * rating shows only where the feedback does. Anonymous ratings are recorded by the daily release
 * instead (an assessment's id and time would tell when it was given).
 */
async function recordRatings(tx: DbOrTx, orgId: string, fb: repo.FeedbackRow, by: ActorRef, at: Date) {
  if (!fb.skillRatings.length) return;
  await recordAssessments(
    tx,
    orgId,
    fb.skillRatings.map((s) => ({
      personId: fb.subjectId,
      skillId: s.skillId,
      level: s.level,
      source: 'peer' as const,
      assessedAt: at,
      assessorId: null,
      sourceRecordType: 'feedback',
      sourceRecordId: fb.id,
    })),
    { by, now: at },
  );
}

const feedbackAudit = (fb: repo.FeedbackRow) => ({
  requestId: fb.requestId,
  subjectId: fb.subjectId,
  receiverId: fb.receiverId,
  // The giver's id is written only for named feedback: the anonymous row has none to write.
  ...(fb.anonymous ? {} : { giverId: fb.giverId }),
  anonymous: fb.anonymous,
  shareWithManagers: fb.shareWithManagers,
  shareWithSubject: fb.shareWithSubject,
  skillRatings: fb.skillRatings,
  valueIds: fb.valueIds,
  givenOn: fb.givenOn,
});

export async function answerInvitation(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof FeedbackAnswer>, requestId?: string) {
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const { invitation, request } = await openInvitation(tx, actor, id, now);
    checkAnswers(request, input);
    const valueIds = uniq(input.valueIds);
    await requireValuesAndSkills(tx, actor.orgId, valueIds, []);
    if (input.anonymous) {
      const settings = await performanceSettingsOf(tx, actor.orgId);
      if (!request.allowAnonymous || !settings.anonymousFeedback) {
        throw validationFailed('This feedback cannot be anonymous', [{ path: 'anonymous', message: 'Answer with your name' }]);
      }
    }
    const forManager = request.subjectId !== request.requesterId;
    const fb = await repo.insertFeedback(tx, {
      // Random, not time-ordered: the id must not tell when (or in which order) it was written.
      id: crypto.randomUUID(),
      orgId: actor.orgId,
      requestId: request.id,
      subjectId: request.subjectId,
      receiverId: request.requesterId,
      giverId: input.anonymous ? null : actor.personId,
      anonymous: input.anonymous,
      shareWithManagers: input.shareWithManagers,
      shareWithSubject: forManager && input.shareWithSubject,
      body: input.body || null,
      answers: input.answers.filter((a) => a.text),
      skillRatings: uniqRatings(input.skillRatings),
      valueIds,
      givenOn: utcDay(now),
    });
    await repo.setInvitationStatus(tx, actor.orgId, invitation.id, 'answered');
    const event = emit(FEEDBACK_GIVEN, { feedbackId: fb.id, requestId: request.id, subjectId: fb.subjectId, receiverId: fb.receiverId, anonymous: fb.anonymous });
    if (fb.anonymous) {
      // One change, by nobody, naming neither the giver nor the invitation (whose giver is known);
      // the receiver hears of it, and its ratings are recorded, in the next day's release.
      // Recorded at the start of its day with random ids, so no time or order points at the giver.
      await recordChange(tx, anonymousRef(actor.orgId), {
        action: 'feedback.given', recordType: 'feedback', recordId: fb.id, after: feedbackAudit(fb), emits: event, coarseAt: new Date(`${fb.givenOn}T00:00:00.000Z`),
      });
      return { id: null, anonymous: true, status: 'answered' as const };
    }
    const by = actorRef(actor, requestId);
    await recordChange(tx, by, {
      action: 'feedback_invitation.answered',
      recordType: 'feedback_invitation',
      recordId: invitation.id,
      before: { status: 'pending' },
      after: { status: 'answered', feedbackId: fb.id },
      event: false,
    });
    await recordChange(tx, by, { action: 'feedback.given', recordType: 'feedback', recordId: fb.id, after: feedbackAudit(fb), emits: event });
    await recordRatings(tx, actor.orgId, fb, by, now);
    await notifyGiven(ctx, tx, actor, fb);
    return { id: fb.id, anonymous: false, status: 'answered' as const };
  });
}

function uniqRatings(list: { skillId: string; level: number }[]) {
  const seen = new Map<string, number>();
  for (const r of list) seen.set(r.skillId, r.level);
  return [...seen].map(([skillId, level]) => ({ skillId, level }));
}

async function notifyGiven(ctx: AppContext, tx: DbOrTx, actor: Actor, fb: repo.FeedbackRow) {
  const names = await peopleNames(tx, actor.orgId, uniq([actor.personId, fb.subjectId]));
  const who = names.get(actor.personId)?.name ?? 'A colleague';
  const about = fb.subjectId === fb.receiverId ? 'you' : (names.get(fb.subjectId)?.name ?? 'your report');
  await notifyMany(ctx, tx, [
    {
      orgId: actor.orgId,
      personId: fb.receiverId,
      kind: 'performance.feedback_received',
      title: `${who} gave feedback on ${about}`,
      body: 'Read it under Feedback I received.',
      link: `/feedback?tab=received`,
      email: true,
    },
  ]);
}

export async function declineInvitation(ctx: AppContext, actor: Actor, id: string, requestId?: string) {
  return ctx.db.transaction(async (tx) => {
    const { invitation } = await openInvitation(tx, actor, id, ctx.clock.now());
    await repo.setInvitationStatus(tx, actor.orgId, invitation.id, 'declined');
    await recordChange(tx, actorRef(actor, requestId), {
      action: 'feedback_invitation.declined',
      recordType: 'feedback_invitation',
      recordId: invitation.id,
      before: { status: 'pending' },
      after: { status: 'declined' },
    });
    return { id: invitation.id, status: 'declined' as const };
  });
}

// ---- feedback ---------------------------------------------------------------------------------

/** Unsolicited feedback: named, to the person it is about. */
export async function giveFeedback(ctx: AppContext, actor: Actor, input: z.infer<typeof FeedbackCreate>, requestId?: string) {
  return ctx.db.transaction(async (tx) => {
    const active = await activePeopleIds(tx, actor.orgId, [input.subjectId]);
    if (!active.has(input.subjectId)) throw notFound('Person');
    if (input.subjectId === actor.personId) throw validationFailed('Feedback is for someone else', [{ path: 'subjectId', message: 'Choose someone else' }]);
    const skillRatings = uniqRatings(input.skillRatings);
    const valueIds = uniq(input.valueIds);
    await requireValuesAndSkills(tx, actor.orgId, valueIds, skillRatings.map((s) => s.skillId), 'skillRatings');
    const now = ctx.clock.now();
    const fb = await repo.insertFeedback(tx, {
      id: crypto.randomUUID(),
      orgId: actor.orgId,
      requestId: null,
      subjectId: input.subjectId,
      receiverId: input.subjectId,
      giverId: actor.personId,
      anonymous: false,
      shareWithManagers: input.shareWithManagers,
      shareWithSubject: false,
      body: input.body,
      answers: [],
      skillRatings,
      valueIds,
      givenOn: utcDay(now),
    });
    const by = actorRef(actor, requestId);
    await recordChange(tx, by, {
      action: 'feedback.given',
      recordType: 'feedback',
      recordId: fb.id,
      after: feedbackAudit(fb),
      emits: emit(FEEDBACK_GIVEN, { feedbackId: fb.id, requestId: null, subjectId: fb.subjectId, receiverId: fb.receiverId, anonymous: false }),
    });
    await recordRatings(tx, actor.orgId, fb, by, now);
    await notifyGiven(ctx, tx, actor, fb);
    const [dto] = await presentFeedback(tx, actor, [fb]);
    return dto!;
  });
}

async function presentFeedback(db: DbOrTx, actor: Actor, list: repo.FeedbackRow[]) {
  const requestIds = uniq(list.flatMap((f) => (f.requestId ? [f.requestId] : [])));
  const requests = new Map<string, repo.RequestRow>();
  for (const id of requestIds) {
    const r = await repo.findRequest(db, actor.orgId, id);
    if (r) requests.set(id, r);
  }
  const [people, skills, values] = await Promise.all([
    peopleNames(db, actor.orgId, uniq(list.flatMap((f) => [f.subjectId, f.receiverId, ...(f.giverId ? [f.giverId] : [])]))),
    skillNames(db, actor.orgId, uniq(list.flatMap((f) => f.skillRatings.map((s) => s.skillId)))),
    valueNames(db, actor.orgId, uniq(list.flatMap((f) => f.valueIds))),
  ]);
  return list.map((f) => {
    const questions = new Map((f.requestId ? requests.get(f.requestId)?.questions : undefined)?.map((q) => [q.id, q.text]) ?? []);
    return {
      id: f.id,
      requestId: f.requestId,
      subject: unknownPerson(people.get(f.subjectId), f.subjectId),
      receiver: unknownPerson(people.get(f.receiverId), f.receiverId),
      giver: f.anonymous || !f.giverId ? null : unknownPerson(people.get(f.giverId), f.giverId),
      anonymous: f.anonymous,
      shareWithManagers: f.shareWithManagers,
      shareWithSubject: f.shareWithSubject,
      body: f.body,
      answers: f.answers.map((a) => ({ questionId: a.questionId, question: questions.get(a.questionId) ?? null, text: a.text })),
      skillRatings: f.skillRatings.map((s) => ({ skillId: s.skillId, name: skills.get(s.skillId) ?? null, level: s.level })),
      values: f.valueIds.flatMap((id) => (values.has(id) ? [{ id, name: values.get(id)! }] : [])),
      givenOn: f.givenOn,
    };
  });
}

export async function listFeedback(ctx: AppContext, actor: Actor, q: { view: 'received' | 'given' | 'team'; limit?: number; cursor?: string }) {
  const limit = q.limit ?? 20;
  const list = await repo.listFeedback(ctx.db, actor.orgId, actor.personId, q.view, utcDay(ctx.clock.now()), limit + 1, decodeCursor(q.cursor, DayCursor));
  const pageRows = keysetPage(list, limit, (last) => [last.givenOn, last.id]);
  return { data: await presentFeedback(ctx.db, actor, pageRows.data), nextCursor: pageRows.nextCursor };
}

/** The feedback when the actor may read it (canReadFeedback), or null: callers answer 404. */
export async function readableFeedback(db: DbOrTx, actor: Actor, id: string, now: Date) {
  const f = await repo.findFeedback(db, actor.orgId, id);
  if (!f || !(await canReadFeedback(db, actor, f, utcDay(now)))) return null;
  return f;
}

export async function getFeedback(ctx: AppContext, actor: Actor, id: string) {
  const f = await readableFeedback(ctx.db, actor, id, ctx.clock.now());
  if (!f) throw notFound('Feedback');
  const [dto] = await presentFeedback(ctx.db, actor, [f]);
  return dto!;
}

// ---- jobs ---------------------------------------------------------------------------------------

/** Reminds givers of open requests (see claimDueReminders); each invitation is claimed once per interval (reminded_at). */
export async function sendFeedbackReminders(ctx: AppContext): Promise<number> {
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const interval = REMINDER_INTERVAL_DAYS * DAY;
    const due = await repo.claimDueReminders(tx, now, new Date(now.getTime() - interval), new Date(now.getTime() - interval));
    const byOrg = new Map<string, typeof due>();
    for (const d of due) byOrg.set(d.orgId, [...(byOrg.get(d.orgId) ?? []), d]);
    for (const [orgId, list] of byOrg) {
      const names = await peopleNames(tx, orgId, uniq(list.flatMap((d) => [d.requesterId, d.subjectId])));
      await notifyMany(
        ctx,
        tx,
        list.map((d) => {
          const who = names.get(d.requesterId)?.name ?? 'A colleague';
          const about = d.subjectId === d.requesterId ? 'them' : (names.get(d.subjectId)?.name ?? 'a colleague');
          const by = d.expiresAt ? ` by ${new Date(d.expiresAt).toISOString().slice(0, 10)}` : '';
          return {
            orgId,
            personId: d.giverId,
            kind: 'performance.feedback_reminder',
            title: `Reminder: ${who} is waiting for your feedback`,
            // Where answers may be anonymous, those who answered get the same reminder (see the repo).
            body: d.allowAnonymous
              ? `${who} asked for your feedback on ${about}; the request is open${by}. If you have answered already, thank you: there is nothing more to do.`
              : `${who} asked for your feedback on ${about}${by}.`,
            link: `/feedback?tab=to-answer&requestId=${d.requestId}`,
            email: true,
          };
        }),
      );
    }
    return due.length;
  });
}

/**
 * The daily release of the anonymous feedback given on `day`: receivers hear how many they got
 * (no giver, no time: the notice is sent at the release), and the skill ratings become peer
 * assessments dated to the day, recorded by nobody. Assessments are keyed by feedback and skill,
 * so a repeated run adds none; the notice is sent once per scheduled run.
 */
export async function releaseAnonymousFeedback(ctx: AppContext, day: string): Promise<number> {
  return ctx.db.transaction(async (tx) => {
    const list = await repo.anonymousGivenOn(tx, day);
    const at = new Date(`${day}T00:00:00.000Z`);
    const byOrg = new Map<string, repo.FeedbackRow[]>();
    for (const f of list) byOrg.set(f.orgId, [...(byOrg.get(f.orgId) ?? []), f]);
    for (const [orgId, rows] of byOrg) {
      for (const f of rows) await recordRatings(tx, orgId, f, anonymousRef(orgId), at);
      const perReceiver = new Map<string, number>();
      for (const f of rows) perReceiver.set(f.receiverId, (perReceiver.get(f.receiverId) ?? 0) + 1);
      await notifyMany(
        ctx,
        tx,
        [...perReceiver].map(([personId, n]) => ({
          orgId,
          personId,
          kind: 'performance.anonymous_feedback_received',
          title: n === 1 ? 'You received anonymous feedback' : `You received ${n} anonymous feedbacks`,
          body: 'Anonymous feedback is delivered once a day, without its giver.',
          link: '/feedback?tab=received',
          email: true,
        })),
      );
    }
    return list.length;
  });
}

export { isFeedbackReleased };
