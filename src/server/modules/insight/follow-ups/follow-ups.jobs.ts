import { z } from 'zod';
import type { AppContext } from '../../../context.ts';
import { ENROLLMENT_COMPLETED } from '../../learning/index.ts';
import { defineJob, defineSubscriber } from '../../platform/index.ts';
import { SKILL_ASSESSED } from '../../talent/index.ts';
import * as repo from './follow-ups.repo.ts';
import { createFollowUps, decideOnAssessment, sweepOrganisation } from './follow-ups.service.ts';
import { isFollowedReason } from './loop.ts';

/**
 * One organisation's sweep: every due pending follow-up decided or asked, a batch per
 * transaction. Idempotent: a follow-up leaves `pending` when handled, and batches are locked
 * (`skip locked`), so a repeated or concurrent run finds nothing left to do twice.
 */
export const FOLLOW_UP_SWEEP_ORG = defineJob({
  name: 'follow-ups.sweep_org',
  schema: z.object({ orgId: z.uuid() }),
  async handler(ctx, { orgId }) {
    await sweepOrganisation(ctx, orgId);
  },
});

/** Daily (`scheduleFollowUpJobs`, 03:10 UTC): one sweep job per organisation, so organisations run one at a time. */
export const FOLLOW_UP_SWEEP_DAILY = defineJob({
  name: 'follow-ups.sweep_daily',
  schema: z.object({}),
  async handler(ctx) {
    for (const orgId of await repo.organisationIds(ctx.db)) await ctx.jobs.send(FOLLOW_UP_SWEEP_ORG, { orgId });
  },
});

export const FOLLOW_UP_SWEEP_CRON = '10 3 * * *';

export async function scheduleFollowUpJobs(ctx: AppContext): Promise<void> {
  await ctx.jobs.schedule(FOLLOW_UP_SWEEP_DAILY, FOLLOW_UP_SWEEP_CRON);
}

/**
 * A completed enrolment with a followed reason gets its follow-up. Idempotent: one follow-up per
 * enrolment (unique index, `on conflict do nothing`), so a second delivery writes nothing.
 */
export const ON_ENROLLMENT_COMPLETED = defineSubscriber({
  event: ENROLLMENT_COMPLETED,
  name: 'insight.follow-ups-on-enrollment-completed',
  handler: async (ctx, { orgId, payload }) => {
    if (!isFollowedReason(payload.reasonType)) return;
    await ctx.db.transaction((tx) => createFollowUps(tx, orgId, [payload.enrollmentId], ctx.clock.now()));
  },
});

/**
 * A new assessment decides the person's skill follow-ups waiting for it. Idempotent: decided
 * follow-ups no longer wait, so a second delivery finds none.
 */
export const ON_SKILL_ASSESSED = defineSubscriber({
  event: SKILL_ASSESSED,
  name: 'insight.follow-ups-on-skill-assessed',
  handler: (ctx, { orgId, payload }) => decideOnAssessment(ctx, orgId, payload.personId, payload.skillId),
});

export const followUpJobList = [FOLLOW_UP_SWEEP_ORG, FOLLOW_UP_SWEEP_DAILY];
export const followUpSubscriberList = [ON_ENROLLMENT_COMPLETED, ON_SKILL_ASSESSED];
