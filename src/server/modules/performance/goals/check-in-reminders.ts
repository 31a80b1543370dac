import { z } from 'zod';
import type { AppContext } from '../../../context.ts';
import { defineJob, notifyMany, type NewNotification } from '../../platform/index.ts';
// The settings file itself, not feedback/index.ts: that index pulls in routes that import this module back.
import { DEFAULT_PERFORMANCE_SETTINGS } from '../feedback/settings.service.ts';
import * as repo from './check-in-reminders.repo.ts';

export const CHECK_IN_REMINDER_KIND = 'performance.check_in_reminder';

/**
 * The check-in interval is a week: owners are reminded on the organisation's
 * `check_in_reminder_weekday` (performance settings; Friday without a row, the column's default)
 * from this hour, UTC. One hour for everybody, because a person's time zone is free text that
 * the database may not know, and a reminder hour is not worth a sweep that can fail on one row.
 */
export const CHECK_IN_REMINDER_HOUR_UTC = 9;
export const CHECK_IN_INTERVAL_DAYS = 7;

const DAY = 86_400_000;

/** The latest reminder moment at or before `now`: ISO `weekday` (1 = Monday … 7 = Sunday) at the reminder hour, UTC. */
export function checkInWindowStart(now: Date, weekday: number): Date {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), CHECK_IN_REMINDER_HOUR_UTC);
  const isoToday = ((now.getUTCDay() + 6) % 7) + 1;
  let start = today - ((isoToday - weekday + 7) % 7) * DAY;
  if (start > now.getTime()) start -= CHECK_IN_INTERVAL_DAYS * DAY;
  return new Date(start);
}

const plural = (n: number) => (n === 1 ? '1 goal' : `${n} goals`);

/**
 * One pass at the clock's now, across organisations: each owner of open goals without a
 * check-in for an interval gets ONE reminder ("Time to check in on N goals"), in-app and by
 * email. Idempotent within an interval: the reminder notification itself is the claim (see the
 * repo), and sweeps are serialised, so a rerun or a second worker sends nothing again.
 */
export async function runCheckInReminderSweep(ctx: AppContext): Promise<{ reminded: number }> {
  const now = ctx.clock.now();
  const windowStarts = [1, 2, 3, 4, 5, 6, 7].map((w) => checkInWindowStart(now, w));
  return ctx.db.transaction(async (tx) => {
    await repo.lockSweep(tx);
    const due = await repo.dueCheckInReminders(tx, {
      now,
      windowStarts,
      defaultWeekday: DEFAULT_PERFORMANCE_SETTINGS.checkInReminderWeekday,
      intervalDays: CHECK_IN_INTERVAL_DAYS,
      kind: CHECK_IN_REMINDER_KIND,
    });
    const byOrg = new Map<string, NewNotification[]>();
    for (const d of due) {
      const list = byOrg.get(d.orgId) ?? [];
      list.push({
        orgId: d.orgId,
        personId: d.personId,
        kind: CHECK_IN_REMINDER_KIND,
        title: `Time to check in on ${plural(d.goals)}`,
        body: `${d.goals === 1 ? 'One of your goals has' : `${d.goals} of your goals have`} had no check-in this week. Update the progress, your confidence and anything in the way.`,
        link: '/goals',
        email: true,
      });
      byOrg.set(d.orgId, list);
    }
    // notifyMany takes one organisation's notifications at a time; the sweep spans tenants.
    for (const list of byOrg.values()) await notifyMany(ctx, tx, list);
    return { reminded: due.length };
  });
}

/** Hourly (`scheduleGoalJobs`); an owner is reminded by the first run after their organisation's reminder moment. */
export const CHECK_IN_REMINDER_JOB = defineJob({
  name: 'performance.check_in_reminders',
  schema: z.object({}),
  handler: async (ctx) => {
    await runCheckInReminderSweep(ctx);
  },
});

export async function scheduleGoalJobs(ctx: AppContext): Promise<void> {
  await ctx.jobs.schedule(CHECK_IN_REMINDER_JOB, '5 * * * *');
}
