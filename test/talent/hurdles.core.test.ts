import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditEvent, domainEvent, notification } from '../../src/server/db/schema/index.ts';
import { raiseHurdle, readableHurdle } from '../../src/server/modules/talent/index.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { createOrg, createUser } from '../support/factories.ts';
import { createPersonGoal, hurdleActor } from '../support/hurdles.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});

async function setup() {
  const org = await createOrg(t);
  const boss = await createUser(t, org.id);
  const manager = await createUser(t, org.id, { managerId: boss.person.id });
  const emp = await createUser(t, org.id, { managerId: manager.person.id });
  const peer = await createUser(t, org.id, { managerId: manager.person.id });
  const hr = await createUser(t, org.id, { roles: ['hr_admin'] });
  const learningAdmin = await createUser(t, org.id, { roles: ['learning_admin'] });
  const stranger = await createUser(t, (await createOrg(t)).id, { roles: ['hr_admin'] });
  return { org, boss, manager, emp, peer, hr, learningAdmin, stranger };
}

const raise = (u: Parameters<typeof hurdleActor>[0], input: Parameters<typeof raiseHurdle>[3]) =>
  t.ctx.db.transaction((tx) => raiseHurdle(t.ctx, tx, hurdleActor(u), input));

const notices = (orgId: string) =>
  t.ctx.db.select().from(notification).where(and(eq(notification.orgId, orgId), eq(notification.kind, 'talent.hurdle_raised')));

describe('raiseHurdle and readableHurdle (for check-ins and 1:1s)', () => {
  it('the person raises one linked to their goal: audited, emitted, their manager told', async () => {
    const s = await setup();
    const g = await createPersonGoal(t, s.org.id, s.emp.person.id);
    const h = await raise(s.emp, { personId: s.emp.person.id, title: '  No time for the course  ', category: 'time', goalId: g.id, source: 'check_in', sourceRecordId: g.id });
    expect(h).toMatchObject({
      personId: s.emp.person.id,
      title: 'No time for the course',
      category: 'time',
      status: 'open',
      source: 'check_in',
      goal: { id: g.id, title: 'Ship the release' },
      goalHidden: false,
      raisedBy: { id: s.emp.person.id },
    });
    const audit = await t.ctx.db.select().from(auditEvent).where(and(eq(auditEvent.orgId, s.org.id), eq(auditEvent.recordId, h.id)));
    expect(audit.map((a) => a.action)).toEqual(['hurdle.created']);
    const [ev] = await t.ctx.db.select().from(domainEvent).where(and(eq(domainEvent.orgId, s.org.id), eq(domainEvent.type, 'talent.hurdle_raised')));
    expect(ev!.payload).toMatchObject({ hurdleId: h.id, personId: s.emp.person.id, goalId: g.id, category: 'time', source: 'check_in' });
    const [n] = await notices(s.org.id);
    expect(n).toMatchObject({ personId: s.manager.person.id, link: '/hurdles', body: 'No time for the course' });
  });

  it('the chain and HR raise one for the person; the manager is not told of their own', async () => {
    const s = await setup();
    await raise(s.manager, { personId: s.emp.person.id, title: 'Unclear priorities', category: 'clarity', source: 'one_on_one' });
    expect(await notices(s.org.id)).toHaveLength(0);
    await raise(s.boss, { personId: s.emp.person.id, title: 'Too much on', category: 'workload', source: 'self' });
    await raise(s.hr, { personId: s.emp.person.id, title: 'Laptop too slow', category: 'tools', source: 'self' });
    expect((await notices(s.org.id)).map((n) => n.personId)).toEqual([s.manager.person.id, s.manager.person.id]);
  });

  it('a peer, a learning admin and another organisation may not raise one (404), and nothing is written', async () => {
    const s = await setup();
    for (const u of [s.peer, s.learningAdmin, s.stranger]) {
      await expect(raise(u, { personId: s.emp.person.id, title: 'x', category: 'other', source: 'self' })).rejects.toMatchObject({ code: 'not_found' });
    }
    expect(await notices(s.org.id)).toHaveLength(0);
  });

  it("refuses a goal the actor may not read, and an empty title; a long title is cut and kept whole as the description", async () => {
    const s = await setup();
    const peersGoal = await createPersonGoal(t, s.org.id, s.peer.person.id);
    await expect(raise(s.emp, { personId: s.emp.person.id, title: 'Blocked', category: 'other', goalId: peersGoal.id, source: 'self' })).rejects.toMatchObject({
      code: 'validation_failed',
      details: [{ path: 'goalId' }],
    });
    await expect(raise(s.emp, { personId: s.emp.person.id, title: '   ', category: 'other', source: 'self' })).rejects.toMatchObject({ details: [{ path: 'title' }] });
    const long = 'The build server is down again '.repeat(10).trim();
    const h = await raise(s.emp, { personId: s.emp.person.id, title: long, category: 'tools', source: 'check_in' });
    expect(h.title.length).toBeLessThanOrEqual(200);
    expect(h.title.endsWith('…')).toBe(true);
    expect(h.description).toBe(long);
  });

  it('readableHurdle: the person, their chain and HR; null for a peer, a learning admin, another organisation and an unknown id', async () => {
    const s = await setup();
    const h = await raise(s.emp, { personId: s.emp.person.id, title: 'Stuck', category: 'skill', source: 'self' });
    for (const u of [s.emp, s.manager, s.boss, s.hr]) expect((await readableHurdle(t.ctx.db, hurdleActor(u), h.id))?.id).toBe(h.id);
    for (const u of [s.peer, s.learningAdmin, s.stranger]) expect(await readableHurdle(t.ctx.db, hurdleActor(u), h.id)).toBeNull();
    expect(await readableHurdle(t.ctx.db, hurdleActor(s.emp), '01900000-0000-7000-8000-000000000000')).toBeNull();
  });
});
