import { oneOnOneSeries } from '../../src/server/db/schema/index.ts';
import type { OneOnOneCadence } from '../../src/server/db/schema/performance.ts';
import type { TestApp } from './app.ts';
import { createUser, type TestUser } from './factories.ts';
import { signInAs } from './client.ts';
import { ensureMeetingsAhead } from '../../src/server/modules/performance/one-on-ones/one-on-ones.core.ts';
import type { Actor } from '../../src/server/platform/http/types.ts';

/** A series straight into the tables, with its next meetings materialised as the service would. */
export async function createSeries(
  t: TestApp,
  orgId: string,
  organiserId: string,
  attendeeId: string,
  attrs: { cadence?: OneOnOneCadence; startsAt?: Date; timeZone?: string; durationMinutes?: number } = {},
) {
  const now = t.clock.now();
  const [s] = await t.ctx.db
    .insert(oneOnOneSeries)
    .values({
      orgId,
      organiserId,
      attendeeId,
      cadence: attrs.cadence ?? 'weekly',
      startsAt: attrs.startsAt ?? new Date(now.getTime() + 86_400_000),
      timeZone: attrs.timeZone ?? 'UTC',
      durationMinutes: attrs.durationMinutes ?? 30,
      createdBy: organiserId,
    })
    .returning();
  await ensureMeetingsAhead(t.ctx.db, s!, now);
  return s!;
}

/** The actor a signed-in user acts as, for calling use cases directly. */
export const actorOf = (u: TestUser, roles: Actor['roles'] = []): Actor => ({
  orgId: u.orgId,
  userId: u.account.id,
  personId: u.person.id,
  roles,
  via: 'session',
  scopes: ['read', 'write', 'admin'],
  label: u.email,
});

/** A manager with two reports, a peer manager, an HR admin and an admin, each signed in. */
export async function oneOnOneTeam(t: TestApp, orgId: string) {
  const boss = await createUser(t, orgId);
  const manager = await createUser(t, orgId, { managerId: boss.person.id });
  const emp = await createUser(t, orgId, { managerId: manager.person.id });
  const peer = await createUser(t, orgId, { managerId: manager.person.id });
  const stranger = await createUser(t, orgId);
  const hr = await createUser(t, orgId, { roles: ['hr_admin'] });
  const admin = await createUser(t, orgId, { roles: ['admin'] });
  return {
    boss,
    manager,
    emp,
    peer,
    stranger,
    hr,
    admin,
    as: {
      boss: await signInAs(t, boss),
      manager: await signInAs(t, manager),
      emp: await signInAs(t, emp),
      peer: await signInAs(t, peer),
      stranger: await signInAs(t, stranger),
      hr: await signInAs(t, hr),
      admin: await signInAs(t, admin),
    },
  };
}
