import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditEvent, domainEvent, feedback, feedbackInvitation, mailMessage, notification, skillAssessment } from '../../src/server/db/schema/index.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { releaseAnonymousFeedback, sendFeedbackReminders } from '../../src/server/modules/performance/feedback/index.ts';
import { feedbackTeam, setAnonymousFeedback } from '../support/feedback.ts';
import { createSkill } from '../support/talent.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});

const DAY = 86_400_000;
const utcDay = (d: Date) => d.toISOString().slice(0, 10);

/** Fails when any trace of the giver (id, names, email, user id) is anywhere in the value. */
function expectNoTrace(value: unknown, giver: { person: { id: string; firstName: string; lastName: string; email: string }; account: { id: string } }) {
  const text = JSON.stringify(value);
  const what = (value as { what?: string }).what ?? '';
  for (const trace of [giver.person.id, giver.account.id, giver.person.email, `${giver.person.firstName} ${giver.person.lastName}`, giver.person.firstName]) {
    expect(text, what).not.toContain(trace);
  }
}

describe('anonymous feedback', () => {
  it('reaches its receiver the next day without any trace of its giver on any read path', async () => {
    t.clock.set(new Date('2027-03-10T09:00:00Z'));
    const { org, as, people } = await feedbackTeam(t);
    const skill = await createSkill(t, org.id, { name: 'Storytelling' });
    const req = await as.emp.post('feedback-requests', {
      giverIds: [people.peer.person.id, people.peer2.person.id, people.outsider.person.id],
      questions: [{ text: 'How were my demos?' }],
      skillIds: [skill.id],
      allowAnonymous: true,
    });
    expect(req.status).toBe(201);
    // The requester sees whom they asked, never who answered.
    expect(req.body.invitations.every((i: { status: string | null }) => i.status === null)).toBe(true);

    t.clock.set(new Date('2027-03-10T14:03:27Z'));
    const inv = (await as.peer.get('feedback-invitations')).body.data[0]!;
    expect(inv.request.anonymousAllowed).toBe(true);
    const answered = await as.peer.post(`feedback-invitations/${inv.id}/answer`, {
      answers: [{ questionId: req.body.questions[0]!.id, text: 'Too many slides' }],
      skillRatings: [{ skillId: skill.id, level: 2 }],
      anonymous: true,
      shareWithManagers: true,
    });
    expect(answered.status).toBe(201);
    expect(answered.body).toEqual({ id: null, anonymous: true, status: 'answered' });

    // The row keeps no giver, a random (version 4) id and the day only.
    const [row] = await t.ctx.db.select().from(feedback).where(eq(feedback.orgId, org.id));
    expect(row).toMatchObject({ giverId: null, anonymous: true, givenOn: '2027-03-10' });
    expect(row!.id[14]).toBe('4');

    // Same day: nothing has moved for the requester, so the moment of answering tells nothing.
    const sameDay = await as.emp.get(`feedback-requests/${req.body.id}`);
    expect(sameDay.body.progress).toEqual({ invited: 3, answered: 0, declined: 0, pending: 3 });
    expect((await as.emp.get('feedback')).body.data).toEqual([]);
    expect((await as.emp.get(`feedback/${row!.id}`)).status).toBe(404);
    // The giver cannot find it again either.
    expect((await as.peer.get('feedback?view=given')).body.data).toEqual([]);
    expect((await as.peer.get(`feedback/${row!.id}`)).status).toBe(404);

    // The next day's release: a notice without giver, sent at the release, and a peer assessment by nobody.
    t.clock.set(new Date('2027-03-11T00:10:00Z'));
    expect(await releaseAnonymousFeedback(t.ctx, '2027-03-10')).toBe(1);
    await sendFeedbackReminders(t.ctx);

    const list = await as.emp.get('feedback');
    expect(list.body.data).toHaveLength(1);
    expect(list.body.data[0]).toMatchObject({ giver: null, anonymous: true, givenOn: '2027-03-10', answers: [{ text: 'Too many slides' }] });
    const detail = await as.emp.get(`feedback/${row!.id}`);
    expect(detail.status).toBe(200);
    const request = await as.emp.get(`feedback-requests/${req.body.id}`);
    expect(request.body.progress).toMatchObject({ answered: 1, pending: 2 });
    const requests = await as.emp.get('feedback-requests');
    const notices = await as.emp.get('notifications');
    expect(notices.body.data.map((n: { title: string }) => n.title)).toContain('You received anonymous feedback');
    // Shared with managers: the manager chain reads it, still without a giver.
    const team = await as.manager.get('feedback?view=team');
    expect(team.body.data).toHaveLength(1);

    const audit = await as.admin.get('audit-events?limit=200');
    expect(audit.status).toBe(200);
    const feedbackAudit = audit.body.data.filter((e: { recordType: string }) => e.recordType === 'feedback');
    expect(feedbackAudit).toHaveLength(1);
    expect(feedbackAudit[0]).toMatchObject({ action: 'feedback.given' });
    const peerAudit = await as.admin.get(`audit-events?actorId=${people.peer.person.id}&limit=200`);
    // The giver's own audit trail holds their sign-in only: nothing about the request or the answer.
    expect(peerAudit.body.data.map((e: { action: string }) => e.action)).toEqual(['session.created']);
    const assessmentAudit = audit.body.data.filter((e: { recordType: string }) => e.recordType === 'skill_assessment');
    // Reminders go to those who answered as well as to the pending, so even the outbox shows nothing.
    t.clock.set(new Date('2027-03-13T10:00:00Z'));
    await sendFeedbackReminders(t.ctx);
    const remindedTo = async (personId: string) =>
      (await t.ctx.db.select().from(notification).where(and(eq(notification.personId, personId), eq(notification.kind, 'performance.feedback_reminder')))).length;
    expect([await remindedTo(people.peer.person.id), await remindedTo(people.peer2.person.id)]).toEqual([1, 1]);
    const outbox = await as.admin.get('mail-outbox?limit=200');
    const mails = outbox.body.data.filter((m: { to: string }) => m.to !== people.peer.person.email);
    expect(outbox.body.data.filter((m: { to: string }) => m.to === people.peer.person.email).map((m: { subject: string }) => m.subject).sort()).toEqual(
      outbox.body.data.filter((m: { to: string }) => m.to === people.peer2.person.email).map((m: { subject: string }) => m.subject).sort(),
    );
    const emailsToEmp = (await t.ctx.db.select().from(mailMessage).where(and(eq(mailMessage.orgId, org.id), eq(mailMessage.to, people.emp.person.email))));

    // The request lists whom the requester asked (their own choice), each without a status.
    for (const r of [request.body, ...requests.body.data]) {
      expect(r.invitations.map((i: { status: string | null }) => i.status)).toEqual([null, null, null]);
    }
    const withoutInvitees = (r: Record<string, unknown>) => ({ ...r, invitations: undefined });
    const reads = { list: list.body, detail: detail.body, request: withoutInvitees(request.body), requests: requests.body.data.map(withoutInvitees), notices: notices.body, team: team.body, feedbackAudit, assessmentAudit, mails, emailsToEmp };
    for (const [what, read] of Object.entries(reads)) {
      expect(what && JSON.stringify(read).length).toBeGreaterThan(2);
      expectNoTrace({ what, read }, people.peer);
    }
    // The audit row and the outbox event carry the anonymous actor, no person and no request id.
    const [auditRow] = await t.ctx.db.select().from(auditEvent).where(and(eq(auditEvent.orgId, org.id), eq(auditEvent.recordType, 'feedback')));
    expect(auditRow).toMatchObject({ actorPersonId: null, actorLabel: 'anonymous', requestId: null });
    // Its time is the day only (it was given at 14:03:27) and its id random, so it sorts nowhere near the giver's other actions.
    expect(auditRow!.at.toISOString()).toBe('2027-03-10T00:00:00.000Z');
    expect(auditRow!.id[14]).toBe('4');
    expectNoTrace(auditRow, people.peer);
    const events = await t.ctx.db.select().from(domainEvent).where(and(eq(domainEvent.orgId, org.id), eq(domainEvent.type, 'performance.feedback_given')));
    expect(events).toHaveLength(1);
    expect(events[0]!.occurredAt.toISOString()).toBe('2027-03-10T00:00:00.000Z');
    expect(events[0]!.id[14]).toBe('4');
    expectNoTrace(events, people.peer);
    // The rating is a peer assessment dated to the day, by nobody, after the release.
    const assessments = await t.ctx.db.select().from(skillAssessment).where(and(eq(skillAssessment.orgId, org.id), eq(skillAssessment.personId, people.emp.person.id)));
    expect(assessments).toHaveLength(1);
    expect(assessments[0]).toMatchObject({ source: 'peer', assessorId: null, level: 2 });
    expect(assessments[0]!.assessedAt.toISOString()).toBe('2027-03-10T00:00:00.000Z');
    // A second release of the same day records nothing twice.
    await releaseAnonymousFeedback(t.ctx, '2027-03-10');
    expect(await t.ctx.db.select().from(skillAssessment).where(and(eq(skillAssessment.orgId, org.id), eq(skillAssessment.personId, people.emp.person.id)))).toHaveLength(1);

    // Nobody else reads it: not peers, not HR, not the admin.
    for (const c of [as.peer, as.peer2, as.outsider, as.hr, as.admin]) expect((await c.get(`feedback/${row!.id}`)).status).toBe(404);
    // The giver's own invitation says answered; nobody else can read it.
    expect((await as.peer.get('feedback-invitations?status=all')).body.data[0]!.status).toBe('answered');
    expect((await as.emp.get(`feedback-invitations/${inv.id}`)).status).toBe(404);
    const [invRow] = await t.ctx.db.select().from(feedbackInvitation).where(eq(feedbackInvitation.id, inv.id));
    expect(invRow!.status).toBe('answered');
    void utcDay;
    void DAY;
  });

  it('only where the organisation and the request allow it', async () => {
    const { org, as, people } = await feedbackTeam(t);
    const named = await as.emp.post('feedback-requests', { giverIds: [people.peer.person.id], message: 'Thoughts?' });
    const inv = (await as.peer.get('feedback-invitations')).body.data[0]!;
    expect(inv.request.anonymousAllowed).toBe(false);
    expect((await as.peer.post(`feedback-invitations/${inv.id}/answer`, { body: 'Hi', anonymous: true })).status).toBe(400);
    void named;

    const open = await as.emp.post('feedback-requests', { giverIds: [people.peer2.person.id], message: 'Thoughts?', allowAnonymous: true });
    expect(open.status).toBe(201);
    await setAnonymousFeedback(t, org.id, false);
    expect((await as.emp.post('feedback-requests', { giverIds: [people.peer.person.id], message: 'Again', allowAnonymous: true })).status).toBe(400);
    const inv2 = (await as.peer2.get('feedback-invitations')).body.data[0]!;
    expect(inv2.request.anonymousAllowed).toBe(false);
    expect((await as.peer2.post(`feedback-invitations/${inv2.id}/answer`, { body: 'Hi', anonymous: true })).status).toBe(400);
    // Unsolicited feedback is always named.
    expect((await as.peer.post('feedback', { subjectId: people.emp.person.id, body: 'x', anonymous: true } as never)).status).toBe(400);
  });
});
