import { companyValue, performanceSettings } from '../../src/server/db/schema/index.ts';
import type { TestApp } from './app.ts';
import { signInAs } from './client.ts';
import { createOrg, createUser } from './factories.ts';

export async function createCompanyValue(t: TestApp, orgId: string, name: string, attrs: Partial<typeof companyValue.$inferInsert> = {}) {
  const [row] = await t.ctx.db.insert(companyValue).values({ orgId, name, ...attrs }).returning();
  return row!;
}

export async function setAnonymousFeedback(t: TestApp, orgId: string, allowed: boolean) {
  await t.ctx.db
    .insert(performanceSettings)
    .values({ orgId, anonymousFeedback: allowed })
    .onConflictDoUpdate({ target: performanceSettings.orgId, set: { anonymousFeedback: allowed } });
}

/** A team: boss → manager → emp, peer, peer2; an outsider with another manager; an HR admin. */
export async function feedbackTeam(t: TestApp) {
  const org = await createOrg(t);
  const boss = await createUser(t, org.id, { firstName: 'Bea', lastName: 'Boss' });
  const manager = await createUser(t, org.id, { managerId: boss.person.id, firstName: 'Mia', lastName: 'Manager' });
  const emp = await createUser(t, org.id, { managerId: manager.person.id, firstName: 'Eli', lastName: 'Employee' });
  const peer = await createUser(t, org.id, { managerId: manager.person.id, firstName: 'Pat', lastName: 'Peer' });
  const peer2 = await createUser(t, org.id, { managerId: manager.person.id, firstName: 'Quinn', lastName: 'Peer' });
  const outsider = await createUser(t, org.id, { firstName: 'Otto', lastName: 'Outsider' });
  const hr = await createUser(t, org.id, { roles: ['hr_admin'], firstName: 'Hana', lastName: 'HR' });
  const admin = await createUser(t, org.id, { roles: ['admin'], firstName: 'Ada', lastName: 'Admin' });
  return {
    org,
    people: { boss, manager, emp, peer, peer2, outsider, hr, admin },
    as: {
      boss: await signInAs(t, boss),
      manager: await signInAs(t, manager),
      emp: await signInAs(t, emp),
      peer: await signInAs(t, peer),
      peer2: await signInAs(t, peer2),
      outsider: await signInAs(t, outsider),
      hr: await signInAs(t, hr),
      admin: await signInAs(t, admin),
    },
  };
}
