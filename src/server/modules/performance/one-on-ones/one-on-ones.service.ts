import { createHash } from 'node:crypto';
import type { z } from '@hono/zod-openapi';
import ical, { ICalEventStatus } from 'ical-generator';
import type { AppContext } from '../../../context.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';
import { iso } from '../../../platform/db/sql.ts';
import { conflict, notFound, validationFailed } from '../../../platform/http/errors.ts';
import { decodeCursor, keysetPage } from '../../../platform/http/openapi.ts';
import type { Actor } from '../../../platform/http/types.ts';
import { z as zod } from 'zod';
import { enroll, findOpenEnrollment } from '../../learning/index.ts';
import { chainBelowSql } from '../../org/index.ts';
import { actorRef, emit, recordChange } from '../../platform/index.ts';
import { readableHurdle } from '../../talent/index.ts';
// Not on talent's public surface yet (the lead may add it there).
import { addPlanItem } from '../../talent/development-plans/index.ts';
import { readableGoal } from '../goals/index.ts';
import {
  cadenceReportScope,
  canAssignLearningFromOneOnOne,
  canManageOneOnOneTopics,
  canReadOneOnOne,
  canReadPrivateOneOnOneRecord,
  canStartOneOnOneWith,
} from '../performance.policy.ts';
import { isKnownTimeZone, nextOccurrences } from './cadence.ts';
import { currentMeetingFor, ensureMeetingsAhead, otherParticipant, participantsOf, recordPointAdded } from './one-on-ones.core.ts';
import { ONE_ON_ONE_MEETING_CHANGED, ONE_ON_ONE_SERIES_CHANGED } from './one-on-ones.events.ts';
import * as repo from './one-on-ones.repo.ts';
import type * as s from './one-on-ones.schemas.ts';

/** Past meetings shown on a series' timeline (a year of weekly 1:1s and some). */
const HISTORY = 60;
const NEXT_DATES = 6;
const CALENDAR_AHEAD = 26;

const name = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`;
const invalid = (path: string, message: string) => validationFailed(message, [{ path, message }]);

// ---- DTOs ---------------------------------------------------------------------------------------

function seriesDto(r: repo.SeriesRow & { organiserName: string; attendeeName: string }, viewerId: string) {
  const organiser = { id: r.organiserId, name: r.organiserName };
  const attendee = { id: r.attendeeId, name: r.attendeeName };
  return {
    id: r.id,
    organiser,
    attendee,
    with: r.organiserId === viewerId ? attendee : organiser,
    cadence: r.cadence,
    startsAt: r.startsAt.toISOString(),
    durationMinutes: r.durationMinutes,
    timeZone: r.timeZone,
    location: r.location,
    endedAt: iso(r.endedAt),
    createdAt: r.createdAt.toISOString(),
  };
}

const noteDto = (n: repo.NoteRow | null) =>
  n && { id: n.id, meetingId: n.meetingId, authorId: n.authorId, private: n.private, body: n.body, updatedAt: iso(n.updatedAt)! };

const agendaDto = (a: repo.AgendaView) => ({
  id: a.id,
  seriesId: a.seriesId,
  meetingId: a.meetingId,
  firstMeetingId: a.firstMeetingId,
  authorId: a.authorId,
  authorName: a.authorName,
  body: a.body,
  private: a.private,
  topicId: a.topicId,
  sourceRecordType: a.sourceRecordType,
  sourceRecordId: a.sourceRecordId,
  goalId: a.goalId,
  goalTitle: a.goalTitle,
  hurdleId: a.hurdleId,
  hurdleTitle: a.hurdleTitle,
  position: Number(a.position),
  discussedAt: iso(a.discussedAt),
  carriedOverCount: a.carriedOverCount,
  createdAt: iso(a.createdAt)!,
  updatedAt: iso(a.updatedAt)!,
});

const actionDto = (x: repo.ActionView) => ({
  id: x.id,
  seriesId: x.seriesId,
  meetingId: x.meetingId,
  meetingAt: iso(x.meetingAt),
  agendaItemId: x.agendaItemId,
  agendaItemBody: x.agendaItemBody,
  title: x.title,
  assigneeId: x.assigneeId,
  assigneeName: x.assigneeName,
  dueOn: x.dueOn,
  doneAt: iso(x.doneAt),
  createdBy: x.createdBy,
  createdAt: iso(x.createdAt)!,
  updatedAt: iso(x.updatedAt)!,
});

const meetingDto = (m: repo.MeetingView) => ({
  id: m.id,
  seriesId: m.seriesId,
  scheduledAt: m.scheduledAt.toISOString(),
  status: m.status,
  heldAt: iso(m.heldAt),
  agenda: m.agenda.map(agendaDto),
  actions: m.actions.map(actionDto),
  sharedNote: noteDto(m.sharedNote),
  privateNote: noteDto(m.privateNote),
});

// ---- access -------------------------------------------------------------------------------------

/** The series when the actor takes part in it; 404 otherwise (admins included). */
async function participantSeries(db: DbOrTx, actor: Actor, id: string, lock = false) {
  const series = await repo.findSeries(db, actor.orgId, id, lock);
  if (!series || !canReadOneOnOne(actor, series)) throw notFound('1:1 series');
  return series;
}

async function participantMeeting(db: DbOrTx, actor: Actor, id: string, lock = false) {
  const meeting = await repo.findMeeting(db, actor.orgId, id, lock);
  const series = meeting && (await repo.findSeries(db, actor.orgId, meeting.seriesId));
  if (!meeting || !series || !canReadOneOnOne(actor, series)) throw notFound('Meeting');
  return { meeting, series };
}

/** A talking point the actor may read: a participant's shared point, or the actor's own private one. */
async function visibleAgendaItem(db: DbOrTx, actor: Actor, id: string, lock = false) {
  const item = await repo.findAgendaItem(db, actor.orgId, id, lock);
  const series = item && (await repo.findSeries(db, actor.orgId, item.seriesId));
  if (!item || !series || !canReadOneOnOne(actor, series) || (item.private && !canReadPrivateOneOnOneRecord(actor, item))) throw notFound('Talking point');
  return { item, series };
}

async function visibleNote(db: DbOrTx, actor: Actor, id: string) {
  const note = await repo.findNote(db, actor.orgId, id);
  const series = note && (await repo.findSeries(db, actor.orgId, note.seriesId));
  if (!note || !series || !canReadOneOnOne(actor, series) || (note.private && !canReadPrivateOneOnOneRecord(actor, note))) throw notFound('Note');
  return { note, series };
}

async function meetingAnswer(db: DbOrTx, actor: Actor, meetingId: string) {
  return meetingDto((await repo.meetingView(db, actor.orgId, meetingId, actor.personId))!);
}

// ---- series -------------------------------------------------------------------------------------

export async function createSeries(ctx: AppContext, actor: Actor, input: z.infer<typeof s.SeriesCreate>, requestId?: string) {
  return ctx.db.transaction(async (tx) => {
    const otherId = input.withPersonId;
    const [me, other] = await Promise.all([repo.findPeople(tx, actor.orgId, [actor.personId]), repo.findPeople(tx, actor.orgId, [otherId])]).then(([a, b]) => [a[0], b[0]]);
    if (!other || other.status !== 'active' || !canStartOneOnOneWith(actor, otherId)) throw invalid('withPersonId', 'Choose an active colleague other than yourself');
    const timeZone = input.timeZone ?? (me?.timeZone && isKnownTimeZone(me.timeZone) ? me.timeZone : 'UTC');
    await repo.lockPair(tx, actor.orgId, actor.personId, otherId);
    if (await repo.findActiveSeriesBetween(tx, actor.orgId, actor.personId, otherId)) {
      throw conflict(`You already have an active 1:1 series with ${name(other)}`, [{ path: 'withPersonId', message: 'End the current series first' }]);
    }
    const now = ctx.clock.now();
    const series = await repo.insertSeries(tx, {
      orgId: actor.orgId,
      organiserId: actor.personId,
      attendeeId: otherId,
      cadence: input.cadence,
      startsAt: new Date(input.startsAt),
      durationMinutes: input.durationMinutes ?? 30,
      timeZone,
      location: input.location || null,
      createdBy: actor.personId,
      createdAt: now,
      updatedAt: now,
    });
    await ensureMeetingsAhead(tx, series, now);
    await ensureTopics(tx, actor.orgId);
    await recordChange(tx, actorRef(actor, requestId), {
      action: 'one_on_one_series.created',
      recordType: 'one_on_one_series',
      recordId: series.id,
      after: { organiserId: series.organiserId, attendeeId: series.attendeeId, cadence: series.cadence, startsAt: series.startsAt, timeZone },
      emits: emit(ONE_ON_ONE_SERIES_CHANGED, { seriesId: series.id, participantIds: participantsOf(series), change: 'started' }),
    });
    return seriesDto({ ...series, organiserName: name(me!), attendeeName: name(other) }, actor.personId);
  });
}

const ListCursor = zod.tuple([zod.number(), zod.string(), zod.string()]);

export async function listMySeries(ctx: AppContext, actor: Actor, q: z.infer<typeof s.SeriesListQuery>) {
  const limit = q.limit ?? 50;
  const list = await repo.listSeriesOf(ctx.db, actor.orgId, actor.personId, ctx.clock.now(), {
    limit,
    after: decodeCursor(q.cursor, ListCursor),
    includeEnded: q.includeEnded === 'true',
  });
  const page = keysetPage(list, limit, (r) => [r.endedAt ? 1 : 0, `${r.otherLastName} ${r.otherFirstName}`.toLowerCase(), r.id]);
  return {
    data: page.data.map((r) => {
      const otherName = `${r.otherFirstName} ${r.otherLastName}`;
      // The list names only the other side; the viewer is the other participant.
      const base = seriesDto({ ...r, organiserName: r.organiserId === actor.personId ? 'You' : otherName, attendeeName: r.attendeeId === actor.personId ? 'You' : otherName }, actor.personId);
      return { ...base, nextMeetingId: r.nextMeetingId, nextMeetingAt: iso(r.nextMeetingAt), lastHeldAt: iso(r.lastHeldAt) };
    }),
    nextCursor: page.nextCursor,
  };
}

/** A series with its timeline and its current meeting in full: two statements (the hot read). */
export async function getSeries(ctx: AppContext, actor: Actor, id: string) {
  const now = ctx.clock.now();
  const view = await repo.seriesView(ctx.db, actor.orgId, id, actor.personId, now, HISTORY);
  if (!view || !canReadOneOnOne(actor, view)) throw notFound('1:1 series');
  const current = view.currentMeetingId ? await repo.meetingView(ctx.db, actor.orgId, view.currentMeetingId, actor.personId) : undefined;
  return {
    ...seriesDto(view, actor.personId),
    meetings: view.meetings.map((m) => ({ id: m.id, scheduledAt: iso(m.scheduledAt)!, status: m.status, heldAt: iso(m.heldAt), agendaCount: Number(m.agendaCount) })),
    nextDates: view.endedAt ? [] : nextOccurrences(view, now, NEXT_DATES).map((d) => d.toISOString()),
    current: current ? meetingDto(current) : null,
  };
}

export async function endSeries(ctx: AppContext, actor: Actor, id: string, requestId?: string) {
  await ctx.db.transaction(async (tx) => {
    const before = await participantSeries(tx, actor, id, true);
    if (before.endedAt) return;
    const now = ctx.clock.now();
    await repo.updateSeries(tx, actor.orgId, id, { endedAt: now, updatedAt: now });
    await repo.cancelMeetingsFrom(tx, actor.orgId, id, now);
    await recordChange(tx, actorRef(actor, requestId), {
      action: 'one_on_one_series.ended',
      recordType: 'one_on_one_series',
      recordId: id,
      before: { endedAt: null },
      after: { endedAt: now },
      emits: emit(ONE_ON_ONE_SERIES_CHANGED, { seriesId: id, participantIds: participantsOf(before), change: 'ended' }),
    });
  });
  return getSeries(ctx, actor, id);
}

/** The series as an iCalendar file: its next meetings as events in UTC (the cadence rule keeps local time across DST). */
export async function seriesCalendar(ctx: AppContext, actor: Actor, id: string): Promise<{ filename: string; text: string }> {
  const series = await participantSeries(ctx.db, actor, id);
  const now = ctx.clock.now();
  const people = await repo.findPeople(ctx.db, actor.orgId, participantsOf(series));
  const byId = new Map(people.map((p) => [p.id, p]));
  const organiser = byId.get(series.organiserId)!;
  const attendee = byId.get(series.attendeeId)!;
  const view = await repo.seriesView(ctx.db, actor.orgId, id, actor.personId, now, 0);
  const cancelled = new Set(view!.meetings.filter((m) => m.status === 'cancelled').map((m) => iso(m.scheduledAt)));
  const cal = ical({ prodId: { company: 'Tandem', product: '1:1s', language: 'EN' }, name: `1:1 ${name(organiser)} / ${name(attendee)}` });
  const times = series.endedAt ? [] : nextOccurrences(series, now, CALENDAR_AHEAD);
  for (const start of times) {
    cal.createEvent({
      id: `${series.id}-${start.getTime()}@tandem`,
      stamp: now,
      start,
      end: new Date(start.getTime() + series.durationMinutes * 60_000),
      summary: `1:1: ${name(organiser)} and ${name(attendee)}`,
      description: `Time zone of the series: ${series.timeZone}`,
      location: series.location,
      status: cancelled.has(start.toISOString()) ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      organizer: { name: name(organiser), email: organiser.email },
      attendees: [{ name: name(attendee), email: attendee.email }],
    });
  }
  return { filename: `one-on-one-${series.id}.ics`, text: cal.toString() };
}

// ---- meetings -----------------------------------------------------------------------------------

export async function getMeeting(ctx: AppContext, actor: Actor, id: string) {
  const view = await repo.meetingView(ctx.db, actor.orgId, id, actor.personId);
  if (!view || !canReadOneOnOne(actor, view)) throw notFound('Meeting');
  return meetingDto(view);
}

/** Marks a meeting held or cancelled; its undiscussed points move to the next meeting, counted as carried over. */
export async function closeMeeting(ctx: AppContext, actor: Actor, id: string, status: 'held' | 'cancelled', requestId?: string) {
  return ctx.db.transaction(async (tx) => {
    const { meeting, series } = await participantMeeting(tx, actor, id, true);
    if (meeting.status !== 'scheduled') throw conflict(`This meeting is already ${meeting.status}`);
    const now = ctx.clock.now();
    await repo.setMeetingStatus(tx, actor.orgId, id, status, status === 'held' ? now : null);
    let carried = 0;
    if (!series.endedAt) {
      const from = meeting.scheduledAt > now ? meeting.scheduledAt : now;
      await ensureMeetingsAhead(tx, series, from);
      const next = await repo.scheduledMeetingAfter(tx, actor.orgId, series.id, meeting.scheduledAt);
      if (next) carried = await repo.carryOverAgenda(tx, actor.orgId, id, next.id, now);
    }
    await recordChange(tx, actorRef(actor, requestId), {
      action: `one_on_one_meeting.${status}`,
      recordType: 'one_on_one_meeting',
      recordId: id,
      before: { status: meeting.status },
      after: { status, carriedOver: carried },
      emits: emit(ONE_ON_ONE_MEETING_CHANGED, { seriesId: series.id, participantIds: participantsOf(series), meetingId: id, status, carriedOver: carried }),
    });
    return meetingAnswer(tx, actor, id);
  });
}

// ---- agenda -------------------------------------------------------------------------------------

export async function addAgendaItem(ctx: AppContext, actor: Actor, meetingId: string, input: z.infer<typeof s.AgendaItemCreate>, requestId?: string) {
  return ctx.db.transaction(async (tx) => {
    const { meeting, series } = await participantMeeting(tx, actor, meetingId);
    if (meeting.status === 'cancelled') throw conflict('This meeting was cancelled; add the point to the next one');
    if (input.topicId && !(await repo.findTopic(tx, actor.orgId, input.topicId))) throw invalid('topicId', 'Choose a topic of the bank');
    const now = ctx.clock.now();
    const item = await repo.insertAgendaItem(tx, {
      orgId: actor.orgId,
      seriesId: series.id,
      meetingId,
      firstMeetingId: meetingId,
      authorId: actor.personId,
      body: input.body,
      private: input.private ?? false,
      topicId: input.topicId ?? null,
      createdAt: now,
      updatedAt: now,
    });
    await recordPointAdded(tx, actor, series, item, requestId);
    return agendaOne(tx, actor, item.meetingId, item.id);
  });
}

async function agendaOne(db: DbOrTx, actor: Actor, meetingId: string, itemId: string) {
  const view = await repo.meetingView(db, actor.orgId, meetingId, actor.personId);
  return agendaDto(view!.agenda.find((a) => a.id === itemId)!);
}

/**
 * Either participant edits a shared point (the text, discussed); only its author makes it private
 * or shared again. Each edit changes that row only, so two people editing at once lose nothing.
 */
export async function updateAgendaItem(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof s.AgendaItemUpdate>, requestId?: string) {
  return ctx.db.transaction(async (tx) => {
    const { item } = await visibleAgendaItem(tx, actor, id, true);
    if (input.private !== undefined && input.private !== item.private && item.authorId !== actor.personId) {
      throw invalid('private', 'Only the author changes who sees a talking point');
    }
    // Either side may tick a point discussed; its words stay its author's.
    if (input.body !== undefined && input.body !== item.body && item.authorId !== actor.personId) {
      throw invalid('body', 'Only the author edits a talking point; add a point of your own instead');
    }
    const now = ctx.clock.now();
    const patch = {
      ...(input.body !== undefined && { body: input.body }),
      ...(input.private !== undefined && { private: input.private }),
      ...(input.discussed !== undefined && { discussedAt: input.discussed ? (item.discussedAt ?? now) : null }),
      updatedAt: now,
    };
    const after = await repo.updateAgendaItem(tx, actor.orgId, id, patch);
    const hide = (r: repo.AgendaItemRow) => ({ private: r.private, body: r.private ? null : r.body, discussedAt: r.discussedAt });
    await recordChange(tx, actorRef(actor, requestId), { action: 'agenda_item.updated', recordType: 'agenda_item', recordId: id, before: hide(item), after: hide(after) });
    return agendaOne(tx, actor, after.meetingId, id);
  });
}

export async function deleteAgendaItem(ctx: AppContext, actor: Actor, id: string, requestId?: string) {
  await ctx.db.transaction(async (tx) => {
    const { item } = await visibleAgendaItem(tx, actor, id, true);
    if (item.authorId !== actor.personId) throw conflict('Only the author removes a talking point; mark it discussed instead');
    await repo.deleteAgendaItem(tx, actor.orgId, id);
    await recordChange(tx, actorRef(actor, requestId), {
      action: 'agenda_item.deleted',
      recordType: 'agenda_item',
      recordId: id,
      before: { meetingId: item.meetingId, private: item.private, body: item.private ? null : item.body },
    });
  });
}

/** Orders the points the actor sees; the other side's private points keep their places. */
export async function reorderAgenda(ctx: AppContext, actor: Actor, meetingId: string, input: z.infer<typeof s.AgendaOrder>, requestId?: string) {
  return ctx.db.transaction(async (tx) => {
    await participantMeeting(tx, actor, meetingId);
    const view = (await repo.meetingView(tx, actor.orgId, meetingId, actor.personId))!;
    const visible = new Set(view.agenda.map((a) => a.id));
    const unknown = input.ids.find((x) => !visible.has(x));
    if (unknown) throw invalid('ids', 'List only talking points of this meeting');
    const old = view.agenda.map((a) => Number(a.position)).sort((a, b) => a - b);
    // The listed points take the positions the visible points held, in the new order.
    const ids = [...new Set(input.ids)];
    // Points added at the same moment can share a position: keep the new ones strictly increasing.
    const positions: number[] = [];
    ids.forEach((_, i) => positions.push(i === 0 ? (old[0] ?? 1) : Math.max(old[i] ?? 0, positions[i - 1]! + 0.001)));
    await repo.reorderAgendaTo(tx, actor.orgId, meetingId, ids, positions, ctx.clock.now());
    await recordChange(tx, actorRef(actor, requestId), { action: 'agenda.reordered', recordType: 'one_on_one_meeting', recordId: meetingId, after: { ids } });
    return meetingAnswer(tx, actor, meetingId);
  });
}

// ---- one step from a point or a note ------------------------------------------------------------

export async function linkAgendaItem(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof s.LinkRecord>, requestId?: string) {
  return ctx.db.transaction(async (tx) => {
    const { item } = await visibleAgendaItem(tx, actor, id, true);
    if (input.goalId && !(await readableGoal(tx, actor, input.goalId))) throw invalid('goalId', 'Choose a goal you can see');
    if (input.hurdleId && !(await readableHurdle(tx, actor, input.hurdleId))) throw invalid('hurdleId', 'Choose a hurdle you can see');
    const patch = {
      ...(input.goalId !== undefined && { goalId: input.goalId }),
      ...(input.hurdleId !== undefined && { hurdleId: input.hurdleId }),
      updatedAt: ctx.clock.now(),
    };
    const after = await repo.updateAgendaItem(tx, actor.orgId, id, patch);
    await recordChange(tx, actorRef(actor, requestId), {
      action: 'agenda_item.linked',
      recordType: 'agenda_item',
      recordId: id,
      before: { goalId: item.goalId, hurdleId: item.hurdleId },
      after: { goalId: after.goalId, hurdleId: after.hurdleId },
    });
    return agendaOne(tx, actor, after.meetingId, id);
  });
}

type Source = { recordType: 'agenda_item' | 'one_on_one_note'; recordId: string; series: repo.SeriesRow };

async function sourceOf(db: DbOrTx, actor: Actor, kind: Source['recordType'], id: string): Promise<Source> {
  if (kind === 'agenda_item') {
    const { item, series } = await visibleAgendaItem(db, actor, id);
    return { recordType: kind, recordId: item.id, series };
  }
  const { note, series } = await visibleNote(db, actor, id);
  return { recordType: kind, recordId: note.id, series };
}

function learnerOf(actor: Actor, series: repo.SeriesRow, personId?: string) {
  const target = personId ?? otherParticipant(series, actor.personId);
  if (!participantsOf(series).includes(target)) throw invalid('personId', 'Choose one of the two participants');
  return target;
}

/**
 * Assigns a course or program from a talking point or note, with reason `one_on_one` linked to it.
 * The enrolment keeps no text of the point: a learning admin reads "from a 1:1 talking point".
 */
export async function assignFromOneOnOne(ctx: AppContext, actor: Actor, kind: Source['recordType'], id: string, input: z.infer<typeof s.AssignFromOneOnOne>, requestId?: string) {
  return ctx.db.transaction(async (tx) => {
    const src = await sourceOf(tx, actor, kind, id);
    const personId = learnerOf(actor, src.series, input.personId);
    if (!(await canAssignLearningFromOneOnOne(tx, actor, personId))) throw invalid('personId', 'You may assign learning to the people you manage only');
    const itemKind = input.courseId ? 'course' : 'program';
    const itemId = (input.courseId ?? input.programId)!;
    const item = await repo.findLearningItem(tx, actor.orgId, itemKind, itemId);
    if (!item || item.status !== 'published') throw invalid(input.courseId ? 'courseId' : 'programId', `Choose a published ${itemKind}`);
    const target = { courseId: input.courseId ?? null, programId: input.courseId ? null : (input.programId ?? null) };
    const open = await findOpenEnrollment(tx, actor.orgId, personId, target);
    if (open) return { enrollmentId: open.id, personId, alreadyEnrolled: true };
    const [created] = await enroll(ctx, tx, actorRef(actor, requestId), {
      audience: { type: 'people', personIds: [personId] },
      ...target,
      reasonType: 'one_on_one',
      reasonRecordType: src.recordType,
      reasonRecordId: src.recordId,
      source: 'assigned',
      assignedBy: actor.personId,
      dueAt: input.dueAt ? new Date(input.dueAt) : null,
    });
    if (!created) throw conflict('The person could not be enrolled (inactive?)');
    return { enrollmentId: created.id, personId, alreadyEnrolled: false };
  });
}

/** Adds a development-plan item for a participant from a talking point or note (talent checks who may). */
export async function planItemFromOneOnOne(ctx: AppContext, actor: Actor, kind: Source['recordType'], id: string, input: z.infer<typeof s.PlanItemFromOneOnOne>, requestId?: string) {
  const src = await sourceOf(ctx.db, actor, kind, id);
  const personId = learnerOf(actor, src.series, input.personId);
  const actionType = input.actionType ?? (input.courseId ? 'course' : input.programId ? 'program' : 'other');
  return addPlanItem(
    ctx,
    actor,
    personId,
    {
      title: input.title,
      actionType,
      courseId: input.courseId ?? null,
      programId: input.programId ?? null,
      skillId: input.skillId ?? null,
      dueDate: input.dueDate ?? null,
      description: kind === 'agenda_item' ? 'From a 1:1 talking point' : 'From 1:1 notes',
    },
    requestId,
  );
}

// ---- action items -------------------------------------------------------------------------------

async function requireParticipant(series: repo.SeriesRow, assigneeId: string | null | undefined) {
  if (assigneeId && !participantsOf(series).includes(assigneeId)) throw invalid('assigneeId', 'Assign the action to one of the two participants');
}

export async function addActionItem(ctx: AppContext, actor: Actor, meetingId: string, input: z.infer<typeof s.ActionItemCreate>, requestId?: string) {
  return ctx.db.transaction(async (tx) => {
    const { series } = await participantMeeting(tx, actor, meetingId);
    await requireParticipant(series, input.assigneeId);
    if (input.agendaItemId) {
      const point = await repo.findAgendaItem(tx, actor.orgId, input.agendaItemId);
      if (!point || point.seriesId !== series.id || (point.private && point.authorId !== actor.personId)) throw invalid('agendaItemId', 'Choose a talking point of this 1:1');
    }
    const now = ctx.clock.now();
    const row = await repo.insertActionItem(tx, {
      orgId: actor.orgId,
      seriesId: series.id,
      meetingId,
      agendaItemId: input.agendaItemId ?? null,
      title: input.title,
      assigneeId: input.assigneeId ?? actor.personId,
      dueOn: input.dueOn ?? null,
      createdBy: actor.personId,
      createdAt: now,
      updatedAt: now,
    });
    await recordChange(tx, actorRef(actor, requestId), {
      action: 'action_item.created',
      recordType: 'action_item',
      recordId: row.id,
      after: { seriesId: series.id, meetingId, title: row.title, assigneeId: row.assigneeId, dueOn: row.dueOn },
    });
    return actionOne(tx, actor, meetingId, row.id);
  });
}

async function actionOne(db: DbOrTx, actor: Actor, meetingId: string, id: string) {
  const view = await repo.meetingView(db, actor.orgId, meetingId, actor.personId);
  const found = view?.actions.find((a) => a.id === id);
  if (found) return actionDto(found);
  // A done action of an earlier meeting drops out of later meetings' lists; answer it on its own.
  const row = (await repo.findActionItem(db, actor.orgId, id))!;
  return actionDto({ ...row, assigneeName: null, agendaItemBody: null, meetingAt: null });
}

async function visibleAction(db: DbOrTx, actor: Actor, id: string) {
  const row = await repo.findActionItem(db, actor.orgId, id, true);
  const series = row && (await repo.findSeries(db, actor.orgId, row.seriesId));
  if (!row || !series || !canReadOneOnOne(actor, series)) throw notFound('Action item');
  return { row, series };
}

export async function updateActionItem(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof s.ActionItemUpdate>, requestId?: string) {
  return ctx.db.transaction(async (tx) => {
    const { row, series } = await visibleAction(tx, actor, id);
    await requireParticipant(series, input.assigneeId);
    const now = ctx.clock.now();
    const after = await repo.updateActionItem(tx, actor.orgId, id, {
      ...(input.title !== undefined && { title: input.title }),
      ...(input.assigneeId !== undefined && { assigneeId: input.assigneeId }),
      ...(input.dueOn !== undefined && { dueOn: input.dueOn }),
      ...(input.done !== undefined && { doneAt: input.done ? (row.doneAt ?? now) : null }),
      updatedAt: now,
    });
    const a = (r: repo.ActionItemRow) => ({ title: r.title, assigneeId: r.assigneeId, dueOn: r.dueOn, doneAt: r.doneAt });
    await recordChange(tx, actorRef(actor, requestId), { action: 'action_item.updated', recordType: 'action_item', recordId: id, before: a(row), after: a(after) });
    return actionOne(tx, actor, after.meetingId ?? '00000000-0000-0000-0000-000000000000', id);
  });
}

export async function deleteActionItem(ctx: AppContext, actor: Actor, id: string, requestId?: string) {
  await ctx.db.transaction(async (tx) => {
    const { row } = await visibleAction(tx, actor, id);
    await repo.deleteActionItem(tx, actor.orgId, id);
    await recordChange(tx, actorRef(actor, requestId), { action: 'action_item.deleted', recordType: 'action_item', recordId: id, before: { title: row.title } });
  });
}

// ---- notes --------------------------------------------------------------------------------------

/** Writes the meeting's shared note (either participant) or the actor's private note (theirs alone). */
export async function writeNote(ctx: AppContext, actor: Actor, meetingId: string, isPrivate: boolean, input: z.infer<typeof s.NoteWrite>, requestId?: string) {
  return ctx.db.transaction(async (tx) => {
    const { series } = await participantMeeting(tx, actor, meetingId);
    const note = await repo.upsertNote(tx, { orgId: actor.orgId, seriesId: series.id, meetingId, authorId: actor.personId, private: isPrivate, body: input.body, now: ctx.clock.now() });
    // The audit keeps that a note changed, never a private note's text.
    await recordChange(tx, actorRef(actor, requestId), {
      action: 'one_on_one_note.written',
      recordType: 'one_on_one_note',
      recordId: note.id,
      after: { meetingId, private: isPrivate, body: isPrivate ? null : note.body },
    });
    return noteDto(note)!;
  });
}

// ---- topics -------------------------------------------------------------------------------------

type Category = repo.TopicRow['category'];
export const DEFAULT_TOPICS: Array<[Category, string]> = [
  ['career', 'Where do you want to be in a year, and what would help you get there?'],
  ['career', 'Which part of your work would you like to do more of?'],
  ['wellbeing', 'How is your workload this week?'],
  ['wellbeing', 'Is anything outside work making things harder right now?'],
  ['feedback', 'What is one thing I could do differently to support you?'],
  ['feedback', 'What went well since we last met?'],
  ['growth', 'Which skill would you like to work on next?'],
  ['growth', 'What did you learn recently that you want to apply?'],
  ['blockers', 'What is in your way at the moment?'],
  ['blockers', 'Is there a decision you are waiting on?'],
];

/** A default topic's id is derived from the organisation, so it is the same before and after it is stored. */
function defaultTopicId(orgId: string, i: number): string {
  const h = createHash('sha1').update(`one-on-one-topic:${orgId}:${i}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}

const defaultTopicRows = (orgId: string, now: Date) =>
  DEFAULT_TOPICS.map(([category, text], i) => ({ id: defaultTopicId(orgId, i), orgId, category, text, position: i, createdAt: now }));

/** Stores the default bank the first time an organisation needs rows (a series starts, an admin edits). */
export async function ensureTopics(tx: DbOrTx, orgId: string, now = new Date()): Promise<void> {
  if (!(await repo.hasAnyTopic(tx, orgId))) await repo.insertTopics(tx, defaultTopicRows(orgId, now));
}

const topicDto = (t: Pick<repo.TopicRow, 'id' | 'category' | 'text' | 'position' | 'archivedAt'>) => ({
  id: t.id,
  category: t.category,
  text: t.text,
  position: t.position,
  archived: t.archivedAt !== null,
});

/** The bank as suggestions (archived ones for admins too); an organisation with none stored reads the defaults. */
export async function listTopics(ctx: AppContext, actor: Actor, includeArchived: boolean) {
  const all = includeArchived && canManageOneOnOneTopics(actor);
  let list: Array<Pick<repo.TopicRow, 'id' | 'category' | 'text' | 'position' | 'archivedAt'>> = await repo.listTopics(ctx.db, actor.orgId, all);
  if (!list.length && !(await repo.hasAnyTopic(ctx.db, actor.orgId))) list = defaultTopicRows(actor.orgId, ctx.clock.now()).map((t) => ({ ...t, archivedAt: null }));
  return { data: list.map(topicDto), nextCursor: null };
}

function requireTopicAdmin(actor: Actor) {
  if (!canManageOneOnOneTopics(actor)) throw notFound('Topic');
}

export async function createTopic(ctx: AppContext, actor: Actor, input: z.infer<typeof s.TopicCreate>, requestId?: string) {
  requireTopicAdmin(actor);
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    await ensureTopics(tx, actor.orgId, now);
    const [row] = await repo.insertTopics(tx, [{ orgId: actor.orgId, category: input.category, text: input.text, position: input.position ?? 100, createdAt: now }]);
    await recordChange(tx, actorRef(actor, requestId), { action: 'one_on_one_topic.created', recordType: 'talking_point_topic', recordId: row!.id, after: topicDto(row!) });
    return topicDto(row!);
  });
}

export async function updateTopic(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof s.TopicUpdate> & { archived?: boolean }, requestId?: string) {
  requireTopicAdmin(actor);
  return ctx.db.transaction(async (tx) => {
    await ensureTopics(tx, actor.orgId, ctx.clock.now());
    const before = await repo.findTopic(tx, actor.orgId, id);
    if (!before) throw notFound('Topic');
    const patch = {
      ...(input.category !== undefined && { category: input.category }),
      ...(input.text !== undefined && { text: input.text }),
      ...(input.position !== undefined && { position: input.position }),
      ...(input.archived !== undefined && { archivedAt: input.archived ? (before.archivedAt ?? ctx.clock.now()) : null }),
    };
    // An empty change changes nothing: no write, no audit row.
    if (!Object.keys(patch).length) return topicDto(before);
    const after = await repo.updateTopic(tx, actor.orgId, id, patch);
    await recordChange(tx, actorRef(actor, requestId), {
      action: input.archived ? 'one_on_one_topic.archived' : 'one_on_one_topic.updated',
      recordType: 'talking_point_topic',
      recordId: id,
      before: topicDto(before),
      after: topicDto(after),
    });
    return topicDto(after);
  });
}

// ---- cadence report -----------------------------------------------------------------------------

const CadenceCursor = zod.tuple([zod.string(), zod.string(), zod.string()]);

/** Who has not had a 1:1 (held, with anyone) in the last N weeks: HR admins see everyone, managers their chain. */
export async function cadenceReport(ctx: AppContext, actor: Actor, q: z.infer<typeof s.CadenceQuery>) {
  const limit = q.limit ?? 50;
  const weeks = q.weeks ?? 4;
  const scope = cadenceReportScope(actor) === 'everyone' ? null : chainBelowSql(actor.orgId, actor.personId);
  const since = new Date(ctx.clock.now().getTime() - weeks * 7 * 86_400_000);
  const list = await repo.cadenceReport(ctx.db, actor.orgId, { scope, since, limit, after: decodeCursor(q.cursor, CadenceCursor) });
  const page = keysetPage(list, limit, (r) => [r.lastName.toLowerCase(), r.firstName.toLowerCase(), r.personId]);
  return {
    data: page.data.map((r) => ({
      personId: r.personId,
      name: name(r),
      managerId: r.managerId,
      managerName: r.managerName,
      lastHeldAt: iso(r.lastHeldAt),
      hasActiveSeries: r.hasActiveSeries,
    })),
    nextCursor: page.nextCursor,
    weeks,
  };
}

export { currentMeetingFor };
