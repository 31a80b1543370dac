import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { enrollment, mailMessage, notification } from '../../src/server/db/schema/index.ts';
import { runLearningSweep } from '../../src/server/modules/learning/index.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { signInAs } from '../support/client.ts';
import { createOrg, createUser } from '../support/factories.ts';
import { createPublishedCourse, enrollPeople } from '../support/learning.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});

const NOW = new Date('2027-01-10T08:00:00Z');

async function setup(courseAttrs: Record<string, unknown> = {}) {
  t.clock.set(NOW);
  const org = await createOrg(t);
  const adminUser = await createUser(t, org.id, { roles: ['learning_admin'] });
  const trainer = await createUser(t, org.id, { firstName: 'Tia', lastName: 'Trainer' });
  const people = await Promise.all(['Ann', 'Ben', 'Cat', 'Dan', 'Eve'].map((n) => createUser(t, org.id, { firstName: n, lastName: 'Learner' })));
  const course = (await createPublishedCourse(t, org.id, { title: 'Negotiation workshop', format: 'live', ...courseAttrs })).course;
  const admin = await signInAs(t, adminUser);
  const clients = await Promise.all(people.map((p) => signInAs(t, p)));
  return { org, course, admin, adminUser, trainer, instructor: await signInAs(t, trainer), people, clients };
}

const body = (extra: Record<string, unknown> = {}) => ({
  startsAt: '2027-02-01T09:30',
  endsAt: '2027-02-01T12:00',
  timeZone: 'Europe/Paris',
  location: 'Paris office, room 2',
  capacity: 1,
  ...extra,
});

const mailsTo = (email: string) => t.ctx.db.select().from(mailMessage).where(eq(mailMessage.to, email)).orderBy(mailMessage.createdAt);

describe('live sessions', () => {
  it('schedules sessions of live courses only, reading local times in the session’s zone', async () => {
    const s = await setup();
    const res = await s.admin.post(`courses/${s.course.id}/sessions`, body({ instructorId: s.trainer.person.id, meetingUrl: 'https://meet.example.com/neg' }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      startsAt: '2027-02-01T08:30:00.000Z',
      endsAt: '2027-02-01T11:00:00.000Z',
      timeZone: 'Europe/Paris',
      capacity: 1,
      seatsLeft: 1,
      status: 'scheduled',
      instructor: { id: s.trainer.person.id, name: 'Tia Trainer' },
      myRegistration: null,
    });

    const bad = await s.admin.post(
      `courses/${s.course.id}/sessions`,
      body({ timeZone: 'Mars/Olympus', capacity: 0, meetingUrl: 'http://meet.example.com', location: null }),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: any) => d.path).sort()).toEqual(['capacity', 'meetingUrl', 'timeZone']);
    const backwards = await s.admin.post(`courses/${s.course.id}/sessions`, body({ endsAt: '2027-02-01T08:00' }));
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.details).toEqual([expect.objectContaining({ path: 'endsAt', message: 'The session must end after it starts' })]);
    const nowhere = await s.admin.post(`courses/${s.course.id}/sessions`, body({ location: null }));
    expect(nowhere.body.error.details[0].path).toBe('location');

    const selfPaced = (await createPublishedCourse(t, s.org.id)).course;
    expect((await s.admin.post(`courses/${selfPaced.id}/sessions`, body())).status).toBe(409);
    expect((await s.clients[0]!.post(`courses/${s.course.id}/sessions`, body())).status).toBe(404);

    // Learners see it without the meeting link until they hold a seat.
    const seen = await s.clients[0]!.get(`courses/${s.course.id}/sessions`);
    expect(seen.body.data).toHaveLength(1);
    expect(seen.body.data[0]!.meetingUrl).toBeNull();
    await s.clients[0]!.post(`sessions/${res.body.id}/registrations`);
    expect((await s.clients[0]!.get(`courses/${s.course.id}/sessions`)).body.data[0]!.meetingUrl).toBe('https://meet.example.com/neg');
  });

  it('waitlists when full, promotes the first waiting on cancellation, and mails calendar invitations', async () => {
    const s = await setup();
    const id = (await s.admin.post(`courses/${s.course.id}/sessions`, body())).body.id;
    const [ann, ben, cat] = s.clients;

    const a = await ann!.post(`sessions/${id}/registrations`);
    expect(a.status).toBe(201);
    expect(a.body.status).toBe('registered');
    const again = await ann!.post(`sessions/${id}/registrations`);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(a.body.id);
    const b = await ben!.post(`sessions/${id}/registrations`);
    expect(b.body.status).toBe('waitlisted');
    await cat!.post(`sessions/${id}/registrations`);
    const benView = (await ben!.get(`courses/${s.course.id}/sessions`)).body.data[0];
    expect(benView).toMatchObject({ seatsLeft: 0, registeredCount: 1, waitlistCount: 2, myRegistration: { status: 'waitlisted', waitlistPosition: 1 } });

    // Registration made a self-chosen enrolment in the live course.
    const [annEnrollment] = await t.ctx.db
      .select()
      .from(enrollment)
      .where(and(eq(enrollment.personId, s.people[0]!.person.id), eq(enrollment.courseId, s.course.id)));
    expect(annEnrollment).toMatchObject({ reasonType: 'self', source: 'self', status: 'not_started' });
    expect(a.body.enrollmentId).toBe(annEnrollment!.id);

    const [invite] = await mailsTo(s.people[0]!.email);
    expect(invite!.attachments).toHaveLength(1);
    const ics = invite!.attachments![0]!;
    expect(ics).toMatchObject({ filename: 'invite.ics', contentType: 'text/calendar; method=REQUEST' });
    expect(ics.content).toContain('METHOD:REQUEST');
    expect(ics.content).toContain('SEQUENCE:0');
    expect(ics.content).toContain('DTSTART:20270201T083000Z');
    const uid = /UID:(.+)/.exec(ics.content)![1]!.trim();
    expect(uid).toContain(a.body.id);

    expect((await ann!.delete(`sessions/${id}/registrations/me`)).status).toBe(204);
    expect((await ann!.delete(`sessions/${id}/registrations/me`)).status).toBe(404);
    const annMails = await mailsTo(s.people[0]!.email);
    const cancel = annMails.at(-1)!.attachments![0]!;
    expect(cancel.contentType).toBe('text/calendar; method=CANCEL');
    expect(cancel.content).toContain('METHOD:CANCEL');
    expect(cancel.content).toContain(`UID:${uid}`);
    expect(cancel.content).toContain('SEQUENCE:1');

    const benMails = await mailsTo(s.people[1]!.email);
    expect(benMails.map((m) => m.subject)).toEqual(['You are on the waitlist: Negotiation workshop', 'A seat opened: you are registered for Negotiation workshop']);
    expect(benMails[1]!.attachments![0]!.content).toContain('METHOD:REQUEST');

    const roster = await s.admin.get(`sessions/${id}/registrations`);
    expect(roster.body.data.map((r: any) => [r.person.name, r.status, r.waitlistPosition])).toEqual([
      ['Ben Learner', 'registered', null],
      ['Cat Learner', 'waitlisted', 1],
    ]);
    expect(roster.body.data[0]!.promotedAt).toBeTruthy();
    expect((await ann!.get(`sessions/${id}/registrations`)).status).toBe(404);

    // The calendar file for a registered person is their invitation.
    const file = await ben!.get(`sessions/${id}/ical`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toContain('text/calendar');
    expect(file.body).toContain(`registration-${roster.body.data[0]!.id}`);
  });

  it('never oversells a session under concurrent registrations', async () => {
    const s = await setup();
    const id = (await s.admin.post(`courses/${s.course.id}/sessions`, body({ capacity: 2 }))).body.id;
    const results = await Promise.all(s.clients.map((c) => c.post(`sessions/${id}/registrations`)));
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    expect(results.filter((r) => r.body.status === 'registered')).toHaveLength(2);
    expect(results.filter((r) => r.body.status === 'waitlisted')).toHaveLength(3);
  });

  it('holds one registration per person among a course’s upcoming sessions, and none after the end', async () => {
    const s = await setup();
    const first = (await s.admin.post(`courses/${s.course.id}/sessions`, body())).body.id;
    const second = (await s.admin.post(`courses/${s.course.id}/sessions`, body({ startsAt: '2027-02-08T09:30', endsAt: '2027-02-08T12:00' }))).body.id;
    const [ann] = s.clients;
    await ann!.post(`sessions/${first}/registrations`);
    const twice = await ann!.post(`sessions/${second}/registrations`);
    expect(twice.status).toBe(409);

    // Weeks later (sign in again: sessions expire), the first has ended.
    t.clock.set(new Date('2027-02-01T12:00:00Z'));
    expect((await (await signInAs(t, s.people[1]!)).post(`sessions/${first}/registrations`)).status).toBe(409);
    // With the first over, the next session is open to Ann again.
    expect((await (await signInAs(t, s.people[0]!)).post(`sessions/${second}/registrations`)).status).toBe(201);
  });

  it('keeps courses closed to self-enrolment for those assigned, and hides unpublished courses', async () => {
    const s = await setup({ selfEnrollment: false });
    const id = (await s.admin.post(`courses/${s.course.id}/sessions`, body({ capacity: 5 }))).body.id;
    const refused = await s.clients[0]!.post(`sessions/${id}/registrations`);
    expect(refused.status).toBe(403);
    const [assigned] = await enrollPeople(t, s.org.id, { courseId: s.course.id }, [s.people[1]!.person.id]);
    const ok = await s.clients[1]!.post(`sessions/${id}/registrations`);
    expect(ok.status).toBe(201);
    expect(ok.body.enrollmentId).toBe(assigned!.id);

    const draft = (await createPublishedCourse(t, s.org.id, { format: 'live', status: 'draft' })).course;
    const hidden = (await s.admin.post(`courses/${draft.id}/sessions`, body())).body.id;
    expect((await s.clients[0]!.get(`courses/${draft.id}/sessions`)).status).toBe(404);
    expect((await s.clients[0]!.post(`sessions/${hidden}/registrations`)).status).toBe(404);
  });

  it('takes attendance by the instructor; present completes the live course', async () => {
    const s = await setup();
    const id = (await s.admin.post(`courses/${s.course.id}/sessions`, body({ capacity: 3, instructorId: s.trainer.person.id }))).body.id;
    const regs = await Promise.all(s.clients.slice(0, 3).map((c) => c.post(`sessions/${id}/registrations`)));
    const [ann, ben, cat] = regs.map((r) => r.body.id) as [string, string, string];

    const early = await s.instructor.put(`sessions/${id}/attendance`, { entries: [{ registrationId: ann, attendance: 'present' }] });
    expect(early.status).toBe(409);
    t.clock.set(new Date('2027-02-01T11:05:00Z'));
    s.instructor = await signInAs(t, s.trainer);
    expect((await (await signInAs(t, s.people[3]!)).put(`sessions/${id}/attendance`, { entries: [{ registrationId: ann, attendance: 'present' }] })).status).toBe(404);
    const unknown = await s.instructor.put(`sessions/${id}/attendance`, {
      entries: [{ registrationId: '0190f0f0-0000-7000-8000-000000000000', attendance: 'present' }],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details[0].path).toBe('entries.0.registrationId');
    const wrong = await s.instructor.raw.put(`sessions/${id}/attendance`, { entries: [{ registrationId: ann, attendance: 'late' }] });
    expect(wrong.status).toBe(400);

    const marked = await s.instructor.put(`sessions/${id}/attendance`, {
      entries: [
        { registrationId: ann, attendance: 'present' },
        { registrationId: ben, attendance: 'absent' },
        { registrationId: cat, attendance: 'excused' },
      ],
    });
    expect(marked.status).toBe(200);
    const byId = new Map(marked.body.data.map((r: any) => [r.id, r.attendance]));
    expect([ann, ben, cat].map((x) => byId.get(x))).toEqual(['present', 'absent', 'excused']);
    const statuses = await Promise.all(
      regs.map(async (r) => (await t.ctx.db.select().from(enrollment).where(eq(enrollment.id, r.body.enrollmentId!)))[0]!.status),
    );
    expect(statuses).toEqual(['completed', 'not_started', 'not_started']);
  });

  it('sends updated invitations when a session moves and cancellations when it is cancelled', async () => {
    const s = await setup();
    const id = (await s.admin.post(`courses/${s.course.id}/sessions`, body({ capacity: 1 }))).body.id;
    await s.clients[0]!.post(`sessions/${id}/registrations`);
    await s.clients[1]!.post(`sessions/${id}/registrations`);

    const lower = await s.admin.patch(`sessions/${id}`, { capacity: 0 });
    expect(lower.status).toBe(400);
    const moved = await s.admin.patch(`sessions/${id}`, { startsAt: '2027-02-02T09:30', endsAt: '2027-02-02T12:00', capacity: 2 });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ startsAt: '2027-02-02T08:30:00.000Z', registeredCount: 2, waitlistCount: 0 });
    const annMails = await mailsTo(s.people[0]!.email);
    expect(annMails.at(-1)!.subject).toBe('Changed: Negotiation workshop');
    expect(annMails.at(-1)!.attachments![0]!.content).toContain('SEQUENCE:1');

    const cancelled = await s.admin.post(`sessions/${id}/cancel`);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', registeredCount: 0 });
    for (const p of s.people.slice(0, 2)) {
      const last = (await mailsTo(p.email)).at(-1)!;
      expect(last.subject).toBe('Cancelled: Negotiation workshop');
      expect(last.attachments![0]!.content).toContain('METHOD:CANCEL');
    }
    expect((await s.clients[2]!.post(`sessions/${id}/registrations`)).status).toBe(409);
    expect((await s.admin.patch(`sessions/${id}`, { capacity: 3 })).status).toBe(409);
  });

  it('reminds the registered, not the waitlisted, once the day before, and again when the session moves', async () => {
    const s = await setup();
    const id = (await s.admin.post(`courses/${s.course.id}/sessions`, body({ capacity: 1 }))).body.id;
    await s.clients[0]!.post(`sessions/${id}/registrations`);
    await s.clients[1]!.post(`sessions/${id}/registrations`); // waitlisted
    const reminders = async (p: (typeof s.people)[number]) => ({
      notes: (await t.ctx.db.select().from(notification).where(and(eq(notification.personId, p.person.id), eq(notification.kind, 'session.reminder'))))
        .map((n) => n.title)
        .sort(),
      mails: (await mailsTo(p.email)).filter((m) => m.subject.startsWith('Reminder:')).map((m) => m.subject).sort(),
    });

    await runLearningSweep(t.ctx, [s.org.id]); // three weeks before: nothing yet
    expect(await reminders(s.people[0]!)).toEqual({ notes: [], mails: [] });

    t.clock.set(new Date('2027-01-31T10:00:00Z')); // 22½ hours before 09:30 Paris
    await runLearningSweep(t.ctx, [s.org.id]);
    await runLearningSweep(t.ctx, [s.org.id]);
    const once = 'Reminder: Negotiation workshop starts Mon 1 Feb, 09:30';
    expect(await reminders(s.people[0]!)).toEqual({ notes: [once], mails: [once] });
    expect((await mailsTo(s.people[0]!.email)).at(-1)!.text).toContain('Paris office, room 2');
    expect(await reminders(s.people[1]!)).toEqual({ notes: [], mails: [] });

    const admin = await signInAs(t, s.adminUser); // three weeks on, the first sign-in has lapsed
    expect((await admin.patch(`sessions/${id}`, { startsAt: '2027-02-02T09:30', endsAt: '2027-02-02T12:00' })).body).toMatchObject({ startsAt: '2027-02-02T08:30:00.000Z' });
    await runLearningSweep(t.ctx, [s.org.id]); // now two days away
    expect((await reminders(s.people[0]!)).notes).toEqual([once]);
    t.clock.set(new Date('2027-02-01T10:00:00Z'));
    await runLearningSweep(t.ctx, [s.org.id]);
    expect((await reminders(s.people[0]!)).notes).toEqual([once, 'Reminder: Negotiation workshop starts Tue 2 Feb, 09:30']);
  });
});
