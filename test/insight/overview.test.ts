import { eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { beforeAll, describe, expect, it } from 'vitest';
import { agendaItem, developmentPlanItem, feedback, oneOnOneMeeting, person, praise, praiseRecipient } from '../../src/server/db/schema/index.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { signInAs } from '../support/client.ts';
import { createOrg, createUser, type TestUser } from '../support/factories.ts';
import { createHurdle, createPersonGoal } from '../support/hurdles.ts';
import { enrollPeople } from '../support/learning.ts';
import { createSeries } from '../support/one-on-ones.ts';
import { recompute } from '../support/recommendations.ts';
import { createTeamOrg } from '../support/team.ts';

let t: TestApp;
const DAY = 86_400_000;
beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date('2026-06-01T09:00:00Z'));
});

/**
 * The team org of test/support/team.ts. Ana has a private goal and a public one; a hurdle, a plan item, an aspiration-free profile, a compliance course in progress;
 * a weekly 1:1 with Max holding a private point of Max's; feedback shared with her chain, feedback
 * kept for her, anonymous feedback. Hana is an HR admin, Leo a learning admin, Oz is in another org.
 */
async function setup() {
  const base = await createTeamOrg(t);
  const { org, max, ana, ben, fire } = base;
  const hana = await createUser(t, org.id, { firstName: 'Hana', lastName: 'Hr', roles: ['hr_admin'] });
  const leo = await createUser(t, org.id, { firstName: 'Leo', lastName: 'Learning', roles: ['learning_admin'] });
  const other = await createOrg(t);
  const oz = await createUser(t, other.id, { firstName: 'Oz', lastName: 'Other', roles: ['hr_admin'] });

  const privateGoal = await createPersonGoal(t, org.id, ana.person.id, { title: 'Quarterly report', status: 'off_track', visibility: 'private' });
  const publicGoal = await createPersonGoal(t, org.id, ana.person.id, { title: 'Ship the dashboard', status: 'on_track', visibility: 'public' });
  const hurdle = await createHurdle(t, org.id, ana.person.id, { title: 'No database access' });
  await t.ctx.db.insert(developmentPlanItem).values({ orgId: org.id, personId: ana.person.id, title: 'Shadow a senior', actionType: 'mentoring' });
  await enrollPeople(t, org.id, { courseId: fire.id }, [ana.person.id], { reasonType: 'compliance', dueAt: new Date(t.clock.now().getTime() + 10 * DAY) });
  await recompute(t, org.id, [ana.person.id]);

  const series = await createSeries(t, org.id, max.person.id, ana.person.id, { startsAt: new Date(t.clock.now().getTime() - 7 * DAY) });
  const [held] = await t.ctx.db.select().from(oneOnOneMeeting).where(eq(oneOnOneMeeting.seriesId, series.id)).orderBy(oneOnOneMeeting.scheduledAt).limit(1);
  await t.ctx.db.update(oneOnOneMeeting).set({ status: 'held', heldAt: new Date(t.clock.now().getTime() - 7 * DAY) }).where(eq(oneOnOneMeeting.id, held!.id));
  await t.ctx.db.insert(agendaItem).values([
    { orgId: org.id, seriesId: series.id, meetingId: held!.id, authorId: max.person.id, body: 'PRIVATE-NOTE-ABOUT-ANA', private: true },
    { orgId: org.id, seriesId: series.id, meetingId: held!.id, authorId: ana.person.id, body: 'SHARED-POINT-WITH-MAX', private: false },
  ]);

  const yesterday = new Date(t.clock.now().getTime() - DAY).toISOString().slice(0, 10);
  const about = { orgId: org.id, subjectId: ana.person.id, receiverId: ana.person.id, givenOn: yesterday };
  await t.ctx.db.insert(feedback).values([
    { ...about, id: uuidv7(), giverId: ben.person.id, shareWithManagers: true, body: 'Shared with managers' },
    { ...about, id: uuidv7(), giverId: ben.person.id, shareWithManagers: false, body: 'Just for Ana' },
    { ...about, id: uuidv7(), giverId: null, anonymous: true, shareWithManagers: true, body: 'Anonymous, released' },
  ]);
  const [pub] = await t.ctx.db.insert(praise).values({ orgId: org.id, giverId: ben.person.id, message: 'Great demo', visibility: 'public' }).returning();
  await t.ctx.db.insert(praiseRecipient).values({ orgId: org.id, praiseId: pub!.id, personId: ana.person.id });
  return { ...base, hana, leo, oz, privateGoal, publicGoal, hurdle, series };
}

const overviewAs = async (u: TestUser, of: string) => (await signInAs(t, u)).raw.get(`people/${of}/overview`);
const PERSONAL_PARTS = ['aspirations', 'skills', 'hurdles', 'plan', 'learning', 'feedback'] as const;

describe('GET /people/{id}/overview', () => {
  it("gives the manager every part, the recommended course for the gap and the actions a manager takes, with the 1:1's dates only", async () => {
    const s = await setup();
    const res = await overviewAs(s.max, s.ana.person.id);
    expect(res.status).toBe(200);
    const o = res.body;
    expect(o.person).toMatchObject({ id: s.ana.person.id, name: 'Ana Alpha', manager: { id: s.max.person.id, name: 'Max Manager' }, self: false, viewerIsManager: true });
    expect(o.goals.items.map((g: any) => g.title).sort()).toEqual(['Quarterly report', 'Ship the dashboard']);
    expect(o.skills.jobProfile).toEqual({ id: s.analyst.id, name: 'Analyst' });
    expect(o.skills.strengths).toEqual([{ skillId: s.writing.id, name: 'Writing', expected: 2, current: 3 }]);
    expect(o.skills.gaps).toEqual([
      { skillId: s.sql.id, name: 'SQL', expected: 3, current: 1, planned: false, recommended: { type: 'course', id: s.course.id, title: 'SQL for analysts' } },
    ]);
    expect(o.skills.actions).toEqual({ assignLearning: true, addPlanItem: true, askSelfAssessment: true, rateSkill: true, selfAssess: false });
    expect(o.hurdles.items).toMatchObject([{ id: s.hurdle.id, title: 'No database access' }]);
    expect(o.plan.items).toMatchObject([{ title: 'Shadow a senior' }]);
    expect(o.aspirations).toEqual({ items: [], actions: { edit: true } });
    expect(o.learning.inProgress).toMatchObject([{ title: 'Fire safety', reason: { type: 'compliance', label: 'Required for compliance' } }]);
    expect(o.learning.loopClosure).toEqual({ improved: 0, notImproved: 0, decided: 0, pending: 0, rate: null });
    expect(o.learning.actions).toEqual({ assignLearning: true });
    expect(o.feedback.feedback.map((f: any) => f.excerpt).sort()).toEqual(['Anonymous, released', 'Shared with managers']);
    expect(o.feedback.feedback.find((f: any) => f.anonymous).giver).toBeNull();
    expect(o.feedback.praise.map((p: any) => p.message)).toEqual(['Great demo']);
    expect(o.feedback.actions).toEqual({ giveFeedback: true, requestFeedback: true });
    expect(o.oneOnOne).toMatchObject({ with: { id: s.max.person.id }, seriesId: s.series.id, lastHeldAt: new Date(t.clock.now().getTime() - 7 * DAY).toISOString() });
    expect(o.oneOnOne.nextMeetingId).toBeTruthy();
    expect(o.oneOnOne.actions).toEqual({ addTalkingPoint: true, startSeries: false });
    expect(o.goals.actions).toEqual({ addTalkingPoint: true, giveFeedback: true });
    // What was said in the 1:1 stays in the 1:1, private or shared.
    expect(JSON.stringify(o)).not.toContain('PRIVATE-NOTE-ABOUT-ANA');
    expect(JSON.stringify(o)).not.toContain('SHARED-POINT-WITH-MAX');
  });

  it('gives the person their own page, with their feedback and their 1:1 with their manager, and self-assessment rather than rating', async () => {
    const s = await setup();
    const o = (await overviewAs(s.ana, s.ana.person.id)).body;
    expect(o.person).toMatchObject({ self: true, viewerIsManager: false });
    expect(o.skills.actions).toEqual({ assignLearning: false, addPlanItem: true, askSelfAssessment: false, rateSkill: false, selfAssess: true });
    expect(o.feedback.feedback.map((f: any) => f.excerpt).sort()).toEqual(['Anonymous, released', 'Just for Ana', 'Shared with managers']);
    expect(o.feedback.feedback.find((f: any) => f.anonymous).giver).toBeNull();
    expect(o.feedback.actions).toEqual({ giveFeedback: false, requestFeedback: true });
    expect(o.oneOnOne).toMatchObject({ with: { id: s.max.person.id, name: 'Max Manager' }, seriesId: s.series.id });
    expect(o.learning.actions.assignLearning).toBe(false);
    // The private point is Max's alone, even on Ana's own page.
    expect(JSON.stringify(o)).not.toContain('PRIVATE-NOTE-ABOUT-ANA');
  });

  it("gives the manager's manager the chain parts, but no 1:1 of others", async () => {
    const s = await setup();
    const o = (await overviewAs(s.boss, s.ana.person.id)).body;
    expect(o.person.viewerIsManager).toBe(true);
    for (const part of PERSONAL_PARTS) expect(o[part], part).not.toBeNull();
    expect(o.goals.items).toHaveLength(2);
    // Bo has no series with Ana: an empty part (he may start one), never Max's.
    expect(o.oneOnOne).toMatchObject({ seriesId: null, lastHeldAt: null, nextMeetingId: null, actions: { addTalkingPoint: false, startSeries: true } });
    expect(JSON.stringify(o)).not.toContain(s.series.id);
  });

  it('gives an HR admin talent, learning and every goal, but not the feedback or a 1:1 they are not in', async () => {
    const s = await setup();
    const o = (await overviewAs(s.hana, s.ana.person.id)).body;
    expect(o.goals.items).toHaveLength(2);
    for (const part of ['aspirations', 'skills', 'hurdles', 'plan', 'learning'] as const) expect(o[part], part).not.toBeNull();
    expect(o.feedback).toBeNull();
    expect(o.oneOnOne).toBeNull();
    expect(o.skills.actions).toMatchObject({ assignLearning: true, addPlanItem: true, askSelfAssessment: true, rateSkill: false });
  });

  it('gives a learning admin the learning and the basics only', async () => {
    const s = await setup();
    const o = (await overviewAs(s.leo, s.ana.person.id)).body;
    expect(o.learning.inProgress.map((e: any) => e.title)).toEqual(['Fire safety']);
    expect(o.learning.actions.assignLearning).toBe(true);
    for (const part of ['aspirations', 'skills', 'hurdles', 'plan', 'feedback', 'oneOnOne'] as const) expect(o[part], part).toBeNull();
    expect(o.goals.items.map((g: any) => g.title)).toEqual(['Ship the dashboard']);
  });

  it('gives a peer the basics and public goals only', async () => {
    const s = await setup();
    const res = await overviewAs(s.dan, s.ana.person.id);
    expect(res.status).toBe(200);
    const o = res.body;
    expect(o.person).toMatchObject({ name: 'Ana Alpha', self: false, viewerIsManager: false });
    expect(o.goals.items.map((g: any) => g.id)).toEqual([s.publicGoal.id]);
    expect(o.goals.actions).toEqual({ addTalkingPoint: false, giveFeedback: true });
    for (const part of [...PERSONAL_PARTS, 'oneOnOne'] as const) expect(o[part], part).toBeNull();
    const text = JSON.stringify(o);
    for (const secret of ['Quarterly report', 'No database access', 'Shadow a senior', 'Fire safety', 'Shared with managers', 'SQL']) expect(text).not.toContain(secret);
  });

  it('is 404 for a person of another organisation, an unknown id, and 400 for a malformed one', async () => {
    const s = await setup();
    const oz = await overviewAs(s.oz, s.ana.person.id);
    expect(oz.status).toBe(404);
    expect(oz.body.error.code).toBe('not_found');
    expect((await overviewAs(s.max, uuidv7())).status).toBe(404);
    const bad = await overviewAs(s.max, 'not-a-uuid');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
  });
});

describe('when a manager changes', () => {
  it('gives the new manager the chain parts from then on but no 1:1 history with the former; the former loses the chain parts', async () => {
    const s = await setup();
    await t.ctx.db.update(person).set({ managerId: s.cleo.person.id }).where(eq(person.id, s.ana.person.id));

    const asCleo = (await overviewAs(s.cleo, s.ana.person.id)).body;
    expect(asCleo.person).toMatchObject({ viewerIsManager: true, manager: { id: s.cleo.person.id } });
    for (const part of PERSONAL_PARTS) expect(asCleo[part], part).not.toBeNull();
    expect(asCleo.goals.items).toHaveLength(2);
    expect(asCleo.hurdles.items.map((h: any) => h.id)).toEqual([s.hurdle.id]);
    expect(asCleo.oneOnOne).toMatchObject({ with: { id: s.cleo.person.id }, seriesId: null, lastHeldAt: null, nextAt: null, nextMeetingId: null });
    const text = JSON.stringify(asCleo);
    expect(text).not.toContain(s.series.id);
    expect(text).not.toContain('PRIVATE-NOTE-ABOUT-ANA');
    expect(text).not.toContain('SHARED-POINT-WITH-MAX');

    const asMax = (await overviewAs(s.max, s.ana.person.id)).body;
    expect(asMax.person.viewerIsManager).toBe(false);
    for (const part of PERSONAL_PARTS) expect(asMax[part], part).toBeNull();
    expect(asMax.goals.items.map((g: any) => g.id)).toEqual([s.publicGoal.id]);
    // Max keeps only what a participant keeps: his own series' dates, nothing said in it.
    expect(asMax.oneOnOne).toMatchObject({ with: { id: s.max.person.id }, seriesId: s.series.id });
    expect(JSON.stringify(asMax)).not.toContain('PRIVATE-NOTE-ABOUT-ANA');
  });
});
