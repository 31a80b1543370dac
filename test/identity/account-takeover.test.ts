import { beforeAll, describe, expect, it } from 'vitest';
import { importPeople } from '../../src/server/modules/org/index.ts';
import { systemRef } from '../../src/server/modules/platform/index.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { client, signInAs, type Client } from '../support/client.ts';
import { mailsTo as mailsOfTo } from '../support/mail.ts';
import { createOrg, createPerson, createUser, PASSWORD } from '../support/factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});

const mailsTo = (orgId: string, to: string) => mailsOfTo(t, orgId, to);
const tokenIn = (text: string) => /token=([A-Za-z0-9_-]+)/.exec(text)?.[1];
const signIn = (email: string, password = PASSWORD) => client(t).post('auth/sign-in', { email, password });

async function orgWithAdminAndHr() {
  const org = await createOrg(t, 'Umbrella');
  const admin = await createUser(t, org.id, { firstName: 'Ada', lastName: 'Admin', roles: ['admin'] });
  const hr = await createUser(t, org.id, { firstName: 'Hal', lastName: 'Hr', roles: ['hr_admin'] });
  return { org, admin, hr, asHr: await signInAs(t, hr) };
}

describe('taking over an account through HR', () => {
  it("refuses an HR admin the takeover of an admin's account: no email change, no invitation, no deactivation", async () => {
    const { org, admin, asHr } = await orgWithAdminAndHr();
    const adminSession = await signInAs(t, admin);

    const patched = await asHr.patch(`people/${admin.person.id}`, { email: 'attacker@evil.test' });
    expect(patched.status).toBe(403);
    expect(patched.body.error.code).toBe('forbidden');
    expect(patched.body.error.message).toContain('admin role');
    const invited = await asHr.post(`people/${admin.person.id}/invitation`);
    expect(invited.status).toBe(403);
    const deactivated = await asHr.post(`people/${admin.person.id}/deactivate`);
    expect(deactivated.status).toBe(403);

    expect((await asHr.get(`people/${admin.person.id}`)).body).toMatchObject({ email: admin.email, status: 'active' });
    expect(await mailsTo(org.id, 'attacker@evil.test')).toEqual([]);
    expect((await adminSession.get('auth/me')).status).toBe(200);
    expect((await signIn(admin.email)).status).toBe(200);
  });

  it('refuses HR the sign-in of anyone holding a role HR lacks, but not of employees or other HR admins', async () => {
    const { org, asHr } = await orgWithAdminAndHr();
    const learning = await createUser(t, org.id, { roles: ['learning_admin'] });
    const colleague = await createUser(t, org.id, { roles: ['hr_admin'] });
    const employee = await createUser(t, org.id);
    const res = await asHr.patch(`people/${learning.person.id}`, { email: 'elsewhere@evil.test' });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('learning admin role');
    expect((await asHr.post(`people/${learning.person.id}/deactivate`)).status).toBe(403);
    // Other fields of a powerful person remain HR's to keep up to date.
    expect((await asHr.patch(`people/${learning.person.id}`, { jobTitle: 'Head of Learning' })).status).toBe(200);

    expect((await asHr.patch(`people/${colleague.person.id}`, { email: `moved-${colleague.email}` })).status).toBe(200);
    expect((await asHr.post(`people/${employee.person.id}/deactivate`)).status).toBe(200);
  });

  it('lets an admin change an admin’s email: the sign-in follows, the old address is told, audited', async () => {
    const { org, admin } = await orgWithAdminAndHr();
    const other = await createUser(t, org.id, { firstName: 'Otto', lastName: 'Other', roles: ['admin'] });
    const asAdmin = await signInAs(t, admin);
    const res = await asAdmin.patch(`people/${other.person.id}`, { email: 'otto.new@umbrella.test' });
    expect(res.status).toBe(200);

    const [notice] = await mailsTo(org.id, other.email);
    expect(notice!.subject).toContain('sign-in email');
    expect(notice!.text).toContain('otto.new@umbrella.test');
    expect(notice!.text).toContain('Ada Admin');
    expect(tokenIn(notice!.text)).toBeUndefined();
    expect((await signIn(other.email)).status).toBe(401);
    expect((await signIn('otto.new@umbrella.test')).status).toBe(200);
    const audit = await asAdmin.get('audit-events?action=account.email_changed');
    expect(audit.body.data[0]).toMatchObject({ before: { email: other.email }, after: { email: 'otto.new@umbrella.test' } });
  });

  it('stops links sent to the old address once the email changes', async () => {
    const { org, asHr } = await orgWithAdminAndHr();
    const p = await createPerson(t, org.id, { email: 'typo@umbrela.test' });
    expect((await asHr.post(`people/${p.id}/invitation`)).status).toBe(202);
    const oldLink = tokenIn((await mailsTo(org.id, 'typo@umbrela.test'))[0]!.text)!;
    expect((await asHr.patch(`people/${p.id}`, { email: 'right@umbrella.test' })).status).toBe(200);
    expect((await client(t).get(`auth/links/${oldLink}`)).status).toBe(404);
    expect((await asHr.post(`people/${p.id}/invitation`)).status).toBe(202);
    const newLink = tokenIn((await mailsTo(org.id, 'right@umbrella.test'))[0]!.text)!;
    expect((await client(t).get(`auth/links/${newLink}`)).body.email).toBe('right@umbrella.test');
  });

  it('refuses an invitation to an account that has a password: a reset goes to the current sign-in address only', async () => {
    const { org, asHr } = await orgWithAdminAndHr();
    const employee = await createUser(t, org.id, { firstName: 'Eve', lastName: 'Employee' });
    const res = await asHr.post(`people/${employee.person.id}/invitation`);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('conflict');
    expect(res.body.error.message).toContain('already has a password');
    expect(await mailsTo(org.id, employee.email)).toEqual([]);

    expect((await client(t).post('auth/password-reset', { email: employee.email })).status).toBe(202);
    const mails = await mailsTo(org.id, employee.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toContain('Reset your Tandem password');
  });

  it('refuses anyone deactivating themselves, as it refuses an admin dropping their own admin role', async () => {
    const { admin, hr, asHr } = await orgWithAdminAndHr();
    const self = await asHr.post(`people/${hr.person.id}/deactivate`);
    expect(self.status).toBe(409);
    expect(self.body.error.message).toContain('yourself');
    expect((await asHr.get('auth/me')).status).toBe(200);
    expect((await (await signInAs(t, admin)).post(`people/${admin.person.id}/deactivate`)).status).toBe(409);
  });
});

describe('taking over an account through the people import', () => {
  const HEADER = 'Employee Number,Email,First Name,Last Name';
  const csv = (...rows: string[]) => [HEADER, ...rows].join('\r\n') + '\r\n';
  const post = (c: Client, body: string, q: string) => c.post(`people/imports?${q}`, body, { 'content-type': 'text/csv' });

  async function setUp() {
    const org = await createOrg(t);
    const admin = await createUser(t, org.id, { employeeNumber: 'A1', firstName: 'Ada', lastName: 'Admin', roles: ['admin'] });
    const hr = await createUser(t, org.id, { employeeNumber: 'H1', firstName: 'Hal', lastName: 'Hr', roles: ['hr_admin'] });
    return { org, admin, hr, asHr: await signInAs(t, hr) };
  }

  it("refuses the row of an HR import that would change an admin's email, and changes nothing", async () => {
    const { org, admin, hr, asHr } = await setUp();
    const file = csv(`A1,attacker@evil.test,Ada,Admin`, `H1,${hr.email},Hal,Hr`);
    const dry = await post(asHr, file, 'dryRun=true');
    expect(dry.status).toBe(200);
    expect(dry.body.summary).toMatchObject({ error: 1, unchanged: 1 });
    const row = dry.body.rows.find((r: { key: string }) => r.key === 'A1');
    expect(row).toMatchObject({ action: 'error', errors: [{ field: 'email' }] });
    expect(row.errors[0].message).toContain('admin role');

    const commit = await post(asHr, file, 'dryRun=false');
    expect(commit.status).toBe(422);
    expect((await asHr.get(`people/${admin.person.id}`)).body.email).toBe(admin.email);
    expect(await mailsTo(org.id, admin.email)).toEqual([]);
    expect((await signIn(admin.email)).status).toBe(200);
  });

  it('refuses an HR import that would deactivate an admin missing from the file', async () => {
    const { admin, hr, asHr } = await setUp();
    const res = await post(asHr, csv(`H1,${hr.email},Hal,Hr`), 'dryRun=false&deactivateMissing=true');
    expect(res.status).toBe(422);
    expect(res.body.error.details[0].errors[0].message).toContain('admin role');
    expect((await asHr.get(`people/${admin.person.id}`)).body.status).toBe('active');
  });

  it("lets an admin's import change an admin's email, telling the old address; the operator's import is exempt", async () => {
    const { org, admin, hr } = await setUp();
    const other = await createUser(t, org.id, { employeeNumber: 'A2', firstName: 'Otto', lastName: 'Other', roles: ['admin'] });
    const asAdmin = await signInAs(t, admin);
    const res = await post(asAdmin, csv(`A2,otto.new@example.test,Otto,Other`), 'dryRun=false');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect((await mailsTo(org.id, other.email))[0]!.text).toContain('otto.new@example.test');
    expect((await signIn('otto.new@example.test')).status).toBe(200);

    // The command line (`tandem import people`) acts as the operator, who may do anything.
    const report = await importPeople(t.ctx, systemRef(org.id, 'cli import'), csv(`A1,ada.new@example.test,Ada,Admin`, `H1,${hr.email},Hal,Hr`), {
      dryRun: false,
      deactivateMissing: false,
    });
    expect(report.committed).toBe(true);
    expect((await signIn('ada.new@example.test')).status).toBe(200);
    expect((await mailsTo(org.id, admin.email)).at(-1)!.text).toContain('ada.new@example.test');
  });
});

describe('API tokens after a password reset', () => {
  it('revokes every API token of the account when a reset completes, says so, and audits it', async () => {
    const org = await createOrg(t);
    const user = await createUser(t, org.id);
    const admin = await createUser(t, org.id, { roles: ['admin'] });
    const session = await signInAs(t, user);
    const minted = await session.post('api-tokens', { name: 'Laptop script', scopes: ['read'] });
    expect(minted.status).toBe(201);
    const bearer = client(t, { token: minted.body.token });
    expect((await bearer.get('auth/me')).status).toBe(200);

    expect((await client(t).post('auth/password-reset', { email: user.email })).status).toBe(202);
    const mail = (await mailsTo(org.id, user.email)).at(-1)!;
    expect(mail.text).toContain('revokes your API tokens');
    const token = tokenIn(mail.text)!;
    expect((await client(t).post(`auth/links/${token}/complete`, { password: 'a-brand-new-password' })).status).toBe(200);

    expect((await bearer.get('auth/me')).status).toBe(401);
    const fresh = await signInAs(t, user, 'a-brand-new-password');
    expect((await fresh.get('api-tokens')).body.data[0]).toMatchObject({ name: 'Laptop script', revokedAt: expect.any(String) });
    const asAdmin = await signInAs(t, admin);
    const revoked = await asAdmin.get('audit-events?action=api_token.revoked');
    expect(revoked.body.data[0]).toMatchObject({ recordId: minted.body.id, after: { reason: 'password_reset' } });
    const reset = await asAdmin.get('audit-events?action=account.password_reset');
    expect(reset.body.data[0]).toMatchObject({ after: { apiTokensRevoked: 1 } });
  });
});
