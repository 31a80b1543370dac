import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvent, domainEvent, personSkill, skill } from '../../src/server/db/schema/index.ts';
import { currentLevel, recordAssessments } from '../../src/server/modules/talent/assessments/index.ts';
import { seedDemoAssessments } from '../../src/server/seed/demo/talent/assessments.ts';
import { skillAssessment } from '../../src/server/db/schema/index.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { signInAs } from '../support/client.ts';
import { createOrg, createUser } from '../support/factories.ts';
import { createProfile, createSkill } from '../support/assessments.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});

const DAY = 86_400_000;

/**
 * An organisation with a manager, her report Rita (holding a profile that expects Negotiation 4),
 * a peer of Rita, the manager of another team, an HR admin.
 */
async function setup() {
  const org = await createOrg(t);
  const nego = await createSkill(t, org.id, { name: 'Negotiation' });
  const sql = await createSkill(t, org.id, { name: 'SQL', maxLevel: 3, levels: ['Reads', 'Writes', 'Tunes'] });
  const profile = await createProfile(t, org.id, 'Account Manager', [{ skillId: nego.id, level: 4 }]);
  const mgrUser = await createUser(t, org.id, { firstName: 'Mia', lastName: 'Manager' });
  const ritaUser = await createUser(t, org.id, { firstName: 'Rita', lastName: 'Report', managerId: mgrUser.person.id, jobProfileId: profile.id });
  const peerUser = await createUser(t, org.id, { firstName: 'Pete', lastName: 'Peer', managerId: mgrUser.person.id });
  const otherMgrUser = await createUser(t, org.id, { firstName: 'Olga', lastName: 'Other' });
  await createUser(t, org.id, { firstName: 'Oscar', lastName: 'Theirs', managerId: otherMgrUser.person.id });
  const hrUser = await createUser(t, org.id, { firstName: 'Hana', lastName: 'HR', roles: ['hr_admin'] });
  return {
    org,
    nego,
    sql,
    profile,
    rita: ritaUser.person,
    ritaUser,
    mgrPerson: mgrUser.person,
    mgrUser,
    asRita: await signInAs(t, ritaUser),
    asMgr: await signInAs(t, mgrUser),
    asPeer: await signInAs(t, peerUser),
    asOtherMgr: await signInAs(t, otherMgrUser),
    asHr: await signInAs(t, hrUser),
  };
}

const levelOf = async (personId: string, skillId: string) =>
  (await t.ctx.db.select().from(personSkill).where(and(eq(personSkill.personId, personId), eq(personSkill.skillId, skillId))))[0];

describe('skill assessments', () => {
  it('self and manager ratings give the hand-computed current level and its basis', async () => {
    const s = await setup();
    const self = await s.asRita.post('skill-assessments', { personId: s.rita.id, skillId: s.nego.id, level: 2, source: 'self', note: 'Still learning' });
    expect(self.status).toBe(201);
    expect(self.body).toMatchObject({ level: 2, source: 'self', assessorName: 'Rita Report', currentLevel: 2 });
    // Manager 4 on the same day: (3·4 + 1·2) / 4 = 3.5, basis the manager's.
    const mgr = await s.asMgr.post('skill-assessments', {
      personId: s.rita.id,
      skillId: s.nego.id,
      level: 4,
      source: 'manager',
      evidenceUrl: 'https://example.test/deal',
    });
    expect(mgr.status).toBe(201);
    expect(mgr.body.currentLevel).toBe(3.5);
    const row = await levelOf(s.rita.id, s.nego.id);
    expect(row).toMatchObject({ level: 3.5, basisAssessmentId: mgr.body.id, assessmentCount: 2 });

    // 180 days later Rita rates 5: manager weight halves to 1.5 → (1.5·4 + 1·5) / 2.5 = 4.4
    t.clock.advance(180 * DAY);
    const asRitaLater = await signInAs(t, s.ritaUser);
    const later = await asRitaLater.post('skill-assessments', { personId: s.rita.id, skillId: s.nego.id, level: 5, source: 'self' });
    expect(later.body.currentLevel).toBe(4.4);
    expect(await levelOf(s.rita.id, s.nego.id)).toMatchObject({ level: 4.4, basisAssessmentId: mgr.body.id, assessmentCount: 3 });

    // The event and the audit are written with it.
    const events = await t.ctx.db.select().from(domainEvent).where(and(eq(domainEvent.orgId, s.org.id), eq(domainEvent.type, 'talent.skill_assessed')));
    expect(events).toHaveLength(3);
    expect(events.map((e) => (e.payload as { source: string }).source).sort()).toEqual(['manager', 'self', 'self']);
    const audits = await t.ctx.db.select().from(auditEvent).where(and(eq(auditEvent.orgId, s.org.id), eq(auditEvent.action, 'skill_assessment.created')));
    expect(audits).toHaveLength(3);

    // The person's skills: expected 4 from the profile, current 4.4, no gap; the list and history.
    const skills = await asRitaLater.get(`people/${s.rita.id}/skills`);
    const asMgr = await signInAs(t, s.mgrUser);
    expect(skills.status).toBe(200);
    expect(skills.body.profile).toEqual({ id: s.profile.id, name: 'Account Manager' });
    expect(skills.body.canSelfAssess).toBe(true);
    expect(skills.body.canRateAsManager).toBe(false);
    const nego = skills.body.skills.find((x) => x.skill.id === s.nego.id)!;
    expect(nego).toMatchObject({
      expectedLevel: 4,
      currentLevel: 4.4,
      gap: null,
      latestSelfLevel: 5,
      latestManagerLevel: 4,
      assessmentCount: 3,
      basis: { assessmentId: mgr.body.id, source: 'manager', level: 4, assessorName: 'Mia Manager' },
    });
    expect(nego.skill.levels).toHaveLength(5);

    const list = await asMgr.get(`skill-assessments?personId=${s.rita.id}&limit=2`);
    expect(list.status).toBe(200);
    expect(list.body.data.map((a) => a.level)).toEqual([5, 4]);
    expect(list.body.data[1]).toMatchObject({ assessorName: 'Mia Manager', evidenceUrl: 'https://example.test/deal', skillName: 'Negotiation' });
    const next = await asMgr.get(`skill-assessments?personId=${s.rita.id}&limit=2&cursor=${list.body.nextCursor}`);
    expect(next.body.data.map((a) => a.level)).toEqual([2]);
    expect(next.body.nextCursor).toBeNull();

    const history = await asMgr.get(`people/${s.rita.id}/skills/${s.nego.id}/history`);
    expect(history.status).toBe(200);
    expect(history.body.expectedLevel).toBe(4);
    expect(history.body.points.map((p) => p.currentLevelAfter)).toEqual([2, 3.5, 4.4]);
  });

  it('shows the gap of an expected skill not yet reached, and expected skills never assessed', async () => {
    const s = await setup();
    await s.asMgr.post('skill-assessments', { personId: s.rita.id, skillId: s.nego.id, level: 2, source: 'manager' });
    const other = await createSkill(t, s.org.id, { name: 'Forecasting' });
    await t.ctx.db.insert((await import('../../src/server/db/schema/index.ts')).jobProfileSkill).values({ orgId: s.org.id, profileId: s.profile.id, skillId: other.id, level: 3 });
    const skills = (await s.asMgr.get(`people/${s.rita.id}/skills`)).body;
    expect(skills.canRateAsManager).toBe(true);
    expect(skills.skills.map((x) => [x.skill.name, x.expectedLevel, x.currentLevel, x.gap])).toEqual([
      ['Forecasting', 3, null, 3],
      ['Negotiation', 4, 2, 2],
    ]);
  });

  it('refuses a level outside the scale, an archived skill and a bad link, with the field at fault', async () => {
    const s = await setup();
    const high = await s.asRita.post('skill-assessments', { personId: s.rita.id, skillId: s.sql.id, level: 4, source: 'self' });
    expect(high.status).toBe(400);
    expect(high.body.error.details[0]).toMatchObject({ path: 'level', message: 'Choose a level from 1 to 3' });
    const zero = await s.asRita.post('skill-assessments', { personId: s.rita.id, skillId: s.sql.id, level: 0, source: 'self' });
    expect(zero.status).toBe(400);
    expect(zero.body.error.details[0].path).toBe('level');
    const link = await s.asRita.post('skill-assessments', { personId: s.rita.id, skillId: s.sql.id, level: 1, source: 'self', evidenceUrl: 'javascript:alert(1)' });
    expect(link.status).toBe(400);
    expect(link.body.error.details[0].path).toBe('evidenceUrl');
    expect((await s.asRita.raw.post('skill-assessments', { personId: s.rita.id, skillId: s.sql.id, level: 1, source: 'peer' })).status).toBe(400);
    await t.ctx.db.update(skill).set({ archivedAt: new Date() }).where(eq(skill.id, s.sql.id));
    const archived = await s.asRita.post('skill-assessments', { personId: s.rita.id, skillId: s.sql.id, level: 1, source: 'self' });
    expect(archived.status).toBe(409);
    expect(archived.body.error.details[0].path).toBe('skillId');
    expect(await levelOf(s.rita.id, s.sql.id)).toBeUndefined();
  });

  it('self only by the person, manager only from above; everyone else is told nothing', async () => {
    const s = await setup();
    const body = (source: 'self' | 'manager') => ({ personId: s.rita.id, skillId: s.nego.id, level: 3, source });
    const asSelfManager = await s.asRita.post('skill-assessments', body('manager'));
    expect(asSelfManager.status).toBe(422);
    expect(asSelfManager.body.error.message).toMatch(/cannot rate yourself as your manager/);
    // The manager sees Rita, so she is told why she cannot self-assess for her.
    expect((await s.asMgr.post('skill-assessments', body('self'))).status).toBe(403);
    // HR reads but is not in the chain.
    expect((await s.asHr.post('skill-assessments', body('manager'))).status).toBe(403);
    for (const who of [s.asPeer, s.asOtherMgr]) {
      expect((await who.post('skill-assessments', body('manager'))).status).toBe(404);
      expect((await who.post('skill-assessments', body('self'))).status).toBe(404);
    }
    const other = await setup();
    expect((await other.asMgr.post('skill-assessments', body('manager'))).status).toBe(404);
    expect((await other.asHr.post('skill-assessments', body('manager'))).status).toBe(404);
    const count = await t.ctx.db.select().from(domainEvent).where(and(eq(domainEvent.orgId, s.org.id), eq(domainEvent.type, 'talent.skill_assessed')));
    expect(count).toHaveLength(0);
  });

  it('every read answers 404 to a peer, another team’s manager and another organisation; HR reads', async () => {
    const s = await setup();
    await s.asMgr.post('skill-assessments', { personId: s.rita.id, skillId: s.nego.id, level: 3, source: 'manager' });
    const paths = [`skill-assessments?personId=${s.rita.id}`, `people/${s.rita.id}/skills`, `people/${s.rita.id}/skills/${s.nego.id}/history`];
    const other = await setup();
    for (const who of [s.asPeer, s.asOtherMgr, other.asHr, other.asMgr]) {
      for (const p of paths) expect((await who.raw.get(p)).status, p).toBe(404);
    }
    for (const who of [s.asHr, s.asMgr, s.asRita]) {
      for (const p of paths) expect((await who.raw.get(p)).status, p).toBe(200);
    }
    const hr = await s.asHr.get(`people/${s.rita.id}/skills`);
    expect(hr.body.canRateAsManager).toBe(false);
    expect(hr.body.skills[0]!.currentLevel).toBe(3);
  });

  it('the skills page: anyone above reads and may rate, the report below is told nothing, a merged skill shows while held', async () => {
    const s = await setup();
    const rexUser = await createUser(t, s.org.id, { firstName: 'Rex', lastName: 'Below', managerId: s.rita.id });
    const rex = rexUser.person;
    const asRex = await signInAs(t, rexUser);
    // Mia is two levels above Rex, Rita one.
    for (const who of [s.asMgr, s.asRita]) {
      const page = await who.get(`people/${rex.id}/skills`);
      expect(page.status).toBe(200);
      expect(page.body).toMatchObject({ profile: null, canSelfAssess: false, canRateAsManager: true, skills: [] });
    }
    const own = await asRex.get(`people/${rex.id}/skills`);
    expect(own.body).toMatchObject({ canSelfAssess: true, canRateAsManager: false });
    expect((await asRex.raw.get(`people/${s.rita.id}/skills`)).status).toBe(404);
    expect((await asRex.raw.get(`people/${s.mgrPerson.id}/skills`)).status).toBe(404);
    expect((await s.asHr.raw.get(`people/00000000-0000-4000-8000-000000000000/skills`)).status).toBe(404);

    const old = await createSkill(t, s.org.id, { name: 'Cold calling' });
    await s.asRita.post('skill-assessments', { personId: rex.id, skillId: old.id, level: 2, source: 'manager' });
    await asRex.post('skill-assessments', { personId: rex.id, skillId: old.id, level: 3, source: 'self' });
    await t.ctx.db.update(skill).set({ mergedIntoId: s.nego.id }).where(eq(skill.id, old.id));
    const held = (await s.asHr.get(`people/${rex.id}/skills`)).body;
    expect(held.canRateAsManager).toBe(false);
    expect(held.skills).toHaveLength(1);
    expect(held.skills[0]).toMatchObject({ skill: { id: old.id, name: 'Cold calling' }, expectedLevel: null, latestSelfLevel: 3, latestManagerLevel: 2, assessmentCount: 2 });
    expect(held.skills[0]!.basis!.assessedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    await t.ctx.db.delete(personSkill).where(and(eq(personSkill.personId, rex.id), eq(personSkill.skillId, old.id)));
    expect((await s.asHr.get(`people/${rex.id}/skills`)).body.skills).toEqual([]);
  });

  it('settings: HR only, validated, and changing them recomputes current levels', async () => {
    const s = await setup();
    await s.asRita.post('skill-assessments', { personId: s.rita.id, skillId: s.nego.id, level: 2, source: 'self' });
    await s.asMgr.post('skill-assessments', { personId: s.rita.id, skillId: s.nego.id, level: 4, source: 'manager' });
    expect((await levelOf(s.rita.id, s.nego.id))!.level).toBe(3.5);

    expect((await s.asMgr.get('talent-settings')).status).toBe(404);
    expect((await s.asMgr.put('talent-settings', { sourceWeights: { self: 3 }, halfLifeDays: 180 })).status).toBe(404);
    const got = await s.asHr.get('talent-settings');
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({ sourceWeights: { manager: 3, self: 1, peer: 1.5 }, halfLifeDays: 180 });

    const bad = await s.asHr.put('talent-settings', { sourceWeights: { self: 11 }, halfLifeDays: 3 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['halfLifeDays', 'sourceWeights.self']);
    expect((await s.asHr.raw.put('talent-settings', { sourceWeights: { boss: 1 }, halfLifeDays: 30 })).status).toBe(400);

    // self weighs 3 like the manager: (3·4 + 3·2) / 6 = 3
    const put = await s.asHr.put('talent-settings', { sourceWeights: { self: 3 }, halfLifeDays: 90 });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ sourceWeights: { self: 3, manager: 3 }, halfLifeDays: 90 });
    expect((await levelOf(s.rita.id, s.nego.id))!.level).toBe(3);
    // the other organisation keeps the defaults
    const other = await setup();
    expect((await other.asHr.get('talent-settings')).body.sourceWeights.self).toBe(1);
  });

  it('recordAssessments records system sources in one go, once per source record', async () => {
    const s = await setup();
    const at = t.clock.now();
    const rows = [
      { personId: s.rita.id, skillId: s.nego.id, level: 3, source: 'quiz' as const, assessedAt: at, sourceRecordType: 'enrollment', sourceRecordId: s.profile.id },
      { personId: s.rita.id, skillId: s.sql.id, level: 9, source: 'quiz' as const, assessedAt: at, sourceRecordType: 'enrollment', sourceRecordId: s.profile.id },
    ];
    const first = await t.ctx.db.transaction((tx) => recordAssessments(tx, s.org.id, rows));
    expect(first).toHaveLength(2);
    expect((await levelOf(s.rita.id, s.sql.id))!.level).toBe(3); // clamped to the scale
    const again = await t.ctx.db.transaction((tx) => recordAssessments(tx, s.org.id, rows));
    expect(again).toHaveLength(0);
    expect((await levelOf(s.rita.id, s.nego.id))!.assessmentCount).toBe(1);
  });

  it('the demo seed gives people with a profile a year of assessments, person_skill as the rule computes it', async () => {
    const s = await setup();
    const today = t.clock.now();
    await t.ctx.db.transaction((tx) => seedDemoAssessments(tx, { orgId: s.org.id, org: { departments: [], people: [] } }, today));
    const rows = await t.ctx.db.select().from(skillAssessment).where(eq(skillAssessment.personId, s.rita.id));
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(new Set(rows.map((r) => r.source)).has('manager')).toBe(true);
    expect(rows.every((r) => r.assessedAt <= today && r.assessedAt.getTime() > today.getTime() - 366 * DAY)).toBe(true);
    const stored = await levelOf(s.rita.id, s.nego.id);
    expect(stored!.level).toBe(currentLevel(rows.filter((r) => r.skillId === s.nego.id))!.level);
  });
});
