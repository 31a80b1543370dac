import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { signInAs } from '../support/client.ts';
import { createDepartment, createOrg, createPerson, createUser } from '../support/factories.ts';
import { orgWithAdmin } from './helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});

type Member = { id: string };
const memberIds = async (c: Awaited<ReturnType<typeof orgWithAdmin>>['hr'], groupId: string) => {
  const res = await c.get(`groups/${groupId}/members?limit=200`);
  expect(res.status).toBe(200);
  return res.body.data.map((p: Member) => p.id).sort();
};

async function membershipEvents(orgId: string, groupId: string) {
  const r = await t.ctx.database.executeSql(
    `select payload from domain_event where org_id = $1 and type = 'group.members_changed' and payload->>'groupId' = $2 order by occurred_at, id`,
    [orgId, groupId],
  );
  return r.rows.map((x) => ({ added: x.payload.added as string[], removed: x.payload.removed as string[] }));
}

describe('smart groups', () => {
  it('fills a smart group from its rule, including sub-departments, and keeps it current', async () => {
    const { org, hr } = await orgWithAdmin(t);
    const eng = await createDepartment(t, org.id, 'Engineering');
    const platform = await createDepartment(t, org.id, 'Platform', eng.id);
    const sales = await createDepartment(t, org.id, 'Sales');
    const dev = await createPerson(t, org.id, { departmentId: eng.id, jobTitle: 'Senior Engineer' });
    const sre = await createPerson(t, org.id, { departmentId: platform.id, jobTitle: 'Site Reliability Engineer' });
    const rep = await createPerson(t, org.id, { departmentId: sales.id, jobTitle: 'Account Executive' });
    await createPerson(t, org.id, { departmentId: eng.id, status: 'inactive' });

    const created = await hr.post('groups', {
      name: 'Engineering org',
      kind: 'smart',
      rule: { match: 'all', conditions: [{ field: 'department', op: 'in', value: [eng.id] }] },
    });
    expect(created.status).toBe(201);
    expect(created.body.memberCount).toBe(2);
    const gid = created.body.id;
    expect(await memberIds(hr, gid)).toEqual([dev.id, sre.id].sort());
    expect(await membershipEvents(org.id, gid)).toEqual([{ added: [dev.id, sre.id].sort(), removed: [] }]);

    // A person's department changes: in and out.
    await hr.patch(`people/${rep.id}`, { departmentId: platform.id });
    await hr.patch(`people/${dev.id}`, { departmentId: sales.id });
    expect(await memberIds(hr, gid)).toEqual([rep.id, sre.id].sort());
    expect((await membershipEvents(org.id, gid)).slice(1)).toEqual([
      { added: [rep.id], removed: [] },
      { added: [], removed: [dev.id] },
    ]);

    // Deactivation removes, reactivation restores.
    await hr.post(`people/${sre.id}/deactivate`);
    expect(await memberIds(hr, gid)).toEqual([rep.id]);
    await hr.post(`people/${sre.id}/reactivate`);
    expect(await memberIds(hr, gid)).toEqual([rep.id, sre.id].sort());

    // Moving the sub-department out of Engineering takes its people out.
    await hr.patch(`departments/${platform.id}`, { parentId: null });
    expect(await memberIds(hr, gid)).toEqual([]);

    // A new person who matches joins on creation.
    const hire = await hr.post('people', { email: 'newbie@example.test', firstName: 'New', lastName: 'Bie', departmentId: eng.id });
    expect(await memberIds(hr, gid)).toEqual([hire.body.id]);
  });

  it('follows job title and manager changes, directly and through the chain', async () => {
    const { org, hr } = await orgWithAdmin(t);
    const boss = await createPerson(t, org.id);
    const lead = await createPerson(t, org.id, { managerId: boss.id });
    const ic = await createPerson(t, org.id, { managerId: lead.id, jobTitle: 'Analyst' });
    const other = await createPerson(t, org.id, { jobTitle: 'Data Analyst' });

    const chain = (await hr.post('groups', {
      name: "Boss's org",
      kind: 'smart',
      rule: { match: 'all', conditions: [{ field: 'reportsTo', op: 'chain', value: boss.id }] },
    })).body;
    const direct = (await hr.post('groups', {
      name: "Boss's directs",
      kind: 'smart',
      rule: { match: 'all', conditions: [{ field: 'reportsTo', op: 'directly', value: boss.id }] },
    })).body;
    const analysts = (await hr.post('groups', {
      name: 'Analysts',
      kind: 'smart',
      rule: { match: 'all', conditions: [{ field: 'jobTitle', op: 'contains', value: 'analyst' }] },
    })).body;
    expect(await memberIds(hr, chain.id)).toEqual([lead.id, ic.id].sort());
    expect(await memberIds(hr, direct.id)).toEqual([lead.id]);
    expect(await memberIds(hr, analysts.id)).toEqual([ic.id, other.id].sort());

    await hr.patch(`people/${other.id}`, { managerId: lead.id, jobTitle: 'Designer' });
    expect(await memberIds(hr, chain.id)).toEqual([lead.id, ic.id, other.id].sort());
    expect(await memberIds(hr, direct.id)).toEqual([lead.id]);
    expect(await memberIds(hr, analysts.id)).toEqual([ic.id]);

    await hr.patch(`people/${lead.id}`, { managerId: null });
    expect(await memberIds(hr, chain.id)).toEqual([]);
    expect(await memberIds(hr, direct.id)).toEqual([]);
  });

  it('recomputes membership when the rule changes, matching all or any', async () => {
    const { org, hr } = await orgWithAdmin(t);
    await t.ctx.database.executeSql(`insert into custom_field (id, org_id, key, label, type, options) values (gen_random_uuid(), $1, 'level', 'Level', 'choice', '["L1","L2"]')`, [org.id]);
    const berlinOld = await createPerson(t, org.id, { location: 'Berlin', hireDate: '2015-06-01' });
    const berlinNew = await createPerson(t, org.id, { location: 'berlin', hireDate: '2023-01-10', customFields: { level: 'L2' } });
    const parisOld = await createPerson(t, org.id, { location: 'Paris', hireDate: '2012-03-01' });
    const g = (await hr.post('groups', {
      name: 'Berlin',
      kind: 'smart',
      rule: { match: 'all', conditions: [{ field: 'location', op: 'equals', value: 'Berlin' }] },
    })).body;
    expect(await memberIds(hr, g.id)).toEqual([berlinOld.id, berlinNew.id].sort());

    const all = await hr.patch(`groups/${g.id}`, {
      rule: {
        match: 'all',
        conditions: [
          { field: 'location', op: 'equals', value: 'Berlin' },
          { field: 'hireDate', op: 'before', value: '2020-01-01' },
        ],
      },
    });
    expect(all.status).toBe(200);
    expect(all.body.memberCount).toBe(1);
    expect(await memberIds(hr, g.id)).toEqual([berlinOld.id]);

    await hr.patch(`groups/${g.id}`, {
      rule: {
        match: 'any',
        conditions: [
          { field: 'customField', key: 'level', op: 'equals', value: 'L2' },
          { field: 'hireDate', op: 'before', value: '2013-01-01' },
        ],
      },
    });
    expect(await memberIds(hr, g.id)).toEqual([berlinNew.id, parisOld.id].sort());
    const events = await membershipEvents(org.id, g.id);
    expect(events.at(-1)).toEqual({ added: [berlinNew.id, parisOld.id].sort(), removed: [berlinOld.id] });
  });

  it('previews a rule with a count and a sample of up to ten', async () => {
    const { org, hr } = await orgWithAdmin(t);
    for (let i = 0; i < 12; i += 1) await createPerson(t, org.id, { jobTitle: 'Nurse', lastName: `N${String(i).padStart(2, '0')}` });
    await createPerson(t, org.id, { jobTitle: 'Doctor' });
    await createPerson(t, org.id, { jobTitle: 'Nurse', status: 'inactive' });
    const res = await hr.post('groups/preview', { rule: { match: 'all', conditions: [{ field: 'jobTitle', op: 'contains', value: 'nur' }] } });
    expect(res.status).toBe(200);
    expect(res.body.count).toBe(12);
    expect(res.body.sample).toHaveLength(10);
    expect(res.body.sample[0]).toMatchObject({ lastName: 'N00', jobTitle: 'Nurse' });
    const none = await hr.post('groups/preview', { rule: { match: 'all', conditions: [{ field: 'jobTitle', op: 'contains', value: '%' }] } });
    expect(none.body).toEqual({ count: 0, sample: [] });
  });

  it('explains what is wrong with a rule', async () => {
    const { hr } = await orgWithAdmin(t);
    const other = await createOrg(t);
    const foreignDept = await createDepartment(t, other.id, 'Foreign');
    const bad = await hr.raw.post('groups', {
      name: 'Bad',
      kind: 'smart',
      rule: { match: 'most', conditions: [{ field: 'hireDate', op: 'after', value: '2021-13-01' }, { field: 'shoeSize', op: 'equals', value: '9' }] },
    });
    expect(bad.status).toBe(400);
    const paths = bad.body.error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['rule.match', 'rule.conditions.0.value', 'rule.conditions.1.field']));

    const refs = await hr.post('groups', {
      name: 'Refs',
      kind: 'smart',
      rule: { match: 'all', conditions: [{ field: 'department', op: 'in', value: [foreignDept.id] }, { field: 'customField', key: 'nope', op: 'equals', value: 'x' }] },
    });
    expect(refs.status).toBe(400);
    expect(refs.body.error.details.map((d: { path: string }) => d.path)).toEqual(['rule.conditions.0.value.0', 'rule.conditions.1.key']);

    const noRule = await hr.post('groups', { name: 'No rule', kind: 'smart' });
    expect(noRule.status).toBe(400);
    expect(noRule.body.error.details[0].path).toBe('rule');
  });
});

describe('static groups', () => {
  it('adds and removes members by hand, and refuses that for smart groups', async () => {
    const { org, hr } = await orgWithAdmin(t);
    const a = await createPerson(t, org.id);
    const b = await createPerson(t, org.id);
    const g = (await hr.post('groups', { name: 'Mentors', kind: 'static', description: 'Volunteer mentors' })).body;
    expect(g).toMatchObject({ kind: 'static', memberCount: 0, rule: null });

    const added = await hr.post(`groups/${g.id}/members`, { personIds: [a.id, b.id, a.id] });
    expect(added.status).toBe(200);
    expect(added.body.memberCount).toBe(2);
    expect(await memberIds(hr, g.id)).toEqual([a.id, b.id].sort());
    // Adding again changes nothing.
    expect((await hr.post(`groups/${g.id}/members`, { personIds: [a.id] })).body.memberCount).toBe(2);

    expect((await hr.delete(`groups/${g.id}/members/${a.id}`)).status).toBe(204);
    expect(await memberIds(hr, g.id)).toEqual([b.id]);
    expect((await hr.delete(`groups/${g.id}/members/${a.id}`)).status).toBe(404);
    expect(await membershipEvents(org.id, g.id)).toEqual([
      { added: [a.id, b.id].sort(), removed: [] },
      { added: [], removed: [a.id] },
    ]);

    const stranger = await createPerson(t, (await createOrg(t)).id);
    const foreign = await hr.post(`groups/${g.id}/members`, { personIds: [stranger.id] });
    expect(foreign.status).toBe(422);
    expect(foreign.body.error.details[0].path).toBe('personIds.0');

    const smart = (await hr.post('groups', {
      name: 'Smart',
      kind: 'smart',
      rule: { match: 'all', conditions: [{ field: 'location', op: 'equals', value: 'Nowhere' }] },
    })).body;
    expect((await hr.post(`groups/${smart.id}/members`, { personIds: [a.id] })).status).toBe(409);
    expect((await hr.delete(`groups/${smart.id}/members/${a.id}`)).status).toBe(409);
  });

  it('lists groups with counts and search, and filters the directory by group', async () => {
    const { org, hr } = await orgWithAdmin(t);
    const a = await createPerson(t, org.id);
    const g1 = (await hr.post('groups', { name: 'Book club', kind: 'static' })).body;
    await hr.post('groups', { name: 'Chess club', kind: 'static' });
    await hr.post('groups', { name: 'Runners', kind: 'static' });
    await hr.post(`groups/${g1.id}/members`, { personIds: [a.id] });
    const clubs = await hr.get('groups?q=club');
    expect(clubs.body.data.map((g: { name: string }) => g.name)).toEqual(['Book club', 'Chess club']);
    expect(clubs.body.data[0]!.memberCount).toBe(1);
    const page1 = await hr.get('groups?limit=2');
    const page2 = await hr.get(`groups?limit=2&cursor=${page1.body.nextCursor}`);
    expect([...page1.body.data, ...page2.body.data].map((g: { name: string }) => g.name)).toEqual(['Book club', 'Chess club', 'Runners']);
    expect((await hr.post('groups', { name: 'book CLUB', kind: 'static' })).status).toBe(409);
    expect((await hr.patch(`groups/${g1.id}`, {})).body).toMatchObject({ name: 'Book club', memberCount: 1 });
    const renamed = await hr.patch(`groups/${g1.id}`, { name: 'Readers', description: 'Monthly' });
    expect(renamed.body).toMatchObject({ name: 'Readers', description: 'Monthly' });
    expect((await hr.patch(`groups/${g1.id}`, { rule: { match: 'all', conditions: [{ field: 'location', op: 'equals', value: 'X' }] } })).status).toBe(400);
    const inGroup = await hr.get(`people?groupId=${g1.id}`);
    expect(inGroup.body.data.map((p: Member) => p.id)).toEqual([a.id]);
    expect((await hr.delete(`groups/${g1.id}`)).status).toBe(204);
    expect((await hr.get(`groups/${g1.id}`)).status).toBe(404);
  });
});

describe('group visibility', () => {
  it('answers 404 to employees, lets learning admins read but not change', async () => {
    const { org, hr, emp } = await orgWithAdmin(t);
    const learner = await signInAs(t, await createUser(t, org.id, { roles: ['learning_admin'] }));
    const a = await createPerson(t, org.id);
    const g = (await hr.post('groups', { name: 'Cohort', kind: 'static' })).body;
    for (const res of [
      await emp.get('groups'),
      await emp.get(`groups/${g.id}`),
      await emp.get(`groups/${g.id}/members`),
      await emp.get(`people?groupId=${g.id}`),
      await emp.post('groups', { name: 'Mine', kind: 'static' }),
      await emp.patch(`groups/${g.id}`, { name: 'Hijacked' }),
      await emp.delete(`groups/${g.id}`),
      await emp.post(`groups/${g.id}/members`, { personIds: [a.id] }),
      await emp.post('groups/preview', { rule: { match: 'all', conditions: [{ field: 'location', op: 'equals', value: 'X' }] } }),
      await learner.post(`groups/${g.id}/members`, { personIds: [a.id] }),
      await learner.patch(`groups/${g.id}`, { name: 'Renamed' }),
    ]) {
      expect(res.status).toBe(404);
    }
    expect((await learner.get('groups')).body.data).toHaveLength(1);
    expect((await learner.get(`groups/${g.id}/members`)).status).toBe(200);
    expect((await hr.get(`groups/${g.id}`)).body).toMatchObject({ name: 'Cohort', memberCount: 0 });

    const { hr: otherHr } = await orgWithAdmin(t);
    expect((await otherHr.get(`groups/${g.id}`)).status).toBe(404);
    expect((await otherHr.get(`groups/${g.id}/members`)).status).toBe(404);
    expect((await otherHr.delete(`groups/${g.id}`)).status).toBe(404);
  });
});
