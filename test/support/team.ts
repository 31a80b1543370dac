import type { TestApp } from './app.ts';
import { createOrg, createUser } from './factories.ts';
import { assess, createProfile, createSkill, createTeachingCourse } from './recommendations.ts';

/**
 * The chain the team view and the person's page are tested on: Boss manages Max and Cleo; Max
 * manages Ana and Ben; Cleo manages Dan. Ana (and whoever else `analysts` names) holds Analyst
 * (SQL 3, Writing 2); Max rated Ana's SQL 1 (a gap "SQL for analysts" teaches) and her Writing 3
 * (a strength). "Fire safety" teaches nothing (for compliance enrolments).
 */
export async function createTeamOrg(t: TestApp, opts: { analysts?: Array<'ana' | 'dan'> } = {}) {
  const org = await createOrg(t);
  const boss = await createUser(t, org.id, { firstName: 'Bo', lastName: 'Boss' });
  const max = await createUser(t, org.id, { firstName: 'Max', lastName: 'Manager', managerId: boss.person.id });
  const cleo = await createUser(t, org.id, { firstName: 'Cleo', lastName: 'Lead', managerId: boss.person.id });
  const ana = await createUser(t, org.id, { firstName: 'Ana', lastName: 'Alpha', managerId: max.person.id });
  const ben = await createUser(t, org.id, { firstName: 'Ben', lastName: 'Beta', managerId: max.person.id });
  const dan = await createUser(t, org.id, { firstName: 'Dan', lastName: 'Delta', managerId: cleo.person.id });
  const holders = { ana, dan };
  const sql = await createSkill(t, org.id, 'SQL');
  const writing = await createSkill(t, org.id, 'Writing');
  const analyst = await createProfile(t, org.id, 'Analyst', [[sql.id, 3], [writing.id, 2]], (opts.analysts ?? ['ana']).map((k) => holders[k].person.id));
  await assess(t, org.id, { personId: ana.person.id, skillId: sql.id, level: 1, source: 'manager', assessorId: max.person.id });
  await assess(t, org.id, { personId: ana.person.id, skillId: writing.id, level: 3, source: 'manager', assessorId: max.person.id });
  const course = await createTeachingCourse(t, org.id, 'SQL for analysts', [[sql.id, 3]]);
  const fire = await createTeachingCourse(t, org.id, 'Fire safety', []);
  return { org, boss, max, cleo, ana, ben, dan, sql, writing, analyst, course, fire };
}
