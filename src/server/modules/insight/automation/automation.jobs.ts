import { z } from 'zod';
import type { AppContext } from '../../../context.ts';
import { defineEvent, defineJob, defineSubscriber } from '../../platform/index.ts';
import { PEOPLE_IMPORTED } from '../../org/index.ts';
import { GOAL_CHECKED_IN, REVIEW_RELEASED } from '../../performance/index.ts';
import { PERSON_PROFILE_CHANGED, HURDLE_RAISED, SKILL_ASSESSED } from '../../talent/index.ts';
import * as repo from './automation.repo.ts';
import { firstRun, runEvent, runEventForEach } from './automation.service.ts';

// Org records a person's creation and update as plain change events (`person.created`,
// `person.updated` with the changed fields): rules read them by their stored shape, which these
// definitions check at run time.
const PERSON_CREATED = defineEvent('person.created', z.object({}));
const PERSON_UPDATED = defineEvent('person.updated', z.object({ changed: z.array(z.string()).optional() }));

/** A rule switched on with actNow acts on everyone its conditions select now. Idempotent: runs are claimed per `first-run:<person>`. */
export const FIRST_RUN = defineJob({
  name: 'automation.first_run',
  schema: z.object({ orgId: z.uuid(), ruleId: z.uuid() }),
  handler: async (ctx, { orgId, ruleId }) => {
    await firstRun(ctx, orgId, ruleId);
  },
});

/** Days before a certificate's expiry when "certificate expiring" fires. */
export const EXPIRING_WITHIN_DAYS = 30;

/**
 * The daily sweep for the events nothing emits: enrolments overdue and certificates expiring,
 * one trigger per enrolment (`overdue:<id>`) or certificate (`expiring:<id>`), so a rule acts on
 * each once however many sweeps see it.
 */
export async function runAutomationSweep(ctx: AppContext): Promise<void> {
  const now = ctx.clock.now();
  for (const orgId of await repo.orgsWithActiveRules(ctx.db, ['enrollment_overdue', 'certificate_expiring'])) {
    if ((await repo.activeRules(ctx.db, orgId, 'enrollment_overdue')).length) {
      for (const e of await repo.overdueEnrollments(ctx.db, orgId, now)) {
        await runEvent(ctx, orgId, 'enrollment_overdue', `overdue:${e.id}`, { personId: e.personId, recordType: 'enrollment', recordId: e.id, courseId: e.courseId ?? e.programId });
      }
    }
    if ((await repo.activeRules(ctx.db, orgId, 'certificate_expiring')).length) {
      const until = new Date(now.getTime() + EXPIRING_WITHIN_DAYS * 86_400_000);
      for (const c of await repo.expiringCertificates(ctx.db, orgId, now, until)) {
        await runEvent(ctx, orgId, 'certificate_expiring', `expiring:${c.id}`, {
          personId: c.personId, recordType: 'certificate', recordId: c.id, courseId: c.courseId ?? c.programId, sourceIds: [c.enrollmentId],
        });
      }
    }
  }
}

export const AUTOMATION_SWEEP = defineJob({ name: 'automation.daily_sweep', schema: z.object({}), handler: (ctx) => runAutomationSweep(ctx) });
export const AUTOMATION_SWEEP_CRON = '20 3 * * *';

export async function scheduleAutomationJobs(ctx: AppContext): Promise<void> {
  await ctx.jobs.schedule(AUTOMATION_SWEEP, AUTOMATION_SWEEP_CRON);
}

// Each subscriber runs the active rules of its event with the event's id as the trigger key:
// a second delivery of the event finds each rule's run claimed and does nothing.

export const ON_PERSON_CREATED = defineSubscriber({
  event: PERSON_CREATED,
  name: 'insight.automation-on-person-created',
  handler: async (ctx, { id, orgId, payload }) => {
    if (payload.recordId) await runEvent(ctx, orgId, 'person_hired', id, { personId: payload.recordId, recordType: 'person', recordId: payload.recordId });
  },
});

export const ON_MANAGER_CHANGED = defineSubscriber({
  event: PERSON_UPDATED,
  name: 'insight.automation-on-manager-changed',
  handler: async (ctx, { id, orgId, payload }) => {
    if (payload.recordId && payload.changed?.includes('managerId')) {
      await runEvent(ctx, orgId, 'manager_changed', id, { personId: payload.recordId, recordType: 'person', recordId: payload.recordId });
    }
  },
});

/**
 * An import is one event naming everyone it created or moved: each person is their own trigger
 * (`<event id>:<person id>`), so a second delivery acts on nobody twice, and an import into an
 * organisation without such rules costs one query per kind.
 */
export const ON_PEOPLE_IMPORTED = defineSubscriber({
  event: PEOPLE_IMPORTED,
  name: 'insight.automation-on-people-imported',
  handler: async (ctx, { id, orgId, payload }) => {
    const person = (personId: string) => ({ key: `${id}:${personId}`, facts: { personId, recordType: 'person', recordId: personId } });
    await runEventForEach(ctx, orgId, 'person_hired', payload.created.map(person));
    await runEventForEach(ctx, orgId, 'manager_changed', payload.managerChanged.map(person));
    await runEventForEach(
      ctx, orgId, 'job_profile_changed',
      payload.profileChanged.flatMap((p) => (p.jobProfileId ? [{ key: `${id}:${p.personId}`, facts: { personId: p.personId, recordType: 'job_profile', recordId: p.jobProfileId } }] : [])),
    );
  },
});

export const ON_PROFILE_CHANGED = defineSubscriber({
  event: PERSON_PROFILE_CHANGED,
  name: 'insight.automation-on-person-profile-changed',
  handler: async (ctx, { id, orgId, payload }) => {
    if (payload.jobProfileId) await runEvent(ctx, orgId, 'job_profile_changed', id, { personId: payload.personId, recordType: 'job_profile', recordId: payload.jobProfileId });
  },
});

export const ON_SKILL_ASSESSED = defineSubscriber({
  event: SKILL_ASSESSED,
  name: 'insight.automation-on-skill-assessed',
  handler: (ctx, { id, orgId, payload }) =>
    runEvent(ctx, orgId, 'skill_assessment_recorded', id, { personId: payload.personId, recordType: 'skill_assessment', recordId: payload.assessmentId, skillId: payload.skillId }),
});

/** A blocker raised from a check-in is a hurdle with source `check_in`. */
export const ON_CHECK_IN_BLOCKER = defineSubscriber({
  event: HURDLE_RAISED,
  name: 'insight.automation-on-check-in-blocker',
  handler: async (ctx, { id, orgId, payload }) => {
    if (payload.source !== 'check_in') return;
    await runEvent(ctx, orgId, 'check_in_blocker', id, {
      personId: payload.personId, recordType: 'hurdle', recordId: payload.hurdleId, skillId: payload.skillId, hurdleCategory: payload.category,
    });
  },
});

export const ON_GOAL_OFF_TRACK = defineSubscriber({
  event: GOAL_CHECKED_IN,
  name: 'insight.automation-on-goal-off-track',
  handler: async (ctx, { id, orgId, payload }) => {
    if (payload.status !== 'off_track' || !payload.ownerPersonId || payload.corrected) return;
    await runEvent(ctx, orgId, 'goal_off_track', id, { personId: payload.ownerPersonId, recordType: 'goal', recordId: payload.goalId });
  },
});

/** A subject's reviews were shared: the trigger is the manager's review (the cycle when there is none). */
export const ON_REVIEW_RELEASED = defineSubscriber({
  event: REVIEW_RELEASED,
  name: 'insight.automation-on-review-released',
  handler: (ctx, { id, orgId, payload }) =>
    runEvent(ctx, orgId, 'review_released', id, {
      personId: payload.subjectId,
      recordType: payload.reviewId ? 'review' : 'review_cycle',
      recordId: payload.reviewId ?? payload.cycleId,
    }),
});

export const automationJobList = [FIRST_RUN, AUTOMATION_SWEEP];
export const automationSubscriberList = [ON_PERSON_CREATED, ON_PEOPLE_IMPORTED, ON_MANAGER_CHANGED, ON_PROFILE_CHANGED, ON_SKILL_ASSESSED, ON_CHECK_IN_BLOCKER, ON_GOAL_OFF_TRACK, ON_REVIEW_RELEASED];
