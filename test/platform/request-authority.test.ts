import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/server/platform/config.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { client, ORIGIN, signInAs, type Body } from '../support/client.ts';
import { createOrg, createUser, PASSWORD } from '../support/factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});

describe('API token scopes, as the API tokens page explains them', () => {
  it('needs `write` to change anything, `admin` only lends the owner’s admin roles', async () => {
    const org = await createOrg(t);
    const owner = await createUser(t, org.id, { roles: ['admin'] });
    const asOwner = await signInAs(t, owner);
    const token = async (scopes: Body<'/api-tokens', 'post'>['scopes']) => (await asOwner.post('api-tokens', { name: scopes.join('+'), scopes })).body.token as string;
    const course = { title: 'Scoped' };

    const readAdmin = client(t, { token: await token(['read', 'admin']) });
    const refused = await readAdmin.post('courses', course);
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: 'forbidden', message: 'This API token lacks the write scope' });
    expect((await readAdmin.get('audit-events')).status).toBe(200);

    expect((await client(t, { token: await token(['read', 'write', 'admin']) }).post('courses', course)).status).toBe(201);
    // Without `admin`, the owner's admin roles stay at home.
    const noAdmin = await client(t, { token: await token(['read', 'write']) }).post('courses', course);
    expect(noAdmin.status).toBe(403);
    expect(noAdmin.body.error.message).toBe('This API token lacks the admin scope');
    // And reading takes `read`.
    const writeOnly = await client(t, { token: await token(['write']) }).get('auth/me');
    expect(writeOnly.status).toBe(403);
    expect(writeOnly.body.error.message).toBe('This API token lacks the read scope');
  });
});

describe('cookie-authenticated changes', () => {
  it('come only from PUBLIC_URL’s origin, whatever Host the request names', async () => {
    const org = await createOrg(t);
    const user = await createUser(t, org.id);
    const session = (await client(t).post('auth/sign-in', { email: user.email, password: PASSWORD })).headers.get('set-cookie')!.split(';')[0]!;
    const post = (url: string, headers: Record<string, string>) =>
      t.app.request(url, { method: 'POST', headers: { cookie: session, 'content-type': 'application/json', ...headers }, body: JSON.stringify({ name: 'x', scopes: ['read'] }) });

    // The attacker's page names its own host, and the request's URL with it.
    const spoofed = await post('http://evil.example/api/v1/api-tokens', { host: 'evil.example', origin: 'http://evil.example' });
    expect(spoofed.status).toBe(403);
    expect((await spoofed.json()).error.code).toBe('csrf_failed');
    expect((await post('http://localhost/api/v1/api-tokens', {})).status).toBe(403);
    expect((await post('http://localhost/api/v1/api-tokens', { origin: 'http://localhost:3000.evil.example' })).status).toBe(403);
    expect((await post('http://localhost/api/v1/api-tokens', { origin: ORIGIN })).status).toBe(201);
  });

  it('also come from the Vite dev server’s origin where DEV_ORIGIN names it, and only then', async () => {
    const dev = await createTestApp({ devOrigin: 'http://localhost:5173' });
    const org = await createOrg(dev);
    const c = await signInAs(dev, await createUser(dev, org.id));
    expect((await c.post('api-tokens', { name: 'x', scopes: ['read'] }, { origin: 'http://localhost:5173' })).status).toBe(201);
    const asOther = await signInAs(t, await createUser(t, org.id));
    expect((await asOther.post('api-tokens', { name: 'x', scopes: ['read'] }, { origin: 'http://localhost:5173' })).status).toBe(403);

    const env = { SESSION_SECRET: 'x'.repeat(32) };
    expect(loadConfig({ ...env, DEV_ORIGIN: 'http://localhost:5173/' }).devOrigin).toBe('http://localhost:5173');
    expect(() => loadConfig({ ...env, NODE_ENV: 'production', DEV_ORIGIN: 'http://localhost:5173' })).toThrow(ConfigError);
  });

  it('also come from the loopback names of the default address when PUBLIC_URL is unset, and not once it is set', async () => {
    const env = { SESSION_SECRET: 'x'.repeat(32), PORT: '3000' };
    const laptop = await createTestApp({ loopbackOrigins: loadConfig(env).loopbackOrigins });
    const org = await createOrg(laptop);
    const c = await signInAs(laptop, await createUser(laptop, org.id));
    expect((await c.post('api-tokens', { name: 'x', scopes: ['read'] }, { origin: 'http://127.0.0.1:3000' })).status).toBe(201);
    expect((await c.post('api-tokens', { name: 'x', scopes: ['read'] }, { origin: 'http://127.0.0.1:4000' })).status).toBe(403);
    expect(loadConfig({ ...env, PUBLIC_URL: 'https://tandem.example' }).loopbackOrigins).toEqual([]);
  });
});
