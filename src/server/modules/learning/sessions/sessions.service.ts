import type { z } from '@hono/zod-openapi';
import { iso } from '../../../platform/db/sql.ts';
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';
import type { AppContext } from '../../../context.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';
import { AppError, conflict, notFound, validationFailed, type ErrorDetail } from '../../../platform/http/errors.ts';
import { isStorableDate } from '../../../platform/http/openapi.ts';
import type { Actor, ActorRef } from '../../../platform/http/types.ts';
import { actorRef, notify, recordChange } from '../../platform/index.ts';
import { completeEnrollment, enroll } from '../enrollment/index.ts';
import { enrollmentsRepo as enrollments } from '../enrollment/index.ts';
import { requirePermission } from '../../org/index.ts';
import { canManageSessions } from '../learning.policy.ts';
import { activePeopleIds } from '../programs/index.ts';
import { requireStepUnlocked, stepLock } from '../programs/index.ts';
import { findPersonContact } from '../programs/index.ts';
import { addressOf, buildInvite } from './ical.ts';
import { inviteText, sendInvitation, sessionWhen } from './sessions.mail.ts';
import * as repo from './sessions.repo.ts';
import type { SessionCreate, SessionUpdate } from './sessions.schemas.ts';

dayjs.extend(utc);
dayjs.extend(timezone);

/**
 * An ISO date-time; without an offset it is a wall-clock time in the session's zone. Only the
 * years 1 to 9999 (what PostgreSQL holds; dayjs would read year 0 as 1900).
 */
function instant(s: string, zone: string): Date | null {
  if (s.startsWith('0000')) return null;
  if (/(Z|[+-]\d{2}:?\d{2})$/.test(s)) {
    const d = new Date(s);
    return Number.isNaN(d.getTime()) || !isStorableDate(d) ? null : d;
  }
  const d = dayjs.tz(s, zone);
  return d.isValid() && isStorableDate(d.toDate()) ? d.toDate() : null;
}


function sessionDto(s: repo.SessionWithCounts, actor: Actor, now: Date) {
  const insider = canManageSessions(actor) || s.instructorId === actor.personId || s.myStatus === 'registered';
  return {
    id: s.id,
    courseId: s.courseId,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    timeZone: s.timeZone,
    location: s.location,
    meetingUrl: insider ? s.meetingUrl : null,
    instructor: s.instructorId && s.instructorName ? { id: s.instructorId, name: s.instructorName } : null,
    capacity: s.capacity,
    status: s.status,
    notes: s.notes,
    registeredCount: s.registeredCount,
    waitlistCount: s.waitlistCount,
    seatsLeft: Math.max(0, s.capacity - s.registeredCount),
    ended: s.endsAt <= now,
    myRegistration:
      s.myRegistrationId && s.myStatus && s.myStatus !== 'cancelled'
        ? { id: s.myRegistrationId, status: s.myStatus, attendance: s.myAttendance, waitlistPosition: s.myWaitlistPosition }
        : null,
  };
}

export const registrationDto = (r: repo.RegistrationRow) => ({
  id: r.id,
  sessionId: r.sessionId,
  personId: r.personId,
  enrollmentId: r.enrollmentId,
  status: r.status,
  attendance: r.attendance,
  registeredAt: r.registeredAt.toISOString(),
  promotedAt: iso(r.promotedAt),
  cancelledAt: iso(r.cancelledAt),
});

const audit = (s: repo.SessionRow) => ({
  startsAt: s.startsAt,
  endsAt: s.endsAt,
  timeZone: s.timeZone,
  location: s.location,
  meetingUrl: s.meetingUrl,
  instructorId: s.instructorId,
  capacity: s.capacity,
  status: s.status,
  notes: s.notes,
});

/** A course whose sessions the actor may see: published ones, any for learning admins. */
async function visibleCourse(db: DbOrTx, actor: Actor, courseId: string) {
  const c = await repo.findCourse(db, actor.orgId, courseId);
  if (!c || (c.status !== 'published' && !canManageSessions(actor))) throw notFound('Course');
  return c;
}

async function oneSession(ctx: AppContext, db: DbOrTx, actor: Actor, id: string) {
  const [s] = await repo.listSessions(db, actor.orgId, { sessionId: id, when: 'all', now: ctx.clock.now(), personId: actor.personId });
  if (!s) throw notFound('Session');
  return sessionDto(s, actor, ctx.clock.now());
}

export async function listSessions(ctx: AppContext, actor: Actor, courseId: string, when: 'upcoming' | 'past' | 'all' = 'upcoming') {
  await visibleCourse(ctx.db, actor, courseId);
  const now = ctx.clock.now();
  const rows = await repo.listSessions(ctx.db, actor.orgId, { courseId, when, now, personId: actor.personId });
  return { data: rows.map((s) => sessionDto(s, actor, now)), nextCursor: null };
}

type Fields = z.infer<typeof SessionUpdate>;

async function checkFields(db: DbOrTx, actor: Actor, merged: { startsAt: string; endsAt: string; timeZone: string }, input: Fields) {
  const errors: ErrorDetail[] = [];
  const startsAt = instant(merged.startsAt, merged.timeZone);
  const endsAt = instant(merged.endsAt, merged.timeZone);
  if (!startsAt) errors.push({ path: 'startsAt', message: 'Not a real date and time' });
  if (!endsAt) errors.push({ path: 'endsAt', message: 'Not a real date and time' });
  if (startsAt && endsAt && endsAt <= startsAt) errors.push({ path: 'endsAt', message: 'The session must end after it starts' });
  if (input.instructorId && !(await activePeopleIds(db, actor.orgId, [input.instructorId])).has(input.instructorId)) {
    errors.push({ path: 'instructorId', message: 'No such active person' });
  }
  if (errors.length) throw validationFailed('The session is not valid', errors);
  return { startsAt: startsAt!, endsAt: endsAt! };
}

export async function createSession(ctx: AppContext, actor: Actor, courseId: string, input: z.infer<typeof SessionCreate>, requestId?: string) {
  requirePermission(actor, canManageSessions);
  return ctx.db.transaction(async (tx) => {
    const c = await repo.findCourse(tx, actor.orgId, courseId);
    if (!c) throw notFound('Course');
    if (c.format !== 'live') throw conflict('Sessions belong to live courses; change the course’s format to live first');
    const times = await checkFields(tx, actor, input, input);
    const now = ctx.clock.now();
    const s = await repo.insertSession(tx, {
      orgId: actor.orgId,
      courseId,
      ...times,
      timeZone: input.timeZone,
      location: input.location ?? null,
      meetingUrl: input.meetingUrl ?? null,
      instructorId: input.instructorId ?? null,
      capacity: input.capacity,
      notes: input.notes ?? null,
      createdAt: now,
      updatedAt: now,
    });
    await recordChange(tx, actorRef(actor, requestId), { action: 'live_session.created', recordType: 'live_session', recordId: s.id, after: { courseId, ...audit(s) } });
    return oneSession(ctx, tx, actor, s.id);
  });
}

/** Fills free seats from the waitlist in arrival order, telling each promoted person. */
async function promote(ctx: AppContext, tx: DbOrTx, by: ActorRef, session: repo.SessionRow, course: repo.CourseRow) {
  let free = session.capacity - (await repo.countRegistered(tx, session.orgId, session.id));
  if (free <= 0) return;
  const now = ctx.clock.now();
  for (const w of await repo.activeRegistrations(tx, session.orgId, session.id, 'waitlisted')) {
    if (free-- <= 0) break;
    const reg = await repo.updateRegistration(tx, session.orgId, w.id, { status: 'registered', promotedAt: now });
    await recordChange(tx, by, { action: 'session_registration.promoted', recordType: 'session_registration', recordId: w.id, before: { status: 'waitlisted' }, after: { status: 'registered' } });
    await sendInvitation(ctx, tx, { session, course, reg }, 'REQUEST', `A seat opened: you are registered for ${course.title}`, 'A seat opened up and you moved from the waitlist to the session.');
  }
}

export async function updateSession(ctx: AppContext, actor: Actor, id: string, input: Fields, requestId?: string) {
  requirePermission(actor, canManageSessions);
  return ctx.db.transaction(async (tx) => {
    const before = await repo.findSession(tx, actor.orgId, id, true);
    if (!before) throw notFound('Session');
    if (before.status === 'cancelled') throw conflict('This session was cancelled');
    const timeZone = input.timeZone ?? before.timeZone;
    const times = await checkFields(
      tx,
      actor,
      { startsAt: input.startsAt ?? before.startsAt.toISOString(), endsAt: input.endsAt ?? before.endsAt.toISOString(), timeZone },
      input,
    );
    const location = input.location === undefined ? before.location : input.location;
    const meetingUrl = input.meetingUrl === undefined ? before.meetingUrl : input.meetingUrl;
    if (!location && !meetingUrl) throw validationFailed('The session is not valid', [{ path: 'location', message: 'Give a place or a meeting link' }]);
    const registered = await repo.countRegistered(tx, actor.orgId, id);
    if (input.capacity !== undefined && input.capacity < registered) {
      throw conflict(`${registered} people are registered; cancel registrations before lowering the capacity below that`, [
        { path: 'capacity', message: `At least ${registered}` },
      ]);
    }
    const after = await repo.updateSession(tx, actor.orgId, id, {
      ...times,
      timeZone,
      location,
      meetingUrl,
      instructorId: input.instructorId === undefined ? before.instructorId : input.instructorId,
      capacity: input.capacity ?? before.capacity,
      notes: input.notes === undefined ? before.notes : input.notes,
      updatedAt: ctx.clock.now(),
    });
    const by = actorRef(actor, requestId);
    await recordChange(tx, by, { action: 'live_session.updated', recordType: 'live_session', recordId: id, before: audit(before), after: audit(after) });
    const course = (await repo.findCourse(tx, actor.orgId, after.courseId))!;
    const moved =
      after.startsAt.getTime() !== before.startsAt.getTime() ||
      after.endsAt.getTime() !== before.endsAt.getTime() ||
      after.location !== before.location ||
      after.meetingUrl !== before.meetingUrl;
    if (moved) {
      // Registered people get the invitation again with a higher SEQUENCE, so calendars update in place.
      for (const r of await repo.activeRegistrations(tx, actor.orgId, id, 'registered')) {
        const reg = await repo.updateRegistration(tx, actor.orgId, r.id, {
          icalSequence: r.icalSequence + 1,
          // A new start time earns a new day-before reminder.
          ...(after.startsAt.getTime() !== before.startsAt.getTime() ? { remindedAt: null } : {}),
        });
        await sendInvitation(ctx, tx, { session: after, course, reg }, 'REQUEST', `Changed: ${course.title}`, 'The session you registered for has changed.');
      }
    }
    await promote(ctx, tx, by, after, course);
    return oneSession(ctx, tx, actor, id);
  });
}

export async function cancelSession(ctx: AppContext, actor: Actor, id: string, requestId?: string) {
  requirePermission(actor, canManageSessions);
  return ctx.db.transaction(async (tx) => {
    const before = await repo.findSession(tx, actor.orgId, id, true);
    if (!before) throw notFound('Session');
    if (before.status === 'cancelled') return oneSession(ctx, tx, actor, id);
    const now = ctx.clock.now();
    const after = await repo.updateSession(tx, actor.orgId, id, { status: 'cancelled', updatedAt: now });
    const by = actorRef(actor, requestId);
    await recordChange(tx, by, { action: 'live_session.cancelled', recordType: 'live_session', recordId: id, before: { status: before.status }, after: { status: 'cancelled' } });
    const course = (await repo.findCourse(tx, actor.orgId, after.courseId))!;
    for (const r of await repo.activeRegistrations(tx, actor.orgId, id)) {
      const reg = await repo.updateRegistration(tx, actor.orgId, r.id, { status: 'cancelled', cancelledAt: now, icalSequence: r.icalSequence + 1 });
      if (r.status === 'registered') {
        await sendInvitation(ctx, tx, { session: after, course, reg }, 'CANCEL', `Cancelled: ${course.title}`, 'The session you registered for was cancelled. Choose another session from the course page.');
      } else {
        await notify(ctx, tx, { orgId: actor.orgId, personId: r.personId, kind: 'session.cancelled', title: `Cancelled: ${course.title}`, body: sessionWhen(after), link: `/learning/catalog/courses/${course.id}` });
      }
    }
    return oneSession(ctx, tx, actor, id);
  });
}

/**
 * Registers the signed-in person: a seat while there is one, else the waitlist. The session row
 * is locked first, so concurrent registrations never oversell it. Creates or reuses their
 * enrolment in the live course (reason `self` when they had none).
 */
export async function register(ctx: AppContext, actor: Actor, sessionId: string, requestId?: string) {
  return ctx.db.transaction(async (tx) => {
    const session = await repo.findSession(tx, actor.orgId, sessionId, true);
    if (!session) throw notFound('Session');
    const course = await visibleCourse(tx, actor, session.courseId).catch(() => {
      throw notFound('Session');
    });
    const now = ctx.clock.now();
    if (session.status === 'cancelled') throw conflict('This session was cancelled');
    if (session.endsAt <= now) throw conflict('This session has ended');
    const existing = await repo.activeRegistration(tx, actor.orgId, sessionId, actor.personId);
    if (existing) return { created: false, registration: registrationDto(existing) };
    if (await repo.otherUpcomingRegistration(tx, actor.orgId, course.id, actor.personId, sessionId, now)) {
      throw conflict('You are already registered for another session of this course; cancel that one first');
    }

    const by = actorRef(actor, requestId);
    let e = await enrollments.findOpenEnrollment(tx, actor.orgId, actor.personId, { courseId: course.id });
    if (!e) {
      if (!course.selfEnrollment) throw new AppError('forbidden', 'This course is open by assignment only');
      await enroll(ctx, tx, by, {
        audience: { type: 'people', personIds: [actor.personId] },
        courseId: course.id,
        versionId: course.publishedVersionId,
        reasonType: 'self',
        source: 'self',
      });
      e = await enrollments.findOpenEnrollment(tx, actor.orgId, actor.personId, { courseId: course.id });
    }
    if (e) await requireStepUnlocked(ctx, tx, e);
    const full = (await repo.countRegistered(tx, actor.orgId, sessionId)) >= session.capacity;
    const reg = await repo.insertRegistration(tx, {
      orgId: actor.orgId,
      sessionId,
      personId: actor.personId,
      enrollmentId: e?.id ?? null,
      status: full ? 'waitlisted' : 'registered',
      registeredAt: now,
    });
    await recordChange(tx, by, { action: 'session_registration.created', recordType: 'session_registration', recordId: reg.id, after: { sessionId, status: reg.status, enrollmentId: reg.enrollmentId } });
    if (reg.status === 'registered') {
      await sendInvitation(ctx, tx, { session, course, reg }, 'REQUEST', `You are registered: ${course.title}`, 'Your seat is confirmed. The calendar invitation is attached.');
    } else {
      await notify(ctx, tx, {
        orgId: actor.orgId,
        personId: actor.personId,
        kind: 'session.waitlisted',
        title: `You are on the waitlist: ${course.title}`,
        body: `${sessionWhen(session)}. You will get a seat automatically when one opens, and an invitation then.`,
        link: `/learning/catalog/courses/${course.id}`,
        email: true,
      });
    }
    return { created: true, registration: registrationDto(reg) };
  });
}

/** Cancels the signed-in person's registration; a freed seat goes to the first on the waitlist. */
export async function cancelMine(ctx: AppContext, actor: Actor, sessionId: string, requestId?: string) {
  await ctx.db.transaction(async (tx) => {
    const session = await repo.findSession(tx, actor.orgId, sessionId, true);
    if (!session) throw notFound('Session');
    const r = await repo.activeRegistration(tx, actor.orgId, sessionId, actor.personId);
    if (!r) throw notFound('Registration');
    const now = ctx.clock.now();
    if (session.endsAt <= now) throw conflict('This session has ended');
    const reg = await repo.updateRegistration(tx, actor.orgId, r.id, { status: 'cancelled', cancelledAt: now, icalSequence: r.icalSequence + 1 });
    const by = actorRef(actor, requestId);
    await recordChange(tx, by, { action: 'session_registration.cancelled', recordType: 'session_registration', recordId: r.id, before: { status: r.status }, after: { status: 'cancelled' } });
    const course = (await repo.findCourse(tx, actor.orgId, session.courseId))!;
    if (r.status === 'registered') {
      await sendInvitation(ctx, tx, { session, course, reg }, 'CANCEL', `Registration cancelled: ${course.title}`, 'You cancelled your registration; the calendar entry is removed.');
      if (session.status === 'scheduled') await promote(ctx, tx, by, session, course);
    }
  });
}

/** Learning admins and the session's instructor; others get 404. */
async function sessionForStaff(db: DbOrTx, actor: Actor, id: string, lock = false) {
  const s = await repo.findSession(db, actor.orgId, id, lock);
  if (!s || (!canManageSessions(actor) && s.instructorId !== actor.personId)) throw notFound('Session');
  return s;
}

export async function roster(ctx: AppContext, actor: Actor, id: string, includeCancelled = false, db: DbOrTx = ctx.db) {
  await sessionForStaff(db, actor, id);
  const rows = await repo.roster(db, actor.orgId, id, includeCancelled);
  let waiting = 0;
  return {
    data: rows.map((r) => ({
      ...registrationDto(r.reg),
      person: { id: r.reg.personId, name: `${r.firstName} ${r.lastName}`, email: r.email, jobTitle: r.jobTitle },
      waitlistPosition: r.reg.status === 'waitlisted' ? ++waiting : null,
    })),
    nextCursor: null,
  };
}

/** Marks attendance; present completes the person's enrolment in the live course. */
export async function markAttendance(
  ctx: AppContext,
  actor: Actor,
  id: string,
  entries: Array<{ registrationId: string; attendance: 'present' | 'absent' | 'excused' }>,
  requestId?: string,
) {
  return ctx.db.transaction(async (tx) => {
    const session = await sessionForStaff(tx, actor, id, true);
    if (session.status === 'cancelled') throw conflict('This session was cancelled');
    if (session.startsAt > ctx.clock.now()) throw conflict('Attendance can be taken once the session has started');
    const regs = new Map((await repo.activeRegistrations(tx, actor.orgId, id, 'registered')).map((r) => [r.id, r]));
    const errors: ErrorDetail[] = [];
    entries.forEach((e, i) => {
      if (!regs.has(e.registrationId)) errors.push({ path: `entries.${i}.registrationId`, message: 'Not a registered person of this session' });
    });
    if (errors.length) throw validationFailed('Some entries are not valid', errors);
    const by = actorRef(actor, requestId);
    for (const e of entries) {
      const r = regs.get(e.registrationId)!;
      if (r.attendance === e.attendance) continue;
      await repo.updateRegistration(tx, actor.orgId, r.id, { attendance: e.attendance });
      await recordChange(tx, by, { action: 'session_registration.attendance', recordType: 'session_registration', recordId: r.id, before: { attendance: r.attendance }, after: { attendance: e.attendance } });
      if (e.attendance === 'present' && r.enrollmentId) {
        const en = await enrollments.findEnrollmentForUpdate(tx, actor.orgId, r.enrollmentId);
        // Attendance is a fact and stays recorded; it completes a program step only in order.
        if (en && en.status !== 'completed' && en.status !== 'expired' && (await stepLock(ctx, tx, en)).lockedBy === null) {
          await completeEnrollment(ctx, tx, by, en);
        }
      }
    }
    return roster(ctx, actor, id, false, tx);
  });
}

/** The calendar file: my invitation when I am registered, else the session as a plain event. */
export async function sessionIcal(ctx: AppContext, actor: Actor, id: string): Promise<string> {
  const session = await repo.findSession(ctx.db, actor.orgId, id);
  if (!session) throw notFound('Session');
  const course = await visibleCourse(ctx.db, actor, session.courseId).catch(() => {
    throw notFound('Session');
  });
  const reg = await repo.activeRegistration(ctx.db, actor.orgId, id, actor.personId);
  if (reg?.status === 'registered') {
    const me = await findPersonContact(ctx.db, actor.orgId, actor.personId);
    return inviteText(ctx, ctx.db, { session, course, reg }, session.status === 'cancelled' ? 'CANCEL' : 'REQUEST', me ? { name: `${me.firstName} ${me.lastName}`, email: me.email } : null);
  }
  return buildInvite({
    method: 'PUBLISH',
    uid: `session-${session.id}@${new URL(ctx.config.publicUrl).hostname}`,
    sequence: 0,
    stamp: ctx.clock.now(),
    start: session.startsAt,
    end: session.endsAt,
    timeZone: session.timeZone,
    summary: course.title,
    description: course.summary,
    location: session.location,
    url: null,
    organizer: { name: await repo.orgName(ctx.db, actor.orgId), email: addressOf(ctx.config.mailFrom) },
  });
}
