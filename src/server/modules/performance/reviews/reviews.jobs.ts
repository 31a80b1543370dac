import { defineSubscriber, notify } from '../../platform/index.ts';
import { REVIEW_ASSIGNED } from './reviews.events.ts';
import * as repo from './reviews.repo.ts';

/**
 * Tells a reviewer they have a review to write, outside the launch's transaction so a cycle of
 * 10,000 people commits in seconds and the notifications follow. At least once: a redelivered
 * event can notify twice, which costs a duplicate line in the bell and nothing else; a review
 * removed or reassigned meanwhile notifies nobody.
 */
export const NOTIFY_REVIEWER = defineSubscriber({
  event: REVIEW_ASSIGNED,
  name: 'performance.notify-reviewer',
  batchSize: 50,
  handler: async (ctx, { orgId, payload }) => {
    const r = await repo.findReview(ctx.db, orgId, payload.reviewId);
    if (!r || r.reviewerId !== payload.reviewerId || r.status === 'submitted') return;
    const subject = await repo.personBasics(ctx.db, orgId, r.subjectId);
    const title = r.relationship === 'self' ? 'Write your self-review' : `Write your review of ${subject ? `${subject.firstName} ${subject.lastName}` : 'a colleague'}`;
    await ctx.db.transaction((tx) => notify(ctx, tx, { orgId, personId: r.reviewerId, kind: 'review.assigned', title, link: `/reviews/${r.id}` }));
  },
});

export const reviewSubscriberList = [NOTIFY_REVIEWER];
