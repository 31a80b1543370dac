import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { auditEvent, mailMessage, notification, skillAssessment } from '../../src/server/db/schema/index.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { createProfile, createSkill } from '../support/assessments.ts';
import { signInAs } from '../support/client.ts';
import { createOrg, createUser } from '../support/factories.ts';
import { uuidv7 } from 'uuidv7';
import { DEMO_PASSWORD, seedDemo } from '../../src/server/seed/demo.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});

/**
 * boss → manager → ana, ben (both Analysts: Negotiation 1–5, SQL 1–3) and cal (no profile);
 * otherManager → olga (Analyst); an HR admin; and a manager of another organisation.
 */
async function setup() {
  const org = await createOrg(t);
  const negotiation = await createSkill(t, org.id, { name: 'Negotiation', maxLevel: 5 });
  const sqlSkill = await createSkill(t, org.id, { name: 'SQL', maxLevel: 3, levels: ['Reads', 'Writes', 'Tunes'] });
  const analyst = await createProfile(t, org.id, 'Analyst', [
    { skillId: negotiation.id, level: 3 },
    { skillId: sqlSkill.id, level: 2 },
  ]);
  const boss = await createUser(t, org.id, { firstName: 'Bo', lastName: 'Boss' });
  const manager = await createUser(t, org.id, { firstName: 'Mia', lastName: 'Manager', managerId: boss.person.id });
  const ana = await createUser(t, org.id, { firstName: 'Ana', lastName: 'Alves', managerId: manager.person.id, jobProfileId: analyst.id });
  const ben = await createUser(t, org.id, { firstName: 'Ben', lastName: 'Brown', managerId: manager.person.id, jobProfileId: analyst.id });
  const cal = await createUser(t, org.id, { firstName: 'Cal', lastName: 'Cole', managerId: manager.person.id });
  const otherManager = await createUser(t, org.id, { firstName: 'Oto', lastName: 'Other' });
  const olga = await createUser(t, org.id, { firstName: 'Olga', lastName: 'Olsen', managerId: otherManager.person.id, jobProfileId: analyst.id });
  const hr = await createUser(t, org.id, { roles: ['hr_admin'] });
  const elsewhere = await createOrg(t);
  const outsider = await createUser(t, elsewhere.id);
  await createUser(t, elsewhere.id, { managerId: outsider.person.id });
  return {
    org,
    skills: { negotiation, sql: sqlSkill },
    people: { boss, manager, ana, ben, cal, otherManager, olga, hr, outsider },
    as: {
      boss: await signInAs(t, boss),
      manager: await signInAs(t, manager),
      ana: await signInAs(t, ana),
      ben: await signInAs(t, ben),
      cal: await signInAs(t, cal),
      otherManager: await signInAs(t, otherManager),
      hr: await signInAs(t, hr),
      outsider: await signInAs(t, outsider),
    },
  };
}

type S = Awaited<ReturnType<typeof setup>>;
const ratings = (s: S, negotiation: number, sql: number) => ({
  ratings: [
    { skillId: s.skills.negotiation.id, level: negotiation, note: 'Closed two renewals' },
    { skillId: s.skills.sql.id, level: sql },
  ],
});

async function startRound(s: S) {
  const res = await s.as.manager.post('assessment-rounds', { title: 'Spring skills check', dueAt: new Date(t.clock.now().getTime() + 14 * 86400_000).toISOString() });
  expect(res.status).toBe(201);
  return res.body;
}

describe('self-assessment rounds', () => {
  it('a manager starts a round for their direct reports with profiles; the others are skipped and named; members are told in-app and by email', async () => {
    const s = await setup();
    const round = await startRound(s);
    expect(round).toMatchObject({
      title: 'Spring skills check',
      status: 'open',
      manager: { id: s.people.manager.person.id, name: 'Mia Manager' },
      progress: { members: 2, selfSubmitted: 0, managerSubmitted: 0 },
      canClose: true,
      skipped: [{ personId: s.people.cal.person.id, name: 'Cal Cole', reason: 'Holds no job profile' }],
    });
    expect(round.members.map((m: { name: string }) => m.name)).toEqual(['Ana Alves', 'Ben Brown']);
    expect(round.members[0]).toMatchObject({
      profile: { name: 'Analyst' },
      selfSubmittedAt: null,
      managerSubmittedAt: null,
      canSubmitSelf: false,
      canSubmitManager: true,
    });
    expect(round.members[0]!.skills).toEqual([
      { id: s.skills.negotiation.id, name: 'Negotiation', maxLevel: 5, levels: s.skills.negotiation.levels, expectedLevel: 3, selfLevel: null, managerLevel: null },
      { id: s.skills.sql.id, name: 'SQL', maxLevel: 3, levels: ['Reads', 'Writes', 'Tunes'], expectedLevel: 2, selfLevel: null, managerLevel: null },
    ]);

    const told = await t.ctx.db
      .select()
      .from(notification)
      .where(and(eq(notification.orgId, s.org.id), eq(notification.kind, 'talent.assessment_round_started')));
    expect(told.map((n) => n.personId).sort()).toEqual([s.people.ana.person.id, s.people.ben.person.id].sort());
    expect(told[0]!.title).toBe('Mia Manager asked you to rate your skills');
    expect(told[0]!.link).toBe('/skills');
    const mails = await t.ctx.db
      .select()
      .from(mailMessage)
      .where(and(eq(mailMessage.orgId, s.org.id), inArray(mailMessage.to, [s.people.ana.email, s.people.ben.email, s.people.cal.email])));
    expect(mails.map((m) => m.to).sort()).toEqual([s.people.ana.email, s.people.ben.email].sort());
    const audit = await t.ctx.db.select().from(auditEvent).where(and(eq(auditEvent.orgId, s.org.id), eq(auditEvent.action, 'assessment_round.created')));
    expect(audit).toHaveLength(1);

    // The member finds it on My growth; the manager in their list.
    const mine = await s.as.ana.get('me/assessment-rounds');
    expect(mine.status).toBe(200);
    expect(mine.body.data).toHaveLength(1);
    expect(mine.body.data[0]).toMatchObject({ id: round.id, me: { personId: s.people.ana.person.id, canSubmitSelf: true, canSubmitManager: false } });
    expect((await s.as.cal.get('me/assessment-rounds')).body.data).toEqual([]);
    const list = await s.as.manager.get('assessment-rounds');
    expect(list.body.data.map((r: { id: string }) => r.id)).toEqual([round.id]);
    expect((await s.as.boss.get('assessment-rounds')).body.data).toEqual([]);

    // The people the start form offers: everyone below, direct reports first, with who can rate.
    const offered = await s.as.boss.get('assessment-rounds/candidates');
    expect(offered.status).toBe(200);
    expect(offered.body.data.map((c) => [c.name, c.directReport, c.eligible, c.reason])).toEqual([
      ['Mia Manager', true, false, 'Holds no job profile'],
      ['Ana Alves', false, true, null],
      ['Ben Brown', false, true, null],
      ['Cal Cole', false, false, 'Holds no job profile'],
    ]);
    expect(offered.body.data[1]!.profile).toEqual({ id: round.members[0]!.profile!.id, name: 'Analyst' });
    expect((await s.as.ana.get('assessment-rounds/candidates')).body.data).toEqual([]);
  });

  it('named people must be in the chain (404 otherwise) and hold a profile with skills (422 naming them); the due date must lie ahead', async () => {
    const s = await setup();
    const { ana, cal, olga, outsider, boss } = s.people;
    const noProfile = await s.as.manager.post('assessment-rounds', { title: 'Check', personIds: [ana.person.id, cal.person.id] });
    expect(noProfile.status).toBe(422);
    expect(noProfile.body.error.code).toBe('unprocessable');
    expect(noProfile.body.error.message).toContain('Cal Cole');
    expect(noProfile.body.error.details).toEqual([{ path: 'personIds.1', personId: cal.person.id, message: 'Cal Cole: Holds no job profile' }]);

    for (const id of [olga.person.id, outsider.person.id, boss.person.id]) {
      const res = await s.as.manager.post('assessment-rounds', { title: 'Check', personIds: [ana.person.id, id] });
      expect(res.status).toBe(404);
    }
    // The boss reaches the manager's reports through the chain; HR anyone.
    const byBoss = await s.as.boss.post('assessment-rounds', { title: 'Skip-level', personIds: [ana.person.id] });
    expect(byBoss.status).toBe(201);
    expect(byBoss.body.members.map((m: { personId: string }) => m.personId)).toEqual([ana.person.id]);
    const byHr = await s.as.hr.post('assessment-rounds', { title: 'Company-wide', personIds: [olga.person.id, ana.person.id] });
    expect(byHr.status).toBe(201);
    expect(byHr.body.progress.members).toBe(2);
    expect((await s.as.hr.post('assessment-rounds', { title: 'Check', personIds: [outsider.person.id] })).status).toBe(404);

    const past = await s.as.manager.post('assessment-rounds', { title: 'Late', dueAt: new Date(t.clock.now().getTime() - 1000).toISOString() });
    expect(past.status).toBe(400);
    expect(past.body.error.details[0].path).toBe('dueAt');
    expect((await s.as.manager.post('assessment-rounds', { title: ' ' })).status).toBe(400);
    // Nobody reports to Cal.
    const alone = await s.as.cal.post('assessment-rounds', { title: 'Mine' });
    expect(alone.status).toBe(422);
    expect((await s.as.manager.post('assessment-rounds', { title: 'Me too', personIds: [s.people.manager.person.id] })).status).toBe(422);
  });

  it('members rate themselves, the manager and the chain rate them, and the progress view counts both sides', async () => {
    const s = await setup();
    const round = await startRound(s);
    const { ana, ben, manager } = s.people;

    const self = await s.as.ana.post(`assessment-rounds/${round.id}/members/${ana.person.id}/self`, ratings(s, 2, 3));
    expect(self.status).toBe(200);
    expect(self.body.selfSubmittedAt).not.toBeNull();
    expect(self.body.canSubmitSelf).toBe(false);
    expect(self.body.skills.map((k: { selfLevel: number | null }) => k.selfLevel)).toEqual([2, 3]);

    // The assessments are ordinary ones of the round: they move the current level.
    const rows = await t.ctx.db.select().from(skillAssessment).where(and(eq(skillAssessment.orgId, s.org.id), eq(skillAssessment.roundId, round.id)));
    expect(rows.map((r) => [r.source, r.level, r.assessorId]).sort()).toEqual([
      ['self', 2, ana.person.id],
      ['self', 3, ana.person.id],
    ]);
    expect(rows.find((r) => r.level === 2)!.note).toBe('Closed two renewals');
    const skills = await s.as.ana.get(`people/${ana.person.id}/skills`);
    expect(skills.body.skills.find((k: { skill: { id: string } }) => k.skill.id === s.skills.sql.id)).toMatchObject({ currentLevel: 3, latestSelfLevel: 3 });

    // The manager was told, in the app.
    const told = await t.ctx.db
      .select()
      .from(notification)
      .where(and(eq(notification.orgId, s.org.id), eq(notification.kind, 'talent.assessment_round_self_submitted')));
    expect(told.map((n) => [n.personId, n.title, n.link])).toEqual([[manager.person.id, 'Ana Alves rated their skills', `/skill-rounds/${round.id}`]]);
    expect(told[0]!.body).toContain('1 of 2');

    // Once per round.
    const again = await s.as.ana.post(`assessment-rounds/${round.id}/members/${ana.person.id}/self`, ratings(s, 3, 3));
    expect(again.status).toBe(409);

    // The manager rates Ben before Ben rated himself (allowed), the boss rates Ana.
    const mgr = await s.as.manager.post(`assessment-rounds/${round.id}/members/${ben.person.id}/manager`, ratings(s, 4, 1));
    expect(mgr.status).toBe(200);
    expect(mgr.body.skills.map((k: { managerLevel: number | null }) => k.managerLevel)).toEqual([4, 1]);
    const byBoss = await s.as.boss.post(`assessment-rounds/${round.id}/members/${ana.person.id}/manager`, ratings(s, 3, 2));
    expect(byBoss.status).toBe(200);
    expect((await s.as.manager.post(`assessment-rounds/${round.id}/members/${ana.person.id}/manager`, ratings(s, 3, 2))).status).toBe(409);
    const benTold = await t.ctx.db
      .select()
      .from(notification)
      .where(and(eq(notification.orgId, s.org.id), eq(notification.kind, 'talent.assessment_round_manager_submitted')));
    expect(benTold.map((n) => n.personId).sort()).toEqual([ana.person.id, ben.person.id].sort());

    const view = await s.as.manager.get(`assessment-rounds/${round.id}`);
    expect(view.status).toBe(200);
    expect(view.body.progress).toEqual({ members: 2, selfSubmitted: 1, managerSubmitted: 2 });
    const [anaRow, benRow] = view.body.members as any[];
    expect(anaRow).toMatchObject({ personId: ana.person.id, canSubmitManager: false });
    expect(anaRow.skills.map((k: { selfLevel: number | null; managerLevel: number | null }) => [k.selfLevel, k.managerLevel])).toEqual([
      [2, 3],
      [3, 2],
    ]);
    expect(benRow).toMatchObject({ personId: ben.person.id, selfSubmittedAt: null, canSubmitManager: false });
    expect((await s.as.manager.get('assessment-rounds')).body.data[0]!.progress).toEqual({ members: 2, selfSubmitted: 1, managerSubmitted: 2 });
    // HR sees the whole round too.
    expect((await s.as.hr.get(`assessment-rounds/${round.id}`)).body.members).toHaveLength(2);
  });

  it('refuses levels outside the skill’s scale, skills outside the profile, repeats and gaps, writing nothing', async () => {
    const s = await setup();
    const round = await startRound(s);
    const path = `assessment-rounds/${round.id}/members/${s.people.ana.person.id}/self` as const;
    const outside = await s.as.ana.post(path, ratings(s, 3, 4));
    expect(outside.status).toBe(400);
    expect(outside.body.error.code).toBe('validation_failed');
    expect(outside.body.error.message).toBe('SQL runs from level 1 to 3');
    expect(outside.body.error.details).toEqual([{ path: 'ratings.1.level', message: 'SQL runs from level 1 to 3' }]);
    expect((await s.as.ana.post(path, ratings(s, 0, 2))).status).toBe(400);
    expect((await s.as.ana.post(path, ratings(s, 2.5, 2))).status).toBe(400);

    const other = await createSkill(t, s.org.id, { name: 'Welding' });
    const foreign = await s.as.ana.post(path, { ratings: [...ratings(s, 3, 2).ratings, { skillId: other.id, level: 2 }] });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.details).toEqual([{ path: 'ratings.2.skillId', message: 'Not a skill of Ana Alves’s job profile' }]);
    const missing = await s.as.ana.post(path, { ratings: [{ skillId: s.skills.negotiation.id, level: 3 }] });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details).toEqual([{ path: 'ratings', skillId: s.skills.sql.id, message: 'Rate SQL' }]);
    const twice = await s.as.ana.post(path, { ratings: [...ratings(s, 3, 2).ratings, { skillId: s.skills.sql.id, level: 1 }] });
    expect(twice.status).toBe(400);
    expect((await s.as.ana.raw.post(path, { ratings: ratings(s, 3, 2).ratings, extra: true })).status).toBe(400);

    expect(await t.ctx.db.select().from(skillAssessment).where(eq(skillAssessment.roundId, round.id))).toEqual([]);
    expect((await s.as.manager.get(`assessment-rounds/${round.id}`)).body.progress.selfSubmitted).toBe(0);
  });

  it('a member sees only their own row; a peer, another team’s manager and another organisation get 404 for reads and writes', async () => {
    const s = await setup();
    const round = await startRound(s);
    const { ana, ben } = s.people;
    const anaSelf = `assessment-rounds/${round.id}/members/${ana.person.id}/self` as const;
    const anaManager = `assessment-rounds/${round.id}/members/${ana.person.id}/manager` as const;

    const asMember = await s.as.ben.get(`assessment-rounds/${round.id}`);
    expect(asMember.status).toBe(200);
    expect(asMember.body.members.map((m: { personId: string }) => m.personId)).toEqual([ben.person.id]);
    expect(asMember.body.progress).toEqual({ members: 1, selfSubmitted: 0, managerSubmitted: 0 });
    expect(asMember.body.canClose).toBe(false);
    expect(asMember.body.members[0]).toMatchObject({ canSubmitSelf: true, canSubmitManager: false });

    // Cal is a peer outside the round; Ben a member, but Ana's row is not his.
    for (const c of [s.as.cal, s.as.otherManager, s.as.outsider]) {
      expect((await c.get(`assessment-rounds/${round.id}`)).status).toBe(404);
      expect((await c.post(`assessment-rounds/${round.id}/close`)).status).toBe(404);
      expect((await c.get('assessment-rounds')).body.data).toEqual([]);
    }
    for (const c of [s.as.cal, s.as.ben, s.as.otherManager, s.as.outsider]) {
      expect((await c.post(anaSelf, ratings(s, 3, 2))).status).toBe(404);
      expect((await c.post(anaManager, ratings(s, 3, 2))).status).toBe(404);
    }
    // A member cannot rate themselves as manager, nor close; the manager cannot self-assess a member.
    expect((await s.as.ana.post(anaManager, ratings(s, 5, 3))).status).toBe(403);
    expect((await s.as.ana.post(`assessment-rounds/${round.id}/close`)).status).toBe(403);
    expect((await s.as.manager.post(anaSelf, ratings(s, 3, 2))).status).toBe(403);
    // Someone not in the round, or a round that does not exist.
    expect((await s.as.manager.post(`assessment-rounds/${round.id}/members/${s.people.cal.person.id}/manager`, ratings(s, 3, 2))).status).toBe(404);
    expect((await s.as.manager.get(`assessment-rounds/${crypto.randomUUID()}`)).status).toBe(404);
    expect(await t.ctx.db.select().from(skillAssessment).where(eq(skillAssessment.roundId, round.id))).toEqual([]);
  });

  it('closing a round stops ratings; a member’s list shows open rounds first', async () => {
    const s = await setup();
    const first = await startRound(s);
    t.clock.advance(60_000);
    const second = await startRound(s);
    t.clock.advance(60_000);
    const third = await startRound(s);

    const closed = await s.as.manager.post(`assessment-rounds/${second.id}/close`);
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', canClose: false });
    expect(closed.body.closedAt).not.toBeNull();
    expect(closed.body.members.every((m: { canSubmitManager: boolean }) => !m.canSubmitManager)).toBe(true);
    expect((await s.as.manager.post(`assessment-rounds/${second.id}/close`)).status).toBe(409);
    expect((await s.as.ana.post(`assessment-rounds/${second.id}/members/${s.people.ana.person.id}/self`, ratings(s, 3, 2))).status).toBe(409);
    expect((await s.as.manager.post(`assessment-rounds/${second.id}/members/${s.people.ana.person.id}/manager`, ratings(s, 3, 2))).status).toBe(409);
    const audit = await t.ctx.db.select().from(auditEvent).where(and(eq(auditEvent.orgId, s.org.id), eq(auditEvent.action, 'assessment_round.closed')));
    expect(audit.map((a) => a.recordId)).toEqual([second.id]);

    // Open first (newest first among them), then closed, though the closed one is newer than the first.
    const mine = await s.as.ana.get('me/assessment-rounds');
    expect(mine.body.data.map((r: { id: string; status: string }) => [r.id, r.status])).toEqual([
      [third.id, 'open'],
      [first.id, 'open'],
      [second.id, 'closed'],
    ]);

    // The manager's list, newest first, in keyset pages, filterable by status.
    const p1 = await s.as.manager.get('assessment-rounds?limit=2');
    expect(p1.body.data.map((r: { id: string }) => r.id)).toEqual([third.id, second.id]);
    expect(p1.body.nextCursor).toBeTruthy();
    const p2 = await s.as.manager.get(`assessment-rounds?limit=2&cursor=${p1.body.nextCursor}`);
    expect(p2.body.data.map((r: { id: string }) => r.id)).toEqual([first.id]);
    expect(p2.body.nextCursor).toBeNull();
    expect((await s.as.manager.get('assessment-rounds?status=closed')).body.data.map((r: { id: string }) => r.id)).toEqual([second.id]);
    expect((await s.as.manager.get('assessment-rounds?cursor=nonsense')).status).toBe(400);
    // HR may close any round.
    expect((await s.as.hr.post(`assessment-rounds/${first.id}/close`)).status).toBe(200);
  });

  it('the demo organisation has an open round of the demo manager, half answered, waiting for the demo employee', async () => {
    const suffix = uuidv7().slice(-10);
    const domain = `acme-${suffix}.example`;
    await seedDemo(t.ctx, { slug: `acme-${suffix}`, emailDomain: domain });
    const manager = await signInAs(t, { email: `manager@${domain}` }, DEMO_PASSWORD);
    const rounds = await manager.get('assessment-rounds');
    expect(rounds.body.data).toHaveLength(1);
    const [summary] = rounds.body.data;
    expect(summary).toMatchObject({ title: 'Spring skills check', status: 'open' });
    expect(summary!.progress.members).toBeGreaterThanOrEqual(4);
    expect(summary!.progress.selfSubmitted).toBeGreaterThan(0);
    expect(summary!.progress.selfSubmitted).toBeLessThan(summary!.progress.members);
    expect(summary!.progress.managerSubmitted).toBe(1);
    const view = await manager.get(`assessment-rounds/${summary!.id}`);
    const rated = view.body.members.filter((m) => m.selfSubmittedAt);
    expect(rated.every((m) => m.skills.every((k) => k.selfLevel !== null && k.selfLevel >= 1 && k.selfLevel <= k.maxLevel))).toBe(true);
    const employee = await signInAs(t, { email: `employee@${domain}` }, DEMO_PASSWORD);
    const mine = await employee.get('me/assessment-rounds');
    expect(mine.body.data).toHaveLength(1);
    expect(mine.body.data[0]!.me).toMatchObject({ canSubmitSelf: true, selfSubmittedAt: null });
    expect(mine.body.data[0]!.me.skills.length).toBeGreaterThan(0);
  }, 120_000);
});
