import { and, eq, isNull, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvent, courseSkill, domainEvent, enrollment, person, skillAssessment } from '../../src/server/db/schema/index.ts';
import { dispatchEvents } from '../../src/server/modules/platform/index.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { signInAs } from '../support/client.ts';
import { createOrg, createUser } from '../support/factories.ts';
import { createPublishedCourse, enrollPeople, sampleAnswers, sampleContent, sampleQuiz, takeSampleCourse } from '../support/learning.ts';
import { createProfile, createSkill } from '../support/assessments.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date('2026-06-01T09:00:00Z'));
});

/** Runs the outbox until it is empty: learning's events, then the SKILL_ASSESSED events they lead to, then their recomputes. */
async function settle() {
  for (let i = 0; i < 10; i++) {
    const n = await dispatchEvents(t.ctx);
    await t.ctx.jobs.drain();
    if (n === 0) return;
  }
  throw new Error('the outbox did not settle');
}

/** A published course with the sample quiz (pass mark 75 unless told), teaching each skill to its level. */
async function teachingCourse(orgId: string, title: string, teaches: Array<[string, number]>, quiz: Parameters<typeof sampleQuiz>[0] = {}) {
  const { course } = await createPublishedCourse(t, orgId, { title, content: sampleContent(sampleQuiz(quiz)) });
  if (teaches.length) await t.ctx.db.insert(courseSkill).values(teaches.map(([skillId, level]) => ({ orgId, courseId: course.id, skillId, level })));
  return course;
}

/**
 * Ana (Account Manager: Negotiation expected at 4) reports to Max. "Negotiation Basics" teaches
 * Negotiation to 3 and an archived skill; "Advanced Negotiation" teaches it to 5.
 */
async function setup() {
  const org = await createOrg(t);
  const neg = await createSkill(t, org.id, { name: 'Negotiation' });
  const coaching = await createSkill(t, org.id, { name: 'Coaching', maxLevel: 3, levels: ['Aware', 'Practising', 'Skilled'] });
  const old = await createSkill(t, org.id, { name: 'Haggling', archivedAt: new Date('2026-01-01T00:00:00Z') });
  const am = await createProfile(t, org.id, 'Account Manager', [{ skillId: neg.id, level: 4 }]);
  const maxU = await createUser(t, org.id, { firstName: 'Max', lastName: 'Manager' });
  const anaU = await createUser(t, org.id, { firstName: 'Ana', lastName: 'Seller', managerId: maxU.person.id, jobProfileId: am.id });
  const basics = await teachingCourse(org.id, 'Negotiation Basics', [
    [neg.id, 3],
    [old.id, 2],
  ]);
  const advanced = await teachingCourse(org.id, 'Advanced Negotiation', [[neg.id, 5]]);
  return { org, neg, coaching, old, am, maxU, anaU, basics, advanced, ana: await signInAs(t, anaU), max: await signInAs(t, maxU) };
}

type Setup = Awaited<ReturnType<typeof setup>>;

async function assessmentsOf(personId: string) {
  return t.ctx.db.select().from(skillAssessment).where(eq(skillAssessment.personId, personId));
}

/** Enrols Ana in the course and takes it through the player with these answers. */
async function takeCourse(s: Setup, courseId: string, answers: Record<string, string | string[]>) {
  const [e] = await enrollPeople(t, s.org.id, { courseId }, [s.anaU.person.id]);
  const graded = await takeSampleCourse(s.ana, e!.id, answers);
  return { enrollmentId: e!.id, graded };
}

describe('quiz results become skill assessments', () => {
  it('a course passed with full marks assesses each live skill it teaches at the taught level, linked to the enrolment', async () => {
    const s = await setup();
    await settle();
    const { enrollmentId, graded } = await takeCourse(s, s.basics.id, sampleAnswers.right);
    expect(graded.attempt).toMatchObject({ score: 100, passed: true });
    expect(graded.enrollment.status).toBe('completed');
    await settle();

    const list = await s.ana.get(`skill-assessments?personId=${s.anaU.person.id}`);
    expect(list.status).toBe(200);
    expect(list.body.data).toHaveLength(1); // the archived skill takes none
    expect(list.body.data[0]).toMatchObject({
      skillId: s.neg.id,
      level: 3,
      source: 'quiz',
      assessorId: null,
      note: 'Passed "Negotiation Basics" with 100%',
      sourceRecordType: 'enrollment',
      sourceRecordId: enrollmentId,
      assessedAt: '2026-06-01T09:00:00.000Z',
    });

    // The current level moved to it, and it is the basis the skills page names.
    const skills = await s.ana.get(`people/${s.anaU.person.id}/skills`);
    const negRow = skills.body.skills.find((r) => r.skill.id === s.neg.id)!;
    expect(negRow).toMatchObject({ expectedLevel: 4, currentLevel: 3, gap: 1, basis: { source: 'quiz', level: 3 } });

    // SKILL_ASSESSED fired and recommendations recomputed: the advanced course now explains itself with the quiz.
    const events = await t.ctx.db
      .select()
      .from(domainEvent)
      .where(and(eq(domainEvent.orgId, s.org.id), eq(domainEvent.type, 'talent.skill_assessed')));
    expect(events.map((e) => e.payload)).toEqual([expect.objectContaining({ personId: s.anaU.person.id, skillId: s.neg.id, source: 'quiz' })]);
    const recs = await s.ana.get('me/recommendations');
    expect(recs.body.data.map((r) => r.item.title)).toEqual(['Advanced Negotiation']);
    expect(recs.body.data[0]!.explanation).toBe('Negotiation is expected at 4 for Account Manager; your current level is 3, from a quiz on 1 June.');
  });

  it('a pass below the mastery score assesses one level below the taught level', async () => {
    const s = await setup();
    // Three of four right: 75%, exactly the pass mark.
    const { enrollmentId, graded } = await takeCourse(s, s.basics.id, { ...sampleAnswers.right, q4: 'password' });
    expect(graded.attempt).toMatchObject({ score: 75, passed: true });
    await settle();
    const rows = await assessmentsOf(s.anaU.person.id);
    expect(rows.map((r) => ({ skillId: r.skillId, level: r.level, source: r.source, sourceRecordId: r.sourceRecordId }))).toEqual([
      { skillId: s.neg.id, level: 2, source: 'quiz', sourceRecordId: enrollmentId },
    ]);
  });

  it('a failed quiz writes no assessment', async () => {
    const s = await setup();
    const course = await teachingCourse(s.org.id, 'One try', [[s.neg.id, 3]], { attemptsAllowed: 1 });
    const { enrollmentId, graded } = await takeCourse(s, course.id, sampleAnswers.wrong);
    expect(graded.attempt).toMatchObject({ score: 0, passed: false });
    const [e] = await t.ctx.db.select().from(enrollment).where(eq(enrollment.id, enrollmentId));
    expect(e!.status).toBe('failed');
    await settle();
    expect(await assessmentsOf(s.anaU.person.id)).toEqual([]);
  });

  it('a replayed completion event writes nothing twice', async () => {
    const s = await setup();
    const { enrollmentId } = await takeCourse(s, s.basics.id, sampleAnswers.right);
    await settle();
    const before = await assessmentsOf(s.anaU.person.id);
    expect(before).toHaveLength(1);

    // Delivery is at least once: hand the same stored event to its subscribers again.
    const completed = await t.ctx.db
      .select()
      .from(domainEvent)
      .where(and(eq(domainEvent.type, 'enrollment.completed'), sql`${domainEvent.payload}->>'enrollmentId' = ${enrollmentId}`));
    expect(completed).toHaveLength(1);
    expect(completed[0]!.payload).toMatchObject({ enrollmentId, personId: s.anaU.person.id, courseId: s.basics.id, programId: null, score: 100, reasonType: 'skill_gap' });
    await t.ctx.db.update(domainEvent).set({ dispatchedAt: null }).where(eq(domainEvent.id, completed[0]!.id));
    await settle();

    expect(await assessmentsOf(s.anaU.person.id)).toEqual(before);
    const audits = await t.ctx.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.orgId, s.org.id), eq(auditEvent.action, 'skill_assessment.created')));
    expect(audits).toHaveLength(1);
    const assessed = await t.ctx.db
      .select()
      .from(domainEvent)
      .where(and(eq(domainEvent.orgId, s.org.id), eq(domainEvent.type, 'talent.skill_assessed')));
    expect(assessed).toHaveLength(1);
  });

  it('assesses nobody who left before the event was handled, and nothing for a course without skills', async () => {
    const s = await setup();
    const plain = await teachingCourse(s.org.id, 'No skills here', []);
    await takeCourse(s, plain.id, sampleAnswers.right);
    await settle();
    expect(await assessmentsOf(s.anaU.person.id)).toEqual([]);

    await takeCourse(s, s.basics.id, sampleAnswers.right);
    await t.ctx.db.update(person).set({ status: 'inactive' }).where(eq(person.id, s.anaU.person.id));
    await settle();
    expect(await assessmentsOf(s.anaU.person.id)).toEqual([]);
    const pending = await t.ctx.db.select().from(domainEvent).where(and(eq(domainEvent.orgId, s.org.id), isNull(domainEvent.dispatchedAt)));
    expect(pending).toEqual([]);
  });
});

describe('checkpoint approvals become skill assessments', () => {
  /**
   * A program: a checkpoint first (no course before it), then "Negotiation Basics" and a
   * coaching course, then a checkpoint the manager approves.
   */
  async function programSetup() {
    const s = await setup();
    const coachingCourse = await teachingCourse(s.org.id, 'Coaching Conversations', [
      [s.coaching.id, 3],
      [s.neg.id, 2],
    ]);
    const adminU = await createUser(t, s.org.id, { roles: ['learning_admin'] });
    const admin = await signInAs(t, adminU);
    const programId = (await admin.post('programs', { title: 'Lead a deal' })).body.id as string;
    const steps = (
      await admin.put(`programs/${programId}/steps`, {
        steps: [
          { kind: 'checkpoint', title: 'Introduce yourself', evidenceKinds: ['text'], approver: 'manager' },
          { kind: 'course', courseId: s.basics.id },
          { kind: 'course', courseId: coachingCourse.id },
          { kind: 'checkpoint', title: 'Run a negotiation', evidenceKinds: ['text'], approver: 'manager' },
        ],
      })
    ).body.steps;
    expect((await admin.post(`programs/${programId}/publish`)).status).toBe(200);
    const [p] = await enrollPeople(t, s.org.id, { programId }, [s.anaU.person.id]);
    return { ...s, programId, programEnrollmentId: p!.id, intro: steps[0]!.id as string, run: steps[3]!.id as string };
  }

  async function submitAndApprove(s: Awaited<ReturnType<typeof programSetup>>, stepId: string) {
    const sub = await s.ana.post(`enrollments/${s.programEnrollmentId}/checkpoints/${stepId}/submissions`, { text: 'Done, notes attached.' });
    expect(sub.status).toBe(201);
    const ok = await s.max.post(`checkpoint-submissions/${sub.body.id}/approve`, {});
    expect(ok.status).toBe(200);
    return sub.body.id as string;
  }

  it('records a checkpoint assessment by the approver for the skills the courses before it teach', async () => {
    const s = await programSetup();
    t.clock.set(new Date('2026-06-03T10:00:00Z'));
    const introId = await submitAndApprove(s, s.intro);
    await settle();
    // Nothing maps to the first checkpoint: no course comes before it.
    expect(await assessmentsOf(s.anaU.person.id)).toEqual([]);
    expect((await t.ctx.db.select().from(domainEvent).where(eq(domainEvent.type, 'checkpoint.approved'))).map((e) => e.payload)).toContainEqual(
      expect.objectContaining({ submissionId: introId, stepId: s.intro, programId: s.programId, approverId: s.maxU.person.id }),
    );

    const runId = await submitAndApprove(s, s.run);
    await settle();
    const rows = await assessmentsOf(s.anaU.person.id);
    const bySkill = Object.fromEntries(rows.map((r) => [r.skillId, r]));
    expect(rows).toHaveLength(2);
    // Negotiation: the highest level the earlier courses teach (3, over 2); Coaching 3.
    expect(bySkill[s.neg.id]).toMatchObject({ level: 3, source: 'checkpoint', assessorId: s.maxU.person.id, sourceRecordType: 'checkpoint_submission', sourceRecordId: runId });
    expect(bySkill[s.coaching.id]).toMatchObject({ level: 3, source: 'checkpoint', assessorId: s.maxU.person.id, sourceRecordId: runId });
    expect(bySkill[s.neg.id]!.assessedAt.toISOString()).toBe('2026-06-03T10:00:00.000Z');

    // The manager sees it with the approver's name; the current level and recommendations follow.
    const list = await s.max.get(`skill-assessments?personId=${s.anaU.person.id}&skillId=${s.neg.id}`);
    expect(list.body.data[0]).toMatchObject({ source: 'checkpoint', assessorName: 'Max Manager', note: 'Checkpoint "Run a negotiation" approved' });
    const skills = await s.ana.get(`people/${s.anaU.person.id}/skills`);
    expect(skills.body.skills.find((r) => r.skill.id === s.neg.id)).toMatchObject({ currentLevel: 3, basis: { source: 'checkpoint' } });
    const recs = await s.ana.get('me/recommendations');
    expect(recs.body.data.find((r) => r.item.title === 'Advanced Negotiation')?.explanation).toBe(
      'Negotiation is expected at 4 for Account Manager; your current level is 3, from a checkpoint on 3 June.',
    );
  });
});
