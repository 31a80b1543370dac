import type { AppContext } from '../../../context.ts';
import { notifyMany, subscribe } from '../../platform/index.ts';
import { enrollGroupNewcomers } from './assignments.service.ts';
import { ENROLLED_EVENT } from './enrollments.core.ts';
import * as repo from './enrollments.repo.ts';
import { reasonLabels } from './enrollments.view.ts';
import { formatDay, learningLink, sendReminders } from '../reminders/index.ts';

const CHUNK = 500;

/** Tells each learner what they were enrolled in, why, and by when (in-app and email). */
async function notifyEnrolled(ctx: AppContext, orgId: string, ids: string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += CHUNK) {
    await ctx.db.transaction(async (tx) => {
      const items = await repo.learningItemsByIds(tx, orgId, ids.slice(i, i + CHUNK), ctx.clock.now());
      await notifyMany(
        ctx,
        tx,
        items.map((e) => {
          const title = e.title ?? 'New learning';
          const lines = [
            `You have been enrolled in "${title}"${e.assignedByName ? ` by ${e.assignedByName}` : ''}.`,
            `Why: ${reasonLabels[e.reasonType]}${e.reasonNote ? ` (${e.reasonNote})` : ''}.`,
            e.dueAt ? `Due: ${formatDay(e.dueAt)}.` : 'No due date.',
          ];
          return { orgId, personId: e.personId, kind: 'learning.enrolled', title: `New learning: ${title}`, body: lines.join('\n'), link: learningLink(e), email: true };
        }),
      );
    });
  }
}

/** Registers the enrolment subscribers: tell learners about new enrolments; enrol smart-group newcomers. */
export function registerEnrollmentJobs(_ctx: AppContext): void {
  subscribe(ENROLLED_EVENT, 'learning.notify-enrolled', async (ctx, event) => {
    const p = event.payload as { enrollmentIds?: string[]; notifyLearners?: boolean };
    if (p.notifyLearners === false || !p.enrollmentIds?.length) return;
    await notifyEnrolled(ctx, event.orgId!, p.enrollmentIds);
  });
  subscribe('group.members_changed', 'learning.enroll-group-newcomers', async (ctx, event) => {
    const p = event.payload as { groupId?: string; added?: string[] };
    if (!p.groupId || !p.added?.length) return;
    await enrollGroupNewcomers(ctx, event.orgId!, p.groupId, p.added);
  });
}

/** Reminders before the due date, on overdue, and escalation to the manager; each sent once. */
export async function sendLearningReminders(ctx: AppContext): Promise<void> {
  await sendReminders(ctx);
}
