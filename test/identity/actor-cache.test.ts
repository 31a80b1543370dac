import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.ts';
import { ACTOR_CACHE_TTL_MS } from '../../src/server/platform/http/actor-cache.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { client, signInAs } from '../support/client.ts';
import { createOrg, createUser, PASSWORD } from '../support/factories.ts';

// A process believes a resolved token or session for ACTOR_CACHE_TTL_MS. Changes made through a
// process take effect there at once; another process (a second app on the same database and clock,
// with its own cache, as a second replica would be) sees them within the bound, never later.

let t: TestApp;
/** The other replica. */
let other: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  const ctx = { ...t.ctx };
  other = { app: createApp(ctx), ctx, clock: t.clock };
});

/** The same cookie or token, sent to the other replica. */
const onOther = (auth: { cookie?: string; token?: string }) => client(other, auth);
const cookieOf = async (u: { email: string }) => {
  const res = await client(t).post('auth/sign-in', { email: u.email, password: PASSWORD });
  return res.headers.get('set-cookie')!.split(';')[0]!;
};

describe('the actor cache', () => {
  it('stops a token revoked elsewhere within the bound', async () => {
    const org = await createOrg(t);
    const user = await createUser(t, org.id);
    const session = await signInAs(t, user);
    const minted = await session.post('api-tokens', { name: 'Sync', scopes: ['read'] });
    const here = client(t, { token: minted.body.token });
    expect((await here.get(`people/${user.person.id}`)).status).toBe(200);

    const cookie = await cookieOf(user);
    expect((await onOther({ cookie }).delete(`api-tokens/${minted.body.id}`)).status).toBe(204);
    // The replica that revoked it refuses it at once.
    expect((await onOther({ token: minted.body.token }).get(`people/${user.person.id}`)).status).toBe(401);
    // This one may still believe it until the bound…
    t.clock.advance(ACTOR_CACHE_TTL_MS - 1);
    expect((await here.get(`people/${user.person.id}`)).status).toBe(200);
    // …and not a moment longer.
    t.clock.advance(1);
    expect((await here.get(`people/${user.person.id}`)).status).toBe(401);
  });

  it('stops a session signed out elsewhere within the bound', async () => {
    const org = await createOrg(t);
    const user = await createUser(t, org.id);
    const cookie = await cookieOf(user);
    const here = client(t, { cookie });
    expect((await here.get('auth/me')).status).toBe(200);

    expect((await onOther({ cookie }).post('auth/sign-out')).status).toBe(204);
    expect((await onOther({ cookie }).get('auth/me')).status).toBe(401);
    expect((await here.get('auth/me')).status).toBe(200);
    t.clock.advance(ACTOR_CACHE_TTL_MS);
    expect((await here.get('auth/me')).status).toBe(401);
  });

  it('stops a person deactivated elsewhere within the bound, session and token alike', async () => {
    const org = await createOrg(t);
    const hr = await createUser(t, org.id, { roles: ['hr_admin'] });
    const leaver = await createUser(t, org.id);
    const session = client(t, { cookie: await cookieOf(leaver) });
    const minted = await session.post('api-tokens', { name: 'Script', scopes: ['read'] });
    const token = client(t, { token: minted.body.token });
    expect((await session.get('me/learning')).status).toBe(200);
    expect((await token.get('me/learning')).status).toBe(200);

    expect((await onOther({ cookie: await cookieOf(hr) }).post(`people/${leaver.person.id}/deactivate`)).status).toBe(200);
    expect((await onOther({ token: minted.body.token }).get('me/learning')).status).toBe(401);
    t.clock.advance(ACTOR_CACHE_TTL_MS - 1);
    expect((await session.get('me/learning')).status).toBe(200);
    expect((await token.get('me/learning')).status).toBe(200);
    t.clock.advance(1);
    expect((await session.get('me/learning')).status).toBe(401);
    expect((await token.get('me/learning')).status).toBe(401);
  });

  it('takes a role removed elsewhere away within the bound', async () => {
    const org = await createOrg(t);
    const admin = await createUser(t, org.id, { roles: ['admin'] });
    const hr = await createUser(t, org.id, { roles: ['hr_admin'] });
    const here = client(t, { cookie: await cookieOf(hr) });
    expect((await here.get(`people/${admin.person.id}/account`)).status).toBe(200);

    const asAdmin = onOther({ cookie: await cookieOf(admin) });
    expect((await asAdmin.put(`people/${hr.person.id}/roles`, { roles: [] })).status).toBe(200);
    t.clock.advance(ACTOR_CACHE_TTL_MS - 1);
    expect((await here.get(`people/${admin.person.id}/account`)).status).toBe(200);
    t.clock.advance(1);
    expect((await here.get(`people/${admin.person.id}/account`)).status).toBe(404);
  });

  it('never believes a token past its own expiry', async () => {
    const org = await createOrg(t);
    const user = await createUser(t, org.id);
    const session = await signInAs(t, user);
    const minted = await session.post('api-tokens', { name: 'Short', scopes: ['read'], expiresInDays: 1 });
    const token = client(t, { token: minted.body.token });
    // Read (and cached) a moment before the token expires: the entry ends with the token.
    t.clock.advance(86_400_000 - 1);
    expect((await token.get('auth/me')).status).toBe(200);
    t.clock.advance(1);
    expect((await token.get('auth/me')).status).toBe(401);
  });

  it('applies changes made through this process at once', async () => {
    const org = await createOrg(t);
    const hr = await createUser(t, org.id, { roles: ['hr_admin'] });
    const leaver = await createUser(t, org.id);
    const session = client(t, { cookie: await cookieOf(leaver) });
    expect((await session.get('auth/me')).status).toBe(200);
    expect((await (await signInAs(t, hr)).post(`people/${leaver.person.id}/deactivate`)).status).toBe(200);
    expect((await session.get('auth/me')).status).toBe(401);
  });
});
