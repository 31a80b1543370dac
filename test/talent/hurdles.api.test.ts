import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { domainEvent, enrollment } from '../../src/server/db/schema/index.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { signInAs } from '../support/client.ts';
import { createOrg, createUser } from '../support/factories.ts';
import { createHurdle, createPersonGoal } from '../support/hurdles.ts';
import { createPublishedCourse } from '../support/learning.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});

async function setup() {
  const org = await createOrg(t);
  const boss = await createUser(t, org.id);
  const manager = await createUser(t, org.id, { managerId: boss.person.id, firstName: 'Mona', lastName: 'Manager' });
  const emp = await createUser(t, org.id, { managerId: manager.person.id, firstName: 'Emil', lastName: 'Employee' });
  const peer = await createUser(t, org.id, { managerId: manager.person.id });
  const report2 = await createUser(t, org.id, { managerId: emp.person.id });
  const otherManager = await createUser(t, org.id);
  const hr = await createUser(t, org.id, { roles: ['hr_admin'] });
  const learningAdmin = await createUser(t, org.id, { roles: ['learning_admin'] });
  const outsider = await createUser(t, (await createOrg(t)).id, { roles: ['hr_admin'] });
  return {
    org,
    emp,
    peer,
    manager,
    report2,
    as: {
      emp: await signInAs(t, emp),
      manager: await signInAs(t, manager),
      boss: await signInAs(t, boss),
      peer: await signInAs(t, peer),
      otherManager: await signInAs(t, otherManager),
      hr: await signInAs(t, hr),
      learningAdmin: await signInAs(t, learningAdmin),
      outsider: await signInAs(t, outsider),
    },
  };
}

describe('hurdles API', () => {
  it('the person raises, lists, changes and resolves their hurdle; the chain and HR see it; everyone else 404', async () => {
    const s = await setup();
    const g = await createPersonGoal(t, s.org.id, s.emp.person.id, { title: 'Launch the app' });
    const created = await s.as.emp.post('hurdles', { title: 'No test devices', category: 'tools', goalId: g.id, description: 'We share one phone' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ personName: 'Emil Employee', status: 'open', source: 'self', goal: { id: g.id, title: 'Launch the app' } });
    const id = created.body.id;

    for (const c of [s.as.emp, s.as.manager, s.as.boss, s.as.hr]) {
      expect((await c.get(`hurdles/${id}`)).status).toBe(200);
      const list = await c.get(`people/${s.emp.person.id}/hurdles`);
      expect(list.status).toBe(200);
      expect(list.body.data.map((h) => h.id)).toEqual([id]);
    }
    for (const c of [s.as.peer, s.as.otherManager, s.as.learningAdmin, s.as.outsider]) {
      expect((await c.get(`hurdles/${id}`)).status).toBe(404);
      expect((await c.get(`people/${s.emp.person.id}/hurdles`)).status).toBe(404);
      expect((await c.patch(`hurdles/${id}`, { status: 'resolved' })).status).toBe(404);
      expect((await c.delete(`hurdles/${id}`)).status).toBe(404);
    }

    expect((await s.as.emp.patch(`hurdles/${id}`, { status: 'in_progress' })).body).toMatchObject({ status: 'in_progress', resolvedAt: null });
    expect((await s.as.emp.patch(`hurdles/${id}`, { resolution: 'Bought two' })).status).toBe(400);
    t.clock.advance(60_000);
    const resolved = await s.as.manager.patch(`hurdles/${id}`, { status: 'resolved', resolution: 'Bought two phones', category: 'workload' });
    expect(resolved.body).toMatchObject({ status: 'resolved', resolvedAt: t.clock.now().toISOString(), resolution: 'Bought two phones', category: 'workload' });
    const reopened = await s.as.emp.patch(`hurdles/${id}`, { status: 'open' });
    expect(reopened.body).toMatchObject({ status: 'open', resolvedAt: null, resolution: null });

    const events = await t.ctx.db.select().from(domainEvent).where(and(eq(domainEvent.orgId, s.org.id), eq(domainEvent.type, 'talent.hurdle_changed')));
    expect(events.map((e) => (e.payload as { status: string }).status)).toEqual(['in_progress', 'resolved', 'open']);

    expect((await s.as.boss.delete(`hurdles/${id}`)).status).toBe(204);
    expect((await s.as.emp.get(`hurdles/${id}`)).status).toBe(404);
  });

  it('the chain and HR raise a hurdle for the person; a peer and a learning admin cannot (404)', async () => {
    const s = await setup();
    expect((await s.as.manager.post('hurdles', { personId: s.emp.person.id, title: 'Unclear scope', category: 'clarity' })).status).toBe(201);
    expect((await s.as.hr.post('hurdles', { personId: s.emp.person.id, title: 'Too many meetings', category: 'time' })).status).toBe(201);
    expect((await s.as.peer.post('hurdles', { personId: s.emp.person.id, title: 'x', category: 'other' })).status).toBe(404);
    expect((await s.as.learningAdmin.post('hurdles', { personId: s.emp.person.id, title: 'x', category: 'other' })).status).toBe(404);
    expect((await s.as.outsider.post('hurdles', { personId: s.emp.person.id, title: 'x', category: 'other' })).status).toBe(404);
    expect((await s.as.emp.get('hurdles')).body.data.map((h) => h.raisedBy?.id)).toHaveLength(2);
  });

  it('refuses bad input: unknown fields, an empty title, a category not in the list, a goal the raiser cannot see', async () => {
    const s = await setup();
    const peersGoal = await createPersonGoal(t, s.org.id, s.peer.person.id);
    expect((await s.as.emp.raw.post('hurdles', { title: 'x', category: 'time', extra: 1 })).status).toBe(400);
    expect((await s.as.emp.raw.post('hurdles', { title: '  ', category: 'time' })).status).toBe(400);
    expect((await s.as.emp.raw.post('hurdles', { title: 'x', category: 'mood' })).status).toBe(400);
    const hidden = await s.as.emp.post('hurdles', { title: 'x', category: 'time', goalId: peersGoal.id });
    expect(hidden.status).toBe(400);
    expect(hidden.body.error.details[0].path).toBe('goalId');
  });

  it("a manager's team view: open hurdles of the whole chain below, paginated, the goal title only where the manager may read the goal", async () => {
    const s = await setup();
    const privateGoal = await createPersonGoal(t, s.org.id, s.emp.person.id, { title: 'Private to the chain' });
    // The peer's goal is private: the manager (in the chain) reads it; the employee does not.
    const peerGoal = await createPersonGoal(t, s.org.id, s.peer.person.id, { title: 'Peer goal' });
    await createHurdle(t, s.org.id, s.emp.person.id, { title: 'A', goalId: privateGoal.id });
    t.clock.advance(1000);
    await createHurdle(t, s.org.id, s.peer.person.id, { title: 'B', goalId: peerGoal.id, status: 'in_progress' });
    t.clock.advance(1000);
    await createHurdle(t, s.org.id, s.report2.person.id, { title: 'C' });
    t.clock.advance(1000);
    await createHurdle(t, s.org.id, s.peer.person.id, { title: 'Done', status: 'resolved' });

    const first = await s.as.manager.get('hurdles?scope=team&status=open&limit=1');
    expect(first.body.data.map((h) => h.title)).toEqual(['C']);
    const second = await s.as.manager.get(`hurdles?scope=team&status=open&limit=1&cursor=${first.body.nextCursor}`);
    expect(second.body.data.map((h) => h.title)).toEqual(['A']);
    expect(second.body.data[0]!.goal).toEqual({ id: privateGoal.id, title: 'Private to the chain' });
    expect(second.body.nextCursor).toBeNull();
    expect((await s.as.manager.get('hurdles?scope=team&status=unresolved')).body.data.map((h) => h.title)).toEqual(['C', 'B', 'A']);

    // The employee manages report2 only: the peer's hurdles are not theirs to see.
    const empTeam = await s.as.emp.get('hurdles?scope=team');
    expect(empTeam.body.data.map((h) => h.title)).toEqual(['C']);
    expect((await s.as.peer.get('hurdles?scope=team')).body.data).toEqual([]);

    // A hurdle the viewer may read whose goal they may not: the goal is hidden, not named.
    const h = await createHurdle(t, s.org.id, s.report2.person.id, { title: 'On the peer goal', goalId: peerGoal.id });
    const seen = await s.as.emp.get(`hurdles/${h.id}`);
    expect(seen.body).toMatchObject({ goal: null, goalHidden: true });
  });

  it('assigns learning from a hurdle: reason hurdle linked to it with the status as baseline; admins and the chain only', async () => {
    const s = await setup();
    const h = await createHurdle(t, s.org.id, s.emp.person.id, { title: 'Cannot write SQL', category: 'skill', status: 'in_progress' });
    const { course } = await createPublishedCourse(t, s.org.id, { title: 'SQL basics' });
    const { course: draft } = await createPublishedCourse(t, s.org.id, { title: 'Draft', status: 'draft' });

    expect((await s.as.emp.post(`hurdles/${h.id}/assign-learning`, { courseId: course.id })).status).toBe(404);
    expect((await s.as.peer.post(`hurdles/${h.id}/assign-learning`, { courseId: course.id })).status).toBe(404);
    // Learning admins assign to anyone, but do not see hurdles: 404 before anything else.
    expect((await s.as.learningAdmin.post(`hurdles/${h.id}/assign-learning`, { courseId: course.id })).status).toBe(404);
    expect((await s.as.manager.raw.post(`hurdles/${h.id}/assign-learning`, {})).status).toBe(400);
    expect((await s.as.manager.post(`hurdles/${h.id}/assign-learning`, { courseId: draft.id })).status).toBe(422);

    const res = await s.as.manager.post(`hurdles/${h.id}/assign-learning`, { courseId: course.id, note: 'Start here' });
    expect(res.status).toBe(201);
    const [e] = await t.ctx.db.select().from(enrollment).where(eq(enrollment.id, res.body.enrollmentId));
    expect(e).toMatchObject({
      personId: s.emp.person.id,
      courseId: course.id,
      reasonType: 'hurdle',
      reasonRecordType: 'hurdle',
      reasonRecordId: h.id,
      reasonNote: 'Start here',
      source: 'assigned',
      assignedBy: s.manager.person.id,
      baselineSignal: { hurdleStatus: 'in_progress' },
    });
    const again = await s.as.hr.post(`hurdles/${h.id}/assign-learning`, { courseId: course.id });
    expect(again.status).toBe(409);
  });
});
