import { z } from 'zod';
import type { AppContext } from '../../../context.ts';
import { ENROLLED_EVENT, ENROLLMENT_EXPIRED, ENROLLMENT_REMOVED } from '../../learning/index.ts';
import { defineJob, defineSubscriber } from '../../platform/index.ts';
import { GOAL_CHANGED, GOALS_ASSIGNED, ownersOfGoals } from '../../performance/index.ts';
import {
  ASPIRATION_CHANGED, HURDLE_CHANGED, HURDLE_RAISED, JOB_PROFILE_CHANGED, PERSON_PROFILE_CHANGED, SKILL_ASSESSED, SKILLS_CHANGED,
} from '../../talent/index.ts';
import * as repo from './recommendations.repo.ts';
import { BATCH, recomputeForPeople } from './recommendations.service.ts';

/**
 * Recomputes the named people, a batch per transaction. Idempotent: a recompute replaces the
 * people's rows with what the current inputs give (ids derived from person and item), so a
 * repeated or late run leaves the same rows as one run.
 */
export const RECOMPUTE_PERSON = defineJob({
  name: 'recommendations.recompute_person',
  schema: z.object({ orgId: z.uuid(), personIds: z.array(z.uuid()).min(1) }),
  async handler(ctx, { orgId, personIds }) {
    const unique = [...new Set(personIds)];
    for (let i = 0; i < unique.length; i += BATCH) {
      const ids = unique.slice(i, i + BATCH);
      await ctx.db.transaction((tx) => recomputeForPeople(tx, orgId, ids, ctx.clock.now()));
    }
  },
});

/**
 * Recomputes every active person of the organisation, a batch per transaction, set-based within
 * each batch (one statement per input). On PostgreSQL two batches run at once, on connections of
 * their own, so one batch's ranking overlaps the other's writes; PGlite has one connection, so
 * one at a time. Idempotent: a replace, as above.
 */
export const RECOMPUTE_ORG = defineJob({
  name: 'recommendations.recompute_org',
  schema: z.object({ orgId: z.uuid() }),
  async handler(ctx, { orgId }) {
    const ids = await repo.activePersonIds(ctx.db, orgId);
    const batches: string[][] = [];
    for (let i = 0; i < ids.length; i += BATCH) batches.push(ids.slice(i, i + BATCH));
    const workers = ctx.database.kind === 'pglite' ? 1 : ORG_CONCURRENCY;
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(workers, batches.length) }, async () => {
        for (let b = next++; b < batches.length; b = next++) {
          await ctx.db.transaction((tx) => recomputeForPeople(tx, orgId, batches[b]!, ctx.clock.now()));
        }
      }),
    );
  },
});

/** Batches of a whole-organisation recompute in flight at once on PostgreSQL. */
const ORG_CONCURRENCY = 2;

/**
 * The daily safety net (`scheduleInsightJobs`, 02:40 UTC): every organisation's whole recompute,
 * one RECOMPUTE_ORG job each, for anything a missed or failed event left stale. Idempotent: each
 * recompute is a replace.
 */
export const RECOMPUTE_DAILY = defineJob({
  name: 'recommendations.recompute_daily',
  schema: z.object({}),
  async handler(ctx) {
    for (const orgId of await repo.organisationIds(ctx.db)) await ctx.jobs.send(RECOMPUTE_ORG, { orgId });
  },
});

export const RECOMPUTE_DAILY_CRON = '40 2 * * *';

export async function scheduleRecommendationJobs(ctx: AppContext): Promise<void> {
  await ctx.jobs.schedule(RECOMPUTE_DAILY, RECOMPUTE_DAILY_CRON);
}

async function recomputePeople(ctx: AppContext, orgId: string, personIds: readonly string[]) {
  for (let i = 0; i < personIds.length; i += BATCH) {
    await ctx.jobs.send(RECOMPUTE_PERSON, { orgId, personIds: personIds.slice(i, i + BATCH) });
  }
}

// The subscribers only enqueue recomputes; each is idempotent because a recompute is a replace
// of the people's rows from the inputs as they are when it runs (a duplicate delivery recomputes again, to the same rows).

export const ON_SKILL_ASSESSED = defineSubscriber({
  event: SKILL_ASSESSED,
  name: 'insight.recommendations-on-skill-assessed',
  handler: (ctx, { orgId, payload }) => recomputePeople(ctx, orgId, [payload.personId]),
});

export const ON_PERSON_PROFILE_CHANGED = defineSubscriber({
  event: PERSON_PROFILE_CHANGED,
  name: 'insight.recommendations-on-person-profile-changed',
  handler: (ctx, { orgId, payload }) => recomputePeople(ctx, orgId, [payload.personId]),
});

export const ON_ASPIRATION_CHANGED = defineSubscriber({
  event: ASPIRATION_CHANGED,
  name: 'insight.recommendations-on-aspiration-changed',
  handler: (ctx, { orgId, payload }) => recomputePeople(ctx, orgId, [payload.personId]),
});

/** Everyone holding or aspiring to the profile. */
export const ON_JOB_PROFILE_CHANGED = defineSubscriber({
  event: JOB_PROFILE_CHANGED,
  name: 'insight.recommendations-on-job-profile-changed',
  handler: async (ctx, { orgId, payload }) => recomputePeople(ctx, orgId, await repo.peopleOfProfile(ctx.db, orgId, payload.profileId)),
});

/** Merged, archived or rescaled skills may move anyone's gaps: the whole organisation. */
export const ON_SKILLS_CHANGED = defineSubscriber({
  event: SKILLS_CHANGED,
  name: 'insight.recommendations-on-skills-changed',
  handler: (ctx, { orgId }) => ctx.jobs.send(RECOMPUTE_ORG, { orgId }),
});

/** An enrolment made takes that course out of the learner's recommendations. */
export const ON_ENROLLED = defineSubscriber({
  event: ENROLLED_EVENT,
  name: 'insight.recommendations-on-enrolled',
  handler: async (ctx, { orgId, payload }) => recomputePeople(ctx, orgId, await repo.peopleOfEnrollments(ctx.db, orgId, payload.enrollmentIds)),
});

/** A completion expired: the learning is no longer held, so it may be recommended again. */
export const ON_ENROLLMENT_EXPIRED = defineSubscriber({
  event: ENROLLMENT_EXPIRED,
  name: 'insight.recommendations-on-enrollment-expired',
  handler: (ctx, { orgId, payload }) => recomputePeople(ctx, orgId, [payload.personId]),
});

/** An enrolment removed (unenrolled or withdrawn): likewise. */
export const ON_ENROLLMENT_REMOVED = defineSubscriber({
  event: ENROLLMENT_REMOVED,
  name: 'insight.recommendations-on-enrollment-removed',
  handler: (ctx, { orgId, payload }) => recomputePeople(ctx, orgId, [payload.personId]),
});

/** A hurdle about a skill raised: that skill's learning moves up the person's list. */
export const ON_HURDLE_RAISED = defineSubscriber({
  event: HURDLE_RAISED,
  name: 'insight.recommendations-on-hurdle-raised',
  handler: async (ctx, { orgId, payload }) => {
    if (payload.skillId) await recomputePeople(ctx, orgId, [payload.personId]);
  },
});

/** Resolved, recategorised or deleted: a skill hurdle's weight comes or goes. */
export const ON_HURDLE_CHANGED = defineSubscriber({
  event: HURDLE_CHANGED,
  name: 'insight.recommendations-on-hurdle-changed',
  handler: (ctx, { orgId, payload }) => recomputePeople(ctx, orgId, [payload.personId]),
});

/** A person's goal created, changed (skills, status) or deleted. */
export const ON_GOAL_CHANGED = defineSubscriber({
  event: GOAL_CHANGED,
  name: 'insight.recommendations-on-goal-changed',
  handler: async (ctx, { orgId, payload }) => {
    if (payload.ownerPersonId) await recomputePeople(ctx, orgId, [payload.ownerPersonId]);
  },
});

/** Goals assigned in bulk: everyone who got one. */
export const ON_GOALS_ASSIGNED = defineSubscriber({
  event: GOALS_ASSIGNED,
  name: 'insight.recommendations-on-goals-assigned',
  handler: async (ctx, { orgId, payload }) => recomputePeople(ctx, orgId, await ownersOfGoals(ctx.db, orgId, payload.goalIds)),
});

export const recommendationJobList = [RECOMPUTE_PERSON, RECOMPUTE_ORG, RECOMPUTE_DAILY];
export const recommendationSubscriberList = [
  ON_HURDLE_RAISED,
  ON_HURDLE_CHANGED,
  ON_GOAL_CHANGED,
  ON_GOALS_ASSIGNED,
  ON_SKILL_ASSESSED,
  ON_PERSON_PROFILE_CHANGED,
  ON_ASPIRATION_CHANGED,
  ON_JOB_PROFILE_CHANGED,
  ON_SKILLS_CHANGED,
  ON_ENROLLED,
  ON_ENROLLMENT_EXPIRED,
  ON_ENROLLMENT_REMOVED,
];
