import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { enrollment, person, program, programStep } from '../../src/server/db/schema/index.ts';
import { RECOMPUTE_DAILY, RECOMPUTE_ORG } from '../../src/server/modules/insight/recommendations/index.ts';
import { runComplianceSweep } from '../../src/server/modules/learning/index.ts';
import { dispatchEvents, emit, recordChange, systemRef } from '../../src/server/modules/platform/index.ts';
import { JOB_PROFILE_CHANGED, SKILL_ASSESSED } from '../../src/server/modules/talent/index.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { signInAs } from '../support/client.ts';
import { createOrg, createUser } from '../support/factories.ts';
import { createPublishedCourse, enrollPeople } from '../support/learning.ts';
import { assess, aspireTo, createProfile, createSkill, createTeachingCourse, recompute } from '../support/recommendations.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date('2026-06-01T09:00:00Z'));
});

/**
 * Ana holds Account Manager (Negotiation 4, Discovery 3, Closing 3). Her manager Max rated her
 * Negotiation 2 on 3 March; she rated herself 2 on Discovery; Closing was never assessed.
 */
async function setup() {
  const org = await createOrg(t);
  const maxU = await createUser(t, org.id, { firstName: 'Max', lastName: 'Manager' });
  const anaU = await createUser(t, org.id, { firstName: 'Ana', lastName: 'Seller', managerId: maxU.person.id });
  const ollyU = await createUser(t, org.id, { firstName: 'Olly', lastName: 'Other' });
  const hrU = await createUser(t, org.id, { firstName: 'Hana', lastName: 'HR', roles: ['hr_admin'] });
  const neg = await createSkill(t, org.id, 'Negotiation');
  const disc = await createSkill(t, org.id, 'Discovery');
  const close = await createSkill(t, org.id, 'Closing');
  const am = await createProfile(t, org.id, 'Account Manager', [[neg.id, 4], [disc.id, 3], [close.id, 3]], [anaU.person.id]);
  const rating = await assess(t, org.id, {
    personId: anaU.person.id,
    skillId: neg.id,
    level: 2,
    source: 'manager',
    assessorId: maxU.person.id,
    assessedAt: new Date('2026-03-03T10:00:00Z'),
  });
  await assess(t, org.id, { personId: anaU.person.id, skillId: disc.id, level: 2, source: 'self', assessorId: anaU.person.id });
  const courses = {
    closing: await createTeachingCourse(t, org.id, 'Closing Deals', [[close.id, 3]], 30), // 1.0 × 3 = 3
    fundamentals: await createTeachingCourse(t, org.id, 'Negotiation Fundamentals', [[neg.id, 4], [disc.id, 3]], 90), // 2 + 1 = 3
    discovery: await createTeachingCourse(t, org.id, 'Discovery Calls', [[disc.id, 3]], 45), // 1
    advanced: await createTeachingCourse(t, org.id, 'Advanced Negotiation', [[neg.id, 3]], 120), // min(3,4) − 2 = 1
    basics: await createTeachingCourse(t, org.id, 'Negotiation Basics', [[neg.id, 2]], 10), // teaches at her level: 0
  };
  const ana = await signInAs(t, anaU);
  return {
    org, anaU, maxU, ollyU, neg, disc, close, am, rating, courses, ana,
    max: await signInAs(t, maxU), olly: await signInAs(t, ollyU), hr: await signInAs(t, hrU),
  };
}

/** A program of course steps, in order (published unless said otherwise). */
async function createProgram(orgId: string, title: string, courseIds: string[], status: 'published' | 'draft' = 'published') {
  const [p] = await t.ctx.db.insert(program).values({ orgId, title, status }).returning();
  await t.ctx.db.insert(programStep).values(courseIds.map((courseId, i) => ({ orgId, programId: p!.id, position: i + 1, kind: 'course' as const, courseId })));
  return p!;
}

async function settle() {
  await dispatchEvents(t.ctx);
  await t.ctx.jobs.drain();
}

const titles = (body: { data: Array<{ item: { title: string } }> }) => body.data.map((r) => r.item.title);

describe('recommendations', () => {
  it('ranks the courses that answer the gaps, by score, then fewer minutes, and explains each to its reader', async () => {
    const s = await setup();
    await recompute(t, s.org.id);
    const mine = await s.ana.get('me/recommendations');
    expect(mine.status).toBe(200);
    expect(mine.body.data.map((r) => [r.item.title, r.score, r.rank])).toEqual([
      ['Closing Deals', 3, 1],
      ['Negotiation Fundamentals', 3, 2],
      ['Discovery Calls', 1, 3],
      ['Advanced Negotiation', 1, 4],
    ]);
    const [closing, fundamentals] = mine.body.data;
    expect(closing!.explanation).toBe('Closing is expected at 3 for Account Manager; you have not been assessed on Closing yet.');
    expect(fundamentals!.explanation).toBe(
      'Negotiation is expected at 4 for Account Manager; your current level is 2, from your manager’s rating on 3 March. It also builds Discovery (gap 1).',
    );
    expect(fundamentals).toMatchObject({
      itemType: 'course',
      item: { id: s.courses.fundamentals.id, title: 'Negotiation Fundamentals', estimatedMinutes: 90 },
      computedAt: '2026-06-01T09:00:00.000Z',
    });
    expect(fundamentals!.evidence[0]).toEqual({
      kind: 'profile_gap',
      skill: { id: s.neg.id, name: 'Negotiation' },
      expected: 4,
      current: 2,
      teaches: 4,
      assessment: { id: s.rating.id, source: 'manager', level: 2, assessedAt: '2026-03-03T10:00:00.000Z', assessorName: 'Max Manager' },
      profile: { id: s.am.id, name: 'Account Manager' },
    });
    expect(fundamentals!.evidence[1]).toMatchObject({ skill: { name: 'Discovery' }, expected: 3, current: 2, teaches: 3 });

    // Her manager and HR read the same list, phrased about Ana.
    const byManager = await s.max.get(`people/${s.anaU.person.id}/recommendations`);
    expect(byManager.status).toBe(200);
    expect(byManager.body.data[1]!.explanation).toBe(
      'Negotiation is expected at 4 for Account Manager; Ana’s current level is 2, from Ana’s manager’s rating on 3 March. It also builds Discovery (gap 1).',
    );
    expect(titles((await s.hr.get(`people/${s.anaU.person.id}/recommendations`)).body)).toHaveLength(4);
  });

  it('adds the skills of open skill hurdles and of open goals, without their words, and drops them once resolved or done', async () => {
    const s = await setup();
    const olly = s.olly;
    const hurdle = await olly.post('hurdles', { title: 'Deals stall at the very end', category: 'skill', skillId: s.close.id });
    expect(hurdle.status).toBe(201);
    await settle();
    const first = (await olly.get('me/recommendations')).body.data;
    expect(first.map((r) => [r.item.title, r.score])).toEqual([['Closing Deals', 1.2]]);
    expect(first[0]!.evidence[0]).toMatchObject({ kind: 'hurdle', expected: 1, current: null, teaches: 3, profile: null });
    expect(first[0]!.explanation).toBe('Closing is what one of your open hurdles is about; you have not been assessed on Closing yet.');

    const goal = await olly.post('goals', { title: 'Land the Northwind renewal', visibility: 'private', skills: [{ skillId: s.neg.id, level: 4 }] });
    expect(goal.status).toBe(201);
    await settle();
    const both = (await olly.get('me/recommendations')).body.data;
    // The goal needs Negotiation at 4: 0.9 × 4, × 3, × 2; the hurdle's course stays.
    expect(both.map((r) => [r.item.title, r.score])).toEqual([
      ['Negotiation Fundamentals', 3.6],
      ['Advanced Negotiation', 2.7],
      ['Negotiation Basics', 1.8],
      ['Closing Deals', 1.2],
    ]);
    expect(both[0]!.explanation).toBe('Negotiation is needed at 4 for one of your goals; you have not been assessed on Negotiation yet.');
    // HR reads the list phrased about Olly, and nothing of the private goal's or the hurdle's words.
    const byHr = await s.hr.get(`people/${s.ollyU.person.id}/recommendations`);
    expect(byHr.status).toBe(200);
    expect(byHr.body.data[0]!.explanation).toBe('Negotiation is needed at 4 for one of Olly’s goals; Olly has not been assessed on Negotiation yet.');
    expect(JSON.stringify(byHr.body)).not.toMatch(/Northwind|stall/);

    expect((await olly.patch(`hurdles/${hurdle.body.id}`, { status: 'resolved' })).status).toBe(200);
    expect((await olly.patch(`goals/${goal.body.id}`, { status: 'done' })).status).toBe(200);
    await settle();
    expect((await olly.get('me/recommendations')).body.data).toEqual([]);
  });

  it('names an aspired role, at a lower weight', async () => {
    const s = await setup();
    const coaching = await createSkill(t, s.org.id, 'Coaching');
    const lead = await createProfile(t, s.org.id, 'Team Lead', [[coaching.id, 3]]);
    await aspireTo(t, s.org.id, s.anaU.person.id, lead.id);
    await createTeachingCourse(t, s.org.id, 'Coaching Conversations', [[coaching.id, 3]], 60);
    await recompute(t, s.org.id, [s.anaU.person.id]);
    const coachingRec = (await s.ana.get('me/recommendations')).body.data.find((r) => r.item.title === 'Coaching Conversations')!;
    expect(coachingRec.score).toBeCloseTo(1.8); // 0.6 × 3
    expect(coachingRec.explanation).toBe('Coaching is expected at 3 for Team Lead, the role you aspire to; you have not been assessed on Coaching yet.');
    expect(coachingRec.evidence[0]).toMatchObject({ kind: 'aspiration_gap', profile: { name: 'Team Lead' }, assessment: null });
  });

  it('never recommends a course with an open or completed enrolment, nor an unpublished one', async () => {
    const s = await setup();
    await enrollPeople(t, s.org.id, { courseId: s.courses.closing.id }, [s.anaU.person.id]);
    await enrollPeople(t, s.org.id, { courseId: s.courses.discovery.id }, [s.anaU.person.id]);
    await t.ctx.db.update(enrollment).set({ status: 'completed', completedAt: t.clock.now() }).where(eq(enrollment.courseId, s.courses.discovery.id));
    await createPublishedCourse(t, s.org.id, { title: 'Draft negotiation', status: 'draft' });
    await recompute(t, s.org.id);
    expect(titles((await s.ana.get('me/recommendations')).body)).toEqual(['Negotiation Fundamentals', 'Advanced Negotiation']);
  });

  it('an enrolment made takes the course out, through the enrolment event', async () => {
    const s = await setup();
    await recompute(t, s.org.id);
    await enrollPeople(t, s.org.id, { courseId: s.courses.fundamentals.id }, [s.anaU.person.id]);
    await dispatchEvents(t.ctx);
    await t.ctx.jobs.drain();
    expect(titles((await s.ana.get('me/recommendations')).body)).toEqual(['Closing Deals', 'Discovery Calls', 'Advanced Negotiation']);
  });

  it('a dismissal hides the course until its evidence changes; undo restores it', async () => {
    const s = await setup();
    await recompute(t, s.org.id);
    const closing = (await s.ana.get('me/recommendations')).body.data[0]!;
    expect(closing.item.title).toBe('Closing Deals');

    // Only Ana herself: her manager and HR see it but may not dismiss it, others do not see it.
    expect((await s.max.post(`recommendations/${closing.id}/dismiss`)).status).toBe(404);
    expect((await s.hr.post(`recommendations/${closing.id}/dismiss`)).status).toBe(404);
    expect((await s.olly.post(`recommendations/${closing.id}/dismiss`)).status).toBe(404);

    expect((await s.ana.post(`recommendations/${closing.id}/dismiss`)).status).toBe(204);
    expect(titles((await s.ana.get('me/recommendations')).body)).not.toContain('Closing Deals');
    // A recompute with the same evidence keeps it hidden.
    await recompute(t, s.org.id);
    expect(titles((await s.ana.get('me/recommendations')).body)).not.toContain('Closing Deals');

    // Undo (same id, across recomputes).
    expect((await s.ana.post(`recommendations/${closing.id}/restore`)).status).toBe(204);
    expect(titles((await s.ana.get('me/recommendations')).body)[0]).toBe('Closing Deals');

    // Dismissed again, then a new level: the evidence changed, so it is shown again (after the event's recompute).
    expect((await s.ana.post(`recommendations/${closing.id}/dismiss`)).status).toBe(204);
    const a = await assess(t, s.org.id, { personId: s.anaU.person.id, skillId: s.close.id, level: 1, source: 'self', assessorId: s.anaU.person.id });
    await t.ctx.db.transaction((tx) =>
      recordChange(tx, systemRef(s.org.id), {
        action: 'skill_assessment.created',
        recordType: 'skill_assessment',
        recordId: a.id,
        emits: emit(SKILL_ASSESSED, { personId: s.anaU.person.id, skillId: s.close.id, assessmentId: a.id, source: 'self' }),
      }),
    );
    await dispatchEvents(t.ctx);
    await t.ctx.jobs.drain();
    const after = (await s.ana.get('me/recommendations')).body.data;
    const back = after.find((r) => r.item.title === 'Closing Deals')!;
    expect(back.score).toBe(2); // 3 − 1
    expect(back.explanation).toBe('Closing is expected at 3 for Account Manager; your current level is 1, from your self-assessment on 1 June.');
  });

  it('recomputes everyone holding a profile when it changes, and the whole organisation on the org job', async () => {
    const s = await setup();
    await recompute(t, s.org.id);
    const people = await createUser(t, s.org.id, { firstName: 'Pia', lastName: 'Peer', jobProfileId: s.am.id });
    const pia = await signInAs(t, people);
    expect((await pia.get('me/recommendations')).body.data).toEqual([]);
    await t.ctx.db.transaction((tx) =>
      recordChange(tx, systemRef(s.org.id), {
        action: 'job_profile.updated',
        recordType: 'job_profile',
        recordId: s.am.id,
        emits: emit(JOB_PROFILE_CHANGED, { profileId: s.am.id }),
      }),
    );
    await dispatchEvents(t.ctx);
    await t.ctx.jobs.drain();
    // Never assessed on anything: every course teaching above 0 answers.
    expect(titles((await pia.get('me/recommendations')).body)).toEqual([
      'Negotiation Fundamentals', // 4 + 3 = 7
      'Closing Deals', // 3
      'Discovery Calls', // 3
      'Advanced Negotiation', // 3
      'Negotiation Basics', // 2
    ]);

    await createTeachingCourse(t, s.org.id, 'Closing Masterclass', [[s.close.id, 5]], 20);
    await RECOMPUTE_ORG.handler(t.ctx, { orgId: s.org.id });
    expect(titles((await s.ana.get('me/recommendations')).body)[0]).toBe('Closing Masterclass');
  });

  it('reads the same list for everyone above her, and is 404 to the report below', async () => {
    const s = await setup();
    const bossU = await createUser(t, s.org.id, { firstName: 'Bea', lastName: 'Boss' });
    await t.ctx.db.update(person).set({ managerId: bossU.person.id }).where(eq(person.id, s.maxU.person.id));
    await recompute(t, s.org.id);
    const mine = (await s.ana.get('me/recommendations')).body.data;
    expect(mine.length).toBeGreaterThan(0);
    const byBoss = await (await signInAs(t, bossU)).get(`people/${s.anaU.person.id}/recommendations`);
    expect(byBoss.status).toBe(200);
    const byHr = (await s.hr.get(`people/${s.anaU.person.id}/recommendations`)).body.data;
    expect(byBoss.body.data).toEqual(byHr);
    // Phrased about her for others, to her for herself; otherwise the same answer.
    expect(byHr.map((r) => ({ ...r, explanation: '' }))).toEqual(mine.map((r) => ({ ...r, explanation: '' })));
    expect(byHr[0]!.explanation).toContain('Ana has not been assessed');
    expect(mine[0]!.explanation).not.toContain('Ana');
    expect((await s.ana.get(`people/${s.maxU.person.id}/recommendations`)).status).toBe(404);
    expect((await s.ana.get(`people/${bossU.person.id}/recommendations`)).status).toBe(404);
  });

  it('is 404 to anyone outside the person’s chain, HR of another organisation included', async () => {
    const s = await setup();
    await recompute(t, s.org.id);
    expect((await s.olly.get(`people/${s.anaU.person.id}/recommendations`)).status).toBe(404);
    const other = await createOrg(t);
    const otherHr = await signInAs(t, await createUser(t, other.id, { roles: ['hr_admin'] }));
    expect((await otherHr.get(`people/${s.anaU.person.id}/recommendations`)).status).toBe(404);
    expect((await s.olly.get(`people/${crypto.randomUUID()}/recommendations`)).status).toBe(404);
    // Ana's manager's own list is empty (no profile): nothing leaks across people.
    expect((await s.max.get('me/recommendations')).body.data).toEqual([]);
  });
});

describe('program recommendations', () => {
  it('recommends a program for the gaps its courses answer, ranked with the courses and explained the same way', async () => {
    const s = await setup();
    // Fundamentals (Negotiation 4, Discovery 3; 90 min) and Closing Deals (Closing 3; 30 min): 2 + 1 + 3 = 6 in 120 min.
    const path = await createProgram(s.org.id, 'Sales Path', [s.courses.fundamentals.id, s.courses.closing.id]);
    await createProgram(s.org.id, 'Draft Path', [s.courses.closing.id], 'draft');
    await createProgram(s.org.id, 'Basics Path', [s.courses.basics.id]); // teaches Negotiation at her level: nothing
    await recompute(t, s.org.id);
    const mine = (await s.ana.get('me/recommendations')).body.data;
    expect(mine.map((r) => [r.kind, r.item.title, r.score, r.rank])).toEqual([
      ['program', 'Sales Path', 6, 1],
      ['course', 'Closing Deals', 3, 2],
      ['course', 'Negotiation Fundamentals', 3, 3],
      ['course', 'Discovery Calls', 1, 4],
      ['course', 'Advanced Negotiation', 1, 5],
    ]);
    const rec = mine[0]!;
    expect(rec).toMatchObject({
      itemType: 'program',
      kind: 'program',
      programId: path.id,
      courseId: null,
      item: { id: path.id, title: 'Sales Path', estimatedMinutes: 120 },
    });
    expect(rec.explanation).toBe(
      'Closing is expected at 3 for Account Manager; you have not been assessed on Closing yet. It also builds Negotiation (gap 2) and Discovery (gap 1).',
    );
    expect(rec.evidence.map((e) => [e.skill.name, e.teaches, e.assessment?.id ?? null])).toEqual([
      ['Closing', 3, null],
      ['Negotiation', 4, s.rating.id],
      ['Discovery', 3, expect.any(String)],
    ]);
    expect(mine[1]).toMatchObject({ kind: 'course', courseId: s.courses.closing.id, programId: null });
    // To her manager, about Ana.
    const byManager = (await s.max.get(`people/${s.anaU.person.id}/recommendations`)).body.data[0]!;
    expect(byManager.explanation).toBe(
      'Closing is expected at 3 for Account Manager; Ana has not been assessed on Closing yet. It also builds Negotiation (gap 2) and Discovery (gap 1).',
    );
  });

  it('never recommends a program she holds open or completed (nor the courses of an open one)', async () => {
    const s = await setup();
    const open = await createProgram(s.org.id, 'Sales Path', [s.courses.fundamentals.id, s.courses.closing.id]);
    const done = await createProgram(s.org.id, 'Discovery Path', [s.courses.discovery.id]);
    await createProgram(s.org.id, 'Advanced Path', [s.courses.advanced.id]);
    await recompute(t, s.org.id);
    expect(titles((await s.ana.get('me/recommendations')).body)).toContain('Sales Path');
    expect(titles((await s.ana.get('me/recommendations')).body)).toContain('Discovery Path');

    await enrollPeople(t, s.org.id, { programId: open.id }, [s.anaU.person.id]);
    await t.ctx.db.insert(enrollment).values({
      orgId: s.org.id, personId: s.anaU.person.id, programId: done.id, reasonType: 'skill_gap', source: 'assigned',
      status: 'completed', completedAt: t.clock.now(), progress: 100,
    });
    await recompute(t, s.org.id, [s.anaU.person.id]);
    const left = (await s.ana.get('me/recommendations')).body.data;
    expect(left.map((r) => [r.kind, r.item.title])).toEqual([
      ['course', 'Discovery Calls'], // 1 in 45 min; the completed program held, not this course
      ['course', 'Advanced Negotiation'], // 1 in 120 min
      ['program', 'Advanced Path'], // the same, a course first
    ]);
  });

  it('an expired completion makes the course recommendable again, through the expiry event', async () => {
    const s = await setup();
    const [e] = await enrollPeople(t, s.org.id, { courseId: s.courses.closing.id }, [s.anaU.person.id]);
    await t.ctx.db
      .update(enrollment)
      .set({ status: 'completed', completedAt: new Date('2025-05-01T00:00:00Z'), expiresAt: new Date('2026-05-31T00:00:00Z') })
      .where(eq(enrollment.id, e!.id));
    await recompute(t, s.org.id);
    expect(titles((await s.ana.get('me/recommendations')).body)).not.toContain('Closing Deals');

    await runComplianceSweep(t.ctx, [s.org.id]); // expires it (valid until yesterday)
    const [after] = await t.ctx.db.select().from(enrollment).where(eq(enrollment.id, e!.id));
    expect(after!.status).toBe('expired');
    await settle();
    expect(titles((await s.ana.get('me/recommendations')).body)[0]).toBe('Closing Deals');
  });

  it('an unenrolment makes the course recommendable again, through the removal event', async () => {
    const s = await setup();
    const adminU = await createUser(t, s.org.id, { firstName: 'Lena', lastName: 'Admin', roles: ['learning_admin'] });
    const admin = await signInAs(t, adminU);
    const [e] = await enrollPeople(t, s.org.id, { courseId: s.courses.fundamentals.id }, [s.anaU.person.id]);
    await recompute(t, s.org.id);
    expect(titles((await s.ana.get('me/recommendations')).body)).not.toContain('Negotiation Fundamentals');
    expect((await admin.delete(`enrollments/${e!.id}`)).status).toBe(204);
    await settle();
    expect(titles((await s.ana.get('me/recommendations')).body)).toContain('Negotiation Fundamentals');
  });

  it('the daily job recomputes every organisation, catching what no event announced', async () => {
    const s = await setup();
    await recompute(t, s.org.id);
    // Straight into the database: no event, so nothing recomputes until the daily job.
    await createTeachingCourse(t, s.org.id, 'Closing Masterclass', [[s.close.id, 5]], 20);
    expect(titles((await s.ana.get('me/recommendations')).body)).not.toContain('Closing Masterclass');
    await RECOMPUTE_DAILY.handler(t.ctx, {});
    await t.ctx.jobs.drain();
    expect(titles((await s.ana.get('me/recommendations')).body)[0]).toBe('Closing Masterclass');
  });

  it('only the person dismisses: a peer and the HR admin of another organisation get 404, and the list is unchanged', async () => {
    const s = await setup();
    const path = await createProgram(s.org.id, 'Sales Path', [s.courses.fundamentals.id, s.courses.closing.id]);
    await recompute(t, s.org.id);
    const rec = (await s.ana.get('me/recommendations')).body.data[0]!;
    expect(rec.programId).toBe(path.id);
    const peer = await signInAs(t, await createUser(t, s.org.id, { firstName: 'Pat', lastName: 'Peer', managerId: s.maxU.person.id }));
    const other = await createOrg(t);
    const otherHr = await signInAs(t, await createUser(t, other.id, { firstName: 'Oda', lastName: 'HR', roles: ['hr_admin'] }));
    for (const who of [peer, otherHr]) {
      expect((await who.post(`recommendations/${rec.id}/dismiss`)).status).toBe(404);
      expect((await who.post(`recommendations/${rec.id}/restore`)).status).toBe(404);
      expect((await who.get(`people/${s.anaU.person.id}/recommendations`)).status).toBe(404);
    }
    expect((await s.ana.get('me/recommendations')).body.data[0]!.id).toBe(rec.id);
    // She can: a program is dismissed like a course.
    expect((await s.ana.post(`recommendations/${rec.id}/dismiss`)).status).toBe(204);
    expect(titles((await s.ana.get('me/recommendations')).body)).not.toContain('Sales Path');
  });
});
