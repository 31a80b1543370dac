import { z } from 'zod';
import type { AppContext } from '../../../context.ts';
import { defineJob, notifyMany } from '../../platform/index.ts';
import { ensureMeetingsAhead } from './one-on-ones.core.ts';
import * as repo from './one-on-ones.repo.ts';

/** performance_settings.one_on_one_reminder_hours when an organisation has no settings row. */
const DEFAULT_REMINDER_HOURS = 24;
const TOP_UP_BATCH = 500;

/**
 * One pass at the clock's now: series that nobody opened lately get their next meetings, then
 * both participants of every meeting entering its reminder window are asked to add talking
 * points, in-app and by email. Idempotent: a meeting is claimed (reminded_at set) in the same
 * statement that finds it, so a second pass, or another worker, sends nothing again.
 */
export async function runOneOnOneSweep(ctx: AppContext): Promise<{ reminded: number }> {
  const now = ctx.clock.now();
  for (let round = 0; round < 20; round++) {
    const due = await repo.seriesNeedingMeetings(ctx.db, now, 1, TOP_UP_BATCH);
    if (!due.length) break;
    await ctx.db.transaction(async (tx) => {
      for (const s of due) await ensureMeetingsAhead(tx, s, now);
    });
    if (due.length < TOP_UP_BATCH) break;
  }
  return ctx.db.transaction(async (tx) => {
    const claimed = await repo.claimDueReminders(tx, now, DEFAULT_REMINDER_HOURS);
    if (!claimed.length) return { reminded: 0 };
    const byOrg = new Map<string, Map<string, repo.PersonBrief>>();
    for (const orgId of new Set(claimed.map((c) => c.orgId))) {
      const ids = [...new Set(claimed.filter((c) => c.orgId === orgId).flatMap((c) => [c.organiserId, c.attendeeId]))];
      byOrg.set(orgId, new Map((await repo.findPeople(tx, orgId, ids)).map((p) => [p.id, p])));
    }
    const list = claimed.flatMap((c) => {
      const ppl = byOrg.get(c.orgId)!;
      return [
        [c.organiserId, c.attendeeId],
        [c.attendeeId, c.organiserId],
      ].map(([me, other]) => {
        const o = ppl.get(other!);
        const when = c.scheduledAt.toISOString().slice(0, 16).replace('T', ' ');
        return {
          orgId: c.orgId,
          personId: me!,
          kind: 'one_on_one.reminder',
          title: `Your 1:1 with ${o ? `${o.firstName} ${o.lastName}` : 'a colleague'} is coming up`,
          body: `It starts ${when} UTC. Add the talking points you want to bring.`,
          link: `/one-on-ones/${c.seriesId}`,
          email: true,
        };
      });
    });
    // notifyMany takes one organisation's notifications at a time; a sweep spans tenants.
    for (const orgId of byOrg.keys()) await notifyMany(ctx, tx, list.filter((n) => n.orgId === orgId));
    return { reminded: claimed.length };
  });
}

/** Every 15 minutes (`scheduleOneOnOneJobs`). */
export const ONE_ON_ONE_SWEEP_JOB = defineJob({
  name: 'one_on_one.sweep',
  schema: z.object({}),
  handler: async (ctx) => {
    await runOneOnOneSweep(ctx);
  },
});

export async function scheduleOneOnOneJobs(ctx: AppContext): Promise<void> {
  await ctx.jobs.schedule(ONE_ON_ONE_SWEEP_JOB, '*/15 * * * *');
}

