import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { feedback, notification, skillAssessment } from '../../src/server/db/schema/index.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { sendFeedbackReminders } from '../../src/server/modules/performance/feedback/index.ts';
import { feedbackTeam, setAnonymousFeedback } from '../support/feedback.ts';
import { createSkill } from '../support/talent.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});

const DAY = 86_400_000;

describe('performance settings', () => {
  it('everyone reads the defaults; HR admins change them; others get 404', async () => {
    const { as } = await feedbackTeam(t);
    expect((await as.emp.get('performance-settings')).body).toEqual({ anonymousFeedback: true, checkInReminderWeekday: 5, oneOnOneReminderHours: 24 });
    expect((await as.manager.patch('performance-settings', { anonymousFeedback: false })).status).toBe(404);
    const patched = await as.hr.patch('performance-settings', { anonymousFeedback: false, checkInReminderWeekday: 1 });
    expect(patched.body).toMatchObject({ anonymousFeedback: false, checkInReminderWeekday: 1 });
    expect((await as.emp.get('performance-settings')).body.anonymousFeedback).toBe(false);
    expect((await as.hr.patch('performance-settings', { checkInReminderWeekday: 8 })).status).toBe(400);
  });
});

describe('feedback requests', () => {
  it('peers answer a request on me; the feedback is mine only unless its giver shares it with my managers; ratings become peer assessments', async () => {
    const { org, as, people } = await feedbackTeam(t);
    const skill = await createSkill(t, org.id, { name: 'Facilitation' });
    const req = await as.emp.post('feedback-requests', {
      giverIds: [people.peer.person.id, people.peer2.person.id],
      questions: [{ text: 'What should I keep doing?' }],
      skillIds: [skill.id],
    });
    expect(req.status).toBe(201);
    expect(req.body).toMatchObject({ subject: { id: people.emp.person.id }, status: 'open', progress: { invited: 2, answered: 0, pending: 2 } });
    const q = req.body.questions[0]!.id;

    const inv = await as.peer.get('feedback-invitations');
    expect(inv.body.data).toHaveLength(1);
    const invitation = inv.body.data[0]!;
    expect(invitation.request).toMatchObject({ requester: { name: 'Eli Employee' }, anonymousAllowed: false, forManager: false });
    expect((await as.peer2.post(`feedback-invitations/${invitation.id}/answer`, { body: 'x' })).status).toBe(404);

    const answered = await as.peer.post(`feedback-invitations/${invitation.id}/answer`, {
      answers: [{ questionId: q, text: 'Running retros' }],
      skillRatings: [{ skillId: skill.id, level: 4 }],
    });
    expect(answered.status).toBe(201);
    const id = answered.body.id;
    expect((await as.peer.post(`feedback-invitations/${invitation.id}/answer`, { body: 'again' })).status).toBe(409);

    const mine = await as.emp.get('feedback');
    expect(mine.body.data).toHaveLength(1);
    expect(mine.body.data[0]).toMatchObject({
      giver: { name: 'Pat Peer' },
      answers: [{ question: 'What should I keep doing?', text: 'Running retros' }],
      skillRatings: [{ name: 'Facilitation', level: 4 }],
    });
    expect((await as.peer.get('feedback?view=given')).body.data.map((f: { id: string }) => f.id)).toEqual([id]);
    // Not shared: the chain, peers, HR and admins get 404.
    for (const c of [as.manager, as.boss, as.peer2, as.outsider, as.hr, as.admin]) expect((await c.get(`feedback/${id}`)).status).toBe(404);
    expect((await as.manager.get('feedback?view=team')).body.data).toEqual([]);

    const progress = await as.emp.get(`feedback-requests/${req.body.id}`);
    expect(progress.body.progress).toEqual({ invited: 2, answered: 1, declined: 0, pending: 1 });
    expect(progress.body.invitations.map((i: { status: string | null }) => i.status)).toEqual(['answered', 'pending']);
    for (const c of [as.peer, as.manager, as.hr]) expect((await c.get(`feedback-requests/${req.body.id}`)).status).toBe(404);

    const assessments = await t.ctx.db.select().from(skillAssessment).where(and(eq(skillAssessment.orgId, org.id), eq(skillAssessment.personId, people.emp.person.id)));
    expect(assessments).toHaveLength(1);
    expect(assessments[0]).toMatchObject({ source: 'peer', level: 4, assessorId: null, sourceRecordType: 'feedback', sourceRecordId: id });

    const notes = await t.ctx.db.select().from(notification).where(and(eq(notification.orgId, org.id), eq(notification.personId, people.emp.person.id)));
    expect(notes.map((n) => n.title)).toEqual(['Pat Peer gave feedback on you']);
    expect((await as.emp.post('feedback-requests', { giverIds: [people.emp.person.id], message: 'me' })).status).toBe(400);
  });

  it('feedback shared with managers reaches the receiver’s chain, not other managers', async () => {
    const { as, people } = await feedbackTeam(t);
    const given = await as.peer.post('feedback', { subjectId: people.emp.person.id, body: 'Clear writing', shareWithManagers: true });
    expect(given.status).toBe(201);
    for (const c of [as.emp, as.manager, as.boss, as.peer]) expect((await c.get(`feedback/${given.body.id}`)).status).toBe(200);
    for (const c of [as.peer2, as.outsider, as.hr]) expect((await c.get(`feedback/${given.body.id}`)).status).toBe(404);
    expect((await as.manager.get('feedback?view=team')).body.data.map((f: { id: string }) => f.id)).toEqual([given.body.id]);
    expect((await as.outsider.get('feedback?view=team')).body.data).toEqual([]);
  });

  it('a manager asks about a report: the feedback goes to the manager; the report sees it only when the giver allows', async () => {
    const { as, people } = await feedbackTeam(t);
    expect((await as.peer.post('feedback-requests', { subjectId: people.emp.person.id, giverIds: [people.peer2.person.id], message: 'How is Eli doing?' })).status).toBe(404);
    expect((await as.outsider.post('feedback-requests', { subjectId: people.emp.person.id, giverIds: [people.peer2.person.id], message: 'How?' })).status).toBe(404);
    const req = await as.manager.post('feedback-requests', {
      subjectId: people.emp.person.id,
      giverIds: [people.peer.person.id, people.peer2.person.id],
      message: 'How is Eli doing?',
    });
    expect(req.status).toBe(201);
    const a = (await as.peer.get('feedback-invitations')).body.data[0]!;
    const b = (await as.peer2.get('feedback-invitations')).body.data[0]!;
    expect(a.request.forManager).toBe(true);
    const kept = await as.peer.post(`feedback-invitations/${a.id}/answer`, { body: 'Needs support on planning' });
    const shared = await as.peer2.post(`feedback-invitations/${b.id}/answer`, { body: 'Great with customers', shareWithSubject: true });
    expect((await as.manager.get('feedback')).body.data).toHaveLength(2);
    expect((await as.emp.get(`feedback/${kept.body.id}`)).status).toBe(404);
    expect((await as.emp.get(`feedback/${shared.body.id}`)).status).toBe(200);
    expect((await as.emp.get('feedback')).body.data.map((f: { body: string | null }) => f.body)).toEqual(['Great with customers']);
    // Not shared with managers: the manager's own manager does not see it.
    expect((await as.boss.get(`feedback/${kept.body.id}`)).status).toBe(404);
  });

  it('givers decline; expired and closed requests take no answers; pending givers are reminded once per interval', async () => {
    const { org, as, people } = await feedbackTeam(t);
    const req = await as.emp.post('feedback-requests', {
      giverIds: [people.peer.person.id, people.peer2.person.id, people.outsider.person.id],
      message: 'Anything on my last launch?',
      expiresAt: new Date(t.clock.now().getTime() + 10 * DAY).toISOString(),
    });
    const inv = (await as.peer2.get('feedback-invitations')).body.data[0]!;
    expect((await as.peer2.post(`feedback-invitations/${inv.id}/decline`)).body.status).toBe('declined');
    expect((await as.peer2.post(`feedback-invitations/${inv.id}/decline`)).status).toBe(409);
    expect((await as.peer2.get('feedback-invitations')).body.data).toEqual([]);

    const reminders = async (personId: string) =>
      (await t.ctx.db.select().from(notification).where(and(eq(notification.orgId, org.id), eq(notification.personId, personId), eq(notification.kind, 'performance.feedback_reminder')))).length;
    t.clock.advance(2 * DAY);
    await sendFeedbackReminders(t.ctx);
    expect(await reminders(people.peer.person.id)).toBe(0);
    t.clock.advance(1 * DAY + 1000);
    await sendFeedbackReminders(t.ctx);
    await sendFeedbackReminders(t.ctx);
    expect(await reminders(people.peer.person.id)).toBe(1);
    expect(await reminders(people.outsider.person.id)).toBe(1);
    expect(await reminders(people.peer2.person.id)).toBe(0);
    t.clock.advance(3 * DAY + 1000);
    await sendFeedbackReminders(t.ctx);
    expect(await reminders(people.peer.person.id)).toBe(2);

    t.clock.advance(5 * DAY);
    const late = (await as.peer.get('feedback-invitations?status=all')).body.data[0]!;
    expect(late.request.status).toBe('expired');
    expect((await as.peer.post(`feedback-invitations/${late.id}/answer`, { body: 'Late' })).status).toBe(409);
    await sendFeedbackReminders(t.ctx);
    expect(await reminders(people.peer.person.id)).toBe(2);
    expect((await as.emp.get(`feedback-requests/${req.body.id}`)).body.status).toBe('expired');
  });
});
