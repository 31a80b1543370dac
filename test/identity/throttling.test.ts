import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { mailMessage } from '../../src/server/db/schema/index.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { client } from '../support/client.ts';
import { createOrg, createUser, PASSWORD } from '../support/factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});

const mailCount = async (orgId: string, to: string) =>
  (await t.ctx.db.select({ id: mailMessage.id }).from(mailMessage).where(and(eq(mailMessage.orgId, orgId), eq(mailMessage.to, to)))).length;
let octet = 0;
/** An address of this test's own (the windows are shared by every test of the database). */
const address = () => ({ 'x-forwarded-for': `198.51.100.${++octet}` });

describe('sign-in limits count failures only', () => {
  // Each sign-in checks a password with argon2 on purpose: this test is slow by nature.
  it('lets an office behind one address sign in more often than the failure limit allows failures', { timeout: 180_000 }, async () => {
    const org = await createOrg(t);
    const people = await Promise.all([1, 2, 3, 4].map(() => createUser(t, org.id)));
    const office = address();
    for (let i = 0; i < 52; i++) {
      const res = await client(t).post('auth/sign-in', { email: people[i % 4]!.email, password: PASSWORD }, office);
      expect(res.status, `sign-in ${i + 1}`).toBe(200);
    }
    // Successes and an occasional typo never lock an account either.
    const someone = people[0]!;
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 9; i++) await client(t).post('auth/sign-in', { email: someone.email, password: 'typo' }, office);
      expect((await client(t).post('auth/sign-in', { email: someone.email, password: PASSWORD }, office)).status).toBe(200);
    }
  });
});

describe('password reset throttling', () => {
  it('sends at most three reset mails an hour to one email, answering every request the same, known or not', async () => {
    const org = await createOrg(t);
    const user = await createUser(t, org.id);
    const known = [];
    const unknown = [];
    for (let i = 0; i < 6; i++) {
      known.push(await client(t).post('auth/password-reset', { email: user.email }));
      unknown.push(await client(t).post('auth/password-reset', { email: `nobody-${user.email}` }));
    }
    for (const res of [...known, ...unknown]) {
      expect(res.status).toBe(202);
      expect(res.body).toBeNull();
    }
    expect(await mailCount(org.id, user.email)).toBe(3);
    t.clock.advance(61 * 60 * 1000);
    expect((await client(t).post('auth/password-reset', { email: user.email })).status).toBe(202);
    expect(await mailCount(org.id, user.email)).toBe(4);
  });

  it('answers 429 to every request from an address past its limit, whether or not the account exists', async () => {
    const org = await createOrg(t);
    const user = await createUser(t, org.id);
    const from = address();
    for (let i = 0; i < 20; i++) {
      expect((await client(t).post('auth/password-reset', { email: `probe${i}@example.test` }, from)).status).toBe(202);
    }
    const knownThere = await client(t).post('auth/password-reset', { email: user.email }, from);
    const unknownThere = await client(t).post('auth/password-reset', { email: 'ghost@example.test' }, from);
    expect(knownThere.status).toBe(429);
    expect(knownThere.body.error.code).toBe('rate_limited');
    expect(Number(knownThere.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(unknownThere.status).toBe(429);
    expect(unknownThere.body).toEqual(knownThere.body);
    expect(await mailCount(org.id, user.email)).toBe(0);
    // Another address is not held back.
    expect((await client(t).post('auth/password-reset', { email: user.email }, address())).status).toBe(202);
    expect(await mailCount(org.id, user.email)).toBe(1);
  });
});
