import { sql } from 'drizzle-orm';
import { closedGoalStatuses } from '../../../db/schema/index.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';
import { lockKey, rows, withDates } from '../../../platform/db/sql.ts';

export type DueCheckInReminder = { orgId: string; personId: string; goals: number; since: Date };

/** Serialises sweeps (two workers, or a rerun) so the notification written by one is seen by the next. */
export async function lockSweep(db: DbOrTx): Promise<void> {
  await lockKey(db, 'performance.check_in_reminder_sweep');
}

/**
 * Every owner of open goals who is due a check-in reminder, with how many goals, in ONE
 * statement across organisations. `windowStarts[w - 1]` is the latest reminder moment for ISO
 * weekday w; an organisation's weekday is its setting, `defaultWeekday` without a settings row.
 * A goal counts when it is open (not done, missed or dropped; its period, if any, started and not
 * closed), existed before the reminder moment, and had no check-in in the interval before it.
 * The owner is skipped when a reminder of `kind` reached them since the moment: that is the
 * claim, so each owner gets one reminder per interval without a column of its own.
 */
export async function dueCheckInReminders(
  db: DbOrTx,
  input: { now: Date; windowStarts: readonly Date[]; defaultWeekday: number; intervalDays: number; kind: string },
): Promise<DueCheckInReminder[]> {
  const starts = `{${input.windowStarts.map((d) => d.toISOString()).join(',')}}`;
  const closed = `{${closedGoalStatuses.join(',')}}`;
  const r = await db.execute(sql`
    with w as (
      select o.id as org_id, (${starts}::timestamptz[])[coalesce(ps.check_in_reminder_weekday, ${input.defaultWeekday})] as since
      from organisation o
      left join performance_settings ps on ps.org_id = o.id
    )
    select g.org_id as "orgId", g.owner_person_id as "personId", count(*)::int as "goals", w.since as "since"
    from goal g
    join w on w.org_id = g.org_id
    join person p on p.org_id = g.org_id and p.id = g.owner_person_id and p.status = 'active'
    left join goal_period gp on gp.org_id = g.org_id and gp.id = g.period_id
    where g.owner_person_id is not null
      and g.status <> all(${closed}::text[]) and g.closed_at is null
      and (g.period_id is null or (gp.closed_at is null and gp.starts_on <= (${input.now}::timestamptz at time zone 'UTC')::date))
      and g.created_at < w.since
      and (g.last_check_in_at is null or g.last_check_in_at < w.since - make_interval(days => ${input.intervalDays}))
      and not exists (
        select 1 from notification n
        where n.org_id = g.org_id and n.person_id = g.owner_person_id and n.kind = ${input.kind} and n.created_at >= w.since
      )
    group by g.org_id, g.owner_person_id, w.since
    order by g.org_id, g.owner_person_id`);
  return rows<DueCheckInReminder>(r).map((x) => withDates(x, ['since']));
}
