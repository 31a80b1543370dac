import { and, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvent, enrollment, goal, notification, userAccount } from '../../src/server/db/schema/index.ts';
import { sweepOrganisation } from '../../src/server/modules/insight/follow-ups/index.ts';
import { coursesToFlag, lowClosureMessage } from '../../src/server/modules/insight/follow-ups/low-closure.ts';
import { loopClosure } from '../../src/server/modules/insight/follow-ups/loop.ts';
import { completeEnrollment, enroll } from '../../src/server/modules/learning/index.ts';
import { dispatchEvents, systemRef } from '../../src/server/modules/platform/index.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { signInAs } from '../support/client.ts';
import { createOrg, createUser } from '../support/factories.ts';
import { createPersonGoal } from '../support/hurdles.ts';
import { mailsTo } from '../support/mail.ts';
import { createTeachingCourse } from '../support/recommendations.ts';

const DAY = 86_400_000;
const NOW = new Date('2026-09-01T03:10:00Z');
const daysAgo = (d: number) => new Date(NOW.getTime() - d * DAY);

describe('which courses to flag for low loop closure (pure)', () => {
  const counts = [
    // a: 2 improved of 10 decided = 0.2, below 0.3 over 10: low.
    { key: 'a', status: 'improved' as const, n: 2 },
    { key: 'a', status: 'not_improved' as const, n: 8 },
    { key: 'a', status: 'asked' as const, n: 3 },
    // b: 1 of 9 = 0.11 but only 9 decided: too few to say.
    { key: 'b', status: 'improved' as const, n: 1 },
    { key: 'b', status: 'not_improved' as const, n: 8 },
    // c: 3 of 10 = 0.3, not below 0.3.
    { key: 'c', status: 'improved' as const, n: 3 },
    { key: 'c', status: 'not_improved' as const, n: 7 },
    // d: 0 of 12 = 0; cancelled ones count nowhere.
    { key: 'd', status: 'not_improved' as const, n: 12 },
    { key: 'd', status: 'cancelled' as const, n: 40 },
  ];

  it('flags a low rate over at least 10 decided, lowest first', () => {
    expect(coursesToFlag(counts, new Map(), NOW)).toEqual([
      { courseId: 'd', closure: { improved: 0, notImproved: 12, decided: 12, pending: 0, rate: 0 } },
      { courseId: 'a', closure: { improved: 2, notImproved: 8, decided: 10, pending: 3, rate: 0.2 } },
    ]);
  });

  it('stays quiet for 30 days after a course was flagged, then flags it again', () => {
    // d flagged 29 days 23 hours ago: quiet; a flagged exactly 30 days ago: flagged again.
    const last = new Map([
      ['d', new Date(NOW.getTime() - 30 * DAY + 3_600_000)],
      ['a', daysAgo(30)],
    ]);
    expect(coursesToFlag(counts, last, NOW).map((f) => f.courseId)).toEqual(['a']);
    expect(coursesToFlag(counts, new Map([['d', daysAgo(31)], ['a', daysAgo(1)]]), NOW).map((f) => f.courseId)).toEqual(['d']);
  });

  it('says the counts behind the rate', () => {
    expect(lowClosureMessage('Negotiation', loopClosure({ improved: 2, not_improved: 8, asked: 3 }))).toEqual({
      title: 'Low loop closure: “Negotiation”',
      body: 'Of 10 completions followed up, 2 answered the reason they were assigned for (20%); 3 still to follow up. Worth a look at what the course teaches and who it is assigned to.',
    });
  });
});

let t: TestApp;
const START = new Date('2026-06-01T09:00:00Z');
beforeAll(async () => {
  t = await createTestApp();
});

async function settle() {
  await dispatchEvents(t.ctx);
  await t.ctx.jobs.drain();
}

async function sweepOn(orgId: string, day: number) {
  t.clock.set(new Date(START.getTime() + day * DAY));
  await sweepOrganisation(t.ctx, orgId);
  await settle();
}

/** An organisation whose course was completed for a goal by `people` reports of Max, `moved` of whose goals move. */
async function orgWithCourse(people: number) {
  t.clock.set(START);
  const org = await createOrg(t);
  const lena = await createUser(t, org.id, { firstName: 'Lena', lastName: 'Learning', roles: ['learning_admin'] });
  const hana = await createUser(t, org.id, { firstName: 'Hana', lastName: 'HR', roles: ['hr_admin'] });
  const ada = await createUser(t, org.id, { firstName: 'Ada', lastName: 'Admin', roles: ['admin'] });
  const max = await createUser(t, org.id, { firstName: 'Max', lastName: 'Manager' });
  const course = await createTeachingCourse(t, org.id, 'Planning Basics', []);
  const team = [];
  for (let i = 0; i < people; i++) team.push(await createUser(t, org.id, { firstName: `Rep${i}`, managerId: max.person.id }));
  const goals = [];
  for (const u of team) goals.push(await createPersonGoal(t, org.id, u.person.id, { progress: 10, status: 'at_risk' }));
  return { org, lena, hana, ada, max, course, team, goals };
}

/** Each of these people completes the course now, for their goal (at 10%, at risk). */
async function complete(o: Awaited<ReturnType<typeof orgWithCourse>>, which: number[]) {
  await t.ctx.db.transaction(async (tx) => {
    for (const i of which) {
      const by = systemRef(o.org.id, 'test');
      const [e] = await enroll(t.ctx, tx, by, {
        audience: { type: 'people', personIds: [o.team[i]!.person.id] },
        courseId: o.course.id,
        reasonType: 'goal',
        reasonRecordType: 'goal',
        reasonRecordId: o.goals[i]!.id,
        source: 'assigned',
        baselineLevels: null,
        baselineSignal: { goalProgress: 10, goalStatus: 'at_risk' } as never,
      });
      const [row] = await tx.select().from(enrollment).where(eq(enrollment.id, e!.id));
      await completeEnrollment(t.ctx, tx, by, row!);
    }
  });
  await settle();
}

const lowClosureNotes = (orgId: string) =>
  t.ctx.db.select().from(notification).where(and(eq(notification.orgId, orgId), eq(notification.kind, 'follow_up.low_closure')));

describe('flagging low loop closure to learning admins', () => {
  it('tells each learning admin once, with a link to the course report; not again on the next sweeps, and again after 30 days if still low', async () => {
    const o = await orgWithCourse(12);
    const other = await orgWithCourse(0);
    // Eleven complete on 1 June, the twelfth ten days later. Two goals move: 2 of 11 improved.
    await complete(o, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    await t.ctx.db.update(goal).set({ progress: 50 }).where(inArray(goal.id, [o.goals[0]!.id, o.goals[1]!.id]));
    t.clock.set(new Date(START.getTime() + 10 * DAY));
    await complete(o, [11]);

    await sweepOn(o.org.id, 59); // nothing due yet
    expect(await lowClosureNotes(o.org.id)).toHaveLength(0);

    await sweepOn(o.org.id, 60); // 2 improved of 11 decided = 0.18: low
    const notes = await lowClosureNotes(o.org.id);
    expect(notes.map((n) => ({ personId: n.personId, title: n.title, body: n.body, link: n.link }))).toEqual([
      {
        personId: o.lena.person.id,
        title: 'Low loop closure: “Planning Basics”',
        body: 'Of 11 completions followed up, 2 answered the reason they were assigned for (18%); 1 still to follow up. Worth a look at what the course teaches and who it is assigned to.',
        link: `/admin/learning-reports/${o.course.id}`,
      },
    ]);
    // By email too; HR, the admin (a learning admin is there to hear of it), the manager and the learners hear nothing.
    expect((await mailsTo(t, o.org.id, o.lena.email)).map((m) => m.subject)).toEqual(['Low loop closure: “Planning Basics”']);
    for (const u of [o.hana, o.ada, o.max, ...o.team]) expect((await mailsTo(t, o.org.id, u.email)).filter((m) => m.subject.startsWith('Low loop'))).toHaveLength(0);
    // The other organisation's learning admin hears nothing of it.
    expect(await lowClosureNotes(other.org.id)).toHaveLength(0);
    const [flag] = await t.ctx.db.select().from(auditEvent).where(and(eq(auditEvent.orgId, o.org.id), eq(auditEvent.action, 'course.low_closure_flagged')));
    expect(flag).toMatchObject({ recordType: 'course', recordId: o.course.id, actorPersonId: null, after: { loopClosure: { improved: 2, decided: 11 }, notified: [o.lena.person.id] } });

    // The course report says so, to the learning admin; the manager may not read it.
    const lena = await signInAs(t, o.lena);
    expect((await lena.raw.get(`follow-ups/summary?courseId=${o.course.id}`)).body).toMatchObject({ improved: 2, notImproved: 9, decided: 11, flagged: true });
    expect((await (await signInAs(t, o.max)).raw.get(`follow-ups/summary?courseId=${o.course.id}`)).status).toBe(404);
    expect((await lena.raw.get('notifications')).body.data.map((n: { title: string }) => n.title)).toContain('Low loop closure: “Planning Basics”');

    await sweepOn(o.org.id, 61); // nothing new decided
    await sweepOn(o.org.id, 70); // the twelfth decided, still low (2 of 12): quiet within the month
    expect(await lowClosureNotes(o.org.id)).toHaveLength(1);
    await sweepOn(other.org.id, 70);
    expect(await lowClosureNotes(other.org.id)).toHaveLength(0);

    await sweepOn(o.org.id, 90); // 30 days after the flag, still low: said again
    expect((await lowClosureNotes(o.org.id)).map((n) => n.personId)).toEqual([o.lena.person.id, o.lena.person.id]);
  });

  it('flags nothing over too few decided follow-ups, and tells the admins where the organisation has no learning admin', async () => {
    const o = await orgWithCourse(10);
    await complete(o, [0, 1, 2, 3, 4, 5, 6, 7, 8]);
    await sweepOn(o.org.id, 60); // 0 of 9 decided: too few to say
    expect(await lowClosureNotes(o.org.id)).toHaveLength(0);

    await t.ctx.db.delete(notification).where(eq(notification.orgId, o.org.id));
    await t.ctx.db.update(userAccount).set({ roles: [] }).where(eq(userAccount.personId, o.lena.person.id));
    t.clock.set(new Date(START.getTime() + 61 * DAY));
    await complete(o, [9]);
    await sweepOn(o.org.id, 121); // 0 of 10: low, and with no learning admin the admin hears of it
    expect((await lowClosureNotes(o.org.id)).map((n) => n.personId)).toEqual([o.ada.person.id]);
  });
});
