import type { AppContext } from '../../../context.ts';
import { notifyMany } from '../../platform/index.ts';
import * as repo from './reminders.repo.ts';

const DAY = 86_400_000;
const BATCH = 500;

const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
/** "5 Dec 2026" (UTC: the learner's time zone is not known to the sweep). */
export const formatDay = (d: Date | string) => day.format(new Date(d));

/** Where a learner goes for an enrolment: the player for a course, the program page for a program. */
export const learningLink = (e: { id: string; programId: string | null; courseId: string | null }) =>
  e.courseId ? `/learning/enrollments/${e.id}` : `/learning/catalog/programs/${e.programId}`;

function message(kind: repo.ReminderKind, r: repo.ClaimedReminder) {
  const title = r.title ?? 'Your learning';
  const due = formatDay(r.dueAt);
  switch (kind) {
    case 'due_soon':
      return { personId: r.personId, title: `"${title}" is due on ${due}`, body: `Your learning "${title}" is due on ${due}.`, link: learningLink({ id: r.enrollmentId, ...r }) };
    case 'overdue':
      return { personId: r.personId, title: `"${title}" is overdue`, body: `Your learning "${title}" was due on ${due}.`, link: learningLink({ id: r.enrollmentId, ...r }) };
    case 'escalation':
      return {
        personId: r.managerId!,
        title: `${r.personName} is overdue on "${title}"`,
        body: `${r.personName}'s learning "${title}" was due on ${due} and is still not finished.`,
        link: '/team/learning',
      };
  }
}

/**
 * Reminders before the due date (3 days), on overdue, and escalation to the direct manager
 * (7 days after the due date); each recorded in learning_reminder, so a re-run never sends
 * twice. In-app and email.
 */
export async function sendReminders(ctx: AppContext, orgIds?: readonly string[]): Promise<number> {
  const now = ctx.clock.now();
  const soon = new Date(now.getTime() + 3 * DAY);
  let sent = 0;
  for (const orgId of orgIds ?? (await repo.organisationIds(ctx.db))) {
    for (const kind of ['overdue', 'due_soon', 'escalation'] as const) {
      for (;;) {
        const n = await ctx.db.transaction(async (tx) => {
          const claimed = await repo.claimReminders(tx, orgId, kind, now, soon, BATCH);
          await notifyMany(ctx, tx, claimed.map((r) => ({ orgId, kind: `learning.${kind}`, email: true, ...message(kind, r) })));
          return claimed.length;
        });
        sent += n;
        if (n < BATCH) break;
      }
    }
  }
  return sent;
}
