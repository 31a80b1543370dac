import { describe, expect, it } from 'vitest';
import { canReadLearningOf } from '../../src/server/modules/learning/index.ts';
import type { Actor } from '../../src/server/platform/http/types.ts';
import { createTestApp } from '../support/app.ts';
import { createOrg, createUser } from '../support/factories.ts';

const actorOf = (u: Awaited<ReturnType<typeof createUser>>, roles: Actor['roles']): Actor => ({
  orgId: u.orgId,
  userId: u.account.id,
  personId: u.person.id,
  roles,
  via: 'session',
  scopes: ['read', 'write', 'admin'],
  label: u.email,
});

// Callers that look a record up first (enrolments, certificates, follow-ups) lean on this answer.
describe('who may read a person’s learning', () => {
  it('an admin role reaches its own organisation only', async () => {
    const t = await createTestApp();
    const [home, other] = [await createOrg(t), await createOrg(t)];
    const learner = await createUser(t, home.id);
    const colleague = await createUser(t, home.id);
    const stranger = await createUser(t, other.id);
    for (const role of ['learning_admin', 'hr_admin'] as const) {
      expect(await canReadLearningOf(t.ctx.db, actorOf(colleague, [role]), learner.person.id)).toBe(true);
      expect(await canReadLearningOf(t.ctx.db, actorOf(stranger, [role]), learner.person.id)).toBe(false);
    }
    expect(await canReadLearningOf(t.ctx.db, actorOf(colleague, []), learner.person.id)).toBe(false);
    expect(await canReadLearningOf(t.ctx.db, actorOf(learner, []), learner.person.id)).toBe(true);
  });
});
