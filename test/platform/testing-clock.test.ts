import { describe, expect, it } from 'vitest';
import { createTestApp } from '../support/app.ts';
import { signInAs } from '../support/client.ts';
import { createOrg, createUser } from '../support/factories.ts';

describe('testing clock endpoint', () => {
  it('does not exist unless TANDEM_TEST_CLOCK is on', async () => {
    const t = await createTestApp();
    const org = await createOrg(t);
    const admin = await signInAs(t, await createUser(t, org.id, { roles: ['admin'] }));
    expect((await admin.post('testing/clock', { days: 1 })).status).toBe(404);
  });

  it('moves time for admins only when switched on', async () => {
    const t = await createTestApp({ testClock: true });
    const org = await createOrg(t);
    const admin = await signInAs(t, await createUser(t, org.id, { roles: ['admin'] }));
    const someone = await signInAs(t, await createUser(t, org.id));
    const before = t.clock.now().getTime();
    expect((await someone.post('testing/clock', { days: 1 })).status).toBe(404);
    const res = await admin.post('testing/clock', { days: 30 });
    expect(res.status).toBe(200);
    expect(new Date(res.body.now).getTime() - before).toBeGreaterThanOrEqual(30 * 86_400_000);
  });
});
