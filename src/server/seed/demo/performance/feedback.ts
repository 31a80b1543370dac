import { uuidv7 } from 'uuidv7';
import {
  companyValue,
  feedback,
  feedbackInvitation,
  feedbackRequest,
  praise,
  praiseComment,
  praiseReaction,
  praiseRecipient,
  type FeedbackQuestion,
} from '../../../db/schema/index.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';
import type { DemoPerson } from '../people.ts';
import type { DemoPerformanceInput } from './index.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;

const values = [
  { name: 'Customers first', description: 'We start from what the customer needs.' },
  { name: 'Own it', description: 'We take responsibility from start to finish.' },
  { name: 'Learn every day', description: 'We share what we know and keep growing.' },
  { name: 'Better together', description: 'We help each other win.' },
  { name: 'Keep it simple', description: 'We remove what is not needed.' },
];

const praiseMessages = [
  'Thank you for staying late to get the release out. The customer noticed.',
  'Your walkthrough of the new onboarding flow was the clearest I have seen.',
  'Great job turning a tense escalation into a happy renewal.',
  'Thanks for pairing with me on the reporting bug: I learnt a lot.',
  'The quarterly review deck was crisp and honest. Well done.',
  'You made the new joiners feel at home in their first week.',
  'Thank you for simplifying the expense process: two steps instead of seven.',
  'Brilliant mentoring session on negotiation yesterday.',
  'Thanks for covering my on-call shift at short notice.',
  'Your research on churn drivers changed how we plan next quarter.',
  'Calm, clear and kind in a difficult meeting. Thank you.',
  'The documentation you wrote saved the support team hours this week.',
];

/**
 * Acme's praise and feedback: five company values; a month of public praise (and one private
 * thank-you) around the demo manager's team, with reactions and comments; for the demo employee a
 * request of their own with a named answer, an anonymous one (no giver, a random id, the day
 * only, as the API writes it) and one still pending, a request to answer, and feedback from their
 * manager; the demo manager's request about the employee with one answer and one pending.
 */
export async function seedDemoFeedback(tx: DbOrTx, input: DemoPerformanceInput, today: Date): Promise<void> {
  const { orgId, org } = input;
  const manager = org.people.find((p) => p.demoRole === 'manager');
  const employee = org.people.find((p) => p.demoRole === 'employee');
  if (!manager || !employee) return;
  const team = org.people.filter((p) => p.managerId === manager.id && p.id !== employee.id);
  const others = org.people.filter((p) => p.level >= 3 && p.managerId !== manager.id && p.id !== manager.id).slice(0, 6);
  const peers: DemoPerson[] = [...team.slice(0, 5), ...others];
  if (peers.length < 4) return;
  const at = (daysAgo: number, hour = 10) => new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()) - daysAgo * DAY + hour * HOUR);
  const day = (daysAgo: number) => at(daysAgo, 0).toISOString().slice(0, 10);

  const valueRows = await tx
    .insert(companyValue)
    .values(values.map((v, i) => ({ orgId, name: v.name, description: v.description, position: i, createdAt: at(60) })))
    .returning({ id: companyValue.id });
  const valueIds = valueRows.map((v) => v.id);

  // ---- praise ----
  const cast = [manager, employee, ...peers];
  const praiseRows = praiseMessages.map((message, i) => {
    const giver = cast[(i * 3) % cast.length]!;
    const recipients = [cast[(i * 3 + 1) % cast.length]!, ...(i % 4 === 0 ? [cast[(i * 3 + 2) % cast.length]!] : [])].filter((r) => r.id !== giver.id);
    return {
      id: uuidv7(),
      giver,
      recipients: recipients.length ? recipients : [employee.id === giver.id ? manager : employee],
      message,
      createdAt: at(28 - i * 2, 9 + (i % 7)),
      valueIds: [valueIds[i % valueIds.length]!, ...(i % 3 === 0 ? [valueIds[(i + 2) % valueIds.length]!] : [])],
      visibility: 'public' as 'public' | 'private',
    };
  });
  praiseRows.push({
    id: uuidv7(),
    giver: manager,
    recipients: [employee],
    message: 'Just between us: the way you handled the pricing question with the client was excellent.',
    createdAt: at(1, 16),
    valueIds: [valueIds[0]!],
    visibility: 'private' as const,
  });
  await tx.insert(praise).values(
    praiseRows.map((p) => ({ id: p.id, orgId, giverId: p.giver.id, message: p.message, visibility: p.visibility, valueIds: p.valueIds, skillIds: [], createdAt: p.createdAt, updatedAt: p.createdAt })),
  );
  await tx.insert(praiseRecipient).values(praiseRows.flatMap((p) => p.recipients.map((r) => ({ orgId, praiseId: p.id, personId: r.id }))));
  const emojis = ['👏', '🎉', '❤️', '🚀'];
  const reactions = praiseRows
    .filter((p) => p.visibility === 'public')
    .flatMap((p, i) =>
      cast
        .filter((c, j) => (i + j) % 3 === 0 && c.id !== p.giver.id)
        .slice(0, 5)
        .map((c, j) => ({ orgId, praiseId: p.id, personId: c.id, emoji: emojis[(i + j) % emojis.length]!, createdAt: new Date(p.createdAt.getTime() + (j + 1) * HOUR) })),
    );
  if (reactions.length) await tx.insert(praiseReaction).values(reactions);
  const comments = praiseRows.slice(0, 6).map((p, i) => ({
    orgId,
    praiseId: p.id,
    authorId: (i % 2 ? manager : peers[i % peers.length]!).id,
    body: ['So well deserved!', 'Agreed, great work.', 'Thank you for this.', 'Couldn’t agree more.', 'This made my day.', 'Bravo!'][i]!,
    createdAt: new Date(p.createdAt.getTime() + 2 * HOUR),
  }));
  await tx.insert(praiseComment).values(comments);

  // ---- feedback requests ----
  const q = (texts: string[]): FeedbackQuestion[] => texts.map((text) => ({ id: crypto.randomUUID(), text }));
  const [a, b, c, d] = peers;

  // The employee's own request, answers allowed to be anonymous: one named, one anonymous, one pending.
  const own = { id: uuidv7(), questions: q(['What should I keep doing?', 'What could I do better?']) };
  await tx.insert(feedbackRequest).values({
    id: own.id,
    orgId,
    requesterId: employee.id,
    subjectId: employee.id,
    message: 'I led the onboarding redesign this quarter. I would love your honest view.',
    questions: own.questions,
    allowAnonymous: true,
    expiresAt: at(-7),
    createdAt: at(7),
  });
  // The manager's request about the employee: the answers go to the manager.
  const aboutReport = { id: uuidv7(), questions: q([`How does ${employee.firstName} work with your team?`]) };
  await tx.insert(feedbackRequest).values({
    id: aboutReport.id,
    orgId,
    requesterId: manager.id,
    subjectId: employee.id,
    message: `Preparing ${employee.firstName}'s development conversation.`,
    questions: aboutReport.questions,
    allowAnonymous: false,
    expiresAt: at(-10),
    createdAt: at(4),
  });
  // A peer asks the employee: waiting on the employee's To answer tab.
  const toAnswer = { id: uuidv7() };
  await tx.insert(feedbackRequest).values({
    id: toAnswer.id,
    orgId,
    requesterId: a!.id,
    subjectId: a!.id,
    message: 'How did the customer workshop go from your side?',
    questions: q(['What worked well?', 'What should I change next time?']),
    allowAnonymous: true,
    expiresAt: at(-12),
    createdAt: at(2),
  });
  await tx.insert(feedbackInvitation).values([
    { orgId, requestId: own.id, giverId: a!.id, status: 'answered', createdAt: at(7) },
    { orgId, requestId: own.id, giverId: b!.id, status: 'answered', createdAt: at(7) },
    { orgId, requestId: own.id, giverId: c!.id, status: 'pending', remindedAt: at(4, 8), createdAt: at(7) },
    { orgId, requestId: aboutReport.id, giverId: b!.id, status: 'answered', createdAt: at(4) },
    { orgId, requestId: aboutReport.id, giverId: d!.id, status: 'pending', createdAt: at(4) },
    { orgId, requestId: toAnswer.id, giverId: employee.id, status: 'pending', createdAt: at(2) },
  ]);
  const [keep, better] = own.questions;
  await tx.insert(feedback).values([
    {
      id: crypto.randomUUID(),
      orgId,
      requestId: own.id,
      subjectId: employee.id,
      receiverId: employee.id,
      giverId: a!.id,
      anonymous: false,
      shareWithManagers: true,
      answers: [
        { questionId: keep!.id, text: 'Bringing customers into the design reviews early.' },
        { questionId: better!.id, text: 'Share drafts sooner; we only saw the plan at the end.' },
      ],
      valueIds: [valueIds[0]!],
      givenOn: day(5),
    },
    {
      // Anonymous as the API writes it: no giver, a random id, the day only.
      id: crypto.randomUUID(),
      orgId,
      requestId: own.id,
      subjectId: employee.id,
      receiverId: employee.id,
      giverId: null,
      anonymous: true,
      answers: [
        { questionId: keep!.id, text: 'You listen well and make quieter people speak up.' },
        { questionId: better!.id, text: 'Meetings run long; an agenda would help.' },
      ],
      givenOn: day(3),
    },
    {
      id: crypto.randomUUID(),
      orgId,
      requestId: aboutReport.id,
      subjectId: employee.id,
      receiverId: manager.id,
      giverId: b!.id,
      anonymous: false,
      answers: [{ questionId: aboutReport.questions[0]!.id, text: `Reliable and generous with time; ${employee.firstName} could delegate more.` }],
      givenOn: day(2),
    },
    {
      id: crypto.randomUUID(),
      orgId,
      requestId: null,
      subjectId: employee.id,
      receiverId: employee.id,
      giverId: manager.id,
      anonymous: false,
      body: 'Your write-up of the pricing experiment was exactly what leadership needed. Keep doing that.',
      valueIds: [valueIds[4]!],
      givenOn: day(9),
    },
  ]);
}
