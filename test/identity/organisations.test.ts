import { beforeAll, describe, expect, it } from 'vitest';
import { userAccount } from '../../src/server/db/schema/index.ts';
import { hashPassword, issueApiToken } from '../../src/server/modules/identity/index.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { client, signInAs } from '../support/client.ts';
import { mailsTo as mailsOfTo } from '../support/mail.ts';
import { createOrg, createPerson, createUser, PASSWORD } from '../support/factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});

const mailsTo = (orgId: string, to: string) => mailsOfTo(t, orgId, to);
/** A person with an account whose password is their own (the factories share one). */
async function userWithPassword(orgId: string, email: string, password: string) {
  const p = await createPerson(t, orgId, { email });
  await t.ctx.db.insert(userAccount).values({ orgId, personId: p.id, email, passwordHash: await hashPassword(password) });
}
const tokenIn = (text: string) => /token=([A-Za-z0-9_-]+)/.exec(text)![1]!;
let n = 0;
const sharedEmail = () => `shared-${++n}-${Math.random().toString(36).slice(2, 8)}@example.test`;

describe('one email, accounts in several organisations', () => {
  it('answers an organisation the same whether or not the email has an account in another one', async () => {
    const email = sharedEmail();
    const elsewhere = await createOrg(t, 'Elsewhere');
    await createUser(t, elsewhere.id, { email });
    const org = await createOrg(t, 'Here');
    const asHr = await signInAs(t, await createUser(t, org.id, { roles: ['hr_admin'] }));

    const created = await asHr.post('people', { email, firstName: 'Sam', lastName: 'Same' });
    expect(created.status).toBe(201);
    const invited = await asHr.post(`people/${created.body.id}/invitation`);
    expect(invited.status).toBe(202);
    expect((await asHr.get(`people/${created.body.id}/account`)).body).toMatchObject({ hasAccount: true, passwordSet: false });
    const link = tokenIn((await mailsTo(org.id, email))[0]!.text);
    expect((await client(t).get(`auth/links/${link}`)).body).toMatchObject({ kind: 'invitation', orgName: 'Here' });
    const done = await client(t).post(`auth/links/${link}/complete`, { password: 'here-password-1' });
    expect(done.status).toBe(200);
    expect(done.body.orgName).toBe('Here');
  });

  it('signs in to the one organisation whose account the password opens', async () => {
    const email = sharedEmail();
    const a = await createOrg(t, 'Alpha');
    const b = await createOrg(t, 'Beta');
    await createUser(t, a.id, { email });
    await userWithPassword(b.id, email, 'beta-only-password');
    const toAlpha = await client(t).post('auth/sign-in', { email, password: PASSWORD });
    expect(toAlpha.status).toBe(200);
    expect(toAlpha.body.orgName).toBe('Alpha');
    const toBeta = await client(t).post('auth/sign-in', { email, password: 'beta-only-password' });
    expect(toBeta.status).toBe(200);
    expect(toBeta.body.orgName).toBe('Beta');
  });

  it('asks which organisation when the password opens several, naming only those, then signs in to the one chosen', async () => {
    const email = sharedEmail();
    const a = await createOrg(t, 'Alpha');
    const b = await createOrg(t, 'Beta');
    const c = await createOrg(t, 'Gamma');
    await createUser(t, a.id, { email });
    await createUser(t, b.id, { email });
    await userWithPassword(c.id, email, 'gamma-password');

    const ask = await client(t).post('auth/sign-in', { email, password: PASSWORD });
    expect(ask.status).toBe(409);
    expect(ask.headers.get('set-cookie')).toBeNull();
    expect(ask.body.error.code).toBe('conflict');
    const names = ask.body.error.organisations.map((o: { name: string }) => o.name).sort();
    expect(names).toEqual(['Alpha', 'Beta']);
    expect(ask.body.error.organisations[0]).toEqual({ id: expect.any(String), slug: expect.any(String), name: expect.any(String) });

    const chosen = await client(t).post('auth/sign-in', { email, password: PASSWORD, organisation: b.id });
    expect(chosen.status).toBe(200);
    expect(chosen.body.orgName).toBe('Beta');
    const bySlug = await client(t).post('auth/sign-in', { email, password: PASSWORD, organisation: a.slug });
    expect(bySlug.body.orgName).toBe('Alpha');
    // Naming an organisation the password does not open answers like a wrong password.
    const wrongOrg = await client(t).post('auth/sign-in', { email, password: PASSWORD, organisation: c.id });
    const wrong = await client(t).post('auth/sign-in', { email, password: 'not-the-password' });
    expect(wrongOrg.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(wrongOrg.body).toEqual(wrong.body);
  });

  it('mails a reset link for each organisation’s account, each naming its organisation and working there only', async () => {
    const email = sharedEmail();
    const a = await createOrg(t, 'Alpha');
    const b = await createOrg(t, 'Beta');
    await createUser(t, a.id, { email });
    await createUser(t, b.id, { email });
    expect((await client(t).post('auth/password-reset', { email })).status).toBe(202);
    const [toA] = await mailsTo(a.id, email);
    const [toB] = await mailsTo(b.id, email);
    expect(toA!.subject).toContain('Alpha');
    expect(toB!.subject).toContain('Beta');
    expect((await client(t).get(`auth/links/${tokenIn(toB!.text)}`)).body.orgName).toBe('Beta');
    expect((await client(t).post(`auth/links/${tokenIn(toB!.text)}/complete`, { password: 'new-beta-password' })).body.orgName).toBe('Beta');
    expect((await client(t).post('auth/sign-in', { email, password: PASSWORD })).body.orgName).toBe('Alpha');
  });

  it('issues a command-line token only for the organisation named when the email signs in to several', async () => {
    const email = sharedEmail();
    const a = await createOrg(t, 'Alpha');
    const b = await createOrg(t, 'Beta');
    await createUser(t, a.id, { email });
    await createUser(t, b.id, { email });
    await expect(issueApiToken(t.ctx, { email, name: 'sync', scopes: ['read'] })).rejects.toThrow(/several organisations.*--org/);
    const issued = await issueApiToken(t.ctx, { email, name: 'sync', scopes: ['read'], org: b.slug });
    const me = await client(t, { token: issued.token }).get('auth/me');
    expect(me.body.orgName).toBe('Beta');
  });
});
