import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { learningReminder, mailMessage, notification, person } from '../../src/server/db/schema/index.ts';
import { runLearningSweep } from '../../src/server/modules/learning/index.ts';
import { dispatchEvents } from '../../src/server/modules/platform/index.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { signInAs } from '../support/client.ts';
import { createOrg, createUser } from '../support/factories.ts';
import { createPublishedCourse } from '../support/learning.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});

const DAY = 86_400_000;

async function setup() {
  const org = await createOrg(t);
  const adminUser = await createUser(t, org.id, { firstName: 'Lena', lastName: 'Admin', roles: ['learning_admin'] });
  const mgrUser = await createUser(t, org.id, { firstName: 'Max', lastName: 'Manager' });
  const learnerUser = await createUser(t, org.id, { firstName: 'Lea', lastName: 'Learner', managerId: mgrUser.person.id });
  const { course: c } = await createPublishedCourse(t, org.id, { title: 'Security awareness' });
  return { org, c, mgrUser, learnerUser, adminUser, admin: await signInAs(t, adminUser) };
}

const notes = (orgId: string, personId: string) =>
  t.ctx.db.select().from(notification).where(and(eq(notification.orgId, orgId), eq(notification.personId, personId)));
const mails = (to: string) => t.ctx.db.select().from(mailMessage).where(eq(mailMessage.to, to));

describe('learning notifications', () => {
  it('tells the learner what, why, by when and where, in-app and by email', async () => {
    const s = await setup();
    const res = await s.admin.post('enrollments/assign', {
      courseId: s.c.id,
      audience: { type: 'people', personIds: [s.learnerUser.person.id] },
      reason: { type: 'compliance', note: 'Annual refresher' },
      dueAt: '2099-03-01T12:00:00Z',
    });
    await dispatchEvents(t.ctx);
    await t.ctx.jobs.drain();
    const [n] = await notes(s.org.id, s.learnerUser.person.id);
    expect(n).toMatchObject({ kind: 'learning.enrolled', title: 'New learning: Security awareness', link: `/learning/enrollments/${res.body.enrollmentIds[0]}` });
    expect(n!.body).toContain('Required for compliance (Annual refresher)');
    expect(n!.body).toContain('1 Mar 2099');
    expect(n!.body).toContain('by Lena Admin');
    const [m] = await mails(s.learnerUser.email);
    expect(m!.subject).toBe('New learning: Security awareness');
    expect(m!.text).toContain(`/learning/enrollments/${res.body.enrollmentIds[0]}`);
  });

  it('tells each person of a bulk assignment once, and emails only those still active', async () => {
    const s = await setup();
    const others = await Promise.all([1, 2, 3].map((i) => createUser(t, s.org.id, { firstName: `Pat${i}`, lastName: 'Learner' })));
    const left = await createUser(t, s.org.id, { firstName: 'Gone', lastName: 'Leaver' });
    const everyone = [s.learnerUser, ...others, left];
    const res = await s.admin.post('enrollments/assign', {
      courseId: s.c.id,
      audience: { type: 'people', personIds: everyone.map((u) => u.person.id) },
      reason: { type: 'onboarding' },
    });
    expect(res.body.enrolled).toBe(5);
    // Leaves between the assignment and the notifications going out.
    await t.ctx.db.update(person).set({ status: 'inactive' }).where(eq(person.id, left.person.id));
    await dispatchEvents(t.ctx);
    await t.ctx.jobs.drain();
    for (const u of everyone) {
      expect((await notes(s.org.id, u.person.id)).map((n) => n.title)).toEqual(['New learning: Security awareness']);
    }
    for (const u of [s.learnerUser, ...others]) expect(await mails(u.email)).toHaveLength(1);
    expect(await mails(left.email)).toHaveLength(0);
  });

  it('reminds before the due date, on overdue, and escalates to the manager, each once', async () => {
    const s = await setup();
    const me = s.learnerUser.person.id;
    const res = await s.admin.post('enrollments/assign', { courseId: s.c.id, audience: { type: 'people', personIds: [me] }, reason: { type: 'skill_gap' }, dueDays: 10 });
    const id = res.body.enrollmentIds[0]!;
    await dispatchEvents(t.ctx);
    await t.ctx.jobs.drain();
    const kinds = async (personId: string) => (await notes(s.org.id, personId)).map((n) => n.kind).sort();

    // Nothing while the date is far.
    await runLearningSweep(t.ctx, [s.org.id]);
    expect(await kinds(me)).toEqual(['learning.enrolled']);

    t.clock.advance(8 * DAY); // due in 2 days
    await runLearningSweep(t.ctx, [s.org.id]);
    await runLearningSweep(t.ctx, [s.org.id]);
    expect(await kinds(me)).toEqual(['learning.due_soon', 'learning.enrolled']);

    t.clock.advance(3 * DAY); // 1 day overdue
    await runLearningSweep(t.ctx, [s.org.id]);
    await runLearningSweep(t.ctx, [s.org.id]);
    expect(await kinds(me)).toEqual(['learning.due_soon', 'learning.enrolled', 'learning.overdue']);
    expect(await kinds(s.mgrUser.person.id)).toEqual([]);

    t.clock.advance(7 * DAY); // 8 days overdue: the manager hears of it
    await runLearningSweep(t.ctx, [s.org.id]);
    await runLearningSweep(t.ctx, [s.org.id]);
    const boss = await notes(s.org.id, s.mgrUser.person.id);
    expect(boss).toHaveLength(1);
    expect(boss[0]).toMatchObject({ kind: 'learning.escalation', title: 'Lea Learner is overdue on "Security awareness"', link: '/team/learning' });
    expect(await kinds(me)).toHaveLength(3);
    expect((await mails(s.mgrUser.email)).map((m) => m.subject)).toEqual(['Lea Learner is overdue on "Security awareness"']);
    expect((await mails(s.learnerUser.email)).map((m) => m.subject).sort()).toEqual(
      ['"Security awareness" is due on ' + new Date(t.clock.now().getTime() - 8 * DAY).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }), '"Security awareness" is overdue', 'New learning: Security awareness'].sort(),
    );
    const sent = await t.ctx.db.select().from(learningReminder).where(eq(learningReminder.enrollmentId, id));
    expect(sent.map((r) => r.kind).sort()).toEqual(['due_soon', 'enrolled', 'escalation', 'overdue']);

    // A new due date gets its own reminders (signed in again: the clock moved past the session).
    const later = new Date(t.clock.now().getTime() + 2 * DAY).toISOString();
    const admin = await signInAs(t, s.adminUser);
    expect((await admin.patch(`enrollments/${id}`, { dueAt: later })).status).toBe(200);
    await runLearningSweep(t.ctx, [s.org.id]);
    expect((await kinds(me)).filter((k) => k === 'learning.due_soon')).toHaveLength(2);
  });

  it('does not remind about finished learning', async () => {
    const s = await setup();
    const me = s.learnerUser.person.id;
    const res = await s.admin.post('enrollments/assign', { courseId: s.c.id, audience: { type: 'people', personIds: [me] }, reason: { type: 'skill_gap' }, dueDays: 2 });
    await s.admin.delete(`enrollments/${res.body.enrollmentIds[0]}`);
    t.clock.advance(20 * DAY);
    await runLearningSweep(t.ctx, [s.org.id]);
    expect((await notes(s.org.id, me)).filter((n) => n.kind !== 'learning.enrolled')).toEqual([]);
  });
});
