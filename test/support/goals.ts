import { group, groupMember, goal, goalPeriod, keyResult } from '../../src/server/db/schema/index.ts';
import type { Actor } from '../../src/server/platform/http/types.ts';
import type { TestApp } from './app.ts';
import type { TestUser } from './factories.ts';

/** The actor a signed-in user would be, for calling module functions directly. */
export const actorOf = (u: TestUser): Actor => ({
  orgId: u.orgId,
  userId: u.account.id,
  personId: u.person.id,
  roles: u.account.roles,
  via: 'session',
  scopes: ['read', 'write', 'admin'],
  label: u.email,
});

export async function createPeriod(t: TestApp, orgId: string, attrs: Partial<typeof goalPeriod.$inferInsert> = {}) {
  const [p] = await t.ctx.db
    .insert(goalPeriod)
    .values({ orgId, name: `Q${Math.floor(Math.random() * 1e9)}`, kind: 'quarter', startsOn: '2026-10-01', endsOn: '2026-12-31', ...attrs })
    .returning();
  return p!;
}

type GoalAttrs = Partial<typeof goal.$inferInsert>;

/** A goal row written directly (no audit): owner and visibility as given, a person's by default. */
export async function createGoal(t: TestApp, orgId: string, attrs: GoalAttrs & { keyResults?: Array<Partial<typeof keyResult.$inferInsert>> } = {}) {
  const { keyResults = [], ...rest } = attrs;
  const [g] = await t.ctx.db
    .insert(goal)
    .values({ orgId, title: 'Goal', ownerType: rest.ownerPersonId ? 'person' : 'company', ...rest })
    .returning();
  if (keyResults.length) {
    await t.ctx.db.insert(keyResult).values(keyResults.map((k, i) => ({ orgId, goalId: g!.id, title: `KR ${i + 1}`, kind: 'number' as const, targetValue: 10, position: i, ...k })));
  }
  return g!;
}

export async function createGroupWith(t: TestApp, orgId: string, name: string, personIds: string[]) {
  const [g] = await t.ctx.db.insert(group).values({ orgId, name, kind: 'static' }).returning();
  if (personIds.length) await t.ctx.db.insert(groupMember).values(personIds.map((personId) => ({ orgId, groupId: g!.id, personId })));
  return g!;
}
