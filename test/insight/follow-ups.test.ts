import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { agendaItem, auditEvent, enrollment, followUp, goal, hurdle, notification, oneOnOneMeeting } from '../../src/server/db/schema/index.ts';
import type { ReasonType } from '../../src/server/db/schema/learning.ts';
import { createFollowUps, loopSummaryFor, sweepOrganisation } from '../../src/server/modules/insight/follow-ups/index.ts';
import { completeEnrollment, enroll } from '../../src/server/modules/learning/index.ts';
import { dispatchEvents, systemRef } from '../../src/server/modules/platform/index.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { signInAs } from '../support/client.ts';
import { createOrg, createUser } from '../support/factories.ts';
import { createHurdle, createPersonGoal } from '../support/hurdles.ts';
import { createSeries } from '../support/one-on-ones.ts';
import { createSkill, createTeachingCourse } from '../support/recommendations.ts';
import { setCurrentLevel } from '../support/talent.ts';

let t: TestApp;
const START = new Date('2026-06-01T09:00:00Z');
const DAY = 86_400_000;
beforeAll(async () => {
  t = await createTestApp();
});

async function settle() {
  await dispatchEvents(t.ctx);
  await t.ctx.jobs.drain();
}

/** Ana reports to Max; Olly is elsewhere; Hana is HR, Lena a learning admin. A course teaches Negotiation. */
async function setup() {
  t.clock.set(START);
  const org = await createOrg(t);
  const maxU = await createUser(t, org.id, { firstName: 'Max', lastName: 'Manager' });
  const anaU = await createUser(t, org.id, { firstName: 'Ana', lastName: 'Seller', managerId: maxU.person.id });
  const ollyU = await createUser(t, org.id, { firstName: 'Olly', lastName: 'Other' });
  const hrU = await createUser(t, org.id, { firstName: 'Hana', lastName: 'HR', roles: ['hr_admin'] });
  const lenaU = await createUser(t, org.id, { firstName: 'Lena', lastName: 'Learning', roles: ['learning_admin'] });
  const neg = await createSkill(t, org.id, 'Negotiation');
  const course = await createTeachingCourse(t, org.id, 'Negotiation Fundamentals', [[neg.id, 4]]);
  return {
    org, maxU, anaU, ollyU, hrU, lenaU, neg, course,
    ana: await signInAs(t, anaU), max: await signInAs(t, maxU), olly: await signInAs(t, ollyU),
    hr: await signInAs(t, hrU), lena: await signInAs(t, lenaU),
  };
}
type S = Awaited<ReturnType<typeof setup>>;

/** Fresh sessions at the clock's time (a session does not outlive a 60-day jump). */
async function signInAgain(s: S): Promise<S> {
  return { ...s, ana: await signInAs(t, s.anaU), max: await signInAs(t, s.maxU), olly: await signInAs(t, s.ollyU), hr: await signInAs(t, s.hrU), lena: await signInAs(t, s.lenaU) };
}

/** Enrols the person with the reason and baseline, completes it now, and lets the subscribers run. */
async function completeWith(
  s: S,
  personId: string,
  reason: { type: ReasonType; recordType?: string; recordId?: string; levels?: Record<string, number | null>; signal?: Record<string, unknown> },
  courseId = s.course.id,
) {
  const id = await t.ctx.db.transaction(async (tx) => {
    const [e] = await enroll(t.ctx, tx, systemRef(s.org.id, 'test'), {
      audience: { type: 'people', personIds: [personId] },
      courseId,
      reasonType: reason.type,
      reasonRecordType: reason.recordType ?? null,
      reasonRecordId: reason.recordId ?? null,
      source: 'assigned',
      baselineLevels: reason.levels ?? null,
      baselineSignal: (reason.signal as never) ?? null,
    });
    const [row] = await tx.select().from(enrollment).where(eq(enrollment.id, e!.id));
    await completeEnrollment(t.ctx, tx, systemRef(s.org.id, 'test'), row!);
    return e!.id;
  });
  await settle();
  return id;
}

async function followUpOf(enrollmentId: string) {
  const [f] = await t.ctx.db.select().from(followUp).where(eq(followUp.enrollmentId, enrollmentId));
  return f;
}

async function sweepAfter(orgId: string, days: number) {
  t.clock.set(new Date(START.getTime() + days * DAY));
  await sweepOrganisation(t.ctx, orgId);
  await settle();
}

describe('follow-ups', () => {
  it('follows a skill gap up 60 days after completion: asks the manager, and his re-rating closes the loop', async () => {
    let s = await setup();
    await setCurrentLevel(t, s.org.id, s.anaU.person.id, s.neg.id, 2);
    const eid = await completeWith(s, s.anaU.person.id, { type: 'skill_gap', levels: { [s.neg.id]: 2 } });
    const f = (await followUpOf(eid))!;
    expect(f).toMatchObject({ status: 'pending', reasonType: 'skill_gap', courseId: s.course.id, before: { levels: { [s.neg.id]: 2 } } });
    expect(f.dueAt.toISOString()).toBe('2026-07-31T09:00:00.000Z'); // 1 June + 60 days

    await sweepAfter(s.org.id, 59); // the window has not ended
    expect((await followUpOf(eid))!.status).toBe('pending');

    await sweepAfter(s.org.id, 60);
    const asked = (await followUpOf(eid))!;
    expect(asked).toMatchObject({ status: 'asked', askedOf: s.maxU.person.id });
    const notes = await t.ctx.db.select().from(notification).where(and(eq(notification.personId, s.maxU.person.id), eq(notification.kind, 'follow_up.asked')));
    expect(notes.map((n) => n.title)).toEqual(['Follow-up: re-rate Ana’s skills after “Negotiation Fundamentals”']);

    s = await signInAgain(s); // sessions do not last 60 days
    const mine = await s.max.raw.get('follow-ups?askedOf=me');
    expect(mine.status).toBe(200);
    expect(mine.body.data).toHaveLength(1);
    expect(mine.body.data[0]).toMatchObject({
      id: f.id,
      status: 'asked',
      person: { id: s.anaU.person.id, name: 'Ana Seller' },
      item: { kind: 'course', id: s.course.id, title: 'Negotiation Fundamentals' },
      skills: [{ id: s.neg.id, name: 'Negotiation', before: 2, after: null }],
      askedOf: { id: s.maxU.person.id, name: 'Max Manager' },
    });
    expect((await s.ana.raw.get('follow-ups?askedOf=me')).body.data).toHaveLength(0);

    const rated = await s.max.raw.post('skill-assessments', { personId: s.anaU.person.id, skillId: s.neg.id, level: 4, source: 'manager' });
    expect(rated.status).toBe(201);
    await settle();
    const closed = (await followUpOf(eid))!;
    expect(closed).toMatchObject({ status: 'improved', after: { levels: { [s.neg.id]: 4 } }, evidenceType: 'skill_assessment' });

    const summary = await s.max.raw.get(`follow-ups/summary?personId=${s.anaU.person.id}`);
    expect(summary.body).toMatchObject({ improved: 1, notImproved: 0, decided: 1, pending: 0, rate: 1, flagged: false });
  });

  it('keeps a skill never assessed at assignment as "no level", so a first rating since closes the gap; a goal reason without its goal is not followed up', async () => {
    const s = await setup();
    const eid = await completeWith(s, s.anaU.person.id, { type: 'skill_gap', levels: { [s.neg.id]: null } });
    expect((await followUpOf(eid))!.before).toEqual({ levels: { [s.neg.id]: null } });
    const goalless = await completeWith(s, s.anaU.person.id, { type: 'goal' }, (await createTeachingCourse(t, s.org.id, 'Planning', [])).id);
    expect(await followUpOf(goalless)).toBeUndefined();
    t.clock.set(new Date(START.getTime() + 5 * DAY));
    const max = await signInAs(t, s.maxU);
    expect((await max.raw.post('skill-assessments', { personId: s.anaU.person.id, skillId: s.neg.id, level: 2, source: 'manager' })).status).toBe(201);
    await settle();
    await sweepAfter(s.org.id, 60);
    expect(await followUpOf(eid)).toMatchObject({ status: 'improved', before: { levels: { [s.neg.id]: null } }, after: { levels: { [s.neg.id]: 2 } } });
  });

  it('takes the latest rating before the assignment as the baseline when the enrolment stored none (learning assigned from My team)', async () => {
    const s = await setup();
    expect((await s.max.raw.post('skill-assessments', { personId: s.anaU.person.id, skillId: s.neg.id, level: 3, source: 'manager' })).status).toBe(201);
    t.clock.set(new Date(START.getTime() + DAY));
    expect((await s.max.raw.post('skill-assessments', { personId: s.anaU.person.id, skillId: s.neg.id, level: 1, source: 'manager' })).status).toBe(201);
    t.clock.set(new Date(START.getTime() + 2 * DAY));
    const eid = await completeWith(s, s.anaU.person.id, { type: 'skill_gap' });
    expect((await followUpOf(eid))!.before).toEqual({ levels: { [s.neg.id]: 1 } });
  });

  it('uses an assessment newer than the completion at once, and ignores older ones', async () => {
    let s = await setup();
    await setCurrentLevel(t, s.org.id, s.anaU.person.id, s.neg.id, 3);
    const eid = await completeWith(s, s.anaU.person.id, { type: 'aspiration', levels: { [s.neg.id]: 3 } });
    t.clock.set(new Date(START.getTime() + 10 * DAY));
    s = await signInAgain(s);
    // Her own rating, 10 days after completion, of the same level: arrives before the window ends.
    expect((await s.ana.raw.post('skill-assessments', { personId: s.anaU.person.id, skillId: s.neg.id, level: 3, source: 'self' })).status).toBe(201);
    await settle();
    expect((await followUpOf(eid))!.status).toBe('pending'); // not due yet: the sweep decides
    await sweepAfter(s.org.id, 60);
    expect(await followUpOf(eid)).toMatchObject({ status: 'not_improved', after: { levels: { [s.neg.id]: 3 } } });
  });

  it('reads a goal’s progress and status when due: moved is improved, still is not', async () => {
    const s = await setup();
    const moving = await createPersonGoal(t, s.org.id, s.anaU.person.id, { progress: 20, status: 'at_risk' });
    const still = await createPersonGoal(t, s.org.id, s.anaU.person.id, { title: 'Still', progress: 40, status: 'on_track' });
    const c2 = await createTeachingCourse(t, s.org.id, 'Planning', []);
    const a = await completeWith(s, s.anaU.person.id, { type: 'goal', recordType: 'goal', recordId: moving.id, signal: { goalProgress: 20, goalStatus: 'at_risk' } });
    const b = await completeWith(s, s.anaU.person.id, { type: 'goal', recordType: 'goal', recordId: still.id, signal: { goalProgress: 40, goalStatus: 'on_track' } }, c2.id);
    await t.ctx.db.update(goal).set({ progress: 55 }).where(eq(goal.id, moving.id));
    await sweepAfter(s.org.id, 60);
    expect(await followUpOf(a)).toMatchObject({ status: 'improved', before: { goalProgress: 20, goalStatus: 'at_risk' }, after: { goalProgress: 55, goalStatus: 'at_risk' }, evidenceType: 'goal', evidenceId: moving.id });
    expect(await followUpOf(b)).toMatchObject({ status: 'not_improved', after: { goalProgress: 40, goalStatus: 'on_track' } });
  });

  it('decides a resolved hurdle, asks the person about an open one, and only she may answer', async () => {
    let s = await setup();
    const done = await createHurdle(t, s.org.id, s.anaU.person.id, { status: 'open' });
    const open = await createHurdle(t, s.org.id, s.anaU.person.id, { status: 'open', title: 'Too little time' });
    const c2 = await createTeachingCourse(t, s.org.id, 'Time management', []);
    const a = await completeWith(s, s.anaU.person.id, { type: 'hurdle', recordType: 'hurdle', recordId: done.id, signal: { hurdleStatus: 'open' } });
    const b = await completeWith(s, s.anaU.person.id, { type: 'hurdle', recordType: 'hurdle', recordId: open.id, signal: { hurdleStatus: 'open' } }, c2.id);
    await t.ctx.db.update(hurdle).set({ status: 'resolved' }).where(eq(hurdle.id, done.id));
    await sweepAfter(s.org.id, 60);
    expect(await followUpOf(a)).toMatchObject({ status: 'improved', before: { hurdleStatus: 'open' }, after: { hurdleStatus: 'resolved' } });
    const fb = (await followUpOf(b))!;
    expect(fb).toMatchObject({ status: 'asked', askedOf: s.anaU.person.id });
    s = await signInAgain(s);

    expect((await s.max.raw.post(`follow-ups/${fb.id}/answer`, { answer: 'improved' })).status).toBe(404); // sees it, was not asked
    expect((await s.olly.raw.post(`follow-ups/${fb.id}/answer`, { answer: 'improved' })).status).toBe(404);
    expect((await s.ana.raw.post(`follow-ups/${fb.id}/answer`, { answer: 'maybe' })).status).toBe(400);
    const answered = await s.ana.raw.post(`follow-ups/${fb.id}/answer`, { answer: 'not_improved', note: 'Still swamped' });
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({ status: 'not_improved', after: { answer: 'not_improved', note: 'Still swamped' } });
    expect((await s.ana.raw.post(`follow-ups/${fb.id}/answer`, { answer: 'improved' })).status).toBe(409);
  });

  it('asks in the next 1:1 for a 1:1 reason: a talking point for its organiser, who answers', async () => {
    const s = await setup();
    const series = await createSeries(t, s.org.id, s.maxU.person.id, s.anaU.person.id);
    const [meeting] = await t.ctx.db.select().from(oneOnOneMeeting).where(eq(oneOnOneMeeting.seriesId, series.id)).orderBy(oneOnOneMeeting.scheduledAt).limit(1);
    const [point] = await t.ctx.db
      .insert(agendaItem)
      .values({ orgId: s.org.id, seriesId: series.id, meetingId: meeting!.id, firstMeetingId: meeting!.id, authorId: s.maxU.person.id, body: 'Practise feedback' })
      .returning();
    const eid = await completeWith(s, s.anaU.person.id, { type: 'one_on_one', recordType: 'agenda_item', recordId: point!.id });
    await sweepAfter(s.org.id, 60);
    const f = (await followUpOf(eid))!;
    expect(f).toMatchObject({ status: 'asked', askedOf: s.maxU.person.id, evidenceType: 'agenda_item' });
    const [added] = await t.ctx.db.select().from(agendaItem).where(eq(agendaItem.id, f.evidenceId!));
    expect(added).toMatchObject({ seriesId: series.id, sourceRecordType: 'follow_up', sourceRecordId: f.id });
    expect(added!.body).toContain('“Negotiation Fundamentals”');
    const answered = await (await signInAgain(s)).max.raw.post(`follow-ups/${f.id}/answer`, { answer: 'improved' });
    expect(answered.status).toBe(200);
    expect(answered.body.status).toBe('improved');
  });

  it('writes one follow-up per enrolment, none for reasons without a signal, and sweeps once', async () => {
    const s = await setup();
    const eid = await completeWith(s, s.anaU.person.id, { type: 'skill_gap', levels: { [s.neg.id]: null } });
    const c2 = await createTeachingCourse(t, s.org.id, 'Mandatory', []);
    const compliance = await completeWith(s, s.anaU.person.id, { type: 'compliance' }, c2.id);
    expect(await followUpOf(compliance)).toBeUndefined();
    // A second delivery of the completion, and the sweep run twice: one row, asked once.
    await t.ctx.db.transaction((tx) => createFollowUps(tx, s.org.id, [eid, compliance], t.clock.now()));
    expect(await t.ctx.db.select().from(followUp).where(eq(followUp.orgId, s.org.id))).toHaveLength(1);
    await sweepAfter(s.org.id, 60);
    await sweepAfter(s.org.id, 61);
    const notes = await t.ctx.db.select().from(notification).where(and(eq(notification.orgId, s.org.id), eq(notification.kind, 'follow_up.asked')));
    expect(notes).toHaveLength(1);
  });

  it('shows follow-ups as enrolments are shown, and 404 to the wrong person', async () => {
    const s = await setup();
    await completeWith(s, s.anaU.person.id, { type: 'skill_gap', levels: { [s.neg.id]: 1 } });
    const ana = s.anaU.person.id;
    expect((await s.ana.raw.get(`follow-ups?personId=${ana}`)).body.data).toHaveLength(1);
    expect((await s.max.raw.get(`follow-ups?personId=${ana}`)).body.data).toHaveLength(1);
    expect((await s.hr.raw.get(`follow-ups?personId=${ana}`)).body.data).toHaveLength(1);
    expect((await s.lena.raw.get(`follow-ups?courseId=${s.course.id}`)).body.data).toHaveLength(1);
    expect((await s.olly.raw.get(`follow-ups?personId=${ana}`)).status).toBe(404);
    expect((await s.olly.raw.get('follow-ups')).body.data).toHaveLength(0);
    expect((await s.olly.raw.get(`follow-ups/summary?personId=${ana}`)).status).toBe(404);
    expect((await s.max.raw.get(`follow-ups/summary?courseId=${s.course.id}`)).status).toBe(404); // course figures: admins
    expect((await s.olly.raw.get('follow-up-settings')).status).toBe(404);
    expect((await s.max.raw.put('follow-up-settings', { days: { goal: 30 } })).status).toBe(404);
    // Another organisation's admin sees nothing of it.
    const other = await createOrg(t);
    const stranger = await signInAs(t, await createUser(t, other.id, { roles: ['hr_admin'] }));
    expect((await stranger.raw.get(`follow-ups?personId=${ana}`)).status).toBe(404);
    expect((await stranger.raw.get(`follow-ups?courseId=${s.course.id}`)).body.data).toHaveLength(0);
  });

  it('counts a course’s loop closure by hand: 3 improved, 1 not, 1 pending → 75 %, per reason too', async () => {
    let s = await setup();
    const people = [];
    for (const name of ['Bea', 'Cal', 'Dan', 'Eve', 'Fay']) people.push(await createUser(t, s.org.id, { firstName: name, managerId: s.maxU.person.id }));
    for (const p of people) await setCurrentLevel(t, s.org.id, p.person.id, s.neg.id, 2);
    const ids = [];
    for (const p of people.slice(0, 4)) ids.push(await completeWith(s, p.person.id, { type: 'skill_gap', levels: { [s.neg.id]: 2 } }));
    t.clock.set(new Date(START.getTime() + 30 * DAY));
    ids.push(await completeWith(s, people[4]!.person.id, { type: 'skill_gap', levels: { [s.neg.id]: 2 } })); // due on day 90
    await sweepAfter(s.org.id, 60);
    s = await signInAgain(s);
    // Max re-rates Bea, Cal and Dan higher and Eve the same.
    for (const [i, level] of [[0, 3], [1, 4], [2, 3], [3, 2]] as const) {
      expect((await s.max.raw.post('skill-assessments', { personId: people[i]!.person.id, skillId: s.neg.id, level, source: 'manager' })).status).toBe(201);
    }
    await settle();
    const summary = await s.lena.raw.get(`follow-ups/summary?courseId=${s.course.id}`);
    expect(summary.status).toBe(200);
    expect(summary.body).toEqual({
      improved: 3, notImproved: 1, decided: 4, pending: 1, rate: 0.75, flagged: false,
      byReason: [{ reasonType: 'skill_gap', improved: 3, notImproved: 1, decided: 4, pending: 1, rate: 0.75, flagged: false }],
    });
    const team = await s.max.raw.get('follow-ups/summary?team=me');
    expect(team.body).toMatchObject({ decided: 4, rate: 0.75 });
    const loop = await loopSummaryFor(t.ctx, s.org.id, [people[0]!.person.id, people[3]!.person.id, people[4]!.person.id]);
    expect(loop.total).toEqual({ improved: 1, notImproved: 1, decided: 2, pending: 1, rate: 0.5 });
    expect(loop.people.map((p) => [p.rate, p.pending])).toEqual([[1, 0], [0, 0], [null, 1]]);
  });

  it('decides once when the same assessment event arrives twice, and answers 404 for an unknown course or program', async () => {
    let s = await setup();
    await setCurrentLevel(t, s.org.id, s.anaU.person.id, s.neg.id, 2);
    const eid = await completeWith(s, s.anaU.person.id, { type: 'skill_gap', levels: { [s.neg.id]: 2 } });
    await sweepAfter(s.org.id, 60);
    s = await signInAgain(s);
    expect((await s.max.raw.post('skill-assessments', { personId: s.anaU.person.id, skillId: s.neg.id, level: 3, source: 'manager' })).status).toBe(201);
    await settle();
    const { decideOnAssessment } = await import('../../src/server/modules/insight/follow-ups/follow-ups.service.ts');
    await decideOnAssessment(t.ctx, s.org.id, s.anaU.person.id, s.neg.id); // a second delivery
    const f = (await followUpOf(eid))!;
    expect(f.status).toBe('improved');
    const audits = await t.ctx.db.select().from(auditEvent).where(and(eq(auditEvent.recordId, f.id), eq(auditEvent.action, 'follow_up.decided')));
    expect(audits).toHaveLength(1);
    const lena = await signInAs(t, s.lenaU);
    expect((await lena.raw.get(`follow-ups/summary?courseId=${s.anaU.person.id}`)).status).toBe(404);
    expect((await lena.raw.get(`follow-ups/summary?programId=${s.anaU.person.id}`)).status).toBe(404);
    expect((await lena.raw.get(`follow-ups/summary?courseId=${s.course.id}&personId=${s.anaU.person.id}`)).status).toBe(400);
  });

  it('documents its endpoints in the OpenAPI document', async () => {
    const s = await setup();
    const doc = await s.ana.raw.get('openapi.json');
    expect(doc.status).toBe(200);
    for (const p of ['/follow-ups', '/follow-ups/summary', '/follow-ups/{id}/answer', '/follow-up-settings']) expect(Object.keys(doc.body.paths)).toContain(p);
  });

  it('takes the window from the settings per reason type', async () => {
    const s = await setup();
    expect((await s.hr.raw.get('follow-up-settings')).body.days.goal).toBe(60);
    const put = await s.lena.raw.put('follow-up-settings', { days: { goal: 30 } });
    expect(put.status).toBe(200);
    expect(put.body.days).toMatchObject({ goal: 30, skill_gap: 60 });
    expect((await s.lena.raw.put('follow-up-settings', { days: { goal: 0 } })).status).toBe(400);
    expect((await s.lena.raw.put('follow-up-settings', { days: { compliance: 10 } })).status).toBe(400);
    const g = await createPersonGoal(t, s.org.id, s.anaU.person.id, { progress: 0 });
    const eid = await completeWith(s, s.anaU.person.id, { type: 'goal', recordType: 'goal', recordId: g.id, signal: { goalProgress: 0, goalStatus: 'on_track' } });
    expect((await followUpOf(eid))!.dueAt.toISOString()).toBe('2026-07-01T09:00:00.000Z'); // 1 June + 30 days
  });
});
