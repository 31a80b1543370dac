import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvent, domainEvent } from '../../src/server/db/schema/index.ts';
import { compareToProfile } from '../../src/server/modules/talent/job-profiles/index.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { signInAs } from '../support/client.ts';
import { createOrg, createUser } from '../support/factories.ts';
import { createSkill, setCurrentLevel } from '../support/talent.ts';
import { seedDemoProfiles } from '../../src/server/seed/demo/talent/profiles.ts';
import type { DemoTalentInput } from '../../src/server/seed/demo/talent/index.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});

async function setup() {
  const org = await createOrg(t);
  const hrUser = await createUser(t, org.id, { roles: ['hr_admin'] });
  const mgrUser = await createUser(t, org.id);
  const empUser = await createUser(t, org.id, { managerId: mgrUser.person.id });
  const peerUser = await createUser(t, org.id, { managerId: mgrUser.person.id });
  const [hr, mgr, emp, peer] = [await signInAs(t, hrUser), await signInAs(t, mgrUser), await signInAs(t, empUser), await signInAs(t, peerUser)];
  const negotiation = await createSkill(t, org.id, { name: 'Negotiation', maxLevel: 5 });
  const coaching = await createSkill(t, org.id, { name: 'Coaching', maxLevel: 3 });
  const sql = await createSkill(t, org.id, { name: 'SQL', maxLevel: 5 });
  return { org, hr, mgr, emp, peer, hrUser, mgrUser, empUser, peerUser, negotiation, coaching, sql };
}

const events = (orgId: string, type: string) =>
  t.ctx.db.select().from(domainEvent).where(and(eq(domainEvent.orgId, orgId), eq(domainEvent.type, type)));

describe('job profiles', () => {
  it('HR admins manage profiles with expected skills; everyone signed in reads them', async () => {
    const s = await setup();
    const created = await s.hr.post('job-profiles', {
      name: 'Account Executive',
      family: 'Sales',
      description: 'Wins new business',
      skills: [
        { skillId: s.negotiation.id, level: 3 },
        { skillId: s.coaching.id, level: 2 },
      ],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Account Executive', family: 'Sales', skillCount: 2, holderCount: 0, archivedAt: null });
    expect(created.body.skills).toEqual([
      expect.objectContaining({ skillId: s.coaching.id, name: 'Coaching', maxLevel: 3, level: 2 }),
      expect.objectContaining({ skillId: s.negotiation.id, name: 'Negotiation', maxLevel: 5, level: 3 }),
    ]);
    const id = created.body.id;
    await s.hr.post('job-profiles', { name: 'Data Analyst', family: 'Finance' });

    const list = await s.emp.get('job-profiles');
    expect(list.status).toBe(200);
    expect(list.body.data.map((p: { name: string }) => p.name)).toEqual(['Account Executive', 'Data Analyst']);
    expect((await s.emp.get('job-profiles?q=acc')).body.data).toHaveLength(1);
    expect((await s.emp.get('job-profiles?family=finance')).body.data.map((p: { name: string }) => p.name)).toEqual(['Data Analyst']);
    expect((await s.emp.get(`job-profiles/${id}`)).body.skills).toHaveLength(2);

    // The skills array replaces the set; a change of expectations is an event.
    const patched = await s.hr.patch(`job-profiles/${id}`, { skills: [{ skillId: s.sql.id, level: 4 }], description: null });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ description: null, skillCount: 1 });
    expect(patched.body.skills.map((x: { name: string; level: number }) => [x.name, x.level])).toEqual([['SQL', 4]]);
    expect(await events(s.org.id, 'talent.job_profile_changed')).toHaveLength(1);
    // A rename alone is not.
    expect((await s.hr.patch(`job-profiles/${id}`, { name: 'Account Exec' })).body.name).toBe('Account Exec');
    expect(await events(s.org.id, 'talent.job_profile_changed')).toHaveLength(1);

    const archived = await s.hr.post(`job-profiles/${id}/archive`, {});
    expect(archived.status).toBe(200);
    expect(archived.body.archivedAt).not.toBeNull();
    expect(await events(s.org.id, 'talent.job_profile_changed')).toHaveLength(2);
    expect((await s.emp.get('job-profiles')).body.data).toHaveLength(1);
    expect((await s.emp.get('job-profiles?includeArchived=true')).body.data).toHaveLength(2);
    expect((await s.hr.post(`job-profiles/${id}/unarchive`, {})).body.archivedAt).toBeNull();

    const audits = await t.ctx.db.select().from(auditEvent).where(and(eq(auditEvent.orgId, s.org.id), eq(auditEvent.recordId, id)));
    expect(audits.map((a) => a.action)).toEqual(
      expect.arrayContaining(['job_profile.created', 'job_profile.updated', 'job_profile.archived', 'job_profile.unarchived']),
    );

    // Managers and employees are not told the admin routes exist.
    for (const c of [s.mgr, s.emp]) {
      expect((await c.post('job-profiles', { name: 'Sneaky' })).status).toBe(404);
      expect((await c.patch(`job-profiles/${id}`, { name: 'X' })).status).toBe(404);
      expect((await c.post(`job-profiles/${id}/archive`, {})).status).toBe(404);
    }
    // Another organisation cannot see it.
    const other = await setup();
    expect((await other.hr.get(`job-profiles/${id}`)).status).toBe(404);
  });

  it('refuses bad expected skills with the field at fault', async () => {
    const s = await setup();
    expect((await s.hr.post('job-profiles', { name: 'Sales Manager' })).status).toBe(201);
    const dup = await s.hr.post('job-profiles', { name: 'sales MANAGER' });
    expect(dup.status).toBe(409);
    expect(dup.body.error.details[0].path).toBe('name');

    const outOfScale = await s.hr.post('job-profiles', {
      name: 'Coach',
      skills: [
        { skillId: s.negotiation.id, level: 5 },
        { skillId: s.coaching.id, level: 4 },
      ],
    });
    expect(outOfScale.status).toBe(400);
    expect(outOfScale.body.error.details.map((d: { path: string }) => d.path)).toEqual(['skills.1.level']);
    expect((await s.hr.post('job-profiles', { name: 'Zero', skills: [{ skillId: s.sql.id, level: 0 }] })).body.error.details[0].path).toBe(
      'skills.0.level',
    );

    const other = await setup();
    const foreign = await s.hr.post('job-profiles', { name: 'Foreign', skills: [{ skillId: other.sql.id, level: 2 }] });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.details[0].path).toBe('skills.0.skillId');

    const old = await createSkill(t, s.org.id, { name: 'Fax', archivedAt: new Date() });
    const archived = await s.hr.post('job-profiles', { name: 'Clerk', skills: [{ skillId: old.id, level: 1 }] });
    expect(archived.status).toBe(400);
    expect(archived.body.error.details[0]).toMatchObject({ path: 'skills.0.skillId', message: expect.stringContaining('archived') });

    const twice = await s.hr.post('job-profiles', {
      name: 'Twice',
      skills: [
        { skillId: s.sql.id, level: 1 },
        { skillId: s.sql.id, level: 2 },
      ],
    });
    expect(twice.status).toBe(400);
    expect(twice.body.error.details[0].path).toBe('skills.1.skillId');
    expect((await s.hr.raw.post('job-profiles', { name: 'Extra', colour: 'red' })).status).toBe(400);
  });

  it('career paths: no step to itself, no duplicate, no promotion loop; laterals may go both ways', async () => {
    const s = await setup();
    const mk = async (name: string) => (await s.hr.post('job-profiles', { name, family: 'Sales' })).body.id as string;
    const a = await mk('Account Executive');
    const b = await mk('Senior Account Executive');
    const c = await mk('Sales Manager');
    const d = await mk('Solutions Consultant');

    expect((await s.hr.post('career-paths', { fromProfileId: a, toProfileId: b, kind: 'promotion' })).status).toBe(201);
    const bc = await s.hr.post('career-paths', { fromProfileId: b, toProfileId: c, kind: 'promotion', note: 'After two years' });
    expect(bc.status).toBe(201);
    expect(bc.body).toMatchObject({ kind: 'promotion', note: 'After two years', from: { name: 'Senior Account Executive' }, to: { name: 'Sales Manager' } });

    const self = await s.hr.post('career-paths', { fromProfileId: a, toProfileId: a, kind: 'lateral' });
    expect(self.status).toBe(400);
    expect(self.body.error.details[0].path).toBe('toProfileId');
    expect((await s.hr.post('career-paths', { fromProfileId: a, toProfileId: b, kind: 'lateral' })).status).toBe(409);

    const loop = await s.hr.post('career-paths', { fromProfileId: c, toProfileId: a, kind: 'promotion' });
    expect(loop.status).toBe(400);
    expect(loop.body.error.message).toMatch(/circle/);
    // A lateral move back is fine, and laterals may be reciprocal.
    expect((await s.hr.post('career-paths', { fromProfileId: c, toProfileId: a, kind: 'lateral' })).status).toBe(201);
    expect((await s.hr.post('career-paths', { fromProfileId: a, toProfileId: d, kind: 'lateral' })).status).toBe(201);
    expect((await s.hr.post('career-paths', { fromProfileId: d, toProfileId: a, kind: 'lateral' })).status).toBe(201);

    const all = await s.emp.get('career-paths');
    expect(all.body.data).toHaveLength(5);
    const fromA = await s.emp.get(`career-paths?profileId=${a}`);
    expect(fromA.body.data).toHaveLength(4);
    const detail = await s.emp.get(`job-profiles/${a}`);
    expect(detail.body.nextSteps.map((x: { kind: string; to: { name: string } }) => [x.kind, x.to.name])).toEqual([
      ['promotion', 'Senior Account Executive'],
      ['lateral', 'Solutions Consultant'],
    ]);
    expect(detail.body.previousSteps).toHaveLength(2);

    expect((await s.emp.delete(`career-paths/${bc.body.id}`)).status).toBe(404);
    expect((await s.mgr.post('career-paths', { fromProfileId: d, toProfileId: c, kind: 'promotion' })).status).toBe(404);
    expect((await s.hr.delete(`career-paths/${bc.body.id}`)).status).toBe(204);
    expect((await s.hr.delete(`career-paths/${bc.body.id}`)).status).toBe(404);
    // With B→C gone, C→A promotion no longer loops.
    expect((await s.hr.post('career-paths', { fromProfileId: c, toProfileId: b, kind: 'promotion' })).status).toBe(201);
  });

  it('HR gives people profiles; the person and their chain read it; others get 404', async () => {
    const s = await setup();
    const p = await s.hr.post('job-profiles', { name: 'Analyst', skills: [{ skillId: s.sql.id, level: 3 }] });
    const archived = await s.hr.post('job-profiles', { name: 'Old role' });
    await s.hr.post(`job-profiles/${archived.body.id}/archive`, {});

    expect((await s.mgr.put(`people/${s.empUser.person.id}/job-profile`, { jobProfileId: p.body.id })).status).toBe(404);
    expect((await s.emp.put(`people/${s.empUser.person.id}/job-profile`, { jobProfileId: p.body.id })).status).toBe(404);
    const refused = await s.hr.put(`people/${s.empUser.person.id}/job-profile`, { jobProfileId: archived.body.id });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details[0].path).toBe('jobProfileId');

    const set = await s.hr.put(`people/${s.empUser.person.id}/job-profile`, { jobProfileId: p.body.id });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ personId: s.empUser.person.id, profile: { name: 'Analyst' }, skills: [{ name: 'SQL', level: 3 }] });
    const evs = await events(s.org.id, 'talent.person_profile_changed');
    expect(evs).toHaveLength(1);
    expect(evs[0]!.payload).toMatchObject({ personId: s.empUser.person.id, jobProfileId: p.body.id, previousJobProfileId: null });
    expect((await s.emp.get(`job-profiles/${p.body.id}`)).body.holderCount).toBe(1);

    for (const c of [s.emp, s.mgr, s.hr]) expect((await c.get(`people/${s.empUser.person.id}/job-profile`)).body.profile?.name).toBe('Analyst');
    expect((await s.peer.get(`people/${s.empUser.person.id}/job-profile`)).status).toBe(404);

    const cleared = await s.hr.put(`people/${s.empUser.person.id}/job-profile`, { jobProfileId: null });
    expect(cleared.body).toMatchObject({ profile: null, skills: [] });
    expect(await events(s.org.id, 'talent.person_profile_changed')).toHaveLength(2);
    const audits = await t.ctx.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.orgId, s.org.id), eq(auditEvent.action, 'person.job_profile_changed')));
    expect(audits).toHaveLength(2);
  });

  it('compares a person to a profile with the gaps worked out by hand', async () => {
    const s = await setup();
    const own = await s.hr.post('job-profiles', {
      name: 'Account Executive',
      skills: [
        { skillId: s.negotiation.id, level: 4 },
        { skillId: s.coaching.id, level: 2 },
        { skillId: s.sql.id, level: 3 },
      ],
    });
    const next = await s.hr.post('job-profiles', { name: 'Sales Manager', skills: [{ skillId: s.coaching.id, level: 3 }] });
    await s.hr.put(`people/${s.empUser.person.id}/job-profile`, { jobProfileId: own.body.id });
    await setCurrentLevel(t, s.org.id, s.empUser.person.id, s.negotiation.id, 2.5);
    await setCurrentLevel(t, s.org.id, s.empUser.person.id, s.coaching.id, 3);

    const mine = await s.emp.get(`people/${s.empUser.person.id}/profile-comparison`);
    expect(mine.status).toBe(200);
    expect(mine.body.isOwnProfile).toBe(true);
    expect(mine.body.rows.map((r: { name: string; expectedLevel: number; currentLevel: number | null; gap: number }) => [r.name, r.expectedLevel, r.currentLevel, r.gap])).toEqual([
      ['SQL', 3, null, 3],
      ['Negotiation', 4, 2.5, 1.5],
      ['Coaching', 2, 3, 0],
    ]);
    expect(mine.body.summary).toEqual({ met: 1, gaps: 2, notAssessed: 1, totalGap: 4.5 });

    const other = await s.mgr.get(`people/${s.empUser.person.id}/profile-comparison?profileId=${next.body.id}`);
    expect(other.body).toMatchObject({ isOwnProfile: false, profile: { name: 'Sales Manager' }, rows: [{ name: 'Coaching', gap: 0 }] });

    // A peer, and a person without a profile.
    expect((await s.peer.get(`people/${s.empUser.person.id}/profile-comparison`)).status).toBe(404);
    expect((await s.peer.get(`people/${s.peerUser.person.id}/profile-comparison`)).body).toMatchObject({ profile: null, rows: [] });
    const foreign = await setup();
    expect((await foreign.hr.get(`people/${s.empUser.person.id}/profile-comparison`)).status).toBe(404);
    expect((await s.emp.get(`people/${s.empUser.person.id}/profile-comparison?profileId=${foreign.org.id}`)).status).toBe(404);
  });

  it('compareToProfile: gaps never below zero, unassessed counts from zero, largest gap first', () => {
    const out = compareToProfile(
      [
        { skillId: 'a', name: 'A', category: null, maxLevel: 5, level: 2 },
        { skillId: 'b', name: 'B', category: null, maxLevel: 5, level: 5 },
        { skillId: 'c', name: 'C', category: null, maxLevel: 5, level: 3 },
      ],
      new Map([
        ['a', 4],
        ['b', 3.333],
      ]),
    );
    expect(out.rows.map((r) => [r.skillId, r.currentLevel, r.gap])).toEqual([
      ['c', null, 3],
      ['b', 3.33, 1.67],
      ['a', 4, 0],
    ]);
    expect(out.summary).toEqual({ met: 1, gaps: 2, notAssessed: 1, totalGap: 4.67 });
  });

  it('demo seed: a profile for every title with expected skills and paths, and people get theirs by title', async () => {
    const org = await createOrg(t);
    const ae = await createUser(t, org.id, { jobTitle: 'Account Executive' });
    const hr = await signInAs(t, await createUser(t, org.id, { roles: ['hr_admin'] }));
    await seedDemoProfiles(t.ctx.db, { orgId: org.id } as DemoTalentInput, new Date());
    const list = await hr.get('job-profiles?q=account executive');
    const p = list.body.data.find((x: { name: string }) => x.name === 'Account Executive')!;
    expect(p).toMatchObject({ family: 'Sales', holderCount: 1 });
    expect(p.skillCount).toBeGreaterThanOrEqual(3);
    const detail = await hr.get(`job-profiles/${p.id}`);
    expect(detail.body.nextSteps.map((x: { kind: string; to: { name: string } }) => `${x.kind} ${x.to.name}`)).toEqual([
      'promotion Senior Account Executive',
      'lateral Solutions Consultant',
    ]);
    expect((await hr.get(`people/${ae.person.id}/job-profile`)).body.profile?.name).toBe('Account Executive');
  });
});
