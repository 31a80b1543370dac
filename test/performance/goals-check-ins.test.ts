import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { agendaItem, auditEvent, hurdle } from '../../src/server/db/schema/index.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { signInAs } from '../support/client.ts';
import { createOrg, createUser } from '../support/factories.ts';
import { createSeries } from '../support/one-on-ones.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date('2026-11-16T09:00:00Z'));
});

async function setup() {
  const org = await createOrg(t);
  const manager = await createUser(t, org.id);
  const emp = await createUser(t, org.id, { managerId: manager.person.id });
  const peer = await createUser(t, org.id, { managerId: manager.person.id });
  const outsider = await createUser(t, org.id);
  const hr = await createUser(t, org.id, { roles: ['hr_admin'] });
  const as = {
    manager: await signInAs(t, manager),
    emp: await signInAs(t, emp),
    peer: await signInAs(t, peer),
    outsider: await signInAs(t, outsider),
    hr: await signInAs(t, hr),
  };
  const g = await as.emp.post('goals', {
    title: 'Close more deals',
    visibility: 'private',
    keyResults: [
      { title: 'Deals', kind: 'number', targetValue: 10 },
      { title: 'Playbook', kind: 'binary' },
    ],
  });
  expect(g.status).toBe(201);
  const [deals, playbook] = g.body.keyResults.map((k: { id: string }) => k.id) as [string, string];
  return { org, manager, emp, peer, as, goal: g.body, deals, playbook };
}

describe('goal check-ins', () => {
  it('records values, confidence, note and status, moves progress and keeps a history for the chart', async () => {
    const s = await setup();
    const first = await s.as.emp.post(`goals/${s.goal.id}/check-ins`, { values: { [s.deals]: 4 }, confidence: 7, note: 'Good week' });
    expect(first.status).toBe(201);
    // (40 + 0) / 2 = 20
    expect(first.body.checkIn).toMatchObject({ progress: 20, confidence: 7, status: 'on_track', values: { [s.deals]: 4, [s.playbook]: 0 } });
    t.clock.advance(7 * 86_400_000);
    const second = await s.as.manager.post(`goals/${s.goal.id}/check-ins`, { values: { [s.playbook]: 1 }, confidence: 4, status: 'at_risk', blockers: 'No leads' });
    expect(second.body.checkIn).toMatchObject({ progress: 70, status: 'at_risk', values: { [s.deals]: 4, [s.playbook]: 1 } });
    const goal = await s.as.emp.get(`goals/${s.goal.id}`);
    expect(goal.body).toMatchObject({ progress: 70, status: 'at_risk' });
    expect(goal.body.lastCheckInAt).toBe(t.clock.now().toISOString());
    const history = await s.as.manager.get(`goals/${s.goal.id}/check-ins`);
    expect(history.body.data.map((c: { progress: number; confidence: number }) => [c.progress, c.confidence])).toEqual([
      [20, 7],
      [70, 4],
    ]);
  });

  it('the wrong person gets 404 on check-ins of a goal they may not see; a viewer who may not edit gets 403', async () => {
    const s = await setup();
    const c = await s.as.emp.post(`goals/${s.goal.id}/check-ins`, { confidence: 5 });
    for (const who of [s.as.peer, s.as.outsider]) {
      expect((await who.get(`goals/${s.goal.id}/check-ins`)).status).toBe(404);
      expect((await who.post(`goals/${s.goal.id}/check-ins`, { confidence: 5 })).status).toBe(404);
      expect((await who.patch(`check-ins/${c.body.checkIn.id}`, { confidence: 9 })).status).toBe(404);
    }
    const pub = await s.as.emp.post('goals', { title: 'Public' });
    expect((await s.as.peer.post(`goals/${pub.body.id}/check-ins`, { confidence: 5 })).status).toBe(403);
  });

  it('refuses a value that is not a number (422), a bad confidence (400) and a closed period (409)', async () => {
    const s = await setup();
    const nan = await s.as.emp.post(`goals/${s.goal.id}/check-ins`, { values: { [s.deals]: 'lots' }, confidence: 5 });
    expect(nan.status).toBe(422);
    expect(nan.body.error).toMatchObject({ code: 'unprocessable', message: 'Deals: enter a number' });
    expect(nan.body.error.details[0].path).toBe(`values.${s.deals}`);
    expect((await s.as.emp.post(`goals/${s.goal.id}/check-ins`, { values: { [s.playbook]: 0.5 }, confidence: 5 })).status).toBe(422);
    expect((await s.as.emp.post(`goals/${s.goal.id}/check-ins`, { confidence: 11 })).status).toBe(400);
    const ok = await s.as.emp.post(`goals/${s.goal.id}/check-ins`, { confidence: 5 });
    expect((await s.as.hr.post(`goal-periods/${s.goal.periodId}/close`)).status).toBe(200);
    const closed = await s.as.emp.post(`goals/${s.goal.id}/check-ins`, { confidence: 5 });
    expect(closed.status).toBe(409);
    expect(closed.body.error.message).toMatch(/Q4 2026 is closed/);
    expect(closed.body.error.details[0].code).toBe('period_closed');
    expect((await s.as.emp.patch(`check-ins/${ok.body.checkIn.id}`, { confidence: 6 })).status).toBe(409);
  });

  it('corrects a check-in, audited with before and after; the newest one moves the goal', async () => {
    const s = await setup();
    const c = await s.as.emp.post(`goals/${s.goal.id}/check-ins`, { values: { [s.deals]: 4 }, confidence: 7 });
    const fixed = await s.as.emp.patch(`check-ins/${c.body.checkIn.id}`, { values: { [s.deals]: 6 }, note: 'Miscounted' });
    expect(fixed.status).toBe(200);
    expect(fixed.body).toMatchObject({ progress: 30, note: 'Miscounted', confidence: 7 });
    expect(fixed.body.correctedAt).not.toBeNull();
    expect((await s.as.emp.get(`goals/${s.goal.id}`)).body.progress).toBe(30);
    const [a] = await t.ctx.db.select().from(auditEvent).where(and(eq(auditEvent.orgId, s.org.id), eq(auditEvent.action, 'check_in.corrected')));
    expect(a!.before).toMatchObject({ progress: 20, values: { [s.deals]: 4 } });
    expect(a!.after).toMatchObject({ progress: 30, values: { [s.deals]: 6 }, note: 'Miscounted' });
  });

  it('in one step raises the blockers as a hurdle linked to the goal and puts the check-in on the next 1:1', async () => {
    const s = await setup();
    await createSeries(t, s.org.id, s.manager.person.id, s.emp.person.id);
    const res = await s.as.emp.post(`goals/${s.goal.id}/check-ins`, {
      confidence: 3,
      status: 'at_risk',
      blockers: 'The CRM keeps timing out',
      raiseHurdle: { category: 'tools' },
      addToNextOneOnOne: {},
    });
    expect(res.status).toBe(201);
    const [h] = await t.ctx.db.select().from(hurdle).where(eq(hurdle.id, res.body.hurdleId!));
    expect(h).toMatchObject({ personId: s.emp.person.id, goalId: s.goal.id, source: 'check_in', sourceRecordId: res.body.checkIn.id, category: 'tools', title: 'The CRM keeps timing out' });
    const [item] = await t.ctx.db.select().from(agendaItem).where(eq(agendaItem.id, res.body.talkingPoint!.agendaItemId));
    expect(item).toMatchObject({ sourceRecordType: 'check_in', sourceRecordId: res.body.checkIn.id, authorId: s.emp.person.id, private: false });
    expect(item!.body).toContain('Blockers: The CRM keeps timing out');

    // Without a 1:1 to put it on, nothing is saved and the error says why.
    const none = await s.as.peer.post('goals', { title: 'Peer goal' });
    const failed = await s.as.peer.post(`goals/${none.body.id}/check-ins`, { confidence: 5, addToNextOneOnOne: {} });
    expect(failed.status).toBe(409);
    expect(failed.body.error.code).toBe('no_one_on_one');
    expect((await s.as.peer.get(`goals/${none.body.id}/check-ins`)).body.data).toHaveLength(0);
    // A hurdle needs words.
    expect((await s.as.emp.post(`goals/${s.goal.id}/check-ins`, { confidence: 5, raiseHurdle: {} })).status).toBe(422);
  });
});
