import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { createDepartment, createOrg, createPerson } from '../support/factories.ts';
import { orgWithAdmin } from './helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});

describe('departments', () => {
  it('builds a tree with headcounts of active people', async () => {
    const { org, hr, emp } = await orgWithAdmin(t);
    const eng = (await hr.post('departments', { name: 'Engineering' })).body;
    const web = await hr.post('departments', { name: 'Web', parentId: eng.id });
    expect(web.status).toBe(201);
    expect(web.body).toMatchObject({ name: 'Web', parentId: eng.id, headcount: 0 });
    await createPerson(t, org.id, { departmentId: eng.id });
    await createPerson(t, org.id, { departmentId: web.body.id });
    await createPerson(t, org.id, { departmentId: web.body.id });
    await createPerson(t, org.id, { departmentId: web.body.id, status: 'inactive' });
    const list = await emp.get('departments');
    expect(list.status).toBe(200);
    expect(list.body.data).toEqual([
      { id: eng.id, name: 'Engineering', parentId: null, headcount: 1, totalHeadcount: 3 },
      { id: web.body.id, name: 'Web', parentId: eng.id, headcount: 2, totalHeadcount: 2 },
    ]);
  });

  it('renames and moves, refusing cycles and duplicate names', async () => {
    const { org, hr } = await orgWithAdmin(t);
    const a = (await hr.post('departments', { name: 'A' })).body;
    const b = (await hr.post('departments', { name: 'B', parentId: a.id })).body;
    const c = (await hr.post('departments', { name: 'C', parentId: b.id })).body;
    const cycle = await hr.patch(`departments/${a.id}`, { parentId: c.id });
    expect(cycle.status).toBe(422);
    expect(cycle.body.error.details[0].path).toBe('parentId');
    expect((await hr.patch(`departments/${a.id}`, { parentId: a.id })).status).toBe(422);
    expect((await hr.patch(`departments/${c.id}`, {})).body).toMatchObject({ name: 'C', parentId: b.id });
    const moved = await hr.patch(`departments/${c.id}`, { parentId: null, name: 'C prime' });
    expect(moved.body).toMatchObject({ name: 'C prime', parentId: null });
    const dup = await hr.patch(`departments/${c.id}`, { name: 'a' });
    expect(dup.status).toBe(409);
    expect(dup.body.error.details[0].path).toBe('name');
    const foreign = await createDepartment(t, (await createOrg(t)).id, 'Foreign');
    expect((await hr.patch(`departments/${c.id}`, { parentId: foreign.id })).status).toBe(422);
    const audit = await t.ctx.database.executeSql(
      `select action from audit_event where org_id = $1 and record_type = 'department' order by at`,
      [org.id],
    );
    expect(audit.rows.map((r) => r.action)).toEqual(['department.created', 'department.created', 'department.created', 'department.updated']);
  });

  it('refuses to delete a department that has people or sub-departments', async () => {
    const { org, hr } = await orgWithAdmin(t);
    const parent = (await hr.post('departments', { name: 'Parent' })).body;
    const child = (await hr.post('departments', { name: 'Child', parentId: parent.id })).body;
    const p = await createPerson(t, org.id, { departmentId: child.id, status: 'inactive' });
    const withChild = await hr.delete(`departments/${parent.id}`);
    expect(withChild.status).toBe(409);
    expect(withChild.body.error.message).toMatch(/1 sub-department/);
    const withPeople = await hr.delete(`departments/${child.id}`);
    expect(withPeople.status).toBe(409);
    expect(withPeople.body.error.message).toMatch(/1 person/);
    await hr.patch(`people/${p.id}`, { departmentId: null });
    expect((await hr.delete(`departments/${child.id}`)).status).toBe(204);
    expect((await hr.delete(`departments/${parent.id}`)).status).toBe(204);
    expect((await hr.get('departments')).body.data).toEqual([]);
  });

  it('answers 404 to employees and to other organisations on mutations', async () => {
    const { org, emp } = await orgWithAdmin(t);
    const d = await createDepartment(t, org.id, 'Ops');
    expect((await emp.post('departments', { name: 'Mine' })).status).toBe(404);
    expect((await emp.patch(`departments/${d.id}`, { name: 'Mine' })).status).toBe(404);
    expect((await emp.delete(`departments/${d.id}`)).status).toBe(404);
    const { hr: otherHr } = await orgWithAdmin(t);
    expect((await otherHr.patch(`departments/${d.id}`, { name: 'Mine' })).status).toBe(404);
    expect((await otherHr.delete(`departments/${d.id}`)).status).toBe(404);
  });
});
