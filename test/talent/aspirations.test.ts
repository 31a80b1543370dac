import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { domainEvent, jobProfile } from '../../src/server/db/schema/index.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { signInAs } from '../support/client.ts';
import { createOrg, createUser } from '../support/factories.ts';

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
  const otherManager = await createUser(t, org.id);
  const hr = await createUser(t, org.id, { roles: ['hr_admin'] });
  const [lead] = await t.ctx.db.insert(jobProfile).values({ orgId: org.id, name: 'Team lead' }).returning();
  const [old] = await t.ctx.db.insert(jobProfile).values({ orgId: org.id, name: 'Old role', archivedAt: t.clock.now() }).returning();
  return {
    org,
    emp,
    lead: lead!,
    old: old!,
    as: {
      emp: await signInAs(t, emp),
      manager: await signInAs(t, manager),
      boss: await signInAs(t, boss),
      peer: await signInAs(t, peer),
      otherManager: await signInAs(t, otherManager),
      hr: await signInAs(t, hr),
    },
  };
}

describe('aspirations', () => {
  it('the person, their chain and HR add, change and remove aspirations, answered with the profile name', async () => {
    const { org, emp, lead, as } = await setup();
    const created = await as.emp.post(`people/${emp.person.id}/aspirations`, {
      targetProfileId: lead.id,
      timeFrame: 'within_1_year',
      willingToRelocate: true,
      interests: ['Coaching', 'coaching', 'Hiring'],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      targetProfileName: 'Team lead',
      timeFrame: 'within_1_year',
      willingToRelocate: true,
      willingToChangeTeam: false,
      interests: ['Coaching', 'Hiring'],
    });
    expect((await as.manager.post(`people/${emp.person.id}/aspirations`, { description: 'Lead the data guild' })).status).toBe(201);

    for (const c of [as.emp, as.manager, as.boss, as.hr]) {
      const list = await c.get(`people/${emp.person.id}/aspirations`);
      expect(list.status).toBe(200);
      expect(list.body.data.map((a: { targetProfileName: string | null; description: string | null }) => a.targetProfileName ?? a.description)).toEqual([
        'Team lead',
        'Lead the data guild',
      ]);
    }

    const patched = await as.hr.patch(`aspirations/${created.body.id}`, { timeFrame: 'within_2_years', willingToChangeTeam: true });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ timeFrame: 'within_2_years', willingToChangeTeam: true, targetProfileName: 'Team lead' });
    expect((await as.boss.delete(`aspirations/${created.body.id}`)).status).toBe(204);
    expect((await as.emp.get(`people/${emp.person.id}/aspirations`)).body.data).toHaveLength(1);

    // Every change tells recommendations the person's aspirations moved.
    const events = await t.ctx.db
      .select()
      .from(domainEvent)
      .where(and(eq(domainEvent.orgId, org.id), eq(domainEvent.type, 'talent.aspiration_changed')));
    expect(events).toHaveLength(4);
    expect(events.every((e) => (e.payload as { personId: string }).personId === emp.person.id)).toBe(true);
  });

  it('hides a person’s aspirations from peers, other managers and other organisations', async () => {
    const { emp, as } = await setup();
    const a = await as.emp.post(`people/${emp.person.id}/aspirations`, { description: 'Move into product' });
    const other = await setup();
    for (const c of [as.peer, as.otherManager, other.as.hr, other.as.emp]) {
      expect((await c.get(`people/${emp.person.id}/aspirations`)).status).toBe(404);
      expect((await c.post(`people/${emp.person.id}/aspirations`, { description: 'x' })).status).toBe(404);
      expect((await c.patch(`aspirations/${a.body.id}`, { description: 'x' })).status).toBe(404);
      expect((await c.delete(`aspirations/${a.body.id}`)).status).toBe(404);
    }
    // An aspiration is not the manager's own to edit through the person's subordinate either way round.
    expect((await as.emp.get(`people/${other.emp.person.id}/aspirations`)).status).toBe(404);
  });

  it('needs a target profile or a description, an active profile of the organisation, and short interests', async () => {
    const { emp, old, as } = await setup();
    const other = await setup();
    const url = `people/${emp.person.id}/aspirations`;
    const empty = await as.emp.post(url, { timeFrame: 'later' });
    expect(empty.status).toBe(400);
    expect(empty.body.error.details[0].path).toBe('targetProfileId');
    const archived = await as.emp.post(url, { targetProfileId: old.id });
    expect(archived.status).toBe(400);
    expect(archived.body.error.details[0].path).toBe('targetProfileId');
    expect((await as.emp.post(url, { targetProfileId: other.lead.id })).status).toBe(400);
    const long = await as.emp.post(url, { description: 'x', interests: ['a'.repeat(61)] });
    expect(long.status).toBe(400);
    expect(long.body.error.details[0].path).toMatch(/^interests/);
    expect((await as.emp.post(url, { description: 'x', interests: Array.from({ length: 21 }, (_, i) => `i${i}`) })).status).toBe(400);
    expect((await as.emp.raw.post(url, { description: 'x', salary: 1 })).status).toBe(400);
    expect((await as.emp.post(url, { description: 'x', timeFrame: 'someday' })).status).toBe(400);

    const ok = await as.emp.post(url, { description: 'Own words' });
    const cleared = await as.emp.patch(`aspirations/${ok.body.id}`, { description: null });
    expect(cleared.status).toBe(400);
    expect((await as.emp.patch(`aspirations/${ok.body.id}`, { targetProfileId: old.id })).status).toBe(400);
  });
});
