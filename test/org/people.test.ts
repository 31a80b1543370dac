import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { createDepartment, createOrg, createPerson } from '../support/factories.ts';
import { orgWithAdmin, personBody } from './helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});

const paths = (res: { body: any }) => (res.body.error?.details ?? []).map((d: { path: string }) => d.path);

describe('creating and changing people', () => {
  it('lets an HR admin add a person and change them partially, with an audit trail', async () => {
    const { org, hr } = await orgWithAdmin(t);
    const dept = await createDepartment(t, org.id, 'Engineering');
    const boss = await createPerson(t, org.id, { firstName: 'Bea', lastName: 'Boss' });
    const created = await hr.post('people', personBody({
      email: 'Grace.Hopper@Example.test',
      firstName: 'Grace',
      lastName: 'Hopper',
      employeeNumber: 'E-100',
      departmentId: dept.id,
      managerId: boss.id,
      timeZone: 'America/New_York',
      locale: 'en-us',
      hireDate: '2020-02-29',
    }));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      email: 'grace.hopper@example.test',
      name: 'Grace Hopper',
      department: { id: dept.id, name: 'Engineering' },
      manager: { id: boss.id, name: 'Bea Boss' },
      locale: 'en-US',
      status: 'active',
      directReportCount: 0,
    });

    const patched = await hr.patch(`people/${created.body.id}`, { jobTitle: 'Rear Admiral' });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ jobTitle: 'Rear Admiral', employeeNumber: 'E-100', manager: { id: boss.id } });

    const bossView = await hr.get(`people/${boss.id}`);
    expect(bossView.body.directReportCount).toBe(1);

    const audit = await t.ctx.database.executeSql(
      `select action, before, after from audit_event where org_id = $1 and record_id = $2 order by at, action`,
      [org.id, created.body.id],
    );
    expect(audit.rows.map((r) => r.action)).toEqual(['person.created', 'person.updated']);
    const update = audit.rows.find((r) => r.action === 'person.updated')!;
    expect(update.before.jobTitle).toBeNull();
    expect(update.after.jobTitle).toBe('Rear Admiral');
  });

  it('validates emails, dates, time zones and locales, naming the fields', async () => {
    const { hr } = await orgWithAdmin(t);
    const res = await hr.raw.post('people', {
      email: 'not-an-email',
      firstName: '',
      lastName: 'X',
      hireDate: '2023-02-30',
      timeZone: 'Mars/Olympus',
      locale: 'english please',
      shoeSize: 44,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(paths(res)).toEqual(expect.arrayContaining(['email', 'firstName', 'hireDate', 'timeZone', 'locale', 'shoeSize']));
  });

  it('answers 409 naming the field when an email or employee number is taken', async () => {
    const { org, hr } = await orgWithAdmin(t);
    const existing = await createPerson(t, org.id, { email: 'taken@example.test', employeeNumber: 'E-1' });
    const dupEmail = await hr.post('people', personBody({ email: 'TAKEN@example.test' }));
    expect(dupEmail.status).toBe(409);
    expect(paths(dupEmail)).toEqual(['email']);
    const dupNumber = await hr.post('people', personBody({ employeeNumber: 'E-1' }));
    expect(dupNumber.status).toBe(409);
    expect(paths(dupNumber)).toEqual(['employeeNumber']);
    const other = await createPerson(t, org.id);
    const patch = await hr.patch(`people/${other.id}`, { email: existing.email });
    expect(patch.status).toBe(409);
    expect(paths(patch)).toEqual(['email']);
    // The same email in another organisation is fine.
    const { hr: hr2 } = await orgWithAdmin(t);
    expect((await hr2.post('people', personBody({ email: 'taken@example.test' }))).status).toBe(201);
  });

  it('refuses a manager that would make reporting lines a cycle', async () => {
    const { org, hr } = await orgWithAdmin(t);
    const top = await createPerson(t, org.id, { firstName: 'Top', lastName: 'Dog' });
    const mid = await createPerson(t, org.id, { managerId: top.id });
    const low = await createPerson(t, org.id, { firstName: 'Low', lastName: 'Level', managerId: mid.id });

    const cycle = await hr.patch(`people/${top.id}`, { managerId: low.id });
    expect(cycle.status).toBe(422);
    expect(cycle.body.error.code).toBe('unprocessable');
    expect(cycle.body.error.message).toMatch(/Low Level reports to this person.*cycle/);
    expect(paths(cycle)).toEqual(['managerId']);

    const self = await hr.patch(`people/${mid.id}`, { managerId: mid.id });
    expect(self.status).toBe(422);
    expect(self.body.error.message).toMatch(/own manager/);

    // Moving sideways is fine, and clearing the manager too.
    expect((await hr.patch(`people/${low.id}`, { managerId: top.id })).status).toBe(200);
    expect((await hr.patch(`people/${low.id}`, { managerId: null })).body.manager).toBeNull();
  });

  it("refuses a manager or department from another organisation", async () => {
    const { org, hr } = await orgWithAdmin(t);
    const other = await createOrg(t);
    const foreigner = await createPerson(t, other.id);
    const foreignDept = await createDepartment(t, other.id, 'Elsewhere');
    const p = await createPerson(t, org.id);
    const res = await hr.patch(`people/${p.id}`, { managerId: foreigner.id, departmentId: foreignDept.id });
    expect(res.status).toBe(422);
    expect(paths(res).sort()).toEqual(['departmentId', 'managerId']);
  });

  it('deactivates and reactivates a person', async () => {
    const { org, hr } = await orgWithAdmin(t);
    const p = await createPerson(t, org.id, { lastName: 'Zzleaver' });
    const off = await hr.post(`people/${p.id}/deactivate`);
    expect(off.status).toBe(200);
    expect(off.body.status).toBe('inactive');
    const active = await hr.get('people?q=zzleaver');
    expect(active.body.data).toHaveLength(0);
    const all = await hr.get('people?q=zzleaver&status=all');
    expect(all.body.data).toHaveLength(1);
    const on = await hr.post(`people/${p.id}/reactivate`);
    expect(on.body.status).toBe('active');
  });

  it('refuses a deactivated manager for someone new, but saves a form that resends an unchanged one', async () => {
    const { org, hr } = await orgWithAdmin(t);
    const m = await createPerson(t, org.id, { firstName: 'Gone', lastName: 'Manager' });
    const report = await createPerson(t, org.id, { managerId: m.id });
    const other = await createPerson(t, org.id);
    await hr.post(`people/${m.id}/deactivate`);
    const resend = await hr.patch(`people/${report.id}`, { managerId: m.id, jobTitle: 'Still here' });
    expect(resend.status).toBe(200);
    expect(resend.body.jobTitle).toBe('Still here');
    const assign = await hr.patch(`people/${other.id}`, { managerId: m.id });
    expect(assign.status).toBe(422);
    expect(assign.body.error.details).toEqual([{ path: 'managerId', message: 'Gone Manager is inactive' }]);
  });

  it('answers 404 to an employee on every mutation', async () => {
    const { org, emp } = await orgWithAdmin(t);
    const p = await createPerson(t, org.id);
    const attempts = [
      await emp.post('people', personBody()),
      await emp.patch(`people/${p.id}`, { jobTitle: 'CEO' }),
      await emp.post(`people/${p.id}/deactivate`),
      await emp.post(`people/${p.id}/reactivate`),
    ];
    for (const res of attempts) {
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('not_found');
    }
    const unchanged = await emp.get(`people/${p.id}`);
    expect(unchanged.body.jobTitle).toBeNull();
    expect(unchanged.body.status).toBe('active');
  });

  it("answers 404 for another organisation's person, to reads and writes", async () => {
    const { hr } = await orgWithAdmin(t);
    const other = await createOrg(t);
    const stranger = await createPerson(t, other.id);
    for (const res of [
      await hr.get(`people/${stranger.id}`),
      await hr.patch(`people/${stranger.id}`, { jobTitle: 'Spy' }),
      await hr.post(`people/${stranger.id}/deactivate`),
      await hr.get(`people/${stranger.id}/reports`),
      await hr.get(`people/${stranger.id}/chain`),
    ]) {
      expect(res.status).toBe(404);
    }
  });
});

describe('reading people', () => {
  it('pages through the directory with cursors, without duplicates or gaps', async () => {
    const { org, hr } = await orgWithAdmin(t);
    // Shared last names exercise the tie-breakers of the keyset.
    for (let i = 0; i < 23; i += 1) {
      await createPerson(t, org.id, { lastName: ['Smith', 'Jones', 'Brown'][i % 3], firstName: `F${String(i % 5)}` });
    }
    const expected = (await hr.get('people?limit=200')).body.data.map((p: { id: string }) => p.id);
    expect(expected).toHaveLength(25);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: { status: number; body: any } = await hr.get(`people?limit=4${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      seen.push(...res.body.data.map((p: { id: string }) => p.id));
      cursor = res.body.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(7);
    expect(seen).toEqual(expected);
    expect((await hr.get('people?cursor=garbage')).status).toBe(400);
  });

  it('searches by name, email and employee number', async () => {
    const { org, emp } = await orgWithAdmin(t);
    const ada = await createPerson(t, org.id, { firstName: 'Ada', lastName: 'Lovelace', email: 'countess@analytical.test', employeeNumber: 'AE-1815' });
    await createPerson(t, org.id, { firstName: 'Charles', lastName: 'Babbage', email: 'charles@analytical.test' });
    const ids = async (q: string) => (await emp.get(`people?q=${encodeURIComponent(q)}`)).body.data.map((p: { id: string }) => p.id);
    expect(await ids('ada love')).toEqual([ada.id]);
    expect(await ids('countess@')).toEqual([ada.id]);
    expect(await ids('ae-1815')).toEqual([ada.id]);
    expect(await ids('analytical')).toHaveLength(2);
    expect(await ids('nobody-like-this')).toEqual([]);
  });

  it('lists direct reports and the manager chain', async () => {
    const { org, emp } = await orgWithAdmin(t);
    const ceo = await createPerson(t, org.id, { firstName: 'Cee', lastName: 'Oh' });
    const vp = await createPerson(t, org.id, { managerId: ceo.id });
    const a = await createPerson(t, org.id, { managerId: vp.id, lastName: 'Aaa' });
    const b = await createPerson(t, org.id, { managerId: vp.id, lastName: 'Bbb' });
    await createPerson(t, org.id, { managerId: vp.id, lastName: 'Ccc', status: 'inactive' });
    const page1 = await emp.get(`people/${vp.id}/reports?limit=1`);
    expect(page1.body.data.map((p: { id: string }) => p.id)).toEqual([a.id]);
    const page2 = await emp.get(`people/${vp.id}/reports?limit=1&cursor=${page1.body.nextCursor}`);
    expect(page2.body.data.map((p: { id: string }) => p.id)).toEqual([b.id]);
    expect(page2.body.nextCursor).toBeNull();
    const chain = await emp.get(`people/${a.id}/chain`);
    expect(chain.body.data.map((p: { id: string }) => p.id)).toEqual([vp.id, ceo.id]);
    expect((await emp.get(`people/${ceo.id}/chain`)).body.data).toEqual([]);
    expect((await emp.get(`people/${vp.id}`)).body.directReportCount).toBe(2);
  });

  it('offers departments and locations for the filter menus', async () => {
    const { org, emp } = await orgWithAdmin(t);
    const sales = await createDepartment(t, org.id, 'Sales');
    const eng = await createDepartment(t, org.id, 'Engineering');
    await createPerson(t, org.id, { location: 'Berlin', departmentId: sales.id });
    await createPerson(t, org.id, { location: 'Amsterdam' });
    await createPerson(t, org.id, { location: 'Berlin' });
    await createPerson(t, org.id, { location: 'Gone City', status: 'inactive' });
    const res = await emp.get('people/filters');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      departments: [
        { id: eng.id, name: 'Engineering' },
        { id: sales.id, name: 'Sales' },
      ],
      locations: ['Amsterdam', 'Berlin'],
    });
    const berlin = await emp.get('people?location=Berlin');
    expect(berlin.body.data).toHaveLength(2);
  });
});
