import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { mailMessage, notification, person, userAccount } from '../../src/server/db/schema/index.ts';
import { isEvidenceApprover } from '../../src/server/modules/learning/index.ts';
import { storeFile } from '../../src/server/modules/platform/index.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { signInAs } from '../support/client.ts';
import { createOrg, createUser } from '../support/factories.ts';
import { enrollPeople } from '../support/learning.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});

/** A program with one checkpoint (text, link, file) approved by the manager and one by a named coach. */
async function setup() {
  const org = await createOrg(t);
  const adminUser = await createUser(t, org.id, { roles: ['learning_admin'] });
  const boss = await createUser(t, org.id, { firstName: 'Mo', lastName: 'Manager' });
  const coach = await createUser(t, org.id, { firstName: 'Cy', lastName: 'Coach' });
  const learnerUser = await createUser(t, org.id, { firstName: 'Kim', lastName: 'Learner', managerId: boss.person.id });
  const otherUser = await createUser(t, org.id, { firstName: 'Oz', lastName: 'Other' });
  const admin = await signInAs(t, adminUser);
  const id = (await admin.post('programs', { title: 'Feedback path' })).body.id;
  const steps = (
    await admin.put(`programs/${id}/steps`, {
      steps: [
        { kind: 'checkpoint', title: 'Hold a feedback talk', instructions: 'Write what happened.', evidenceKinds: ['text', 'link'], approver: 'manager' },
        { kind: 'checkpoint', title: 'Share a recording', evidenceKinds: ['file'], approver: 'person', approverPersonId: coach.person.id },
      ],
    })
  ).body.steps;
  await admin.post(`programs/${id}/publish`);
  const [p] = await enrollPeople(t, org.id, { programId: id }, [learnerUser.person.id]);
  return {
    org,
    programId: id,
    enrollmentId: p!.id,
    talk: steps[0]!.id as string,
    recording: steps[1]!.id as string,
    users: { adminUser, boss, coach, learnerUser, otherUser },
    admin,
    learner: await signInAs(t, learnerUser),
    manager: await signInAs(t, boss),
    coach: await signInAs(t, coach),
    other: await signInAs(t, otherUser),
  };
}

describe('checkpoints', () => {
  it('checks the evidence against the step and lets only the learner submit', async () => {
    const s = await setup();
    const url = `enrollments/${s.enrollmentId}/checkpoints/${s.talk}/submissions`;
    const none = await s.learner.post(url, {});
    expect(none.status).toBe(400);
    expect(none.body.error.code).toBe('validation_failed');
    const http = await s.learner.post(url, { url: 'http://example.com/notes' });
    expect(http.status).toBe(400);
    expect(http.body.error.details[0].path).toBe('url');
    const wrongKind = await s.learner.post(url, { fileId: '0190f0f0-0000-7000-8000-000000000000' });
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.body.error.details[0]).toMatchObject({ path: 'fileId', message: 'This checkpoint does not take file evidence' });

    expect((await s.other.post(url, { text: 'Mine' })).status).toBe(404);
    expect((await s.manager.post(url, { text: 'For them' })).status).toBe(404);

    const ok = await s.learner.post(url, { text: 'We talked about the release.', url: 'https://docs.example.com/notes' });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ status: 'submitted', evidenceText: 'We talked about the release.', evidenceUrl: 'https://docs.example.com/notes' });
    const again = await s.learner.post(url, { text: 'Once more' });
    expect(again.status).toBe(409);

    // Files: only the learner's own uploads made as evidence.
    const fileUrl = `enrollments/${s.enrollmentId}/checkpoints/${s.recording}/submissions`;
    const bytes = new TextEncoder().encode('recording');
    const othersFile = await t.ctx.db.transaction((tx) =>
      storeFile(t.ctx, tx, { orgId: s.org.id, name: 'x.mp4', contentType: 'video/mp4', bytes, createdBy: s.users.otherUser.person.id, purpose: 'evidence' }),
    );
    expect((await s.learner.post(fileUrl, { fileId: othersFile.id })).status).toBe(400);
    const mine = await t.ctx.db.transaction((tx) =>
      storeFile(t.ctx, tx, { orgId: s.org.id, name: 'talk.mp4', contentType: 'video/mp4', bytes, createdBy: s.users.learnerUser.person.id, purpose: 'evidence' }),
    );
    const withFile = await s.learner.post(fileUrl, { fileId: mine.id });
    expect(withFile.status).toBe(201);
    expect(withFile.body.evidenceFile).toMatchObject({ id: mine.id, name: 'talk.mp4' });

    // The coach may read that file as its approver; the manager approves the other step only.
    const actor = (u: typeof s.users.coach) => ({ orgId: s.org.id, personId: u.person.id, userId: u.account.id, roles: [], via: 'session' as const, scopes: [], label: '' });
    expect(await isEvidenceApprover(t.ctx.db, actor(s.users.coach), mine.id)).toBe(true);
    expect(await isEvidenceApprover(t.ctx.db, actor(s.users.boss), mine.id)).toBe(false);
  });

  it('queues evidence for the right approver, sends back with a comment, and approves a resubmission', async () => {
    const s = await setup();
    const url = `enrollments/${s.enrollmentId}/checkpoints/${s.talk}/submissions`;
    const first = (await s.learner.post(url, { text: 'Draft notes' })).body;

    const managerQueue = await s.manager.get('checkpoint-submissions');
    expect(managerQueue.status).toBe(200);
    expect(managerQueue.body.data.map((x: any) => x.id)).toEqual([first.id]);
    expect(managerQueue.body.data[0]).toMatchObject({
      learner: { id: s.users.learnerUser.person.id, name: 'Kim Learner' },
      program: { id: s.programId, title: 'Feedback path' },
      step: { id: s.talk, title: 'Hold a feedback talk' },
    });
    expect((await s.coach.get('checkpoint-submissions')).body.data).toEqual([]);
    expect((await s.other.get('checkpoint-submissions')).body.data).toEqual([]);
    expect((await s.admin.get('checkpoint-submissions')).body.data).toHaveLength(1);
    // The approver was told, in the app and by email.
    const told = await t.ctx.db.select().from(notification).where(and(eq(notification.orgId, s.org.id), eq(notification.personId, s.users.boss.person.id)));
    expect(told.map((n) => n.kind)).toEqual(['checkpoint.submitted']);

    // Nobody else decides, nor the learner themself.
    expect((await s.other.post(`checkpoint-submissions/${first.id}/approve`, {})).status).toBe(404);
    expect((await s.coach.post(`checkpoint-submissions/${first.id}/approve`, {})).status).toBe(404);
    expect((await s.learner.post(`checkpoint-submissions/${first.id}/approve`, {})).status).toBe(404);

    const noComment = await s.manager.post(`checkpoint-submissions/${first.id}/return`, { comment: '  ' });
    expect(noComment.status).toBe(400);
    expect(noComment.body.error.details[0].path).toBe('comment');
    const returned = await s.manager.post(`checkpoint-submissions/${first.id}/return`, { comment: 'Add what you will change next time.' });
    expect(returned.status).toBe(200);
    expect(returned.body).toMatchObject({ status: 'returned', reviewComment: 'Add what you will change next time.', reviewer: { name: 'Mo Manager' } });
    expect((await s.manager.post(`checkpoint-submissions/${first.id}/approve`, {})).status).toBe(409);
    const mails = await t.ctx.db.select().from(mailMessage).where(and(eq(mailMessage.orgId, s.org.id), eq(mailMessage.to, s.users.learnerUser.email)));
    // On PostgreSQL test files share one database, and another file's event dispatch may have
    // sent this learner's enrolment notice meanwhile: only the checkpoint's mails are counted.
    expect(mails.map((m) => m.subject).filter((subject) => !subject.startsWith('New learning:'))).toEqual(['"Hold a feedback talk" was sent back']);

    const view = await s.learner.get(`enrollments/${s.enrollmentId}/program`);
    expect(view.body.steps[0]).toMatchObject({ state: 'available', submission: { status: 'returned', reviewComment: 'Add what you will change next time.' } });

    const second = await s.learner.post(url, { text: 'Notes with next steps' });
    expect(second.status).toBe(201);
    const approved = await s.manager.post(`checkpoint-submissions/${second.body.id}/approve`);
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('approved');
    const after = await s.learner.get(`enrollments/${s.enrollmentId}/program`);
    expect(after.body.steps[0]!.state).toBe('done');
    expect(after.body.enrollment).toMatchObject({ status: 'in_progress', progress: 50 });
    expect((await s.learner.post(url, { text: 'Again' })).status).toBe(409);

    const history = await s.manager.get('checkpoint-submissions?status=all');
    expect(history.body.data.map((x: any) => x.status)).toEqual(['returned', 'approved']);
  });

  it('keeps a checkpoint locked behind unfinished steps when the order is enforced', async () => {
    const s = await setup();
    await s.admin.patch(`programs/${s.programId}`, { enforceOrder: true });
    const second = await s.learner.post(`enrollments/${s.enrollmentId}/checkpoints/${s.recording}/submissions`, { fileId: '0190f0f0-0000-7000-8000-000000000000' });
    expect(second.status).toBe(403);
    expect(second.body.error.code).toBe('forbidden');
    const view = await s.learner.get(`enrollments/${s.enrollmentId}/program`);
    expect(view.body.steps.map((x: any) => x.state)).toEqual(['available', 'locked']);
    // A step of someone else's program is not found.
    const other = await s.learner.post(`enrollments/${s.enrollmentId}/checkpoints/0190f0f0-0000-7000-8000-000000000000/submissions`, { text: 'x' });
    expect(other.status).toBe(404);
  });

  it('refuses to save a checkpoint whose named approver is already enrolled in the program (422)', async () => {
    const s = await setup();
    const before = (await s.admin.get(`programs/${s.programId}`)).body.steps;
    const res = await s.admin.put(`programs/${s.programId}/steps`, {
      steps: [
        { id: s.talk, kind: 'checkpoint', title: 'Hold a feedback talk', evidenceKinds: ['text'], approver: 'person', approverPersonId: s.users.learnerUser.person.id },
        { id: s.recording, kind: 'checkpoint', title: 'Share a recording', evidenceKinds: ['file'], approver: 'person', approverPersonId: s.users.coach.person.id },
      ],
    });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'unprocessable', message: 'A learner cannot approve their own evidence' });
    expect(res.body.error.details).toEqual([expect.objectContaining({ path: 'steps.0.approverPersonId' })]);
    expect((await s.admin.get(`programs/${s.programId}`)).body.steps).toEqual(before);
  });

  it('sends evidence to the learner’s manager when its named approver enrols later, and never lets them approve it', async () => {
    const s = await setup();
    const { coach, boss } = s.users;
    await t.ctx.db.update(person).set({ managerId: boss.person.id }).where(eq(person.id, coach.person.id));
    const [ce] = await enrollPeople(t, s.org.id, { programId: s.programId }, [coach.person.id]);
    const file = await t.ctx.db.transaction((tx) =>
      storeFile(t.ctx, tx, { orgId: s.org.id, name: 'mine.mp4', contentType: 'video/mp4', bytes: new TextEncoder().encode('x'), createdBy: coach.person.id, purpose: 'evidence' }),
    );
    const sub = await s.coach.post(`enrollments/${ce!.id}/checkpoints/${s.recording}/submissions`, { fileId: file.id });
    expect(sub.status).toBe(201);

    expect((await s.coach.get('checkpoint-submissions')).body.data).toEqual([]);
    expect((await s.manager.get('checkpoint-submissions')).body.data.map((x: any) => x.id)).toEqual([sub.body.id]);
    const told = await t.ctx.db.select().from(notification).where(and(eq(notification.orgId, s.org.id), eq(notification.kind, 'checkpoint.submitted')));
    expect(told.map((n) => n.personId)).toEqual([boss.person.id]);
    const actor = (u: typeof coach) => ({ orgId: s.org.id, personId: u.person.id, userId: u.account.id, roles: [], via: 'session' as const, scopes: [], label: '' });
    expect(await isEvidenceApprover(t.ctx.db, actor(boss), file.id)).toBe(true);
    expect(await isEvidenceApprover(t.ctx.db, actor(coach), file.id)).toBe(false);

    expect((await s.coach.post(`checkpoint-submissions/${sub.body.id}/approve`, {})).status).toBe(404);
    expect((await s.manager.post(`checkpoint-submissions/${sub.body.id}/approve`, {})).status).toBe(200);
  });

  it('leaves such evidence to the learning admins when the learner has no manager, and not even an admin approves their own', async () => {
    const s = await setup();
    const { coach } = s.users;
    // The coach is a learning admin too, and enrols after being named approver.
    await t.ctx.db.update(userAccount).set({ roles: ['learning_admin'] }).where(eq(userAccount.id, coach.account.id));
    const coachAdmin = await signInAs(t, coach);
    const [ce] = await enrollPeople(t, s.org.id, { programId: s.programId }, [coach.person.id]);
    const sub = await coachAdmin.post(`enrollments/${ce!.id}/checkpoints/${s.talk}/submissions`, { text: 'Held it.' });
    expect(sub.status).toBe(201);
    const file = await t.ctx.db.transaction((tx) =>
      storeFile(t.ctx, tx, { orgId: s.org.id, name: 'mine.mp4', contentType: 'video/mp4', bytes: new TextEncoder().encode('x'), createdBy: coach.person.id, purpose: 'evidence' }),
    );
    const own = await coachAdmin.post(`enrollments/${ce!.id}/checkpoints/${s.recording}/submissions`, { fileId: file.id });
    expect(own.status).toBe(201);

    expect((await coachAdmin.get('checkpoint-submissions')).body.data).toEqual([]);
    expect((await s.admin.get('checkpoint-submissions')).body.data.map((x: any) => x.id).sort()).toEqual([sub.body.id, own.body.id].sort());
    expect(await t.ctx.db.select().from(notification).where(and(eq(notification.orgId, s.org.id), eq(notification.kind, 'checkpoint.submitted')))).toEqual([]);
    for (const id of [sub.body.id, own.body.id]) expect((await coachAdmin.post(`checkpoint-submissions/${id}/approve`, {})).status).toBe(404);
    expect((await s.admin.post(`checkpoint-submissions/${own.body.id}/approve`, {})).status).toBe(200);
  });
});
