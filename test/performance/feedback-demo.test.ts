import { beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { DEMO_PASSWORD, seedDemo } from '../../src/server/seed/demo.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { signInAs } from '../support/client.ts';

let t: TestApp;
let domain: string;
beforeAll(async () => {
  t = await createTestApp();
  const suffix = uuidv7().slice(-10);
  domain = `acme-fb-${suffix}.example`;
  await seedDemo(t.ctx, { slug: `acme-fb-${suffix}`, emailDomain: domain });
}, 120_000);

describe('demo feedback and praise', () => {
  it('shows company values, a praise feed with reactions, and answered, anonymous and pending feedback', async () => {
    const employee = await signInAs(t, { email: `employee@${domain}` }, DEMO_PASSWORD);
    const manager = await signInAs(t, { email: `manager@${domain}` }, DEMO_PASSWORD);
    expect((await employee.get('company-values')).body.data.length).toBe(5);
    const feed = (await employee.get('praise?limit=50')).body.data as Array<{ reactions: unknown[]; commentCount: number; visibility: string }>;
    expect(feed.length).toBeGreaterThanOrEqual(10);
    expect(feed.every((p) => p.visibility === 'public')).toBe(true);
    expect(feed.filter((p) => p.reactions.length).length).toBeGreaterThanOrEqual(5);
    expect(feed.some((p) => p.commentCount > 0)).toBe(true);

    const received = (await employee.get('feedback')).body.data as Array<{ anonymous: boolean; giver: unknown }>;
    expect(received.length).toBeGreaterThanOrEqual(3);
    expect(received.some((f) => f.anonymous && f.giver === null)).toBe(true);
    const [mine] = (await employee.get('feedback-requests')).body.data;
    expect(mine).toMatchObject({ allowAnonymous: true, progress: { invited: 3, answered: 2, pending: 1 } });
    expect((await employee.get('feedback-invitations')).body.data.length).toBeGreaterThanOrEqual(1);

    const [aboutReport] = (await manager.get('feedback-requests')).body.data;
    expect(aboutReport!.invitations.map((i: { status: string | null }) => i.status).sort()).toEqual(['answered', 'pending']);
    expect((await manager.get('feedback')).body.data.length).toBeGreaterThanOrEqual(1);
  });
});
