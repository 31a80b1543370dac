import { sql, type SQL } from 'drizzle-orm';
import { closedGoalStatuses } from '../../db/schema/index.ts';
import { uuidArray } from '../../platform/db/sql.ts';
import type { Actor } from '../../platform/http/types.ts';
import { goalVisibleSql } from './performance.policy.ts';

/**
 * A batch of people's performance records as SQL fragments, for readers that show many people at
 * once (insight's team view): one statement per kind of record for the whole batch, each with the
 * visibility rule of its record written in (DESIGN.md §5), so a reader cannot forget it.
 */

/** The people's own goals still open that the actor may read: id, person_id, title, status, progress, visibility. */
export function openGoalsOfSql(actor: Actor, personIds: readonly string[]): SQL {
  return sql`
    select g.id, g.owner_person_id as person_id, g.title, g.status, g.progress, g.visibility
    from goal g
    where g.org_id = ${actor.orgId} and g.owner_type = 'person' and g.owner_person_id = any(${uuidArray(personIds)})
      and g.closed_at is null and g.status <> all(${`{${closedGoalStatuses.join(',')}}`}::text[])
      and ${goalVisibleSql(actor, 'g')}
    order by g.created_at`;
}

/**
 * The last held and the next scheduled 1:1 of each pair (person, counterpart), in a running or
 * ended series between the two: person_id, series_id (of a running series, null when none runs),
 * last_held_at, next_at, next_meeting_id (where a talking point for the next 1:1 goes). Dates only: what was said stays with the participants.
 */
export function oneOnOneDatesSql(orgId: string, personIds: readonly string[], counterpartIds: readonly string[], now: Date): SQL {
  return sql`
    with pair as (
      select * from unnest(${uuidArray(personIds)}, ${uuidArray(counterpartIds)}) as x(person_id, counterpart_id)
    ), s as (
      select pair.person_id, ser.id, ser.ended_at from pair
      join one_on_one_series ser on ser.org_id = ${orgId}
        and ((ser.organiser_id = pair.counterpart_id and ser.attendee_id = pair.person_id)
          or (ser.attendee_id = pair.counterpart_id and ser.organiser_id = pair.person_id))
    )
    select s.person_id,
      (array_agg(s.id order by s.id) filter (where s.ended_at is null))[1] as series_id,
      max(coalesce(m.held_at, m.scheduled_at)) filter (where m.status = 'held') as last_held_at,
      min(m.scheduled_at) filter (where m.status = 'scheduled' and s.ended_at is null and m.scheduled_at >= ${now.toISOString()}::timestamptz) as next_at,
      (array_agg(m.id order by m.scheduled_at) filter (where m.status = 'scheduled' and s.ended_at is null and m.scheduled_at >= ${now.toISOString()}::timestamptz))[1] as next_meeting_id
    from s left join one_on_one_meeting m on m.series_id = s.id and m.org_id = ${orgId}
    group by s.person_id`;
}

/**
 * Feedback about the people given on or after `since` that the viewer may read as someone above
 * them: received by the viewer (requested about a report), given by the viewer, or received by the
 * person with the giver allowing their manager chain. Anonymous feedback shows from the day after
 * it was given, never with a giver. id, person_id, giver_id (null: anonymous), anonymous, body, given_on.
 */
export function chainFeedbackSql(orgId: string, viewerId: string, personIds: readonly string[], since: string, today: string): SQL {
  return sql`
    select f.id, f.subject_id as person_id, case when f.anonymous then null else f.giver_id end as giver_id, f.anonymous,
      coalesce(f.body, f.answers->0->>'text') as body, f.given_on
    from feedback f
    where f.org_id = ${orgId} and f.subject_id = any(${uuidArray(personIds)}) and f.given_on >= ${since}::date
      and (not f.anonymous or f.given_on < ${today}::date)
      and (f.receiver_id = ${viewerId}::uuid or (f.giver_id = ${viewerId}::uuid and not f.anonymous)
        or (f.share_with_managers and f.receiver_id = f.subject_id))
    order by f.given_on desc, f.id`;
}

/** Praise the people received since `since` that the viewer may read (public, or private with the viewer in it): id, person_id, giver_id, message, created_at. */
export function visiblePraiseOfSql(orgId: string, viewerId: string, personIds: readonly string[], since: Date): SQL {
  return sql`
    select pr.id, r.person_id, pr.giver_id, pr.message, pr.created_at
    from praise_recipient r join praise pr on pr.id = r.praise_id and pr.org_id = ${orgId}
    where r.org_id = ${orgId} and r.person_id = any(${uuidArray(personIds)}) and pr.created_at >= ${since.toISOString()}::timestamptz
      and (pr.visibility = 'public' or pr.giver_id = ${viewerId}::uuid
        or exists (select 1 from praise_recipient v where v.praise_id = pr.id and v.person_id = ${viewerId}::uuid))
    order by pr.created_at desc, pr.id`;
}

/**
 * The shared notes of the 1:1s between two people held in [from, to] (what either of them may
 * read; private notes stay with their author): id, series_id, held_at, body.
 */
export function sharedOneOnOneNotesSql(orgId: string, a: string, b: string, from: string, to: string): SQL {
  return sql`
    select n.id, n.series_id, coalesce(m.held_at, m.scheduled_at) as held_at, n.body
    from one_on_one_note n
    join one_on_one_series s on s.id = n.series_id
    join one_on_one_meeting m on m.id = n.meeting_id
    where n.org_id = ${orgId} and not n.private and n.body <> ''
      and ((s.organiser_id = ${a}::uuid and s.attendee_id = ${b}::uuid) or (s.organiser_id = ${b}::uuid and s.attendee_id = ${a}::uuid))
      and m.status = 'held' and coalesce(m.held_at, m.scheduled_at) >= ${from}::date and coalesce(m.held_at, m.scheduled_at) < ${to}::date + 1
    order by held_at desc, n.id
    limit 50`;
}
