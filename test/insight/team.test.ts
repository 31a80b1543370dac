import { eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { beforeAll, describe, expect, it } from 'vitest';
import { agendaItem, developmentPlanItem, feedback, oneOnOneMeeting, person, praise, praiseRecipient } from '../../src/server/db/schema/index.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { signInAs } from '../support/client.ts';
import { createHurdle, createPersonGoal } from '../support/hurdles.ts';
import { enrollPeople } from '../support/learning.ts';
import { createSeries } from '../support/one-on-ones.ts';
import { createTeachingCourse, recompute } from '../support/recommendations.ts';
import { createTeamOrg } from '../support/team.ts';

let t: TestApp;
const DAY = 86_400_000;
beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date('2026-06-01T09:00:00Z'));
});

/**
 * The team org of test/support/team.ts, with Dan an Analyst too (never assessed). Ana has an
 * off-track goal, a hurdle raised 20 days ago, an overdue compliance course, and no 1:1 ever held.
 */
async function setup() {
  const base = await createTeamOrg(t, { analysts: ['ana', 'dan'] });
  const { org, ana, dan, fire } = base;
  const goal = await createPersonGoal(t, org.id, ana.person.id, { title: 'Quarterly report', status: 'off_track', visibility: 'private' });
  const hurdle = await createHurdle(t, org.id, ana.person.id, { title: 'No database access', createdAt: new Date(t.clock.now().getTime() - 20 * DAY) });
  await enrollPeople(t, org.id, { courseId: fire.id }, [ana.person.id], { reasonType: 'compliance', dueAt: new Date(t.clock.now().getTime() + DAY) });
  await recompute(t, org.id, [ana.person.id, dan.person.id]);
  return { ...base, goal, hurdle };
}

describe('GET /team', () => {
  it("shows each direct report's parts and ranked signals, with the recommended learning and its reason", async () => {
    const s = await setup();
    t.clock.advance(4 * DAY); // the compliance course is 3 days overdue, the hurdle 24 days old
    const res = await (await signInAs(t, s.max)).raw.get('team');
    expect(res.status).toBe(200);
    expect(res.body.scope).toBe('direct');
    expect(res.body.data.map((m: any) => m.person.name)).toEqual(['Ana Alpha', 'Ben Beta']);
    const ana = res.body.data[0];
    expect(ana.strengths).toEqual([{ skillId: s.writing.id, name: 'Writing', expected: 2, current: 3 }]);
    expect(ana.gaps).toEqual([
      { skillId: s.sql.id, name: 'SQL', expected: 3, current: 1, planned: false, recommended: { type: 'course', id: s.course.id, title: 'SQL for analysts' } },
    ]);
    expect(ana.goals).toMatchObject([{ id: s.goal.id, status: 'off_track', visibility: 'private' }]);
    expect(ana.hurdles).toMatchObject([{ id: s.hurdle.id, title: 'No database access' }]);
    expect(ana.learning.overdue).toMatchObject([{ title: 'Fire safety', compliance: true, reason: { type: 'compliance', label: 'Required for compliance' } }]);
    expect(ana.learning.counts).toEqual({ overdue: 1, inProgress: 0, recentlyCompleted: 0 });
    expect(Object.keys(ana.learning.overdue[0]).sort()).toEqual(['completedAt', 'compliance', 'dueAt', 'id', 'reason', 'title']);
    expect(ana.oneOnOne).toEqual({ seriesId: null, lastHeldAt: null, nextAt: null, nextMeetingId: null });
    expect(ana.signals.map((x: any) => x.kind)).toEqual(['overdue_compliance', 'goal_off_track', 'no_recent_one_on_one', 'hurdle_open', 'gap_without_plan']);
    const gap = ana.signals.at(-1);
    expect(gap.actions[0]).toEqual({
      kind: 'assign_learning',
      label: 'Assign SQL for analysts',
      item: { type: 'course', id: s.course.id, title: 'SQL for analysts' },
      reason: { type: 'skill_gap', recordType: 'job_profile', recordId: s.analyst.id, note: 'To reach level 3 in SQL (now 1)' },
    });
    expect(res.body.heatMap.skills.map((x: any) => x.name)).toEqual(['SQL', 'Writing']);
    expect(res.body.heatMap.rows[0].cells).toEqual(
      expect.arrayContaining([
        { skillId: s.sql.id, expected: 3, current: 1, gap: -2 },
        { skillId: s.writing.id, expected: 2, current: 3, gap: 1 },
      ]),
    );
    expect(res.body.teams).toBeNull();
    // No learning of theirs has been followed up yet: the figures are there, at zero.
    expect(res.body.loopClosure).toEqual({ improved: 0, notImproved: 0, decided: 0, pending: 0, rate: null });
  });

  it('drops the gap signal once a plan item serves the skill, and the 1:1 signal once a 1:1 was held', async () => {
    const s = await setup();
    await t.ctx.db.insert(developmentPlanItem).values({ orgId: s.org.id, personId: s.ana.person.id, title: 'Practise SQL', actionType: 'project', skillId: s.sql.id });
    const series = await createSeries(t, s.org.id, s.max.person.id, s.ana.person.id, { startsAt: new Date(t.clock.now().getTime() - 7 * DAY) });
    const [m] = await t.ctx.db.select().from(oneOnOneMeeting).where(eq(oneOnOneMeeting.seriesId, series.id)).limit(1);
    await t.ctx.db.update(oneOnOneMeeting).set({ status: 'held', heldAt: new Date(t.clock.now().getTime() - 2 * DAY) }).where(eq(oneOnOneMeeting.id, m!.id));
    const ana = (await (await signInAs(t, s.max)).raw.get('team')).body.data[0];
    expect(ana.signals.map((x: any) => x.kind)).not.toContain('gap_without_plan');
    expect(ana.signals.map((x: any) => x.kind)).not.toContain('no_recent_one_on_one');
    expect(ana.plan).toMatchObject([{ title: 'Practise SQL', skillId: s.sql.id }]);
    expect(ana.oneOnOne.seriesId).toBe(series.id);
    expect(ana.oneOnOne.lastHeldAt).toBe(new Date(t.clock.now().getTime() - 2 * DAY).toISOString());
  });

  it('shows the first three enrolments of a list on a card, and how many the list holds', async () => {
    const s = await setup();
    for (const title of ['Course A', 'Course B', 'Course C', 'Course D']) {
      const c = await createTeachingCourse(t, s.org.id, title, []);
      await enrollPeople(t, s.org.id, { courseId: c.id }, [s.ben.person.id], { reasonType: 'skill_gap' });
    }
    const ben = (await (await signInAs(t, s.max)).raw.get('team')).body.data[1];
    expect(ben.learning.inProgress).toHaveLength(3);
    expect(ben.learning.counts).toEqual({ overdue: 0, inProgress: 4, recentlyCompleted: 0 });
  });

  it('gives an employee an empty team, and a manager no one outside their chain', async () => {
    const s = await setup();
    const asAna = await (await signInAs(t, s.ana)).raw.get('team');
    expect(asAna.status).toBe(200);
    expect(asAna.body).toMatchObject({ data: [], nextCursor: null, heatMap: { skills: [], rows: [] } });
    const asCleo = await (await signInAs(t, s.cleo)).raw.get('team?scope=all');
    expect(asCleo.body.data.map((m: any) => m.person.name)).toEqual(['Dan Delta']);
    expect(JSON.stringify(asCleo.body)).not.toContain(s.ana.person.id);
  });

  it('shows feedback only where its giver allowed the chain, anonymous feedback without a giver, and visible praise', async () => {
    const s = await setup();
    const today = t.clock.now().toISOString().slice(0, 10);
    const yesterday = new Date(t.clock.now().getTime() - DAY).toISOString().slice(0, 10);
    const base = { orgId: s.org.id, subjectId: s.ana.person.id, receiverId: s.ana.person.id };
    await t.ctx.db.insert(feedback).values([
      { ...base, id: uuidv7(), giverId: s.ben.person.id, shareWithManagers: true, body: 'Shared with managers', givenOn: today },
      { ...base, id: uuidv7(), giverId: s.ben.person.id, shareWithManagers: false, body: 'Just for Ana', givenOn: today },
      { ...base, id: uuidv7(), giverId: null, anonymous: true, shareWithManagers: true, body: 'Anonymous, released', givenOn: yesterday },
      { ...base, id: uuidv7(), giverId: null, anonymous: true, shareWithManagers: true, body: 'Anonymous, today', givenOn: today },
    ]);
    const [pub] = await t.ctx.db.insert(praise).values({ orgId: s.org.id, giverId: s.ben.person.id, message: 'Great demo', visibility: 'public' }).returning();
    const [priv] = await t.ctx.db.insert(praise).values({ orgId: s.org.id, giverId: s.ben.person.id, message: 'Private thanks', visibility: 'private' }).returning();
    await t.ctx.db.insert(praiseRecipient).values([
      { orgId: s.org.id, praiseId: pub!.id, personId: s.ana.person.id },
      { orgId: s.org.id, praiseId: priv!.id, personId: s.ana.person.id },
    ]);
    const ana = (await (await signInAs(t, s.max)).raw.get('team')).body.data[0];
    expect(ana.feedback.map((f: any) => f.excerpt).sort()).toEqual(['Anonymous, released', 'Shared with managers']);
    expect(ana.feedback.find((f: any) => f.anonymous).giver).toBeNull();
    expect(ana.feedback.find((f: any) => !f.anonymous).giver).toEqual({ id: s.ben.person.id, name: 'Ben Beta' });
    expect(ana.praise.map((p: any) => p.message)).toEqual(['Great demo']);
  });

  it('rolls signals up per team for everyone below, a page at a time', async () => {
    const s = await setup();
    const asBoss = await signInAs(t, s.boss);
    const first = await asBoss.raw.get('team?scope=all&limit=3');
    expect(first.status).toBe(200);
    expect(first.body.data.map((m: any) => m.person.name)).toEqual(['Ana Alpha', 'Ben Beta', 'Dan Delta']);
    expect(first.body.data[0].person).toMatchObject({ direct: false, manager: { id: s.max.person.id, name: 'Max Manager' } });
    expect(first.body.nextCursor).toBeTruthy();
    const second = await asBoss.raw.get(`team?scope=all&limit=3&cursor=${first.body.nextCursor}`);
    expect(second.body.data.map((m: any) => m.person.name)).toEqual(['Cleo Lead', 'Max Manager']);
    expect(second.body.nextCursor).toBeNull();
    expect(second.body.teams).toBeNull();
    const teams = first.body.teams as Array<{ manager: { id: string; name: string }; counts: Record<string, number> }>;
    const maxTeam = teams.find((x) => x.manager.id === s.max.person.id)!;
    expect(maxTeam.counts).toMatchObject({ people: 2, needingAttention: 2, goal_off_track: 1, no_recent_one_on_one: 2, gap_without_plan: 1 });
    expect(teams.find((x) => x.manager.id === s.boss.person.id)!.manager.name).toBe('You');
    expect(teams.map((x) => x.counts.people).reduce((a, b) => a! + b!, 0)).toBe(5);
  });

  it('refuses a bad scope or cursor with the error format', async () => {
    const s = await setup();
    const c = await signInAs(t, s.max);
    expect((await c.raw.get('team?scope=everyone')).body.error.code).toBe('validation_failed');
    expect((await c.raw.get('team?cursor=nonsense')).status).toBe(400);
  });
});

describe('when a manager changes', () => {
  it("gives the new manager the report's goals, plan, skills, hurdles and learning, never the private 1:1 history with the former; the former loses them", async () => {
    const s = await setup();
    // Ana's 1:1 with Max: one held meeting, a private point of Max's and a shared one.
    const series = await createSeries(t, s.org.id, s.max.person.id, s.ana.person.id, { startsAt: new Date(t.clock.now().getTime() - 7 * DAY) });
    const [m] = await t.ctx.db.select().from(oneOnOneMeeting).where(eq(oneOnOneMeeting.seriesId, series.id)).limit(1);
    await t.ctx.db.update(oneOnOneMeeting).set({ status: 'held', heldAt: new Date(t.clock.now().getTime() - 3 * DAY) }).where(eq(oneOnOneMeeting.id, m!.id));
    await t.ctx.db.insert(agendaItem).values([
      { orgId: s.org.id, seriesId: series.id, meetingId: m!.id, authorId: s.max.person.id, body: 'PRIVATE-NOTE-ABOUT-ANA', private: true },
      { orgId: s.org.id, seriesId: series.id, meetingId: m!.id, authorId: s.ana.person.id, body: 'SHARED-POINT-WITH-MAX', private: false },
    ]);
    await t.ctx.db.insert(developmentPlanItem).values({ orgId: s.org.id, personId: s.ana.person.id, title: 'Shadow a senior', actionType: 'mentoring' });

    const before = (await (await signInAs(t, s.max)).raw.get('team')).body.data[0];
    expect(before.oneOnOne.seriesId).toBe(series.id);

    // Ana moves to Cleo's team.
    await t.ctx.db.update(person).set({ managerId: s.cleo.person.id }).where(eq(person.id, s.ana.person.id));

    const asCleo = await signInAs(t, s.cleo);
    const res = await asCleo.raw.get('team');
    const ana = res.body.data.find((x: any) => x.person.id === s.ana.person.id);
    expect(ana).toBeDefined();
    expect(ana.goals.map((g: any) => g.id)).toEqual([s.goal.id]);
    expect(ana.plan.map((p: any) => p.title)).toEqual(['Shadow a senior']);
    expect(ana.gaps.map((g: any) => g.name)).toEqual(['SQL']);
    expect(ana.strengths.map((g: any) => g.name)).toEqual(['Writing']);
    expect(ana.hurdles.map((h: any) => h.id)).toEqual([s.hurdle.id]);
    expect(ana.learning.inProgress.map((e: any) => e.title)).toEqual(['Fire safety']);
    // The 1:1 history was Max's and Ana's: Cleo sees no series, no date, no item.
    expect(ana.oneOnOne).toEqual({ seriesId: null, lastHeldAt: null, nextAt: null, nextMeetingId: null });
    const text = JSON.stringify(res.body);
    expect(text).not.toContain('PRIVATE-NOTE-ABOUT-ANA');
    expect(text).not.toContain('SHARED-POINT-WITH-MAX');
    expect(text).not.toContain(series.id);
    expect((await asCleo.get(`people/${s.ana.person.id}/hurdles`)).status).toBe(200);

    // Max loses what only the chain gave him.
    const asMax = await signInAs(t, s.max);
    const maxTeam = await asMax.raw.get('team?scope=all');
    expect(maxTeam.body.data.map((x: any) => x.person.name)).toEqual(['Ben Beta']);
    expect(JSON.stringify(maxTeam.body)).not.toContain(s.ana.person.id);
    expect((await asMax.get(`people/${s.ana.person.id}/hurdles`)).status).toBe(404);
    expect((await asMax.get(`people/${s.ana.person.id}/development-plan`)).status).toBe(404);
  });
});
