import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { notification } from '../../src/server/db/schema/index.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { createCompanyValue, feedbackTeam } from '../support/feedback.ts';
import { createSkill } from '../support/talent.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});

describe('company values', () => {
  it('HR admins add, rename and archive values; a used value is archived, an unused one deleted; others get 404', async () => {
    const { as } = await feedbackTeam(t);
    const created = await as.hr.post('company-values', { name: 'Own it', description: 'Take responsibility' });
    expect(created.status).toBe(201);
    expect((await as.hr.post('company-values', { name: 'own IT' })).status).toBe(409);
    const spare = await as.hr.post('company-values', { name: 'Spare', position: 2 });
    expect((await as.emp.post('company-values', { name: 'Mine' })).status).toBe(404);
    expect((await as.manager.patch(`company-values/${created.body.id}`, { name: 'X' })).status).toBe(404);
    expect((await as.emp.delete(`company-values/${created.body.id}`)).status).toBe(404);

    const renamed = await as.hr.patch(`company-values/${created.body.id}`, { name: 'Own the outcome' });
    expect(renamed.body).toMatchObject({ name: 'Own the outcome', archived: false, used: false });

    expect(spare.body.position).toBe(2);
    const listed = (await as.emp.get('company-values')).body.data;
    expect(listed.map((v: { name: string }) => v.name)).toEqual(['Own the outcome', 'Spare']);
  });

  it('a value named by praise is archived, not deleted, and hidden from the choices', async () => {
    const { as, people } = await feedbackTeam(t);
    const value = await as.hr.post('company-values', { name: 'Be kind' });
    const spare = await as.hr.post('company-values', { name: 'Spare' });
    const p = await as.emp.post('praise', { recipientIds: [people.peer.person.id], message: 'Thanks for the help', valueIds: [value.body.id] });
    expect(p.status).toBe(201);
    const del = await as.hr.delete(`company-values/${value.body.id}`);
    expect(del.body).toMatchObject({ deleted: false, value: { archived: true, used: true } });
    expect((await as.hr.delete(`company-values/${spare.body.id}`)).body).toEqual({ deleted: true, value: null });
    expect((await as.emp.get('company-values')).body.data).toEqual([]);
    expect((await as.hr.get('company-values?includeArchived=true')).body.data.map((v: { name: string }) => v.name)).toEqual(['Be kind']);
    expect((await as.peer.get(`praise/${p.body.id}`)).body.values).toEqual([{ id: value.body.id, name: 'Be kind' }]);
    // An archived value cannot be chosen any more.
    expect((await as.emp.post('praise', { recipientIds: [people.peer.person.id], message: 'Again', valueIds: [value.body.id] })).status).toBe(400);
  });
});

describe('praise', () => {
  it('public praise reaches the feed, newest first with a cursor; recipients are notified in-app and by email', async () => {
    const { org, as, people } = await feedbackTeam(t);
    const value = await createCompanyValue(t, org.id, 'Customers first');
    const skill = await createSkill(t, org.id, { name: 'Negotiation' });
    const first = await as.emp.post('praise', {
      recipientIds: [people.peer.person.id, people.peer2.person.id],
      message: 'Great demo',
      valueIds: [value.id],
      skillIds: [skill.id],
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      giver: { id: people.emp.person.id, name: 'Eli Employee' },
      recipients: [{ name: 'Pat Peer' }, { name: 'Quinn Peer' }],
      values: [{ name: 'Customers first' }],
      skills: [{ name: 'Negotiation' }],
      visibility: 'public',
    });
    for (let i = 0; i < 3; i++) {
      t.clock.advance(60_000);
      expect((await as.peer.post('praise', { recipientIds: [people.emp.person.id], message: `Thanks ${i}` })).status).toBe(201);
    }
    const page1 = await as.outsider.get('praise?limit=2');
    expect(page1.body.data.map((p: { message: string }) => p.message)).toEqual(['Thanks 2', 'Thanks 1']);
    const page2 = await as.outsider.get(`praise?limit=2&cursor=${page1.body.nextCursor}`);
    expect(page2.body.data.map((p: { message: string }) => p.message)).toEqual(['Thanks 0', 'Great demo']);
    expect(page2.body.nextCursor).toBeNull();

    const notes = await t.ctx.db
      .select()
      .from(notification)
      .where(and(eq(notification.orgId, org.id), eq(notification.personId, people.peer2.person.id)));
    expect(notes.map((n) => n.title)).toEqual(['Eli Employee praised you']);

    expect((await as.emp.post('praise', { recipientIds: [people.emp.person.id], message: 'Me' })).status).toBe(400);
    expect((await as.emp.post('praise', { recipientIds: [people.peer.person.id], message: 'x', extra: 1 } as never)).status).toBe(400);
  });

  it('private praise is for its giver and recipients only: not the feed, and 404 for anyone else, admins included', async () => {
    const { as, people } = await feedbackTeam(t);
    const p = await as.emp.post('praise', { recipientIds: [people.peer.person.id], message: 'Just between us', visibility: 'private' });
    expect(p.status).toBe(201);
    expect((await as.peer.get(`praise/${p.body.id}`)).status).toBe(200);
    expect((await as.emp.get(`praise/${p.body.id}`)).status).toBe(200);
    for (const c of [as.peer2, as.manager, as.hr, as.admin]) {
      expect((await c.get(`praise/${p.body.id}`)).status).toBe(404);
      expect((await c.post(`praise/${p.body.id}/reactions`, { emoji: '🎉' })).status).toBe(404);
      expect((await c.post(`praise/${p.body.id}/comments`, { body: 'hi' })).status).toBe(404);
      expect((await c.get(`people/${people.peer.person.id}/praise`)).body.data).toEqual([]);
    }
    expect((await as.outsider.get('praise')).body.data).toEqual([]);
    expect((await as.emp.get(`people/${people.peer.person.id}/praise`)).body.data.map((x: { id: string }) => x.id)).toEqual([p.body.id]);
    expect((await as.peer.get(`people/${people.peer.person.id}/praise`)).body.data).toHaveLength(1);
  });

  it('reactions toggle per person and emoji; comments are listed and removed by their author only', async () => {
    const { as, people } = await feedbackTeam(t);
    const p = await as.emp.post('praise', { recipientIds: [people.peer.person.id], message: 'Shipped it' });
    await as.peer.post(`praise/${p.body.id}/reactions`, { emoji: '🎉' });
    const two = await as.outsider.post(`praise/${p.body.id}/reactions`, { emoji: '🎉' });
    expect(two.body.reactions).toEqual([{ emoji: '🎉', count: 2, mine: true }]);
    const off = await as.outsider.post(`praise/${p.body.id}/reactions`, { emoji: '🎉' });
    expect(off.body.reactions).toEqual([{ emoji: '🎉', count: 1, mine: false }]);
    expect((await as.outsider.post(`praise/${p.body.id}/reactions`, { emoji: 'lol' })).status).toBe(400);

    const commented = await as.outsider.post(`praise/${p.body.id}/comments`, { body: 'Well deserved' });
    expect(commented.status).toBe(201);
    const c = commented.body.comments[0]!;
    expect(c).toMatchObject({ body: 'Well deserved', author: { name: 'Otto Outsider' }, mine: true });
    expect((await as.emp.get('praise')).body.data[0]).toMatchObject({ commentCount: 1, reactions: [{ emoji: '🎉', count: 1 }] });
    expect((await as.peer.delete(`praise/${p.body.id}/comments/${c.id}`)).status).toBe(404);
    expect((await as.outsider.delete(`praise/${p.body.id}/comments/${c.id}`)).status).toBe(204);
    expect((await as.peer.delete(`praise/${p.body.id}`)).status).toBe(404);
    expect((await as.emp.delete(`praise/${p.body.id}`)).status).toBe(204);
    expect((await as.peer.get(`praise/${p.body.id}`)).status).toBe(404);
  });
});
