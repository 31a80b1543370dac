import type { AppContext } from '../../../context.ts';
import { GROUP_MEMBERS_CHANGED } from '../../org/index.ts';
import { defineSubscriber, emit, notifyMany, recordChanges, systemRef } from '../../platform/index.ts';
import { ENROLLMENT_EXPIRED } from '../enrollment/lifecycle.events.ts';
import * as repo from './compliance.repo.ts';
import { organisationIds } from '../reminders/index.ts';
import { enrollDue } from './compliance.service.ts';

/**
 * Newcomers to a group a rule targets are enrolled now, not at the next sweep. Idempotent:
 * `enrollDue` enrols only those who still need the rule's learning.
 */
export const COMPLIANCE_GROUP_NEWCOMERS = defineSubscriber({
  event: GROUP_MEMBERS_CHANGED,
  name: 'learning.compliance-group-newcomers',
  async handler(ctx, { orgId, payload }) {
    if (!payload.added.length) return;
    for (const rule of await repo.activeRules(ctx.db, orgId, payload.groupId)) {
      await ctx.db.transaction((tx) => enrollDue(ctx, tx, systemRef(orgId, 'compliance'), rule));
    }
  },
});

export const complianceSubscribers = [COMPLIANCE_GROUP_NEWCOMERS];

/**
 * Expires completions past their validity and re-enrols people whose completion expires soon
 * (and the rule's newcomers). Each organisation and rule in its own transaction; idempotent.
 */
export async function runComplianceSweep(ctx: AppContext, orgIds?: readonly string[]): Promise<void> {
  for (const orgId of orgIds ?? (await organisationIds(ctx.db))) {
    const by = systemRef(orgId, 'compliance sweep');
    await ctx.db.transaction(async (tx) => {
      const expired = await repo.expireCompletions(tx, orgId, ctx.clock.now());
      if (!expired.length) return;
      await recordChanges(
        tx,
        by,
        expired.map((e) => ({
          action: 'enrollment.expired',
          recordType: 'enrollment',
          recordId: e.id,
          before: { status: 'completed' },
          after: { status: 'expired', expiresAt: new Date(e.expiresAt).toISOString() },
          emits: emit(ENROLLMENT_EXPIRED, { personId: e.personId, courseId: e.courseId, programId: e.programId, complianceRuleId: e.complianceRuleId }),
        })),
      );
      // A program's course steps expire with it: one message, for what the person was given.
      await notifyMany(
        ctx,
        tx,
        expired
          .filter((x) => !x.parentEnrollmentId && !x.renewed)
          .map((e) => ({
            orgId,
            personId: e.personId,
            kind: 'learning.expired',
            title: `Your completion of "${e.title ?? 'a course'}" has expired`,
            body: e.complianceRuleId
              ? 'It is required for compliance: complete the renewal waiting in My learning.'
              : 'Take it again to renew it.',
            link: '/learning',
            email: true,
          })),
      );
    });
    for (const rule of await repo.activeRules(ctx.db, orgId)) {
      await ctx.db.transaction((tx) => enrollDue(ctx, tx, by, rule));
    }
  }
}
