import { describe, expect, it } from 'vitest';
import { MAX_FAILURES_PER_ADDRESS } from '../../src/server/modules/identity/session.service.ts';
import { ConfigError, loadConfig } from '../../src/server/platform/config.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { client } from '../support/client.ts';
import { createOrg, createUser, PASSWORD } from '../support/factories.ts';

/** Signs in with the given X-Forwarded-For and returns the address the audit log recorded. */
async function recordedAddress(t: TestApp, forwardedFor: string) {
  const org = await createOrg(t);
  const admin = await createUser(t, org.id, { roles: ['admin'] });
  const res = await client(t).post('auth/sign-in', { email: admin.email, password: PASSWORD }, { 'x-forwarded-for': forwardedFor });
  expect(res.status).toBe(200);
  const asAdmin = client(t, { cookie: res.headers.get('set-cookie')!.split(';')[0]! });
  const audit = await asAdmin.get('audit-events?action=session.created');
  expect(audit.body.data).toHaveLength(1);
  return audit.body.data[0]!.after.ip as string | null;
}

describe('the client address behind proxies', () => {
  it('is the right-most X-Forwarded-For hop with one trusted proxy, so a client cannot pick its own', async () => {
    const t = await createTestApp({ trustProxy: 1 });
    expect(await recordedAddress(t, '203.0.113.5, 198.51.100.7')).toBe('198.51.100.7');

    // Writing a new left-most hop each time does not make a new address.
    const real = `198.51.${Math.floor(Math.random() * 256)}.${Math.floor(Math.random() * 256)}`;
    const statuses: number[] = [];
    for (let i = 0; i <= MAX_FAILURES_PER_ADDRESS; i++) {
      const spoofed = { 'x-forwarded-for': `10.9.${i}.1, ${real}` };
      statuses.push((await client(t).post('auth/sign-in', { email: `probe${i}@example.test`, password: 'x' }, spoofed)).status);
    }
    expect(statuses.at(-1)).toBe(429);
    t.clock.advance(16 * 60 * 1000);
  });

  it('skips as many hops as TRUST_PROXY says proxies add', async () => {
    const t = await createTestApp({ trustProxy: 2 });
    expect(await recordedAddress(t, '203.0.113.5, 198.51.100.8, 10.0.0.2')).toBe('198.51.100.8');
  });

  it('ignores X-Forwarded-For without a trusted proxy, and a hop that is not an address', async () => {
    const none = await createTestApp({ trustProxy: 0 });
    expect(await recordedAddress(none, '198.51.100.9')).not.toBe('198.51.100.9');
    const one = await createTestApp({ trustProxy: 1 });
    expect(await recordedAddress(one, '198.51.100.9, not-an-address')).not.toMatch(/address|198/);
  });

  it('reads TRUST_PROXY as a number of proxies, true meaning one and false none', () => {
    const env = { SESSION_SECRET: 'x'.repeat(32) };
    expect(loadConfig({ ...env, TRUST_PROXY: 'true' }).trustProxy).toBe(1);
    expect(loadConfig({ ...env, TRUST_PROXY: 'false' }).trustProxy).toBe(0);
    expect(loadConfig({ ...env, TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig(env).trustProxy).toBe(0);
    expect(() => loadConfig({ ...env, TRUST_PROXY: 'yes' })).toThrow(ConfigError);
  });
});
