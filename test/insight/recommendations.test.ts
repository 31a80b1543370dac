import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { enrollment } from '../../src/server/db/schema/index.ts';
import { RECOMPUTE_ORG } from '../../src/server/modules/insight/recommendations/index.ts';
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
    org, anaU, maxU, neg, disc, close, am, rating, courses, ana,
    max: await signInAs(t, maxU), olly: await signInAs(t, ollyU), hr: await signInAs(t, hrU),
  };
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
