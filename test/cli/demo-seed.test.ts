import { and, eq, inArray, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  auditEvent,
  certificate,
  domainEvent,
  checkpointSubmission,
  complianceRule,
  course,
  courseVersion,
  customField,
  department,
  enrollment,
  externalLearning,
  group,
  groupMember,
  learningAssignment,
  liveSession,
  person,
  program,
  programStep,
  quizAttempt,
  sessionRegistration,
  skill,
  type Quiz,
} from '../../src/server/db/schema/index.ts';
import { CourseContentSchema } from '../../src/server/modules/learning/authoring/content.schemas.ts';
import * as complianceRepo from '../../src/server/modules/learning/compliance/compliance.repo.ts';
import { enrollDue } from '../../src/server/modules/learning/compliance/compliance.service.ts';
import { gradeAttempt, type Answers } from '../../src/server/modules/learning/index.ts';
import { dispatchEvents, systemRef } from '../../src/server/modules/platform/index.ts';
import { buildDemoLearning } from '../../src/server/seed/demo/learning/index.ts';
import { buildDemoOrg } from '../../src/server/seed/demo/people.ts';
import { DEMO_PASSWORD, seedDemo, type SeedResult } from '../../src/server/seed/demo.ts';
import { createTestApp, dbKind, type TestApp } from '../support/app.ts';
import { client, signInAs } from '../support/client.ts';

// The test database is shared by the files of a run, so the demo goes in under a slug and an
// email domain of its own (account emails are unique across organisations).
let t: TestApp;
let seeded: SeedResult;
let slug: string;
let domain: string;
beforeAll(async () => {
  t = await createTestApp();
  const suffix = uuidv7().slice(-10);
  slug = `acme-${suffix}`;
  domain = `acme-${suffix}.example`;
  const started = Date.now();
  seeded = await seedDemo(t.ctx, { slug, emailDomain: domain });
  seedMs = Date.now() - started;
}, 60_000);
let seedMs = 0;

const email = (role: string) => `${role}@${domain}`;

describe('demo organisation', () => {
  it('has about 250 people in 6 departments with sub-departments and 4 management levels', async () => {
    const people = await t.ctx.db.select().from(person).where(eq(person.orgId, seeded.orgId));
    expect(people.length).toBeGreaterThanOrEqual(230);
    expect(people.length).toBeLessThanOrEqual(270);
    const depts = await t.ctx.db.select().from(department).where(eq(department.orgId, seeded.orgId));
    const top = depts.filter((d) => !d.parentId).map((d) => d.name).sort();
    expect(top).toEqual(['Customer Success', 'Engineering', 'Finance & Operations', 'Marketing', 'People & Culture', 'Sales']);
    expect(depts.length).toBeGreaterThan(6);

    const byId = new Map(people.map((p) => [p.id, p]));
    const depth = (id: string): number => {
      const p = byId.get(id)!;
      return p.managerId ? 1 + depth(p.managerId) : 1;
    };
    const levels = new Set(people.map((p) => depth(p.id)));
    expect([...levels].sort()).toEqual([1, 2, 3, 4]);
    expect(people.filter((p) => !p.managerId)).toHaveLength(1);
    const median = (xs: string[]) => xs.sort()[Math.floor(xs.length / 2)]!;
    const managerHires = people.filter((p) => depth(p.id) === 3).map((p) => p.hireDate!);
    const icHires = people.filter((p) => depth(p.id) === 4).map((p) => p.hireDate!);
    expect(median(managerHires) < median(icHires)).toBe(true);

    // Realistic records: unique employee numbers in order, time zones matching offices, past hire dates.
    const numbers = people.map((p) => p.employeeNumber!).sort();
    expect(numbers[0]).toBe('E0001');
    expect(new Set(numbers).size).toBe(people.length);
    const ceo = people.find((p) => !p.managerId)!;
    expect(ceo.employeeNumber).toBe('E0001');
    for (const p of people) {
      if (p.location === 'Berlin') expect(p.timeZone).toBe('Europe/Berlin');
      if (p.location === 'New York') expect(p.timeZone).toBe('America/New_York');
      expect(p.hireDate! <= t.clock.now().toISOString().slice(0, 10)).toBe(true);
      expect(p.jobTitle).toBeTruthy();
      expect(p.locale).toBeTruthy();
      expect(['Full-time', 'Part-time', 'Contractor']).toContain(p.customFields.employment_type);
    }
    expect(new Set(people.map((p) => p.location))).toEqual(new Set(['London', 'Berlin', 'New York', 'Toronto', 'Remote']));
    const fields = await t.ctx.db.select().from(customField).where(eq(customField.orgId, seeded.orgId));
    expect(fields.map((f) => f.label).sort()).toEqual(['Cost center', 'Employment type']);
    // Who is a contractor (the "Contractors" smart group) and cost centers are HR's business.
    expect(fields.map((f) => f.visibility)).toEqual(['hr', 'hr']);
  });

  it('lets the five demo accounts sign in with their roles', async () => {
    const expected: Record<string, { roles: string[]; isManager: boolean }> = {
      admin: { roles: ['admin'], isManager: true },
      hr: { roles: ['hr_admin'], isManager: true },
      learning: { roles: ['learning_admin'], isManager: true },
      manager: { roles: [], isManager: true },
      employee: { roles: [], isManager: false },
    };
    for (const [role, want] of Object.entries(expected)) {
      const me = await (await signInAs(t, { email: email(role) }, DEMO_PASSWORD)).get('auth/me');
      expect(me.status, role).toBe(200);
      expect(me.body).toMatchObject({ orgName: 'Acme Corporation', email: email(role), ...want });
    }
    const wrong = await client(t).post('auth/sign-in', { email: email('admin'), password: 'not-the-password' });
    expect(wrong.status).toBe(401);
  });

  it('gives the manager at least 6 direct reports, the employee among them', async () => {
    const manager = await signInAs(t, { email: email('manager') }, DEMO_PASSWORD);
    const me = (await manager.get('auth/me')).body;
    const reports = await manager.get(`people?managerId=${me.personId}&limit=100`);
    expect(reports.status).toBe(200);
    expect(reports.body.data.length).toBeGreaterThanOrEqual(6);
    expect(reports.body.data.map((p: { email: string }) => p.email)).toContain(email('employee'));
  });

  it('creates a static mentors group and smart groups with their members', async () => {
    const groups = await t.ctx.db.select().from(group).where(eq(group.orgId, seeded.orgId));
    const names = groups.map((g) => g.name);
    expect(names).toEqual(expect.arrayContaining(['Mentors', 'New joiners (last 12 months)', 'Engineering managers']));
    const members = async (name: string) => {
      const g = groups.find((x) => x.name === name)!;
      return t.ctx.db
        .select({ title: person.jobTitle, hireDate: person.hireDate })
        .from(groupMember)
        .innerJoin(person, eq(person.id, groupMember.personId))
        .where(and(eq(groupMember.orgId, seeded.orgId), eq(groupMember.groupId, g.id)));
    };
    expect((await members('Mentors')).length).toBeGreaterThan(5);
    const engManagers = await members('Engineering managers');
    expect(engManagers.length).toBeGreaterThanOrEqual(6);
    for (const m of engManagers) expect(m.title).toMatch(/Manager/);
    const joiners = await members('New joiners (last 12 months)');
    expect(joiners.length).toBeGreaterThan(0);
    const yearAgo = new Date(t.clock.now().getTime() - 365 * 86_400_000).toISOString().slice(0, 10);
    for (const j of joiners) expect(j.hireDate! > yearAgo).toBe(true);
  });

  it('audits the seeding once and refuses to seed the same slug twice', async () => {
    const events = await t.ctx.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.orgId, seeded.orgId), eq(auditEvent.action, 'org.seeded')));
    expect(events).toHaveLength(1);
    await expect(seedDemo(t.ctx, { slug, emailDomain: `other-${domain}` })).rejects.toThrow(/already exists/);
    const [row] = await t.ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(person)
      .where(eq(person.orgId, seeded.orgId));
    expect(row!.n).toBe(seeded.people);
  });

  it('is the same organisation on every run', () => {
    const today = new Date('2026-06-01T00:00:00Z');
    const a = buildDemoOrg(today, 'acme.example');
    const b = buildDemoOrg(today, 'acme.example');
    const shape = (o: typeof a) => o.people.map((p) => [p.employeeNumber, p.firstName, p.lastName, p.jobTitle, p.location, p.hireDate]);
    expect(shape(a)).toEqual(shape(b));
  });
});

describe('demo learning', () => {
  const q = {
    courses: () => t.ctx.db.select().from(course).where(eq(course.orgId, seeded.orgId)),
    versions: () => t.ctx.db.select().from(courseVersion).where(eq(courseVersion.orgId, seeded.orgId)),
    enrollments: () => t.ctx.db.select().from(enrollment).where(eq(enrollment.orgId, seeded.orgId)),
  };
  const quizzesOf = (content: { sections: Array<{ lessons: Array<{ id: string; blocks: Array<{ id: string; type: string }> }> }> }) =>
    content.sections.flatMap((s) => s.lessons.flatMap((l) => l.blocks.filter((b) => b.type === 'quiz').map((b) => ({ lessonId: l.id, id: b.id, quiz: (b as unknown as { quiz: Quiz }).quiz }))));

  it('seeds within a few seconds', () => {
    // Generous: the whole organisation, people and learning, in one transaction on PGlite.
    expect(seedMs).toBeLessThan(20_000);
    expect(seeded.learning).toMatchObject({ skills: 18, courses: 18, programs: 3, liveSessions: 6 });
    expect(seeded.learning.enrollments).toBeGreaterThan(500);
  });

  it('has a skills framework and a catalog of courses with real lessons and quizzes', async () => {
    const skills = await t.ctx.db.select().from(skill).where(eq(skill.orgId, seeded.orgId));
    expect(skills.length).toBeGreaterThanOrEqual(15);
    for (const s of skills) {
      expect(s.category, s.name).toBeTruthy();
      expect(s.levels, s.name).toHaveLength(5);
    }
    const courses = await q.courses();
    const published = courses.filter((c) => c.status === 'published');
    expect(published.length).toBeGreaterThanOrEqual(14);
    expect(courses.filter((c) => c.status === 'draft')).toHaveLength(1);
    expect(published.filter((c) => c.format === 'live').map((c) => c.title)).toEqual(
      expect.arrayContaining(['Negotiation workshop', 'Presenting with confidence — live practice']),
    );
    const external = published.filter((c) => c.format === 'external');
    expect(external).toHaveLength(1);
    expect(external[0]!.externalUrl).toMatch(/^https:\/\//);

    const versions = await q.versions();
    for (const c of published) {
      const v = versions.find((x) => x.id === c.publishedVersionId);
      expect(v?.status, c.title).toBe('published');
      expect(c.summary && c.estimatedMinutes && c.tags.length, c.title).toBeTruthy();
    }
    // Every version's content passes the authoring validator, and every quiz has a right answer.
    for (const v of versions) {
      const parsed = CourseContentSchema.safeParse(v.content);
      expect(parsed.success, JSON.stringify(parsed.error?.issues.slice(0, 2))).toBe(true);
      for (const { quiz } of quizzesOf(v.content)) {
        expect(quiz.questions.length).toBeGreaterThanOrEqual(4);
        expect(quiz.questions.length).toBeLessThanOrEqual(8);
        for (const question of quiz.questions) {
          const answerable = question.kind === 'short_answer' ? question.acceptedAnswers.length > 0 : question.options.some((o) => o.correct);
          expect(answerable, question.prompt).toBe(true);
        }
      }
    }
    // Self-paced courses: several lessons of prose with headings or lists, and a quiz mixing kinds.
    for (const c of published.filter((x) => x.format === 'self_paced')) {
      const content = versions.find((x) => x.id === c.publishedVersionId)!.content;
      const texts = content.sections.flatMap((s) => s.lessons.flatMap((l) => l.blocks.filter((b) => b.type === 'text')));
      expect(texts.length, c.title).toBeGreaterThanOrEqual(2);
      const words = JSON.stringify(texts).match(/"text":"[^"]+"/g)!.join(' ').split(/\s+/).length;
      expect(words, c.title).toBeGreaterThan(250);
      expect(JSON.stringify(texts), c.title).toMatch(/"type":"(heading|bulletList|orderedList)"/);
      const kinds = new Set(quizzesOf(content).flatMap((x) => x.quiz.questions.map((qq) => qq.kind)));
      expect(kinds.size, c.title).toBeGreaterThanOrEqual(3);
    }
  });

  it('keeps learners who started before version 2 on version 1', async () => {
    const versions = await q.versions();
    const renewed = versions.filter((v) => v.number === 2 && v.status === 'published');
    expect(renewed).toHaveLength(1);
    const v1 = versions.find((v) => v.courseId === renewed[0]!.courseId && v.number === 1)!;
    expect(v1.status).toBe('retired');
    const onV1 = await t.ctx.db
      .select()
      .from(enrollment)
      .where(and(eq(enrollment.orgId, seeded.orgId), eq(enrollment.versionId, v1.id), eq(enrollment.status, 'in_progress')));
    expect(onV1.length).toBeGreaterThan(0);
  });

  it('has three programs with checkpoints and a newcomer assignment for the new joiners group', async () => {
    const programs = await t.ctx.db.select().from(program).where(eq(program.orgId, seeded.orgId));
    expect(programs.map((p) => p.title).sort()).toEqual(['Data driven decisions', 'New manager essentials', 'Your first 30 days at Acme']);
    expect(programs.find((p) => p.title === 'New manager essentials')!.enforceOrder).toBe(true);
    const steps = await t.ctx.db.select().from(programStep).where(eq(programStep.orgId, seeded.orgId));
    expect(steps.filter((s) => s.kind === 'checkpoint').map((s) => s.title).sort()).toEqual(['Meet your buddy', 'Run your first 1:1s']);
    const [assignment] = await t.ctx.db.select().from(learningAssignment).where(eq(learningAssignment.orgId, seeded.orgId));
    expect(assignment).toMatchObject({ targetType: 'group', enrollNewcomers: true, reasonType: 'onboarding' });
    const [g] = await t.ctx.db.select().from(group).where(eq(group.id, assignment!.targetId!));
    expect(g!.name).toMatch(/New joiners/);
    // The seed's own membership events were acted on already (the onboarding enrolments), so the
    // newcomer subscriber will not enrol people who finished onboarding a second time.
    const pending = await t.ctx.db
      .select()
      .from(domainEvent)
      .where(and(eq(domainEvent.orgId, seeded.orgId), eq(domainEvent.type, 'group.members_changed'), sql`dispatched_at is null`));
    expect(pending).toHaveLength(0);
  });

  it('keeps every enrolment consistent: progress, certificates, graded attempts and versions', async () => {
    const all = await q.enrollments();
    const now = t.clock.now();
    const certs = await t.ctx.db.select().from(certificate).where(eq(certificate.orgId, seeded.orgId));
    const certOf = new Map(certs.map((c) => [c.enrollmentId, c]));
    expect(new Set(certs.map((c) => c.verificationCode)).size).toBe(certs.length);
    const statuses = new Set(all.map((e) => e.status));
    expect([...statuses].sort()).toEqual(['completed', 'expired', 'failed', 'in_progress', 'not_started']);
    const reasons = new Set(all.map((e) => e.reasonType));
    for (const r of ['skill_gap', 'goal', 'onboarding', 'compliance', 'self', 'aspiration', 'one_on_one', 'review', 'hurdle']) expect(reasons, r).toContain(r);
    for (const e of all) {
      if (e.status === 'completed' || e.status === 'expired') {
        expect(e.progress).toBe(100);
        expect(e.completedAt!.getTime()).toBeLessThanOrEqual(now.getTime());
        expect(certOf.get(e.id), e.id).toBeDefined();
        if (e.courseId) expect(e.versionId).toBeTruthy();
      } else {
        expect(certOf.has(e.id)).toBe(false);
        expect(e.progress).toBeLessThan(100);
      }
      if (e.status === 'expired') expect(e.expiresAt!.getTime()).toBeLessThan(now.getTime());
      if (e.status === 'completed' && e.expiresAt) expect(e.expiresAt.getTime()).toBeGreaterThan(now.getTime());
      if (e.status === 'not_started') expect(e.startedAt).toBeNull();
      if (e.status === 'in_progress' && e.courseId) expect(e.versionId && e.startedAt && e.timeSpentSeconds > 0).toBeTruthy();
    }
    // Attempts were graded by the real grader: re-grading gives the stored score.
    const versions = new Map((await q.versions()).map((v) => [v.id, v]));
    const attempts = await t.ctx.db.select().from(quizAttempt).where(eq(quizAttempt.orgId, seeded.orgId));
    expect(attempts.length).toBeGreaterThan(100);
    for (const a of attempts) {
      const quiz = quizzesOf(versions.get(a.versionId)!.content).find((x) => x.id === a.quizId)!.quiz;
      const grade = gradeAttempt(quiz, a.questions, a.answers as Answers);
      expect(grade.score).toBe(a.score);
      expect(grade.passed).toBe(a.passed);
    }
    // A failed enrolment used every allowed attempt without a pass.
    const failed = all.filter((e) => e.status === 'failed');
    expect(failed.length).toBeGreaterThan(0);
    for (const e of failed) {
      const mine = attempts.filter((a) => a.enrollmentId === e.id);
      expect(mine.length).toBeGreaterThan(0);
      expect(mine.every((a) => !a.passed)).toBe(true);
    }
    // Completed self-paced courses with a quiz have a passed attempt.
    const selfPaced = new Set((await q.courses()).filter((c) => c.format === 'self_paced').map((c) => c.id));
    for (const e of all.filter((x) => x.status === 'completed' && x.courseId && selfPaced.has(x.courseId))) {
      expect(attempts.some((a) => a.enrollmentId === e.id && a.passed), e.id).toBe(true);
    }
  });

  it('gives the annual security rule a realistic state: most compliant, some expiring, some overdue', async () => {
    const [rule] = await t.ctx.db.select().from(complianceRule).where(eq(complianceRule.orgId, seeded.orgId));
    expect(rule).toMatchObject({ name: 'Annual security awareness', audienceType: 'everyone', validForMonths: 12, reenrollDaysBefore: 30, dueDays: 30 });
    const learning = await signInAs(t, { email: email('learning') }, DEMO_PASSWORD);
    const res = await learning.get(`compliance/dashboard?ruleId=${rule!.id}`);
    expect(res.status).toBe(200);
    const total = res.body.total;
    expect(total.people).toBe(seeded.people);
    expect(total.compliantPct).toBeGreaterThan(65);
    expect(total.compliantPct).toBeLessThan(95);
    expect(total.expiring).toBeGreaterThan(0);
    expect(total.overdue).toBeGreaterThan(0);
    // Some completions ran out and those people were enrolled again.
    const rows = await q.enrollments();
    const expired = rows.filter((e) => e.complianceRuleId === rule!.id && e.status === 'expired');
    expect(expired.length).toBeGreaterThan(0);
    const reenrolled = expired.filter((x) => rows.some((e) => e.personId === x.personId && e.complianceRuleId === rule!.id && ['not_started', 'in_progress', 'failed'].includes(e.status)));
    expect(reenrolled.length).toBeGreaterThan(0);
  });

  it('leaves the compliance sweep nothing to do: expiries are applied and renewals already made', async () => {
    const rollback = new Error('rollback');
    const outcome = await t.ctx.db
      .transaction(async (tx) => {
        const expired = await complianceRepo.expireCompletions(tx, seeded.orgId, t.clock.now());
        const [rule] = await complianceRepo.activeRules(tx, seeded.orgId);
        const enrolled = await enrollDue(t.ctx, tx, systemRef(seeded.orgId, 'test'), rule!);
        return Promise.reject(Object.assign(rollback, { found: { expired: expired.length, enrolled } }));
      })
      .catch((e: Error & { found?: unknown }) => {
        if (e !== rollback) throw e;
        return e.found;
      });
    expect(outcome).toEqual({ expired: 0, enrolled: 0 });
  });

  it('opens the player where employee@ left off, and reports quiz items for admins', async () => {
    const employee = await signInAs(t, { email: email('employee') }, DEMO_PASSWORD);
    const mine = await employee.get('me/learning');
    const current = mine.body.inProgress[0];
    const player = await employee.get(`enrollments/${current!.id}/player`);
    expect(player.status).toBe(200);
    const lessons = player.body.outline.flatMap((s: { lessons: Array<{ id: string; completed: boolean }> }) => s.lessons);
    const done = lessons.filter((l: { completed: boolean }) => l.completed).length;
    expect(done).toBeGreaterThan(0);
    expect(done).toBeLessThan(lessons.length);
    expect(player.body.enrollment.progress).toBe(Math.round((done / lessons.length) * 100));
    expect(player.body.resumeLessonId).toBe(lessons[done]!.id);

    const learning = await signInAs(t, { email: email('learning') }, DEMO_PASSWORD);
    const [sec] = (await q.courses()).filter((c) => c.title.startsWith('Security awareness'));
    const report = await learning.get(`reports/courses/${sec!.id}`);
    expect(report.status).toBe(200);
    expect(report.body.byReason.map((r: { reasonType: string }) => r.reasonType)).toContain('compliance');
    const items = report.body.quizzes.flatMap((x: { items: Array<{ discrimination: number | null }> }) => x.items);
    expect(items.some((i: { discrimination: number | null }) => i.discrimination !== null)).toBe(true);
    expect(report.body.reactions.count).toBeGreaterThan(0);
  });

  it('gives employee@ a rich My learning: assigned with reasons (one overdue), in progress, completed with certificates', async () => {
    const employee = await signInAs(t, { email: email('employee') }, DEMO_PASSWORD);
    const res = await employee.get('me/learning');
    expect(res.status).toBe(200);
    const { assigned, inProgress, completed } = res.body;
    expect(assigned.length).toBeGreaterThanOrEqual(2);
    expect(assigned.every((i: { dueAt: string | null }) => i.dueAt)).toBe(true);
    expect(new Set(assigned.map((i: { reason: { type: string } }) => i.reason.type)).size).toBeGreaterThanOrEqual(2);
    expect(assigned.filter((i: { overdue: boolean }) => i.overdue)).toHaveLength(1);
    expect(inProgress.length).toBeGreaterThanOrEqual(1);
    expect(inProgress[0]!.progress).toBeGreaterThan(0);
    const done = completed.filter((i: { status: string }) => i.status === 'completed');
    expect(done.length).toBeGreaterThanOrEqual(2);
    for (const i of done) expect(i.certificateId).toBeTruthy();

    const certs = await employee.get('certificates');
    expect(certs.status).toBe(200);
    const valid = certs.body.data.filter((c: { status: string }) => c.status === 'valid');
    expect(valid.length).toBeGreaterThanOrEqual(2);
    const verified = await client(t).get(`certificates/verify/${valid[0]!.verificationCode}`);
    expect(verified.status).toBe(200);
    expect(verified.body.status).toBe('valid');

    const me = (await employee.get('auth/me')).body;
    const ext = await t.ctx.db.select().from(externalLearning).where(and(eq(externalLearning.orgId, seeded.orgId), eq(externalLearning.personId, me.personId)));
    expect(ext.length).toBeGreaterThanOrEqual(2);
  });

  it('gives manager@ a checkpoint to approve and reports with overdue learning', async () => {
    const manager = await signInAs(t, { email: email('manager') }, DEMO_PASSWORD);
    const queue = await manager.get('checkpoint-submissions');
    expect(queue.status).toBe(200);
    expect(queue.body.data.length).toBeGreaterThanOrEqual(1);
    expect(queue.body.data[0]!.step.title).toBe('Meet your buddy');
    // Approving moves the new joiner's onboarding on: the course step was done before.
    const approved = await manager.post(`checkpoint-submissions/${queue.body.data[0]!.id}/approve`, { comment: 'Great notes.' });
    expect(approved.status).toBe(200);
    const [programEnrolment] = await t.ctx.db
      .select()
      .from(enrollment)
      .where(and(eq(enrollment.orgId, seeded.orgId), eq(enrollment.personId, queue.body.data[0]!.learner.id), sql`program_id is not null`));
    expect(programEnrolment!.progress).toBeGreaterThanOrEqual(66);

    const me = (await manager.get('auth/me')).body;
    const reports = await t.ctx.db.select({ id: person.id }).from(person).where(and(eq(person.orgId, seeded.orgId), eq(person.managerId, me.personId)));
    const open = await t.ctx.db
      .select()
      .from(enrollment)
      .where(and(eq(enrollment.orgId, seeded.orgId), inArray(enrollment.personId, reports.map((r) => r.id)), sql`status in ('not_started', 'in_progress', 'failed')`));
    const overdue = open.filter((e) => e.dueAt && e.dueAt < t.clock.now());
    expect(new Set(overdue.map((e) => e.personId)).size).toBeGreaterThanOrEqual(2);
  });

  it('runs live sessions: a past one with attendance, and a full upcoming one with a waitlist', async () => {
    const sessions = await t.ctx.db.select().from(liveSession).where(eq(liveSession.orgId, seeded.orgId));
    const regs = await t.ctx.db.select().from(sessionRegistration).where(eq(sessionRegistration.orgId, seeded.orgId));
    const now = t.clock.now();
    const upcoming = sessions.filter((s) => s.startsAt > now);
    const past = sessions.filter((s) => s.endsAt < now);
    expect(upcoming.length).toBeGreaterThanOrEqual(2);
    expect(past.length).toBeGreaterThanOrEqual(1);
    for (const s of sessions) expect(s.location || s.meetingUrl).toBeTruthy();
    const full = upcoming.find((s) => regs.filter((r) => r.sessionId === s.id && r.status === 'registered').length === s.capacity);
    expect(full).toBeDefined();
    expect(regs.some((r) => r.sessionId === full!.id && r.status === 'waitlisted')).toBe(true);
    const attended = regs.filter((r) => past.some((s) => s.id === r.sessionId));
    expect(attended.every((r) => r.attendance)).toBe(true);
    const present = attended.filter((r) => r.attendance === 'present');
    const completions = await t.ctx.db.select().from(enrollment).where(inArray(enrollment.id, present.map((r) => r.enrollmentId!)));
    expect(completions.every((e) => e.status === 'completed')).toBe(true);
    // Through the API: the full session has no seats left, so the next person joins the waitlist.
    const employee = await signInAs(t, { email: email('employee') }, DEMO_PASSWORD);
    const listed = await employee.get(`courses/${full!.courseId}/sessions`);
    expect(listed.status).toBe(200);
    const shown = listed.body.data.find((x: { id: string }) => x.id === full!.id);
    expect(shown!.seatsLeft).toBe(0);
    const joined = await employee.post(`sessions/${full!.id}/registrations`, {});
    expect(joined.status).toBe(201);
    expect(joined.body.status).toBe('waitlisted');
    const approvals = await t.ctx.db.select().from(checkpointSubmission).where(eq(checkpointSubmission.orgId, seeded.orgId));
    expect(approvals.some((a) => a.status === 'approved')).toBe(true);
  });

  // PGlite only: on the shared PostgreSQL database, dispatching would run other files' events too.
  it.skipIf(dbKind === 'postgres')('enrols nobody twice when the outbox is dispatched after seeding', async () => {
    const before = (await q.enrollments()).length;
    await dispatchEvents(t.ctx);
    await t.ctx.jobs.drain();
    const programs = (await q.enrollments()).filter((e) => e.programId);
    expect(new Set(programs.map((e) => `${e.personId}:${e.programId}`)).size).toBe(programs.length);
    expect((await q.enrollments()).length).toBe(before);
  });

  it('builds the same learning story on every run', () => {
    const today = new Date('2026-06-01T00:00:00Z');
    const org = buildDemoOrg(today, 'acme.example');
    const groups = [{ id: uuidv7(), name: 'New joiners (last 12 months)' }];
    const shape = () => {
      const r = buildDemoLearning({ orgId: uuidv7(), org, groups }, today);
      const title = new Map(r.courses.map((c) => [c.id, c.title]));
      return r.enrollments.map((e) => [e.personId, title.get(e.courseId!) ?? 'program', e.status, e.reasonType, e.progress, e.dueAt?.toISOString()]);
    };
    expect(shape()).toEqual(shape());
  });
});

describe('demo hurdles', () => {
  it("gives the manager's team open and resolved hurdles of several categories, and enrolments made from them", async () => {
    const manager = await signInAs(t, { email: email('manager') }, DEMO_PASSWORD);
    const team = (await manager.get('hurdles?scope=team&limit=100')).body.data as Array<{ status: string; category: string }>;
    expect(team.filter((h) => h.status !== 'resolved').length).toBeGreaterThanOrEqual(3);
    expect(team.some((h) => h.status === 'resolved')).toBe(true);
    expect(new Set(team.map((h) => h.category)).size).toBeGreaterThanOrEqual(3);
    const employee = await signInAs(t, { email: email('employee') }, DEMO_PASSWORD);
    expect((await employee.get('hurdles')).body.data.length).toBeGreaterThanOrEqual(3);
    const linked = await t.ctx.db.execute(sql`select count(*)::int as n from enrollment e join hurdle h on h.id = e.reason_record_id
      where e.reason_type = 'hurdle' and e.reason_record_type = 'hurdle' and e.baseline_signal ? 'hurdleStatus' and h.org_id = e.org_id
      and e.org_id = (select org_id from person where email = ${email('manager')})`);
    expect((linked as unknown as { rows: Array<{ n: number }> }).rows[0]!.n).toBeGreaterThanOrEqual(1);
  });

  it('shows company OKRs cascading to the employee, with a quarter of weekly check-ins', async () => {
    const employee = await signInAs(t, { email: email('employee') }, DEMO_PASSWORD);
    const mine = await employee.get('goals?scope=mine');
    expect(mine.body.data.length).toBeGreaterThanOrEqual(1);
    const history = await employee.get(`goals/${mine.body.data[0]!.id}/check-ins`);
    expect(history.body.data.length).toBe(12);
    const tree = await employee.get('goals/tree');
    expect(tree.body.data.filter((n: { ownerType: string }) => n.ownerType === 'company').length).toBe(2);
    expect(tree.body.data.some((n: { ownerType: string; depth: number }) => n.ownerType === 'person' && n.depth === 2)).toBe(true);
  });

  it('recommends learning for the skills the team’s goals and skill hurdles need, and gives engineers engineering goals', async () => {
    const org = sql`(select org_id from person where email = ${email('manager')})`;
    const kinds = await t.ctx.db.execute(sql`select distinct e ->> 'kind' as kind from recommendation r, jsonb_array_elements(r.evidence) e where r.org_id = ${org}`);
    const found = new Set((kinds as unknown as { rows: Array<{ kind: string }> }).rows.map((r) => r.kind));
    for (const k of ['profile_gap', 'goal', 'hurdle']) expect(found, k).toContain(k);
    const sales = await t.ctx.db.execute(sql`select count(*)::int as n from goal g join person p on p.id = g.owner_person_id
      join department d on d.id = p.department_id where g.org_id = ${org} and g.title = 'Grow qualified pipeline' and d.name not like 'Sales%' and d.name <> 'Business Development'`);
    expect((sales as unknown as { rows: Array<{ n: number }> }).rows[0]!.n).toBe(0);
  });

  it('closes the loop: follow-ups decided with before and after, some not improved, some asked of the manager, some pending', async () => {
    const manager = await signInAs(t, { email: email('manager') }, DEMO_PASSWORD);
    const employee = await signInAs(t, { email: email('employee') }, DEMO_PASSWORD);
    const counts = await t.ctx.db.execute(sql`select status, count(*)::int as n from follow_up
      where org_id = (select org_id from person where email = ${email('manager')}) group by status`);
    const by = Object.fromEntries((counts as unknown as { rows: Array<{ status: string; n: number }> }).rows.map((r) => [r.status, r.n]));
    for (const s of ['improved', 'not_improved', 'asked', 'pending']) expect(by[s] ?? 0, s).toBeGreaterThanOrEqual(1);
    expect(by.cancelled ?? 0).toBe(0);
    // The employee's data course closed her gap: her manager rated her since; he is asked to re-rate others.
    const me = (await employee.get('auth/me')).body as { personId: string };
    const hers = await manager.get(`follow-ups?personId=${me.personId}`);
    expect(hers.status).toBe(200);
    const data = hers.body.data.find((f) => f.item?.title === 'Data literacy');
    expect(data).toMatchObject({ status: 'improved', reasonType: 'skill_gap', skills: [{ name: 'Data literacy', before: null, after: 2 }] });
    expect((await manager.get('follow-ups?askedOf=me')).body.data.length).toBeGreaterThanOrEqual(1);
  });

  it('runs two automation rules, switched on for new events: onboarding for new hires, and a feedback blocker becoming learning and a 1:1 point', async () => {
    const hr = await signInAs(t, { email: email('hr') }, DEMO_PASSWORD);
    const rules = await hr.get('automation-rules');
    expect(rules.status).toBe(200);
    const list = rules.body.data as Array<{ name: string; status: string; event: string; actions: Array<{ type: string }> }>;
    expect(list.map((r) => [r.event, r.status]).sort()).toEqual([['check_in_blocker', 'active'], ['person_hired', 'active']]);
    expect(list.find((r) => r.event === 'check_in_blocker')!.actions.map((a) => a.type)).toEqual(['enroll', 'talkingPoint']);
    // Switched on for new events only: they have not acted on anyone yet.
    const byRule = await t.ctx.db.execute(sql`select count(*)::int as n from automation_run where org_id = (select org_id from person where email = ${email('hr')})`);
    expect((byRule as unknown as { rows: Array<{ n: number }> }).rows[0]!.n).toBe(0);
  });

  it('runs review cycles: last year calibrated, shared and mostly acknowledged, with leniency; this year being written, with something for each account', async () => {
    const [emp, manager, hr] = await Promise.all([signInAs(t, { email: email('employee') }, DEMO_PASSWORD), signInAs(t, { email: email('manager') }, DEMO_PASSWORD), signInAs(t, { email: email('hr') }, DEMO_PASSWORD)]);
    const cycles = (await hr.raw.get('review-cycles')).body.data as Array<{ id: string; name: string; phase: string; counts: { participants: number; reviews: number; submitted: number; released: number; acknowledged: number } }>;
    const [current, past] = cycles;
    expect(cycles.map((c) => c.phase)).toEqual(['writing', 'closed']);
    expect(past!.counts.released).toBe(past!.counts.participants);
    expect(past!.counts.acknowledged).toBeGreaterThan(past!.counts.participants / 2);
    expect(past!.counts.acknowledged).toBeLessThan(past!.counts.participants);
    expect(current!.counts.submitted).toBeGreaterThan(0);
    expect(current!.counts.submitted).toBeLessThan(current!.counts.reviews);

    // The employee: a self-review and a peer review to write now, last year's result to acknowledge.
    const toWrite = (await emp.raw.get(`reviews?cycleId=${current!.id}`)).body.data as Array<{ relationship: string; status: string }>;
    expect(toWrite.filter((r) => r.relationship === 'self')).toHaveLength(1);
    expect(toWrite.filter((r) => r.relationship === 'peer').length).toBeGreaterThanOrEqual(1);
    expect(toWrite.filter((r) => r.relationship === 'peer').length).toBeLessThanOrEqual(4);
    expect(toWrite.every((r) => r.status === 'not_started')).toBe(true);
    const shared = (await emp.raw.get('me/review-results')).body.data;
    expect(shared).toMatchObject([{ cycleId: past!.id, acknowledgedAt: null }]);
    const me = (await emp.raw.get('auth/me')).body;
    const mine = (await emp.raw.get(`review-cycles/${past!.id}/people/${me.personId}`)).body;
    expect(mine.view).toBe('subject');
    expect(JSON.stringify(mine)).not.toContain('Anything HR should know');
    // The manager: reviews of the team to write, some drafted.
    const managerWrites = (await manager.raw.get(`reviews?cycleId=${current!.id}`)).body.data as Array<{ relationship: string; status: string }>;
    expect(managerWrites.filter((r) => r.relationship === 'manager').length).toBeGreaterThanOrEqual(6);
    expect(managerWrites.some((r) => r.status === 'draft')).toBe(true);
    // HR: last year's calibration locked, with leniency figures; the demo manager rated high and was pulled back.
    const sessions = (await hr.raw.get(`calibration-sessions?cycleId=${past!.id}`)).body.data as Array<{ id: string; lockedAt: string | null }>;
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.lockedAt).not.toBeNull();
    const managerId = (await manager.raw.get('auth/me')).body.personId;
    const leniency = (await hr.raw.get(`rater-leniency?raterId=${managerId}`)).body;
    expect(JSON.stringify(leniency)).toContain(past!.id);
  });
});
