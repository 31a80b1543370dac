import type { AppContext } from '../../../context.ts';
import { GROUP_MEMBERS_CHANGED } from '../../org/index.ts';
import { defineSubscriber, notifyMany } from '../../platform/index.ts';
import { enrollGroupNewcomers } from './assignments.service.ts';
import { ENROLLED_EVENT } from './enrollment.events.ts';
import * as repo from './enrollments.repo.ts';
import { reasonLabels } from './enrollments.view.ts';
import { formatDay, learningLink } from '../reminders/index.ts';

const CHUNK = 500;

/**
 * Tells each learner what they were enrolled in, why, and by when (in-app and email). Each
 * chunk claims its enrolments' notices in the transaction that sends them, so a run that is
 * repeated or resumed after a failure tells nobody twice.
 */
async function notifyEnrolled(ctx: AppContext, orgId: string, ids: string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += CHUNK) {
    await ctx.db.transaction(async (tx) => {
      const now = ctx.clock.now();
      const unsent = await repo.claimEnrolledNotices(tx, orgId, ids.slice(i, i + CHUNK), now);
      const items = await repo.learningItemsByIds(tx, orgId, unsent, now);
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

/** New enrolments' learners are told (unless they enrolled themselves); idempotent through the notice claim above. */
export const NOTIFY_ENROLLED = defineSubscriber({
  event: ENROLLED_EVENT,
  name: 'learning.notify-enrolled',
  async handler(ctx, { orgId, payload }) {
    if (!payload.notifyLearners) return;
    await notifyEnrolled(ctx, orgId, payload.enrollmentIds);
  },
});

/**
 * Group newcomers get the learning of the group's assignments that enrol newcomers. Idempotent:
 * `enroll` skips people who already hold an open enrolment in the same learning.
 */
export const ENROLL_GROUP_NEWCOMERS = defineSubscriber({
  event: GROUP_MEMBERS_CHANGED,
  name: 'learning.enroll-group-newcomers',
  async handler(ctx, { orgId, payload }) {
    await enrollGroupNewcomers(ctx, orgId, payload.groupId, payload.added);
  },
});

export const enrollmentSubscribers = [NOTIFY_ENROLLED, ENROLL_GROUP_NEWCOMERS];
