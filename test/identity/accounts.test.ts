import { and, desc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { mailMessage } from '../../src/server/db/schema/index.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { client, signInAs } from '../support/client.ts';
import { createOrg, createPerson, createUser, PASSWORD } from '../support/factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});

/** The newest email to an address, as the recipient would read it. */
async function lastMailTo(orgId: string, to: string) {
  const [m] = await t.ctx.db
    .select()
    .from(mailMessage)
    .where(and(eq(mailMessage.orgId, orgId), eq(mailMessage.to, to)))
    .orderBy(desc(mailMessage.createdAt))
    .limit(1);
  return m;
}
const tokenIn = (text: string) => /token=([A-Za-z0-9_-]+)/.exec(text)![1]!;

describe('invitations', () => {
  it('lets HR invite a person who then chooses a password and is signed in', async () => {
    const org = await createOrg(t, 'Initech');
    const hr = await createUser(t, org.id, { roles: ['hr_admin'] });
    const newbie = await createPerson(t, org.id, { firstName: 'Grace', lastName: 'Hopper', email: 'grace@initech.test' });
    const asHr = await signInAs(t, hr);
    expect((await asHr.get(`people/${newbie.id}/account`)).body).toMatchObject({ hasAccount: false, passwordSet: false });

    const sent = await asHr.post(`people/${newbie.id}/invitation`);
    expect(sent.status).toBe(202);
    expect((await asHr.get(`people/${newbie.id}/account`)).body).toMatchObject({ hasAccount: true, pendingInvitation: true });
    const mail = await lastMailTo(org.id, 'grace@initech.test');
    expect(mail!.subject).toContain('Initech');
    const token = tokenIn(mail!.text);

    const info = await client(t).get(`auth/links/${token}`);
    expect(info.body).toEqual({ kind: 'invitation', email: 'grace@initech.test', name: 'Grace Hopper', orgName: 'Initech' });
    const short = await client(t).post(`auth/links/${token}/complete`, { password: 'short' });
    expect(short.status).toBe(400);
    expect(short.body.error.details[0].path).toBe('password');
    const done = await client(t).post(`auth/links/${token}/complete`, { password: 'a-long-enough-password' });
    expect(done.status).toBe(200);
    expect(done.body.name).toBe('Grace Hopper');
    expect(done.headers.get('set-cookie')).toContain('tandem_session=');

    expect((await client(t).get(`auth/links/${token}`)).status).toBe(404);
    expect((await client(t).post(`auth/links/${token}/complete`, { password: 'another-long-password' })).status).toBe(404);
    expect((await client(t).post('auth/sign-in', { email: 'grace@initech.test', password: 'a-long-enough-password' })).status).toBe(200);
  });

  it('replaces an older invitation link when re-sent, and expires links', async () => {
    const org = await createOrg(t);
    const hr = await createUser(t, org.id, { roles: ['hr_admin'] });
    const p = await createPerson(t, org.id);
    const asHr = await signInAs(t, hr);
    await asHr.post(`people/${p.id}/invitation`);
    const first = tokenIn((await lastMailTo(org.id, p.email))!.text);
    t.clock.advance(1000);
    await asHr.post(`people/${p.id}/invitation`);
    const second = tokenIn((await lastMailTo(org.id, p.email))!.text);
    expect((await client(t).get(`auth/links/${first}`)).status).toBe(404);
    expect((await client(t).get(`auth/links/${second}`)).status).toBe(200);
    t.clock.advance(8 * 24 * 3600 * 1000);
    expect((await client(t).get(`auth/links/${second}`)).status).toBe(404);
  });

  it('hides accounts and invitations from non-HR people and other organisations', async () => {
    const org = await createOrg(t);
    const other = await createOrg(t);
    const employee = await createUser(t, org.id);
    const hrElsewhere = await createUser(t, other.id, { roles: ['hr_admin'] });
    const p = await createPerson(t, org.id);
    const asEmployee = await signInAs(t, employee);
    expect((await asEmployee.post(`people/${p.id}/invitation`)).status).toBe(404);
    expect((await asEmployee.get(`people/${p.id}/account`)).status).toBe(404);
    const asOther = await signInAs(t, hrElsewhere);
    expect((await asOther.post(`people/${p.id}/invitation`)).status).toBe(404);
    expect((await asOther.get(`people/${p.id}/account`)).status).toBe(404);
  });
});

describe('password reset', () => {
  it('answers the same for unknown emails and resets a known account, ending its other sessions', async () => {
    const org = await createOrg(t);
    const user = await createUser(t, org.id);
    const oldSession = await signInAs(t, user);
    expect((await client(t).post('auth/password-reset', { email: 'nobody@nowhere.test' })).status).toBe(202);
    expect((await client(t).post('auth/password-reset', { email: user.email.toUpperCase() })).status).toBe(202);
    const token = tokenIn((await lastMailTo(org.id, user.email))!.text);
    expect((await client(t).get(`auth/links/${token}`)).body.kind).toBe('password_reset');
    expect((await client(t).post(`auth/links/${token}/complete`, { password: 'brand-new-password' })).status).toBe(200);
    expect((await oldSession.get('auth/me')).status).toBe(401);
    expect((await client(t).post('auth/sign-in', { email: user.email, password: PASSWORD })).status).toBe(401);
    expect((await client(t).post('auth/sign-in', { email: user.email, password: 'brand-new-password' })).status).toBe(200);
  });
});

describe('rate limiting', () => {
  it('locks an account after repeated failures, for everyone, until the window passes', async () => {
    const org = await createOrg(t);
    const user = await createUser(t, org.id);
    for (let i = 0; i < 10; i++) {
      expect((await client(t).post('auth/sign-in', { email: user.email, password: 'wrong' })).status).toBe(401);
    }
    const locked = await client(t).post('auth/sign-in', { email: user.email, password: PASSWORD });
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('rate_limited');
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    const unknown = await client(t).post('auth/sign-in', { email: 'ghost-x@example.test', password: 'x' });
    expect(unknown.status).toBe(401);
    t.clock.advance(16 * 60 * 1000);
    expect((await client(t).post('auth/sign-in', { email: user.email, password: PASSWORD })).status).toBe(200);
  });

  // 51 password checks with argon2, slow by design.
  it('limits failed attempts from one address', { timeout: 120_000 }, async () => {
    const org = await createOrg(t);
    const user = await createUser(t, org.id);
    const from = { 'x-forwarded-for': '203.0.113.77' };
    let last = 0;
    for (let i = 0; i < 51; i++) {
      last = (await client(t).post('auth/sign-in', { email: `probe${i}@example.test`, password: 'x' }, from)).status;
    }
    expect(last).toBe(429);
    expect((await client(t).post('auth/sign-in', { email: user.email, password: PASSWORD }, from)).status).toBe(429);
    expect((await client(t).post('auth/sign-in', { email: user.email, password: PASSWORD }, { 'x-forwarded-for': '203.0.113.78' })).status).toBe(200);
    t.clock.advance(16 * 60 * 1000);
  });
});

describe('roles', () => {
  it('lets admins change roles, audited, but not remove their own admin role', async () => {
    const org = await createOrg(t);
    const admin = await createUser(t, org.id, { roles: ['admin'] });
    const hr = await createUser(t, org.id, { roles: ['hr_admin'] });
    const target = await createUser(t, org.id);
    const asAdmin = await signInAs(t, admin);
    const res = await asAdmin.put(`people/${target.person.id}/roles`, { roles: ['learning_admin'] });
    expect(res.status).toBe(200);
    expect(res.body.roles).toEqual(['learning_admin']);
    expect((await (await signInAs(t, target)).get('auth/me')).body.roles).toEqual(['learning_admin']);
    const audit = await asAdmin.get(`audit-events?action=account.roles_changed`);
    expect(audit.body.data[0]).toMatchObject({ before: { roles: [] }, after: { roles: ['learning_admin'] } });

    const self = await asAdmin.put(`people/${admin.person.id}/roles`, { roles: ['hr_admin'] });
    expect(self.status).toBe(409);
    expect((await (await signInAs(t, hr)).put(`people/${target.person.id}/roles`, { roles: ['admin'] })).status).toBe(404);
    expect((await asAdmin.raw.put(`people/${target.person.id}/roles`, { roles: ['owner'] })).status).toBe(400);
  });
});

describe('API tokens', () => {
  it('creates a token shown once that works as Bearer until revoked', async () => {
    const org = await createOrg(t);
    const user = await createUser(t, org.id);
    const c = await signInAs(t, user);
    const created = await c.post('api-tokens', { name: 'HRIS sync', scopes: ['read'], expiresInDays: 30 });
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^tdm_/);
    const list = await c.get('api-tokens');
    expect(JSON.stringify(list.body)).not.toContain(created.body.token);
    expect(list.body.data[0]).toMatchObject({ name: 'HRIS sync', scopes: ['read'] });

    const bearer = client(t, { token: created.body.token });
    expect((await bearer.get('people')).status).toBe(200);
    const write = await bearer.post('api-tokens', { name: 'x', scopes: ['read'] });
    expect(write.status).toBe(403);

    expect((await c.delete(`api-tokens/${created.body.id}`)).status).toBe(204);
    expect((await bearer.get('people')).status).toBe(401);
  });

  it('stops working after expiry, and is never issued for someone else or with powers the owner lacks', async () => {
    const org = await createOrg(t);
    const user = await createUser(t, org.id);
    const other = await createUser(t, org.id);
    const c = await signInAs(t, user);
    const forOther = await c.raw.post('api-tokens', { name: 'x', scopes: ['read'], personId: other.person.id });
    expect(forOther.status).toBe(400);
    expect((await c.post('api-tokens', { name: 'x', scopes: ['admin'] })).status).toBe(403);
    const short = await c.post('api-tokens', { name: 'short', scopes: ['read', 'write'], expiresInDays: 1 });
    const bearer = client(t, { token: short.body.token });
    expect((await bearer.get('people')).status).toBe(200);
    t.clock.advance(2 * 86_400_000);
    expect((await bearer.get('people')).status).toBe(401);
    const otherToken = await (await signInAs(t, other)).post('api-tokens', { name: 'theirs', scopes: ['read'] });
    expect((await c.delete(`api-tokens/${otherToken.body.id}`)).status).toBe(404);
  });

  it('lets a read-only token read but not write', async () => {
    const org = await createOrg(t);
    const hr = await createUser(t, org.id, { roles: ['hr_admin'] });
    const c = await signInAs(t, hr);
    const token = (await c.post('api-tokens', { name: 'ro', scopes: ['read'] })).body.token;
    const bearer = client(t, { token });
    const res = await bearer.post('people', { email: 'ro@example.test', firstName: 'R', lastName: 'O' });
    expect(res.status).toBe(403);
  });
});
