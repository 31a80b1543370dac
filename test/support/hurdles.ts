import { goal, hurdle } from '../../src/server/db/schema/index.ts';
import type { Actor } from '../../src/server/platform/http/types.ts';
import type { TestApp } from './app.ts';
import type { TestUser } from './factories.ts';

/** The actor a signed-in user would be, for calling module functions directly. */
export const hurdleActor = (u: TestUser): Actor => ({
  orgId: u.orgId,
  userId: u.account.id,
  personId: u.person.id,
  roles: u.account.roles,
  via: 'session',
  scopes: ['read', 'write', 'admin'],
  label: u.email,
});

/** A hurdle row written directly (no audit, no notification). */
export async function createHurdle(t: TestApp, orgId: string, personId: string, attrs: Partial<typeof hurdle.$inferInsert> = {}) {
  const now = t.clock.now();
  const [h] = await t.ctx.db
    .insert(hurdle)
    .values({ orgId, personId, title: 'Hurdle', category: 'time', createdAt: now, updatedAt: now, ...attrs })
    .returning();
  return h!;
}

/** A person's goal written directly; private unless told otherwise. */
export async function createPersonGoal(t: TestApp, orgId: string, ownerPersonId: string, attrs: Partial<typeof goal.$inferInsert> = {}) {
  const [g] = await t.ctx.db
    .insert(goal)
    .values({ orgId, title: 'Ship the release', ownerType: 'person', ownerPersonId, visibility: 'private', ...attrs })
    .returning();
  return g!;
}
