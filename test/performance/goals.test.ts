import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditEvent, domainEvent } from '../../src/server/db/schema/index.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { signInAs } from '../support/client.ts';
import { createDepartment, createOrg, createUser } from '../support/factories.ts';
import { createSkill } from '../support/talent.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date('2026-11-16T09:00:00Z'));
});

async function setup() {
  const org = await createOrg(t);
  const sales = await createDepartment(t, org.id, 'Sales');
  const boss = await createUser(t, org.id);
  const manager = await createUser(t, org.id, { managerId: boss.person.id, departmentId: sales.id });
  const emp = await createUser(t, org.id, { managerId: manager.person.id, departmentId: sales.id });
  const peer = await createUser(t, org.id, { managerId: manager.person.id });
  const outsider = await createUser(t, org.id);
  const hr = await createUser(t, org.id, { roles: ['hr_admin'] });
  return {
    org,
    sales,
    boss,
    manager,
    emp,
    peer,
    outsider,
    hr,
    as: {
      boss: await signInAs(t, boss),
      manager: await signInAs(t, manager),
      emp: await signInAs(t, emp),
      peer: await signInAs(t, peer),
      outsider: await signInAs(t, outsider),
      hr: await signInAs(t, hr),
    },
  };
}

describe('goals API', () => {
  it('creates a goal with key results in the current quarter, rolls up weighted progress and audits it', async () => {
    const s = await setup();
    const skill = await createSkill(t, s.org.id, { name: 'Negotiation' });
    const res = await s.as.emp.post('goals', {
      title: 'Grow the pipeline',
      visibility: 'team',
      keyResults: [
        { title: 'New deals', kind: 'number', startValue: 0, targetValue: 20, currentValue: 5 },
        { title: 'Revenue', kind: 'currency', unit: 'EUR', startValue: 0, targetValue: 100000, currentValue: 80000, weight: 3 },
        { title: 'Playbook written', kind: 'binary' },
      ],
      skills: [{ skillId: skill.id, level: 3 }],
    });
    expect(res.status).toBe(201);
    // (25 × 1 + 80 × 3 + 0 × 1) / 5 = 53
    expect(res.body).toMatchObject({ ownerType: 'person', ownerPersonId: s.emp.person.id, periodName: 'Q4 2026', progress: 53, status: 'on_track', canEdit: true });
    expect(res.body.keyResults.map((k: { progress: number }) => k.progress)).toEqual([25, 80, 0]);
    expect(res.body.skills).toEqual([{ skillId: skill.id, name: 'Negotiation', level: 3 }]);

    const periods = await s.as.emp.get('goal-periods');
    expect(periods.body.data.map((p: { name: string }) => p.name)).toEqual(['FY 2026', 'Q4 2026', 'Q1 2027']);

    const audit = await t.ctx.db.select().from(auditEvent).where(and(eq(auditEvent.orgId, s.org.id), eq(auditEvent.action, 'goal.created')));
    expect(audit).toHaveLength(1);
    const events = await t.ctx.db.select().from(domainEvent).where(and(eq(domainEvent.orgId, s.org.id), eq(domainEvent.type, 'performance.goal_changed')));
    expect(events).toHaveLength(1);
  });

  it('the wrong person gets 404 reading, changing or commenting on a goal they may not see', async () => {
    const s = await setup();
    const priv = await s.as.emp.post('goals', { title: 'Private aim', visibility: 'private' });
    expect(priv.status).toBe(201);
    for (const c of [s.as.peer, s.as.outsider]) {
      expect((await c.get(`goals/${priv.body.id}`)).status).toBe(404);
      expect((await c.patch(`goals/${priv.body.id}`, { title: 'Mine now' })).status).toBe(404);
      expect((await c.delete(`goals/${priv.body.id}`)).status).toBe(404);
      expect((await c.get(`goals/${priv.body.id}/comments`)).status).toBe(404);
      expect((await c.post(`goals/${priv.body.id}/comments`, { body: 'Hi' })).status).toBe(404);
      expect((await c.get('goals?scope=all')).body.data.map((g: { id: string }) => g.id)).not.toContain(priv.body.id);
    }
    for (const c of [s.as.emp, s.as.manager, s.as.boss, s.as.hr]) expect((await c.get(`goals/${priv.body.id}`)).status).toBe(200);
    // A peer sees a public goal but may not change it.
    const pub = await s.as.emp.post('goals', { title: 'Public aim' });
    expect((await s.as.peer.get(`goals/${pub.body.id}`)).body.canEdit).toBe(false);
    expect((await s.as.peer.patch(`goals/${pub.body.id}`, { title: 'x' })).status).toBe(403);
    // Nobody sets goals for someone outside their chain.
    expect((await s.as.peer.post('goals', { title: 'For emp', owner: { type: 'person', personId: s.emp.person.id } })).status).toBe(404);
    expect((await s.as.manager.post('goals', { title: 'For emp', owner: { type: 'person', personId: s.emp.person.id } })).status).toBe(201);
    expect((await s.as.emp.post('goals', { title: 'Company', owner: { type: 'company' } })).status).toBe(404);
  });

  it('aligns goals, refuses a cycle with a clear 422, and rolls progress up over all children, hidden ones included', async () => {
    const s = await setup();
    const company = await s.as.hr.post('goals', { title: 'Win the market', owner: { type: 'company' } });
    const dept = await s.as.manager.post('goals', { title: 'Sales grows', owner: { type: 'department', departmentId: s.sales.id }, parentId: company.body.id });
    expect(dept.status).toBe(201);
    const mine = await s.as.emp.post('goals', {
      title: 'My deals',
      parentId: dept.body.id,
      keyResults: [{ title: 'Deals', kind: 'number', targetValue: 10, currentValue: 6 }],
    });
    const secret = await s.as.emp.post('goals', {
      title: 'Quiet work',
      visibility: 'private',
      parentId: dept.body.id,
      keyResults: [{ title: 'Done', kind: 'binary', currentValue: 1 }],
    });
    expect(secret.status).toBe(201);
    // Sales: (60 + 100) / 2 = 80; the company goal has one child: 80.
    expect((await s.as.outsider.get(`goals/${dept.body.id}`)).body).toMatchObject({ progress: 80, hiddenChildren: 1 });
    expect((await s.as.outsider.get(`goals/${company.body.id}`)).body.progress).toBe(80);

    const self = await s.as.hr.patch(`goals/${company.body.id}`, { parentId: company.body.id });
    expect(self.status).toBe(422);
    expect(self.body.error).toMatchObject({ code: 'unprocessable', message: 'A goal cannot support itself' });
    const cycle = await s.as.hr.patch(`goals/${company.body.id}`, { parentId: mine.body.id });
    expect(cycle.status).toBe(422);
    expect(cycle.body.error.details[0]).toMatchObject({ path: 'parentId', code: 'alignment_cycle' });

    const tree = await s.as.outsider.get('goals/tree');
    expect(tree.status).toBe(200);
    const nodes = tree.body.data.filter((n: { title: string }) => ['Win the market', 'Sales grows', 'My deals', 'Quiet work'].includes(n.title));
    expect(nodes.map((n: { title: string; depth: number; hiddenChildren: number }) => [n.title, n.depth, n.hiddenChildren])).toEqual([
      ['Win the market', 0, 0],
      ['Sales grows', 1, 1],
      ['My deals', 2, 0],
    ]);
    const searched = await s.as.outsider.get('goals/tree?q=deals');
    expect(searched.body.data.map((n: { title: string }) => n.title)).toEqual(['Win the market', 'Sales grows', 'My deals']);
    expect((await s.as.manager.get(`goals/tree?rootId=${dept.body.id}`)).body.data.map((n: { title: string }) => n.title)).toEqual(['Sales grows', 'My deals', 'Quiet work']);
    expect((await s.as.outsider.get(`goals/tree?rootId=${secret.body.id}`)).status).toBe(404);

    // Deleting a child re-computes its parent.
    expect((await s.as.emp.delete(`goals/${secret.body.id}`)).status).toBe(204);
    expect((await s.as.outsider.get(`goals/${dept.body.id}`)).body).toMatchObject({ progress: 60, hiddenChildren: 0 });
  });

  it('lists goals by scope, status and text with cursor pages', async () => {
    const s = await setup();
    for (const title of ['Alpha one', 'Beta two', 'Alpha three']) expect((await s.as.emp.post('goals', { title })).status).toBe(201);
    await s.as.peer.post('goals', { title: 'Peer thing', visibility: 'team' });
    await s.as.emp.post('goals', { title: 'Risky', status: 'at_risk' });
    const first = await s.as.emp.get('goals?scope=mine&limit=2');
    expect(first.body.data.map((g: { title: string }) => g.title)).toEqual(['Risky', 'Alpha three']);
    const second = await s.as.emp.get(`goals?scope=mine&limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.data.map((g: { title: string }) => g.title)).toEqual(['Beta two', 'Alpha one']);
    expect((await s.as.emp.get('goals?scope=mine&q=alpha')).body.data).toHaveLength(2);
    expect((await s.as.emp.get('goals?scope=mine&status=at_risk')).body.data.map((g: { title: string }) => g.title)).toEqual(['Risky']);
    expect((await s.as.emp.get('goals?scope=team')).body.data.map((g: { title: string }) => g.title)).toEqual(['Peer thing']);
    expect((await s.as.manager.get('goals?scope=team')).body.data).toHaveLength(5);
  });

  it('comments, and periods: HR adds and closes them; closing ends open goals done or missed, kept and still counted', async () => {
    const s = await setup();
    const g = await s.as.emp.post('goals', { title: 'Ship it', keyResults: [{ title: 'Shipped', kind: 'binary', currentValue: 1 }] });
    const other = await s.as.emp.post('goals', { title: 'Half way', keyResults: [{ title: 'n', kind: 'number', targetValue: 2, currentValue: 1 }] });
    const c = await s.as.peer.post(`goals/${g.body.id}/comments`, { body: 'Nice work' });
    expect(c.status).toBe(201);
    expect((await s.as.emp.get(`goals/${g.body.id}/comments`)).body.data).toMatchObject([{ body: 'Nice work', authorId: s.peer.person.id }]);

    expect((await s.as.emp.post('goal-periods', { name: 'H1 2027', startsOn: '2027-01-01', endsOn: '2027-06-30' })).status).toBe(404);
    const h1 = await s.as.hr.post('goal-periods', { name: 'H1 2027', startsOn: '2027-01-01', endsOn: '2027-06-30' });
    expect(h1.status).toBe(201);
    expect((await s.as.hr.post('goal-periods', { name: 'h1 2027', startsOn: '2027-01-01', endsOn: '2027-06-30' })).status).toBe(409);
    expect((await s.as.hr.post('goal-periods', { name: 'Bad', startsOn: '2027-06-01', endsOn: '2027-01-01' })).status).toBe(400);

    const closed = await s.as.hr.post(`goal-periods/${g.body.periodId}/close`);
    expect(closed.status).toBe(200);
    expect(closed.body.closedAt).not.toBeNull();
    expect((await s.as.emp.get(`goals/${g.body.id}`)).body).toMatchObject({ status: 'done', periodClosed: true });
    expect((await s.as.emp.get(`goals/${other.body.id}`)).body.status).toBe('missed');
    const edit = await s.as.emp.patch(`goals/${g.body.id}`, { title: 'Later' });
    expect(edit.status).toBe(409);
    expect(edit.body.error.message).toMatch(/Q4 2026 is closed/);
    expect((await s.as.emp.patch(`goals/${other.body.id}`, { status: 'dropped' })).body.status).toBe('dropped');
  });

  it('refuses a key result value that is not a number, unknown fields and skills of another organisation', async () => {
    const s = await setup();
    const bad = await s.as.emp.raw.post('goals', { title: 'X', keyResults: [{ title: 'K', kind: 'number', targetValue: 'ten' }] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('keyResults.0.targetValue');
    expect((await s.as.emp.raw.post('goals', { title: 'X', colour: 'red' })).status).toBe(400);
    const foreign = await createSkill(t, (await createOrg(t)).id, { name: 'Elsewhere' });
    const r = await s.as.emp.post('goals', { title: 'X', skills: [{ skillId: foreign.id }] });
    expect(r.status).toBe(400);
    expect(r.body.error.details[0].path).toBe('skills.0.skillId');
  });
});
