import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { client, signInAs } from '../support/client.ts';
import { createOrg, createUser } from '../support/factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});

describe('sign-in', () => {
  it('opens a session that identifies the person', async () => {
    const org = await createOrg(t, 'Globex');
    const user = await createUser(t, org.id, { firstName: 'Ada', lastName: 'Lovelace', roles: ['hr_admin'] });
    const me = await (await signInAs(t, user)).get('auth/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ name: 'Ada Lovelace', orgName: 'Globex', roles: ['hr_admin'], isManager: false });
  });

  it('answers the same for a wrong password and an unknown account', async () => {
    const org = await createOrg(t);
    const user = await createUser(t, org.id);
    const wrong = await client(t).post('auth/sign-in', { email: user.email, password: 'nope' });
    const unknown = await client(t).post('auth/sign-in', { email: 'ghost@example.test', password: 'nope' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.error.code).toBe('unauthenticated');
  });

  it('rejects unknown fields and names the missing one', async () => {
    const res = await client(t).raw.post('auth/sign-in', { email: 'a@b.c', extra: 1 });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    const paths = res.body.error.details.map((d: { path: string }) => d.path);
    expect(paths).toContain('password');
    expect(paths.some((p: string) => p.includes('extra'))).toBe(true);
  });

  it('refuses a cookie-authenticated mutation from another origin', async () => {
    const org = await createOrg(t);
    const user = await createUser(t, org.id);
    const c = await signInAs(t, user);
    const res = await c.post('auth/sign-out', undefined, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('csrf_failed');
    expect((await c.get('auth/me')).status).toBe(200);
    expect((await c.post('auth/sign-out')).status).toBe(204);
    expect((await c.get('auth/me')).status).toBe(401);
  });
});
