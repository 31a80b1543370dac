import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { enrollment } from '../../src/server/db/schema/index.ts';
import { completeEnrollment } from '../../src/server/modules/learning/index.ts';
import { systemRef } from '../../src/server/modules/platform/index.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { signInAs, type Body } from '../support/client.ts';
import { createOrg, createPerson, createUser } from '../support/factories.ts';
import { createPublishedCourse } from '../support/learning.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});

const DAY = 86_400_000;

async function setup() {
  const org = await createOrg(t);
  const adminUser = await createUser(t, org.id, { roles: ['learning_admin'] });
  const bossUser = await createUser(t, org.id, { firstName: 'Bo', lastName: 'Boss' });
  const mgrUser = await createUser(t, org.id, { firstName: 'Max', lastName: 'Manager', managerId: bossUser.person.id });
  const learnerUser = await createUser(t, org.id, { firstName: 'Lea', lastName: 'Learner', managerId: mgrUser.person.id });
  const other = await createPerson(t, org.id, { firstName: 'Ola', lastName: 'Other', managerId: mgrUser.person.id });
  const peerUser = await createUser(t, org.id, { firstName: 'Pia', lastName: 'Peer' });
  return {
    org,
    learnerUser,
    mgrUser,
    other,
    admin: await signInAs(t, adminUser),
    boss: await signInAs(t, bossUser),
    mgr: await signInAs(t, mgrUser),
    learner: await signInAs(t, learnerUser),
    peer: await signInAs(t, peerUser),
  };
}

describe('my learning', () => {
  it('splits my learning into assigned, in progress and completed, with reasons in words and overdue first', async () => {
    const s = await setup();
    const me = s.learnerUser.person.id;
    const courses = await Promise.all(['Data literacy', 'Security awareness', 'Leadership', 'Onboarding'].map((title) => createPublishedCourse(t, s.org.id, { title })));
    const assign = (i: number, reason: Body<'/enrollments/assign', 'post'>['reason'], extra: object = {}) =>
      s.admin.post('enrollments/assign', { courseId: courses[i]!.course.id, audience: { type: 'people', personIds: [me] }, reason, ...extra });
    await assign(0, { type: 'skill_gap' }, { dueDays: 30 });
    const late = await assign(1, { type: 'compliance' }, { dueDays: 1 });
    const started = await assign(2, { type: 'aspiration', note: 'Team lead next year' });
    const done = await assign(3, { type: 'onboarding' });

    await t.ctx.db.update(enrollment).set({ status: 'in_progress', progress: 40, startedAt: t.clock.now() }).where(eq(enrollment.id, started.body.enrollmentIds[0]!));
    await t.ctx.db.transaction(async (tx) => {
      const [row] = await tx.select().from(enrollment).where(eq(enrollment.id, done.body.enrollmentIds[0]!));
      await completeEnrollment(t.ctx, tx, systemRef(s.org.id), row!);
    });
    t.clock.advance(2 * DAY);

    const res = await s.learner.get('me/learning');
    expect(res.status).toBe(200);
    expect(res.body.assigned.map((i: { title: string }) => i.title)).toEqual(['Security awareness', 'Data literacy']);
    expect(res.body.assigned[0]).toMatchObject({
      id: late.body.enrollmentIds[0],
      overdue: true,
      reason: { type: 'compliance', label: 'Required for compliance' },
      kind: 'course',
      format: 'self_paced',
    });
    expect(res.body.assigned[1]).toMatchObject({ overdue: false, reason: { label: 'Closes a skill gap' } });
    expect(res.body.inProgress).toHaveLength(1);
    expect(res.body.inProgress[0]).toMatchObject({ title: 'Leadership', progress: 40, reason: { label: 'Towards your aspiration', note: 'Team lead next year' } });
    expect(res.body.completed).toHaveLength(1);
    expect(res.body.completed[0]).toMatchObject({ title: 'Onboarding', status: 'completed', progress: 100 });
    expect(res.body.completed[0]!.certificateId).toBeTruthy();

    // Someone else's My learning is their own, and empty.
    const empty = await s.peer.get('me/learning');
    expect(empty.body).toEqual({ assigned: [], inProgress: [], completed: [] });
  });

  it("shows a person's learning to them, their manager chain and admins; 404 to anyone else", async () => {
    const s = await setup();
    const { course: c } = await createPublishedCourse(t, s.org.id, { title: 'Giving feedback' });
    await s.mgr.post('enrollments/assign', { courseId: c.id, audience: { type: 'people', personIds: [s.learnerUser.person.id] }, reason: { type: 'one_on_one' } });
    for (const who of [s.learner, s.mgr, s.boss, s.admin]) {
      const res = await who.get(`people/${s.learnerUser.person.id}/learning`);
      expect(res.status).toBe(200);
      expect(res.body.assigned[0]).toMatchObject({ title: 'Giving feedback', reason: { label: 'Agreed in a 1:1' } });
    }
    expect((await s.peer.get(`people/${s.learnerUser.person.id}/learning`)).status).toBe(404);
    expect((await s.learner.get(`people/${s.mgrUser.person.id}/learning`)).status).toBe(404);
  });

  it('answers 404, not an empty list, for an unknown person or one of another organisation, admins included', async () => {
    const s = await setup();
    const hr = await signInAs(t, await createUser(t, s.org.id, { roles: ['hr_admin'] }));
    const elsewhere = await createOrg(t);
    const stranger = await createPerson(t, elsewhere.id);
    const unknown = '0190f0f0-0000-7000-8000-00000000abcd';
    for (const who of [s.admin, hr]) {
      for (const id of [unknown, stranger.id]) {
        for (const path of [`people/${id}/learning`, `enrollments?personId=${id}`, `people/${id}/transcript`, `people/${id}/external-learning`]) {
          const res = await who.get(path);
          expect([path, res.status]).toEqual([path, 404]);
          expect(res.body.error.code).toBe('not_found');
        }
      }
    }
    // A person of the organisation with no learning yet is an empty list, as before.
    expect((await s.admin.get(`people/${s.other.id}/learning`)).body).toEqual({ assigned: [], inProgress: [], completed: [] });
    expect((await s.admin.get(`enrollments?personId=${s.other.id}`)).body.data).toEqual([]);
  });
});

describe('team learning', () => {
  it('lists every report in the chain with counts, overdue first, and their learning with reasons', async () => {
    const s = await setup();
    const { course: c } = await createPublishedCourse(t, s.org.id, { title: 'Negotiation' });
    const { course: c2 } = await createPublishedCourse(t, s.org.id, { title: 'Data literacy' });
    await s.admin.post('enrollments/assign', { courseId: c.id, audience: { type: 'people', personIds: [s.other.id] }, reason: { type: 'goal' }, dueDays: 1 });
    await s.admin.post('enrollments/assign', { courseId: c2.id, audience: { type: 'people', personIds: [s.other.id, s.learnerUser.person.id] }, reason: { type: 'skill_gap' } });
    t.clock.advance(2 * DAY);

    const res = await s.mgr.get('team/learning');
    expect(res.status).toBe(200);
    expect(res.body.data.map((m: { person: { name: string } }) => m.person.name)).toEqual(['Ola Other', 'Lea Learner']);
    expect(res.body.data[0]).toMatchObject({
      person: { direct: true },
      counts: { notStarted: 2, inProgress: 0, completed: 0, overdue: 1 },
    });
    expect(res.body.data[0]!.enrollments[0]).toMatchObject({ title: 'Negotiation', overdue: true, reason: { label: 'Supports a goal' } });

    // The boss sees the whole chain (manager included); paging works.
    const boss1 = await s.boss.get('team/learning?limit=2');
    expect(boss1.body.data).toHaveLength(2);
    const boss2 = await s.boss.get(`team/learning?limit=2&cursor=${boss1.body.nextCursor}`);
    expect(boss2.body.data).toHaveLength(1);
    const names = [...boss1.body.data, ...boss2.body.data].map((m: { person: { name: string; direct: boolean } }) => m.person);
    expect(names.find((p) => p.name === 'Max Manager')!.direct).toBe(true);
    expect(names.find((p) => p.name === 'Lea Learner')!.direct).toBe(false);

    // Someone without reports has an empty team.
    expect((await s.peer.get('team/learning')).body).toEqual({ data: [], nextCursor: null });
  });
});
