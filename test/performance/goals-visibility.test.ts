import { beforeAll, describe, expect, it } from 'vitest';
import { goalSignal, readableGoal } from '../../src/server/modules/performance/index.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { createDepartment, createOrg, createUser } from '../support/factories.ts';
import { actorOf, createGoal, createGroupWith } from '../support/goals.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});

/**
 * boss → manager → emp, peer (same manager); manager → lead → deep (a report of emp's sibling);
 * cousin under another manager below boss; outsider outside the chain; hr an HR admin.
 */
async function setup() {
  const org = await createOrg(t);
  const sales = await createDepartment(t, org.id, 'Sales');
  const emea = await createDepartment(t, org.id, 'Sales EMEA', sales.id);
  const boss = await createUser(t, org.id);
  const manager = await createUser(t, org.id, { managerId: boss.person.id });
  const emp = await createUser(t, org.id, { managerId: manager.person.id, departmentId: emea.id });
  const peer = await createUser(t, org.id, { managerId: manager.person.id });
  const report = await createUser(t, org.id, { managerId: emp.person.id });
  const otherManager = await createUser(t, org.id, { managerId: boss.person.id });
  const cousin = await createUser(t, org.id, { managerId: otherManager.person.id, departmentId: sales.id });
  const outsider = await createUser(t, org.id);
  const hr = await createUser(t, org.id, { roles: ['hr_admin'] });
  return { org, sales, emea, boss, manager, emp, peer, report, otherManager, cousin, outsider, hr };
}

type Who = Awaited<ReturnType<typeof setup>>;
const people = ['boss', 'manager', 'emp', 'peer', 'report', 'otherManager', 'cousin', 'outsider', 'hr'] as const;

async function seers(s: Who, goalId: string) {
  const out: string[] = [];
  for (const name of people) if (await readableGoal(t.ctx.db, actorOf(s[name]), goalId)) out.push(name);
  return out;
}

describe('goal visibility', () => {
  it("a person's goals: public to all, team to the chain and the owner's peers, private to the owner, the chain and HR", async () => {
    const s = await setup();
    const pub = await createGoal(t, s.org.id, { ownerPersonId: s.emp.person.id, visibility: 'public' });
    const team = await createGoal(t, s.org.id, { ownerPersonId: s.emp.person.id, visibility: 'team' });
    const priv = await createGoal(t, s.org.id, { ownerPersonId: s.emp.person.id, visibility: 'private' });
    expect(await seers(s, pub.id)).toEqual([...people]);
    expect(await seers(s, team.id)).toEqual(['boss', 'manager', 'emp', 'peer', 'hr']);
    expect(await seers(s, priv.id)).toEqual(['boss', 'manager', 'emp', 'hr']);
  });

  it('a department goal: team to its members (sub-departments included) and their chains, private to the chains only', async () => {
    const s = await setup();
    const team = await createGoal(t, s.org.id, { ownerType: 'department', ownerDepartmentId: s.sales.id, visibility: 'team' });
    const priv = await createGoal(t, s.org.id, { ownerType: 'department', ownerDepartmentId: s.sales.id, visibility: 'private' });
    const emeaPriv = await createGoal(t, s.org.id, { ownerType: 'department', ownerDepartmentId: s.emea.id, visibility: 'private' });
    expect(await seers(s, team.id)).toEqual(['boss', 'manager', 'emp', 'otherManager', 'cousin', 'hr']);
    expect(await seers(s, priv.id)).toEqual(['boss', 'manager', 'otherManager', 'hr']);
    expect(await seers(s, emeaPriv.id)).toEqual(['boss', 'manager', 'hr']);
  });

  it('a group goal: team to its members and their chains, private to the chains; company goals: team to all, private to managers', async () => {
    const s = await setup();
    const guild = await createGroupWith(t, s.org.id, 'Guild', [s.peer.person.id, s.outsider.person.id]);
    const team = await createGoal(t, s.org.id, { ownerType: 'group', ownerGroupId: guild.id, visibility: 'team' });
    const priv = await createGoal(t, s.org.id, { ownerType: 'group', ownerGroupId: guild.id, visibility: 'private' });
    expect(await seers(s, team.id)).toEqual(['boss', 'manager', 'peer', 'outsider', 'hr']);
    expect(await seers(s, priv.id)).toEqual(['boss', 'manager', 'hr']);
    const companyTeam = await createGoal(t, s.org.id, { ownerType: 'company', visibility: 'team' });
    const companyPriv = await createGoal(t, s.org.id, { ownerType: 'company', visibility: 'private' });
    expect(await seers(s, companyTeam.id)).toEqual([...people]);
    expect(await seers(s, companyPriv.id)).toEqual(['boss', 'manager', 'emp', 'otherManager', 'hr']);
  });

  it('nobody reads a goal of another organisation, HR admins included', async () => {
    const s = await setup();
    const other = await createOrg(t);
    const foreign = await createGoal(t, other.id, { ownerType: 'company', visibility: 'public' });
    expect(await readableGoal(t.ctx.db, actorOf(s.hr), foreign.id)).toBeNull();
    expect(await readableGoal(t.ctx.db, actorOf(s.emp), foreign.id)).toBeNull();
  });

  it("goalSignal gives the goal's progress and status for an enrolment's baseline", async () => {
    const s = await setup();
    const g = await createGoal(t, s.org.id, { ownerPersonId: s.emp.person.id, progress: 42.5, status: 'at_risk' });
    expect(await goalSignal(t.ctx.db, s.org.id, g.id)).toEqual({ goalProgress: 42.5, goalStatus: 'at_risk' });
    expect(await goalSignal(t.ctx.db, (await createOrg(t)).id, g.id)).toBeNull();
  });
});
