import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { createDepartment, createOrg, createPerson } from '../support/factories.ts';
import { orgWithAdmin } from './helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});

describe('org chart', () => {
  it('expands level by level with direct report counts, and gives the path to a person', async () => {
    const { org, hr, emp, hrUser, empUser } = await orgWithAdmin(t);
    const dept = await createDepartment(t, org.id, 'Exec');
    const ceo = await createPerson(t, org.id, { firstName: 'Cleo', lastName: 'Chief', jobTitle: 'CEO', departmentId: dept.id });
    const cto = await createPerson(t, org.id, { lastName: 'Cto', managerId: ceo.id });
    const cfo = await createPerson(t, org.id, { lastName: 'Cfo', managerId: ceo.id });
    const dev = await createPerson(t, org.id, { managerId: cto.id });
    await createPerson(t, org.id, { managerId: cto.id, status: 'inactive' });
    // The signed-in users of the fixture have no manager either.
    await hr.patch(`people/${hrUser.person.id}`, { managerId: ceo.id });
    await hr.patch(`people/${empUser.person.id}`, { managerId: ceo.id });

    const top = await emp.get('org-chart');
    expect(top.status).toBe(200);
    expect(top.body).toEqual({
      node: null,
      children: [
        { id: ceo.id, name: 'Cleo Chief', jobTitle: 'CEO', department: { id: dept.id, name: 'Exec' }, directReportCount: 4 },
      ],
    });
    const level = await emp.get(`org-chart?rootId=${cto.id}`);
    expect(level.body.node).toMatchObject({ id: cto.id, directReportCount: 1 });
    expect(level.body.children).toEqual([expect.objectContaining({ id: dev.id, directReportCount: 0 })]);

    expect((await emp.get(`org-chart/path/${dev.id}`)).body).toEqual({ ancestorIds: [ceo.id, cto.id] });
    expect((await emp.get(`org-chart/path/${ceo.id}`)).body).toEqual({ ancestorIds: [] });

    // A deactivated manager's reports move to the top level, and paths start below them.
    await hr.post(`people/${ceo.id}/deactivate`);
    const afterTop = (await emp.get('org-chart')).body.children.map((c: { id: string }) => c.id);
    expect(afterTop).toEqual(expect.arrayContaining([cto.id, cfo.id]));
    expect(afterTop).not.toContain(ceo.id);
    expect((await emp.get(`org-chart/path/${dev.id}`)).body).toEqual({ ancestorIds: [cto.id] });
  });

  it("answers 404 for another organisation's person", async () => {
    const { emp } = await orgWithAdmin(t);
    const stranger = await createPerson(t, (await createOrg(t)).id);
    expect((await emp.get(`org-chart?rootId=${stranger.id}`)).status).toBe(404);
    expect((await emp.get(`org-chart/path/${stranger.id}`)).status).toBe(404);
    expect((await emp.get('org-chart?rootId=nope')).status).toBe(400);
  });
});
