import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { enrollment } from '../../src/server/db/schema/index.ts';
import { completeEnrollment } from '../../src/server/modules/learning/index.ts';
import { systemRef } from '../../src/server/modules/platform/index.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { client, signInAs, type Body } from '../support/client.ts';
import { createOrg, createUser } from '../support/factories.ts';
import { createPublishedCourse, enrollPeople } from '../support/learning.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});

async function setup() {
  const org = await createOrg(t);
  const adminUser = await createUser(t, org.id, { firstName: 'Lea', lastName: 'Admin', roles: ['learning_admin'] });
  const boss = await createUser(t, org.id, { firstName: 'Mo', lastName: 'Manager' });
  const learnerUser = await createUser(t, org.id, { firstName: 'Kim', lastName: 'Learner', managerId: boss.person.id });
  const otherUser = await createUser(t, org.id, { firstName: 'Oz', lastName: 'Other' });
  const c1 = (await createPublishedCourse(t, org.id, { title: 'Giving feedback' })).course;
  const c2 = (await createPublishedCourse(t, org.id, { title: 'Running 1:1s' })).course;
  return {
    org,
    adminUser,
    boss,
    learnerUser,
    otherUser,
    c1,
    c2,
    admin: await signInAs(t, adminUser),
    learner: await signInAs(t, learnerUser),
    other: await signInAs(t, otherUser),
    manager: await signInAs(t, boss),
  };
}

type Step = Body<'/programs/:id/steps', 'put'>['steps'][number];
// Tests vary one field at a time, sometimes to something the schema refuses.
const checkpoint = (extra: Record<string, unknown> = {}) =>
  ({
    kind: 'checkpoint',
    title: 'Run a feedback conversation',
    instructions: 'Hold one and write down what you learned.',
    evidenceKinds: ['text', 'link'],
    approver: 'manager',
    ...extra,
  }) as Step;

describe('programs', () => {
  it('lets learning admins build, order and publish a program; others get 404', async () => {
    const s = await setup();
    const created = await s.admin.post('programs', { title: 'New manager path', summary: 'First 90 days', tags: ['leadership'], enforceOrder: true, dueDays: 60 });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'draft', enforceOrder: true, dueDays: 60, steps: [], stepCount: 0 });
    const id = created.body.id;

    expect((await s.learner.post('programs', { title: 'Nope' })).status).toBe(404);
    expect((await s.learner.get('programs')).status).toBe(404);
    expect((await s.learner.get(`programs/${id}`)).status).toBe(404); // a draft is invisible to learners

    // Publishing an empty program is refused.
    expect((await s.admin.post(`programs/${id}/publish`)).status).toBe(409);

    const put = await s.admin.put(`programs/${id}/steps`, {
      steps: [{ kind: 'course', courseId: s.c1.id }, checkpoint(), { kind: 'course', courseId: s.c2.id }],
    });
    expect(put.status).toBe(200);
    expect(put.body.steps.map((x: any) => [x.position, x.kind, x.title])).toEqual([
      [1, 'course', 'Giving feedback'],
      [2, 'checkpoint', 'Run a feedback conversation'],
      [3, 'course', 'Running 1:1s'],
    ]);
    const [a, b, c] = put.body.steps.map((x: any) => x.id);

    // Reorder, keeping ids.
    const reordered = await s.admin.put(`programs/${id}/steps`, {
      steps: [
        { id: c, kind: 'course', courseId: s.c2.id },
        { id: a, kind: 'course', courseId: s.c1.id },
        { id: b, ...checkpoint({ title: 'Feedback in practice' }) },
      ],
    });
    expect(reordered.status).toBe(200);
    expect(reordered.body.steps.map((x: any) => x.id)).toEqual([c, a, b]);
    expect(reordered.body.steps[2]!.title).toBe('Feedback in practice');

    const pub = await s.admin.post(`programs/${id}/publish`);
    expect(pub.status).toBe(200);
    expect(pub.body.status).toBe('published');
    const seen = await s.learner.get(`programs/${id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.myEnrollment).toBeNull();

    const list = await s.admin.get('programs?q=manager');
    expect(list.body.data.map((p: any) => [p.id, p.stepCount])).toEqual([[id, 3]]);

    const [enrolled] = await enrollPeople(t, s.org.id, { programId: id }, [s.otherUser.person.id]);
    const archived = await s.admin.post(`programs/${id}/archive`);
    expect(archived.body.status).toBe('archived');
    expect((await s.learner.get(`programs/${id}`)).status).toBe(404);
    // Someone on the program still sees it after it is archived.
    const kept = await s.other.get(`programs/${id}`);
    expect(kept.status).toBe(200);
    expect(kept.body.myEnrollment).toMatchObject({ id: enrolled!.id, status: 'not_started', progress: 0 });
  });

  it('refuses bad programs and bad steps with field details', async () => {
    const s = await setup();
    const bad = await s.admin.raw.post('programs', { title: '', dueDays: 0, extra: 1 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
    const paths = bad.body.error.details.map((d: any) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['title', 'dueDays']));

    const id = (await s.admin.post('programs', { title: 'Path' })).body.id;
    const draft = (await createPublishedCourse(t, s.org.id, { status: 'draft' })).course;
    const foreign = (await createPublishedCourse(t, (await createOrg(t)).id)).course;
    const res = await s.admin.put(`programs/${id}/steps`, {
      steps: [
        { kind: 'course', courseId: draft.id },
        { kind: 'course', courseId: foreign.id },
        { kind: 'course', courseId: s.c1.id },
        { kind: 'course', courseId: s.c1.id },
        checkpoint({ approver: 'person', approverPersonId: s.otherUser.person.id }),
        { id: '0190f0f0-0000-7000-8000-000000000000', kind: 'course', courseId: s.c2.id },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'steps.0.courseId', message: 'Only published courses can be added' }),
        expect.objectContaining({ path: 'steps.1.courseId', message: 'No such course' }),
        expect.objectContaining({ path: 'steps.3.courseId', message: 'This course is already a step' }),
        expect.objectContaining({ path: 'steps.5.id' }),
      ]),
    );
    const noApprover = await s.admin.put(`programs/${id}/steps`, { steps: [checkpoint({ approver: 'person', evidenceKinds: [] })] });
    expect(noApprover.status).toBe(400);
    expect(noApprover.body.error.details.map((d: any) => d.path).sort()).toEqual(['steps.0.approverPersonId', 'steps.0.evidenceKinds']);
  });

  it('shows the learner their steps, locks them in order and completes the program', async () => {
    const s = await setup();
    const id = (await s.admin.post('programs', { title: 'Feedback path', enforceOrder: true })).body.id;
    await s.admin.put(`programs/${id}/steps`, { steps: [{ kind: 'course', courseId: s.c1.id }, checkpoint(), { kind: 'course', courseId: s.c2.id }] });
    await s.admin.post(`programs/${id}/publish`);
    const [p] = await enrollPeople(t, s.org.id, { programId: id }, [s.learnerUser.person.id]);

    const view = await s.learner.get(`enrollments/${p!.id}/program`);
    expect(view.status).toBe(200);
    expect(view.body.program).toMatchObject({ id, enforceOrder: true });
    expect(view.body.steps.map((x: any) => x.state)).toEqual(['available', 'locked', 'locked']);
    const courseEnrollmentIds = view.body.steps.filter((x: any) => x.kind === 'course').map((x: any) => x.courseEnrollment?.id);
    expect(courseEnrollmentIds.every(Boolean)).toBe(true);

    // The manager sees it; someone else does not.
    expect((await s.manager.get(`enrollments/${p!.id}/program`)).status).toBe(200);
    expect((await s.other.get(`enrollments/${p!.id}/program`)).status).toBe(404);

    // The locked course cannot be opened through the check the player calls.
    const { requireStepUnlocked } = await import('../../src/server/modules/learning/index.ts');
    const [second] = await t.ctx.db.select().from(enrollment).where(eq(enrollment.id, courseEnrollmentIds[1]));
    await expect(requireStepUnlocked(t.ctx, t.ctx.db, second!)).rejects.toMatchObject({ code: 'forbidden' });
    // …and the player itself refuses it; the first step opens.
    expect((await s.learner.get(`enrollments/${second!.id}/player`)).status).toBe(403);
    expect((await s.learner.get(`enrollments/${courseEnrollmentIds[0]}/player`)).status).toBe(200);

    // Completing the first course unlocks the checkpoint.
    const [first] = await t.ctx.db.select().from(enrollment).where(eq(enrollment.id, courseEnrollmentIds[0]));
    await t.ctx.db.transaction((tx) => completeEnrollment(t.ctx, tx, systemRef(s.org.id, 'test'), first!));
    const after = await s.learner.get(`enrollments/${p!.id}/program`);
    expect(after.body.steps.map((x: any) => x.state)).toEqual(['done', 'available', 'locked']);
    expect(after.body.enrollment.progress).toBe(33);

    // Approving the checkpoint and completing the last course completes the program.
    const cp = after.body.steps[1]!.id;
    const sub = await s.learner.post(`enrollments/${p!.id}/checkpoints/${cp}/submissions`, { text: 'Held it with Sam.' });
    expect(sub.status).toBe(201);
    expect((await s.manager.post(`checkpoint-submissions/${sub.body.id}/approve`, {})).status).toBe(200);
    await requireStepUnlocked(t.ctx, t.ctx.db, second!);
    await t.ctx.db.transaction((tx) => completeEnrollment(t.ctx, tx, systemRef(s.org.id, 'test'), second!));
    const done = await s.learner.get(`enrollments/${p!.id}/program`);
    expect(done.body.enrollment.status).toBe('completed');
    expect(done.body.steps.map((x: any) => x.state)).toEqual(['done', 'done', 'done']);
  });

  it('keeps step ids with submissions, refuses to remove them, and enrols current learners in new course steps', async () => {
    const s = await setup();
    const id = (await s.admin.post('programs', { title: 'Path' })).body.id;
    const put = await s.admin.put(`programs/${id}/steps`, { steps: [checkpoint()] });
    const cp = put.body.steps[0]!.id;
    await s.admin.post(`programs/${id}/publish`);
    const [p] = await enrollPeople(t, s.org.id, { programId: id }, [s.learnerUser.person.id]);
    expect((await s.learner.post(`enrollments/${p!.id}/checkpoints/${cp}/submissions`, { text: 'Done' })).status).toBe(201);

    const removing = await s.admin.put(`programs/${id}/steps`, { steps: [{ kind: 'course', courseId: s.c1.id }] });
    expect(removing.status).toBe(409);

    const adding = await s.admin.put(`programs/${id}/steps`, { steps: [{ id: cp, ...checkpoint() }, { kind: 'course', courseId: s.c1.id }] });
    expect(adding.status).toBe(200);
    const rows = await t.ctx.db
      .select()
      .from(enrollment)
      .where(and(eq(enrollment.personId, s.learnerUser.person.id), eq(enrollment.courseId, s.c1.id)));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.parentEnrollmentId).toBe(p!.id);
  });
});

describe('API document', () => {
  it('documents the program, checkpoint and live session endpoints', async () => {
    const res = await client(t).get('openapi.json');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/programs',
        '/programs/{id}',
        '/programs/{id}/steps',
        '/programs/{id}/publish',
        '/programs/{id}/archive',
        '/enrollments/{id}/program',
        '/enrollments/{id}/checkpoints/{stepId}/submissions',
        '/checkpoint-submissions',
        '/checkpoint-submissions/{id}/approve',
        '/checkpoint-submissions/{id}/return',
        '/courses/{id}/sessions',
        '/sessions/{id}',
        '/sessions/{id}/cancel',
        '/sessions/{id}/registrations',
        '/sessions/{id}/registrations/me',
        '/sessions/{id}/attendance',
        '/sessions/{id}/ical',
      ]),
    );
  });
});
