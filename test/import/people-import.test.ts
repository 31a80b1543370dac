import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { jobProfile, person } from '../../src/server/db/schema/index.ts';
import { importPeople } from '../../src/server/modules/org/index.ts';
import { systemRef } from '../../src/server/modules/platform/index.ts';
import { createTestApp, dbKind, type TestApp } from '../support/app.ts';
import { signInAs, type Client } from '../support/client.ts';
import { createOrg, createPerson, createUser } from '../support/factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});

const HEADER = 'Employee Number,Email,First Name,Last Name,Job Title,Department,Manager,Location,Hire Date';
const csv = (...rows: string[]) => [HEADER, ...rows].join('\r\n') + '\r\n';
const post = (c: Client, body: string, q = 'dryRun=true') => c.post(`people/imports?${q}`, body, { 'content-type': 'text/csv' });

async function hrOf(name?: string) {
  const org = await createOrg(t, name);
  const hr = await createUser(t, org.id, { roles: ['hr_admin'], employeeNumber: 'HR1' });
  return { org, hr, c: await signInAs(t, hr) };
}

describe('people import', () => {
  it('reports create, update with changes, unchanged and errors in a dry run without changing anything', async () => {
    const { org, c } = await hrOf();
    await createPerson(t, org.id, { employeeNumber: 'E1', email: 'ann@acme.test', firstName: 'Ann', lastName: 'Lee', jobTitle: 'Engineer' });
    await createPerson(t, org.id, { employeeNumber: 'E2', email: 'bob@acme.test', firstName: 'Bob', lastName: 'Ray', jobTitle: 'Designer' });
    const res = await post(
      c,
      csv(
        'E1,ann@acme.test,Ann,Lee,Senior Engineer,,,,',
        'E2,bob@acme.test,Bob,Ray,Designer,,,,',
        'E3,cy@acme.test,Cy,Young,Analyst,Finance,E1,Berlin,2024-02-30',
        'E4,dee@acme.test,Dee,Nash,Analyst,Finance,E1,Berlin,2024-02-01',
      ),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.summary).toMatchObject({ create: 1, update: 1, unchanged: 1, error: 1, total: 4 });
    const byKey = Object.fromEntries(res.body.rows.map((r: { key: string }) => [r.key, r]));
    expect(byKey.E1).toMatchObject({ action: 'update', changes: { jobTitle: { from: 'Engineer', to: 'Senior Engineer' } } });
    expect(byKey.E3).toMatchObject({ action: 'error', row: 3 });
    expect(byKey.E3.errors[0].field).toBe('hireDate');
    expect(byKey.E4.action).toBe('create');
    const people = await c.get('people?q=analyst');
    expect(people.body.data).toEqual([]);
  });

  it('commits all-or-nothing: any error row changes nothing and the answer lists every error row', async () => {
    const { c } = await hrOf();
    const bad = csv('E1,a@x.test,A,One,,Sales,,,', 'E2,not-an-email,B,Two,,Sales,,,', 'E3,c@x.test,C,Three,,Sales,nobody@x.test,,');
    const res = await post(c, bad, 'dryRun=false');
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('unprocessable');
    expect(res.body.error.details.map((d: { row: number }) => d.row)).toEqual([2, 3]);
    expect(res.body.error.report.summary.error).toBe(2);
    expect((await c.get('people?q=one')).body.data).toEqual([]);
    expect((await c.get('departments')).body.data.map((d: { name: string }) => d.name)).not.toContain('Sales');
  });

  it('creates departments and resolves managers by email or employee number in any row order', async () => {
    const { c } = await hrOf();
    const res = await post(
      c,
      csv(
        'E3,ivy@x.test,Ivy,Report,Engineer,Engineering,mia@x.test,London,2023-01-09',
        'E2,mia@x.test,Mia,Manager,Engineering Manager,Engineering,E1,London,2020-05-01',
        'E1,ceo@x.test,Cleo,Chief,CEO,Leadership,,London,2015-01-01',
      ),
      'dryRun=false',
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ committed: true, summary: { create: 3, error: 0 } });
    const ivy = (await c.get('people?q=ivy')).body.data[0];
    expect(ivy!.manager!.name).toBe('Mia Manager');
    expect(ivy!.department!.name).toBe('Engineering');
    const mia = (await c.get('people?q=mia')).body.data[0];
    expect(mia!.manager!.name).toBe('Cleo Chief');
    const depts = (await c.get('departments')).body.data.map((d: { name: string }) => d.name).sort();
    expect(depts).toEqual(['Engineering', 'Leadership']);
    const again = await post(c, csv('E3,ivy@x.test,Ivy,Report,Engineer,Engineering,mia@x.test,London,2023-01-09'));
    expect(again.body.summary).toMatchObject({ unchanged: 1 });
  });

  it('links new people to existing managers and existing people to new managers in one commit', async () => {
    const { org, c } = await hrOf();
    await createPerson(t, org.id, { employeeNumber: 'X1', email: 'old.boss@x.test', firstName: 'Old', lastName: 'Boss' });
    await createPerson(t, org.id, { employeeNumber: 'X2', email: 'old.report@x.test', firstName: 'Old', lastName: 'Report' });
    const res = await post(
      c,
      csv('X2,old.report@x.test,Old,Report,,,N1,,', 'N2,new.report@x.test,New,Report,,,old.boss@x.test,,', 'N1,new.lead@x.test,New,Lead,,,X1,,'),
      'dryRun=false',
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.summary).toMatchObject({ create: 2, update: 1 });
    expect(res.body.rows[0].changes.manager).toEqual({ from: null, to: 'New Lead' });
    expect((await c.get('people?q=old.report')).body.data[0]!.manager!.name).toBe('New Lead');
    expect((await c.get('people?q=new.lead')).body.data[0]!.manager!.name).toBe('Old Boss');
    expect((await c.get('people?q=new.report')).body.data[0]!.manager!.name).toBe('Old Boss');
  });

  it('refuses reporting cycles, in the file and through people already there', async () => {
    const { org, c } = await hrOf();
    const boss = await createPerson(t, org.id, { employeeNumber: 'B1', email: 'boss@x.test' });
    await createPerson(t, org.id, { employeeNumber: 'B2', email: 'mid@x.test', managerId: boss.id });
    const inFile = await post(c, csv('E1,a@x.test,A,A,,,E2,,', 'E2,b@x.test,B,B,,,E1,,'));
    expect(inFile.body.summary.error).toBe(2);
    expect(inFile.body.rows[0].errors[0].message).toMatch(/cycle/);
    const through = await post(c, csv('B1,boss@x.test,Big,Boss,,,B2,,'));
    expect(through.body.summary.error).toBe(1);
    expect(through.body.rows[0].errors[0].message).toMatch(/cycle/);
  });

  it('flags duplicate keys and unknown managers as errors of their rows', async () => {
    const { c } = await hrOf();
    const res = await post(c, csv('E1,a@x.test,A,A,,,,,', 'E1,b@x.test,B,B,,,,,', 'E3,a@x.test,C,C,,,,,', 'E4,d@x.test,D,D,,,E99,,'));
    const errors = Object.fromEntries(res.body.rows.map((r: { row: number; errors?: { message: string }[] }) => [r.row, r.errors?.map((e) => e.message).join(' | ')]));
    expect(errors[1]).toMatch(/also in row/);
    expect(errors[2]).toMatch(/also in row 1/);
    expect(errors[3]).toMatch(/also in row 1/);
    expect(errors[4]).toMatch(/E99/);
  });

  it('deactivates people missing from the file only when asked', async () => {
    const { org, c } = await hrOf();
    await createPerson(t, org.id, { employeeNumber: 'E1', email: 'stay@x.test', firstName: 'Stay', lastName: 'Here' });
    await createPerson(t, org.id, { employeeNumber: 'E2', email: 'gone@x.test', firstName: 'Gone', lastName: 'Away' });
    const file = csv('E1,stay@x.test,Stay,Here,,,,,', 'HR1,' + (await c.get('auth/me')).body.email + ',Pat,HR,,,,,');
    const plain = await post(c, file, 'dryRun=false');
    expect(plain.body.summary.deactivate).toBe(0);
    const res = await post(c, file, 'dryRun=false&deactivateMissing=true');
    expect(res.body.summary.deactivate).toBe(1);
    expect((await c.get('people?q=gone')).body.data).toEqual([]);
    expect((await c.get('people?q=gone&status=inactive')).body.data).toHaveLength(1);
  });

  it('never deactivates the person running the import', async () => {
    const { org, c } = await hrOf();
    await createPerson(t, org.id, { employeeNumber: 'E1', email: 'stay@x.test', firstName: 'Stay', lastName: 'Here' });
    const res = await post(c, csv('E1,stay@x.test,Stay,Here,,,,,'), 'dryRun=false&deactivateMissing=true');
    expect(res.status).toBe(422);
    expect(res.body.error.details[0]).toMatchObject({ key: 'HR1', action: 'error' });
    expect((await c.get('auth/me')).status).toBe(200);
  });

  it('accepts a multipart upload and runs large files as a job with progress', async () => {
    const { c } = await hrOf();
    const form = new FormData();
    form.append('file', new Blob([csv('E1,m@x.test,Multi,Part,,,,,')], { type: 'text/csv' }), 'people.csv');
    const res = await c.post('people/imports?dryRun=false', form);
    expect(res.status).toBe(200);
    expect(res.body.summary.create).toBe(1);

    const queued = await post(c, csv('E2,job@x.test,Job,Run,,,,,', 'E3,job2@x.test,Job,Two,,,,,'), 'dryRun=false&async=true');
    expect(queued.status).toBe(202);
    expect((await c.get(`people/imports/${queued.body.id}`)).body).toMatchObject({ status: 'queued', totalRows: 2 });
    await t.ctx.jobs.drain();
    const done = await c.get(`people/imports/${queued.body.id}`);
    expect(done.body).toMatchObject({ status: 'done', processedRows: 2, report: { committed: true, summary: { create: 2 } } });
  });

  it('reports progress of a large commit and fails a background import with error rows without changing anything', async () => {
    const { org, c } = await hrOf();
    const rows = Array.from({ length: 2500 }, (_, i) => `P${i},p${i}@x.test,Pat,No${i},,Bulk,${i ? 'P0' : ''},,`);
    const seen: Array<[number, number]> = [];
    const report = await importPeople(t.ctx, systemRef(org.id, 'test'), csv(...rows), { dryRun: false, deactivateMissing: false }, async (done, total) => {
      seen.push([done, total]);
    });
    expect(report.summary.create).toBe(2500);
    expect(seen[0]).toEqual([0, 2500]);
    // During the transaction progress needs a second connection, which only PostgreSQL has.
    if (dbKind === 'postgres') expect(seen.slice(1)).toEqual([[1000, 2500], [2000, 2500], [2500, 2500]]);
    expect((await c.get('people?q=p2499@x.test')).body.data[0]!.manager!.name).toBe('Pat No0');

    const queued = await post(c, csv('E1,ok@x.test,Ok,Row,,,,,', 'E2,bad@x.test,Bad,Row,,,,,1999-13-01'), 'dryRun=false&async=true');
    await t.ctx.jobs.drain();
    const failed = await c.get(`people/imports/${queued.body.id}`);
    expect(failed.body).toMatchObject({ status: 'failed', processedRows: 2, totalRows: 2, report: { summary: { error: 1 } } });
    expect((await c.get('people?q=ok@x.test')).body.data).toEqual([]);
  });

  it('runs two commits of the same file one after the other', async () => {
    const { c } = await hrOf();
    const file = csv('E1,one@x.test,One,Same,,Ops,,,', 'E2,two@x.test,Two,Same,,Ops,E1,,');
    const [a, b] = await Promise.all([post(c, file, 'dryRun=false'), post(c, file, 'dryRun=false')]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect([a.body.summary.create, b.body.summary.create].sort()).toEqual([0, 2]);
    expect([a.body.summary.unchanged, b.body.summary.unchanged].sort()).toEqual([0, 2]);
  });

  it('is for HR admins only and never matches another organisation’s people', async () => {
    const { org } = await hrOf();
    const employee = await createUser(t, org.id);
    const asEmployee = await signInAs(t, employee);
    expect((await post(asEmployee, csv('E1,a@x.test,A,A,,,,,'))).status).toBe(404);
    const other = await hrOf();
    await createPerson(t, other.org.id, { employeeNumber: 'X1', email: 'shared@x.test' });
    const mine = await hrOf();
    const res = await post(mine.c, csv('X1,shared@x.test,Shared,Person,,,,,'));
    expect(res.body.summary.create).toBe(1);
  });

  it('assigns job profiles by name, reports the change, and refuses unknown or archived ones', async () => {
    const { org, c } = await hrOf();
    const [ae] = await t.ctx.db
      .insert(jobProfile)
      .values([
        { orgId: org.id, name: 'Account Executive' },
        { orgId: org.id, name: 'Senior Account Executive' },
        { orgId: org.id, name: 'Sales Rep', archivedAt: t.clock.now() },
      ])
      .returning();
    const file = (rows: string[]) => ['Employee Number,Email,First Name,Last Name,Job Profile', ...rows].join('\r\n') + '\r\n';
    const created = await post(c, file(['P1,p1@x.test,Pat,One,account executive']), 'dryRun=false');
    expect(created.body.summary).toMatchObject({ create: 1, error: 0 });
    const [p1] = await t.ctx.db.select().from(person).where(and(eq(person.orgId, org.id), eq(person.employeeNumber, 'P1')));
    expect(p1!.jobProfileId).toBe(ae!.id);

    const promoted = await post(c, file(['P1,p1@x.test,Pat,One,Senior Account Executive']));
    expect(promoted.body.rows[0]).toMatchObject({ action: 'update', changes: { jobProfile: { from: 'Account Executive', to: 'Senior Account Executive' } } });
    // A file without the column keeps the profile.
    const without = await post(c, ['Employee Number,Email,First Name,Last Name', 'P1,p1@x.test,Pat,One'].join('\r\n') + '\r\n');
    expect(without.body.rows[0].action).toBe('unchanged');

    const bad = await post(c, file(['P2,p2@x.test,Sam,Two,Astronaut', 'P3,p3@x.test,Kim,Three,Sales Rep']));
    expect(bad.body.rows.map((r: { errors?: { field: string; message: string }[] }) => r.errors?.[0])).toEqual([
      { field: 'jobProfile', message: 'No job profile named "Astronaut"' },
      { field: 'jobProfile', message: 'The job profile "Sales Rep" is archived' },
    ]);
  });

  it('explains an unusable file', async () => {
    const { c } = await hrOf();
    const res = await post(c, 'name,phone\nA,1\n');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/email/);
    const wrongType = await c.post('people/imports', { rows: [] });
    expect([400, 415]).toContain(wrongType.status);
    expect(wrongType.body.error.code).toMatch(/bad_request|validation_failed|unsupported_media_type/);
  });
});
