import { and, asc, eq, gt, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import {
  actionItem,
  agendaItem,
  oneOnOneMeeting,
  oneOnOneNote,
  oneOnOneSeries,
  performanceSettings,
  person,
  talkingPointTopic,
} from '../../../db/schema/index.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';
import { preparedSql } from '../../../platform/db/prepared.ts';
import { afterKey, lockKey, rows, uuidArray, withDates } from '../../../platform/db/sql.ts';

export type SeriesRow = typeof oneOnOneSeries.$inferSelect;
export type MeetingRow = typeof oneOnOneMeeting.$inferSelect;
export type AgendaItemRow = typeof agendaItem.$inferSelect;
export type ActionItemRow = typeof actionItem.$inferSelect;
export type NoteRow = typeof oneOnOneNote.$inferSelect;
export type TopicRow = typeof talkingPointTopic.$inferSelect;

// ---- series -------------------------------------------------------------------------------------

export async function findSeries(db: DbOrTx, orgId: string, id: string, lock = false): Promise<SeriesRow | undefined> {
  const q = db.select().from(oneOnOneSeries).where(and(eq(oneOnOneSeries.orgId, orgId), eq(oneOnOneSeries.id, id))).limit(1);
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

/** The active series between two people, whichever of them organises it. */
export async function findActiveSeriesBetween(db: DbOrTx, orgId: string, a: string, b: string): Promise<SeriesRow | undefined> {
  const [row] = await db
    .select()
    .from(oneOnOneSeries)
    .where(
      and(
        eq(oneOnOneSeries.orgId, orgId),
        isNull(oneOnOneSeries.endedAt),
        or(
          and(eq(oneOnOneSeries.organiserId, a), eq(oneOnOneSeries.attendeeId, b)),
          and(eq(oneOnOneSeries.organiserId, b), eq(oneOnOneSeries.attendeeId, a)),
        ),
      ),
    )
    .limit(1);
  return row;
}

export async function insertSeries(db: DbOrTx, values: typeof oneOnOneSeries.$inferInsert): Promise<SeriesRow> {
  const [row] = await db.insert(oneOnOneSeries).values(values).returning();
  return row!;
}

export async function updateSeries(db: DbOrTx, orgId: string, id: string, patch: Partial<typeof oneOnOneSeries.$inferInsert>): Promise<SeriesRow> {
  const [row] = await db.update(oneOnOneSeries).set(patch).where(and(eq(oneOnOneSeries.orgId, orgId), eq(oneOnOneSeries.id, id))).returning();
  return row!;
}

/** Takes the pair's lock for the transaction, so two people starting a series with each other at once make one. */
export async function lockPair(db: DbOrTx, orgId: string, a: string, b: string): Promise<void> {
  const key = [a, b].sort().join(':');
  await lockKey(db, `${orgId}:${key}`);
}

export type PersonBrief = { id: string; firstName: string; lastName: string; email: string; managerId: string | null; status: string; timeZone: string | null };

export async function findPeople(db: DbOrTx, orgId: string, ids: string[]): Promise<PersonBrief[]> {
  if (!ids.length) return [];
  return db
    .select({ id: person.id, firstName: person.firstName, lastName: person.lastName, email: person.email, managerId: person.managerId, status: person.status, timeZone: person.timeZone })
    .from(person)
    .where(and(eq(person.orgId, orgId), inArray(person.id, ids)));
}

export type SeriesListRow = SeriesRow & {
  otherId: string;
  otherFirstName: string;
  otherLastName: string;
  nextMeetingId: string | null;
  nextMeetingAt: Date | null;
  lastHeldAt: Date | null;
};

/** The series the person takes part in, active first then by the other person's name; keyset by (ended, name, id). */
export async function listSeriesOf(
  db: DbOrTx,
  orgId: string,
  personId: string,
  now: Date,
  opts: { limit: number; after?: [number, string, string]; includeEnded: boolean },
): Promise<SeriesListRow[]> {
  const key = sql`(case when s.ended_at is null then 0 else 1 end), lower(o.last_name || ' ' || o.first_name), s.id`;
  const after = afterKey([sql`(case when s.ended_at is null then 0 else 1 end)`, sql`lower(o.last_name || ' ' || o.first_name)`, sql`s.id`], opts.after);
  const r = await db.execute(sql`
    select s.id, s.org_id as "orgId", s.organiser_id as "organiserId", s.attendee_id as "attendeeId", s.cadence,
      s.starts_at as "startsAt", s.duration_minutes as "durationMinutes", s.time_zone as "timeZone", s.location,
      s.ended_at as "endedAt", s.created_by as "createdBy", s.created_at as "createdAt", s.updated_at as "updatedAt",
      o.id as "otherId", o.first_name as "otherFirstName", o.last_name as "otherLastName",
      nm.id as "nextMeetingId", nm.scheduled_at as "nextMeetingAt",
      (select max(h.scheduled_at) from ${oneOnOneMeeting} h where h.series_id = s.id and h.status = 'held') as "lastHeldAt"
    from ${oneOnOneSeries} s
    join ${person} o on o.org_id = s.org_id and o.id = case when s.organiser_id = ${personId}::uuid then s.attendee_id else s.organiser_id end
    left join lateral (
      select m.id, m.scheduled_at from ${oneOnOneMeeting} m
      where m.series_id = s.id and m.status = 'scheduled'
        and m.scheduled_at + make_interval(mins => s.duration_minutes) >= ${now}
      order by m.scheduled_at limit 1
    ) nm on true
    where s.org_id = ${orgId} and (s.organiser_id = ${personId}::uuid or s.attendee_id = ${personId}::uuid)
      ${opts.includeEnded ? sql`` : sql`and s.ended_at is null`}
      ${after ? sql`and ${after}` : sql``}
    order by ${key}
    limit ${opts.limit + 1}`);
  return rows<SeriesListRow>(r).map((x) => withDates(x, ['startsAt', 'endedAt', 'createdAt', 'updatedAt', 'nextMeetingAt', 'lastHeldAt']));
}

// ---- meetings -----------------------------------------------------------------------------------

export async function findMeeting(db: DbOrTx, orgId: string, id: string, lock = false): Promise<MeetingRow | undefined> {
  const q = db.select().from(oneOnOneMeeting).where(and(eq(oneOnOneMeeting.orgId, orgId), eq(oneOnOneMeeting.id, id))).limit(1);
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

/** Materialises meetings at these times; the ones already there (held, cancelled or scheduled) stay as they are. */
export async function insertMeetings(db: DbOrTx, orgId: string, seriesId: string, times: Date[], now: Date): Promise<void> {
  if (!times.length) return;
  await db
    .insert(oneOnOneMeeting)
    .values(times.map((scheduledAt) => ({ orgId, seriesId, scheduledAt, createdAt: now })))
    .onConflictDoNothing({ target: [oneOnOneMeeting.seriesId, oneOnOneMeeting.scheduledAt] });
}

/** The meeting talking points go to now: the first scheduled one that has not ended yet. */
export async function nextScheduledMeeting(db: DbOrTx, orgId: string, series: SeriesRow, now: Date): Promise<MeetingRow | undefined> {
  const [row] = await db
    .select()
    .from(oneOnOneMeeting)
    .where(
      and(
        eq(oneOnOneMeeting.orgId, orgId),
        eq(oneOnOneMeeting.seriesId, series.id),
        eq(oneOnOneMeeting.status, 'scheduled'),
        gt(oneOnOneMeeting.scheduledAt, new Date(now.getTime() - series.durationMinutes * 60_000)),
      ),
    )
    .orderBy(asc(oneOnOneMeeting.scheduledAt))
    .limit(1);
  return row;
}

/** The first scheduled meeting after the given one (where carried-over points go). */
export async function scheduledMeetingAfter(db: DbOrTx, orgId: string, seriesId: string, at: Date): Promise<MeetingRow | undefined> {
  const [row] = await db
    .select()
    .from(oneOnOneMeeting)
    .where(and(eq(oneOnOneMeeting.orgId, orgId), eq(oneOnOneMeeting.seriesId, seriesId), eq(oneOnOneMeeting.status, 'scheduled'), gt(oneOnOneMeeting.scheduledAt, at)))
    .orderBy(asc(oneOnOneMeeting.scheduledAt))
    .limit(1);
  return row;
}

export async function countScheduledFrom(db: DbOrTx, orgId: string, seriesId: string, from: Date): Promise<number> {
  const r = await db.execute(
    sql`select count(*)::int as n from ${oneOnOneMeeting} where org_id = ${orgId} and series_id = ${seriesId} and status = 'scheduled' and scheduled_at >= ${from}`,
  );
  return rows<{ n: number }>(r)[0]!.n;
}

export async function setMeetingStatus(db: DbOrTx, orgId: string, id: string, status: 'held' | 'cancelled', heldAt: Date | null): Promise<MeetingRow> {
  const [row] = await db.update(oneOnOneMeeting).set({ status, heldAt }).where(and(eq(oneOnOneMeeting.orgId, orgId), eq(oneOnOneMeeting.id, id))).returning();
  return row!;
}

/** Drops the scheduled meetings of an ended series after `from` (their points go with them unless carried). */
export async function cancelMeetingsFrom(db: DbOrTx, orgId: string, seriesId: string, from: Date): Promise<void> {
  await db
    .update(oneOnOneMeeting)
    .set({ status: 'cancelled' })
    .where(and(eq(oneOnOneMeeting.orgId, orgId), eq(oneOnOneMeeting.seriesId, seriesId), eq(oneOnOneMeeting.status, 'scheduled'), gt(oneOnOneMeeting.scheduledAt, from)));
}

/** Moves the meeting's undiscussed points to the target meeting, counting the carry; returns how many moved. */
export async function carryOverAgenda(db: DbOrTx, orgId: string, fromMeetingId: string, toMeetingId: string, now: Date): Promise<number> {
  const r = await db.execute(sql`
    update ${agendaItem} set meeting_id = ${toMeetingId}, carried_over_count = carried_over_count + 1, updated_at = ${now}
    where org_id = ${orgId} and meeting_id = ${fromMeetingId} and discussed_at is null
    returning id`);
  return rows(r).length;
}

// ---- agenda -------------------------------------------------------------------------------------

export async function insertAgendaItem(db: DbOrTx, values: Omit<typeof agendaItem.$inferInsert, 'position'>): Promise<AgendaItemRow> {
  // New points go last; two added at once may share a position and are then ordered by id.
  const [row] = await db
    .insert(agendaItem)
    .values({
      ...values,
      position: sql`(select coalesce(max(a.position), 0) + 1 from ${agendaItem} a where a.org_id = ${values.orgId} and a.meeting_id = ${values.meetingId})`,
    })
    .returning();
  return row!;
}

export async function findAgendaItem(db: DbOrTx, orgId: string, id: string, lock = false): Promise<AgendaItemRow | undefined> {
  const q = db.select().from(agendaItem).where(and(eq(agendaItem.orgId, orgId), eq(agendaItem.id, id))).limit(1);
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export async function updateAgendaItem(db: DbOrTx, orgId: string, id: string, patch: Partial<typeof agendaItem.$inferInsert>): Promise<AgendaItemRow> {
  const [row] = await db.update(agendaItem).set(patch).where(and(eq(agendaItem.orgId, orgId), eq(agendaItem.id, id))).returning();
  return row!;
}

export async function deleteAgendaItem(db: DbOrTx, orgId: string, id: string): Promise<void> {
  await db.delete(agendaItem).where(and(eq(agendaItem.orgId, orgId), eq(agendaItem.id, id)));
}

/** Gives the listed points of the meeting these positions, in one statement; points not listed keep theirs. */
export async function reorderAgendaTo(db: DbOrTx, orgId: string, meetingId: string, ids: string[], positions: number[], now: Date): Promise<void> {
  if (!ids.length) return;
  await db.execute(sql`
    update ${agendaItem} a set position = o.pos, updated_at = ${now}
    from unnest(${uuidArray(ids)}, ${`{${positions.join(',')}}`}::real[]) as o(id, pos)
    where a.org_id = ${orgId} and a.meeting_id = ${meetingId} and a.id = o.id`);
}

// ---- action items -------------------------------------------------------------------------------

export async function insertActionItem(db: DbOrTx, values: typeof actionItem.$inferInsert): Promise<ActionItemRow> {
  const [row] = await db.insert(actionItem).values(values).returning();
  return row!;
}

export async function findActionItem(db: DbOrTx, orgId: string, id: string, lock = false): Promise<ActionItemRow | undefined> {
  const q = db.select().from(actionItem).where(and(eq(actionItem.orgId, orgId), eq(actionItem.id, id))).limit(1);
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export async function updateActionItem(db: DbOrTx, orgId: string, id: string, patch: Partial<typeof actionItem.$inferInsert>): Promise<ActionItemRow> {
  const [row] = await db.update(actionItem).set(patch).where(and(eq(actionItem.orgId, orgId), eq(actionItem.id, id))).returning();
  return row!;
}

export async function deleteActionItem(db: DbOrTx, orgId: string, id: string): Promise<void> {
  await db.delete(actionItem).where(and(eq(actionItem.orgId, orgId), eq(actionItem.id, id)));
}

// ---- notes --------------------------------------------------------------------------------------

/** Writes the meeting's shared note, or the author's private one: one row each (the unique indexes). */
export async function upsertNote(
  db: DbOrTx,
  n: { orgId: string; seriesId: string; meetingId: string; authorId: string; private: boolean; body: string; now: Date },
): Promise<NoteRow> {
  const target = n.private
    ? sql`(meeting_id, author_id) where private`
    : sql`(meeting_id) where not private`;
  const r = await db.execute(sql`
    insert into ${oneOnOneNote} (id, org_id, series_id, meeting_id, author_id, private, body, created_at, updated_at)
    values (tandem_uuid_v7(), ${n.orgId}, ${n.seriesId}, ${n.meetingId}, ${n.authorId}, ${n.private}, ${n.body}, ${n.now}, ${n.now})
    on conflict ${target} do update set body = excluded.body, author_id = excluded.author_id, updated_at = excluded.updated_at
    returning id, org_id as "orgId", series_id as "seriesId", meeting_id as "meetingId", author_id as "authorId", private, body,
      created_at as "createdAt", updated_at as "updatedAt"`);
  return withDates(rows<NoteRow>(r)[0]!, ['createdAt', 'updatedAt']);
}

export async function findNote(db: DbOrTx, orgId: string, id: string): Promise<NoteRow | undefined> {
  const [row] = await db.select().from(oneOnOneNote).where(and(eq(oneOnOneNote.orgId, orgId), eq(oneOnOneNote.id, id))).limit(1);
  return row;
}

export async function findNoteOf(db: DbOrTx, orgId: string, meetingId: string, isPrivate: boolean, authorId: string): Promise<NoteRow | undefined> {
  const [row] = await db
    .select()
    .from(oneOnOneNote)
    .where(
      and(
        eq(oneOnOneNote.orgId, orgId),
        eq(oneOnOneNote.meetingId, meetingId),
        eq(oneOnOneNote.private, isPrivate),
        ...(isPrivate ? [eq(oneOnOneNote.authorId, authorId)] : []),
      ),
    )
    .limit(1);
  return row;
}

// ---- views (the hot reads: one statement each) --------------------------------------------------

export type AgendaView = AgendaItemRow & { authorName: string | null; goalTitle: string | null; hurdleTitle: string | null };
export type ActionView = ActionItemRow & { assigneeName: string | null; agendaItemBody: string | null; meetingAt: Date | null };
export type MeetingView = MeetingRow & { organiserId: string; attendeeId: string; agenda: AgendaView[]; actions: ActionView[]; sharedNote: NoteRow | null; privateNote: NoteRow | null };

/*
 * A meeting with its agenda (the viewer's private points and everyone's shared ones), the series'
 * action items (open ones from any meeting, done ones of this meeting), the shared note and the
 * viewer's private note: one statement, since opening a 1:1 is the hot read.
 */
const [orgArg, viewerArg, meetingArg, seriesArg, nowArg, historyArg] = ['orgId', 'viewerId', 'meetingId', 'seriesId', 'now', 'history'].map((n) => sql.placeholder(n));

// A named prepared statement: opening a 1:1 is the hot read, and each connection plans it once
// (the series' statement planned in 46 ms cold on the bench data).
const meetingViewSql = preparedSql<MeetingView, { orgId: string; meetingId: string; viewerId: string }>(
  'one_on_one_meeting_view',
  sql`
    select m.id, m.org_id as "orgId", m.series_id as "seriesId", m.scheduled_at as "scheduledAt", m.status, m.held_at as "heldAt",
      m.reminded_at as "remindedAt", m.created_at as "createdAt", s.organiser_id as "organiserId", s.attendee_id as "attendeeId",
      coalesce((select json_agg(json_build_object(
          'id', a.id, 'seriesId', a.series_id, 'meetingId', a.meeting_id, 'firstMeetingId', a.first_meeting_id, 'authorId', a.author_id,
          'authorName', ap.first_name || ' ' || ap.last_name, 'body', a.body, 'private', a.private, 'topicId', a.topic_id,
          'sourceRecordType', a.source_record_type, 'sourceRecordId', a.source_record_id, 'goalId', a.goal_id, 'hurdleId', a.hurdle_id,
          'goalTitle', g.title, 'hurdleTitle', h.title, 'position', a.position, 'discussedAt', a.discussed_at,
          'carriedOverCount', a.carried_over_count, 'createdAt', a.created_at, 'updatedAt', a.updated_at)
          order by a.position, a.id)
        from agenda_item a
        left join person ap on ap.id = a.author_id
        left join goal g on g.id = a.goal_id
        left join hurdle h on h.id = a.hurdle_id
        where a.org_id = m.org_id and a.meeting_id = m.id and (not a.private or a.author_id = ${viewerArg}::uuid)), '[]') as agenda,
      coalesce((select json_agg(json_build_object(
          'id', x.id, 'seriesId', x.series_id, 'meetingId', x.meeting_id, 'agendaItemId', x.agenda_item_id, 'title', x.title,
          'assigneeId', x.assignee_id, 'assigneeName', xp.first_name || ' ' || xp.last_name, 'dueOn', x.due_on, 'doneAt', x.done_at,
          'createdBy', x.created_by, 'createdAt', x.created_at, 'updatedAt', x.updated_at,
          'agendaItemBody', case when xa.private and xa.author_id is distinct from ${viewerArg}::uuid then null else xa.body end,
          'meetingAt', xm.scheduled_at)
          order by x.done_at nulls first, x.due_on nulls last, x.created_at, x.id)
        from action_item x
        left join person xp on xp.id = x.assignee_id
        left join agenda_item xa on xa.id = x.agenda_item_id
        left join one_on_one_meeting xm on xm.id = x.meeting_id
        where x.org_id = m.org_id and x.series_id = m.series_id
          and (x.meeting_id = m.id or (x.done_at is null and (xm.scheduled_at is null or xm.scheduled_at <= m.scheduled_at)))), '[]') as actions,
      (select row_to_json(n) from (select id, org_id as "orgId", series_id as "seriesId", meeting_id as "meetingId", author_id as "authorId",
          private, body, created_at as "createdAt", updated_at as "updatedAt" from one_on_one_note
          where org_id = m.org_id and meeting_id = m.id and not private) n) as "sharedNote",
      (select row_to_json(n) from (select id, org_id as "orgId", series_id as "seriesId", meeting_id as "meetingId", author_id as "authorId",
          private, body, created_at as "createdAt", updated_at as "updatedAt" from one_on_one_note
          where org_id = m.org_id and meeting_id = m.id and private and author_id = ${viewerArg}::uuid) n) as "privateNote"
    from one_on_one_meeting m
    join one_on_one_series s on s.id = m.series_id
    where m.org_id = ${orgArg} and m.id = ${meetingArg}::uuid`,
);

export async function meetingView(db: DbOrTx, orgId: string, meetingId: string, viewerId: string): Promise<MeetingView | undefined> {
  const row = (await meetingViewSql(db, { orgId, meetingId, viewerId }))[0];
  return row ? withDates(row, ['scheduledAt', 'heldAt', 'remindedAt', 'createdAt']) : undefined;
}

export type MeetingBrief = { id: string; scheduledAt: Date; status: MeetingRow['status']; heldAt: Date | null; agendaCount: number };
export type SeriesView = SeriesRow & {
  organiserName: string;
  attendeeName: string;
  meetings: MeetingBrief[];
  currentMeetingId: string | null;
};

/**
 * A series with its people, its meeting timeline (the latest `history` meetings before now and every
 * materialised one after, each with the number of points the viewer sees) and the meeting that is
 * current (the next not yet ended, else the latest): one statement. (Each count names the
 * organisation, so it is an index scan of `agenda_item_meeting_idx`: without it, a scan of every
 * point of every organisation for each of the 55 meetings of a year's weekly series.)
 */
const seriesViewSql = preparedSql<SeriesView, { orgId: string; seriesId: string; viewerId: string; now: Date; history: number }>(
  'one_on_one_series_view',
  sql`
    select s.id, s.org_id as "orgId", s.organiser_id as "organiserId", s.attendee_id as "attendeeId", s.cadence,
      s.starts_at as "startsAt", s.duration_minutes as "durationMinutes", s.time_zone as "timeZone", s.location,
      s.ended_at as "endedAt", s.created_by as "createdBy", s.created_at as "createdAt", s.updated_at as "updatedAt",
      op.first_name || ' ' || op.last_name as "organiserName", ap.first_name || ' ' || ap.last_name as "attendeeName",
      coalesce((select json_agg(json_build_object('id', t.id, 'scheduledAt', t.scheduled_at, 'status', t.status, 'heldAt', t.held_at,
          'agendaCount', (select count(*) from agenda_item a where a.org_id = s.org_id and a.meeting_id = t.id and (not a.private or a.author_id = ${viewerArg}::uuid)))
          order by t.scheduled_at)
        from (
          (select m.* from one_on_one_meeting m where m.series_id = s.id and m.scheduled_at < ${nowArg}::timestamptz order by m.scheduled_at desc limit ${historyArg}::int)
          union all
          (select m.* from one_on_one_meeting m where m.series_id = s.id and m.scheduled_at >= ${nowArg}::timestamptz)
        ) t), '[]') as meetings,
      coalesce(
        (select m.id from one_on_one_meeting m where m.series_id = s.id and m.status = 'scheduled'
           and m.scheduled_at + make_interval(mins => s.duration_minutes) >= ${nowArg}::timestamptz order by m.scheduled_at limit 1),
        (select m.id from one_on_one_meeting m where m.series_id = s.id and m.scheduled_at < ${nowArg}::timestamptz order by m.scheduled_at desc limit 1)
      ) as "currentMeetingId"
    from one_on_one_series s
    join person op on op.id = s.organiser_id
    join person ap on ap.id = s.attendee_id
    where s.org_id = ${orgArg} and s.id = ${seriesArg}::uuid`,
);

export async function seriesView(db: DbOrTx, orgId: string, id: string, viewerId: string, now: Date, history: number): Promise<SeriesView | undefined> {
  const row = (await seriesViewSql(db, { orgId, seriesId: id, viewerId, now, history }))[0];
  return row ? withDates(row, ['startsAt', 'endedAt', 'createdAt', 'updatedAt']) : undefined;
}

// ---- topics -------------------------------------------------------------------------------------

export async function listTopics(db: DbOrTx, orgId: string, includeArchived: boolean): Promise<TopicRow[]> {
  return db
    .select()
    .from(talkingPointTopic)
    .where(and(eq(talkingPointTopic.orgId, orgId), ...(includeArchived ? [] : [isNull(talkingPointTopic.archivedAt)])))
    .orderBy(asc(talkingPointTopic.category), asc(talkingPointTopic.position), asc(talkingPointTopic.id));
}

export async function hasAnyTopic(db: DbOrTx, orgId: string): Promise<boolean> {
  const r = await db.execute(sql`select exists(select 1 from ${talkingPointTopic} where org_id = ${orgId}) as found`);
  return Boolean(rows<{ found: boolean }>(r)[0]?.found);
}

export async function insertTopics(db: DbOrTx, values: (typeof talkingPointTopic.$inferInsert)[]): Promise<TopicRow[]> {
  if (!values.length) return [];
  return db.insert(talkingPointTopic).values(values).onConflictDoNothing({ target: talkingPointTopic.id }).returning();
}

export async function findTopic(db: DbOrTx, orgId: string, id: string): Promise<TopicRow | undefined> {
  const [row] = await db.select().from(talkingPointTopic).where(and(eq(talkingPointTopic.orgId, orgId), eq(talkingPointTopic.id, id))).limit(1);
  return row;
}

export async function updateTopic(db: DbOrTx, orgId: string, id: string, patch: Partial<typeof talkingPointTopic.$inferInsert>): Promise<TopicRow> {
  const [row] = await db.update(talkingPointTopic).set(patch).where(and(eq(talkingPointTopic.orgId, orgId), eq(talkingPointTopic.id, id))).returning();
  return row!;
}

// ---- settings -----------------------------------------------------------------------------------

export async function reminderHoursByOrg(db: DbOrTx): Promise<Map<string, number>> {
  const list = await db.select({ orgId: performanceSettings.orgId, hours: performanceSettings.oneOnOneReminderHours }).from(performanceSettings);
  return new Map(list.map((x) => [x.orgId, x.hours]));
}

// ---- learning items (read to check an assignment from a 1:1) -------------------------------------

export async function findLearningItem(db: DbOrTx, orgId: string, kind: 'course' | 'program', id: string): Promise<{ id: string; title: string; status: string } | undefined> {
  const table = kind === 'course' ? sql`course` : sql`program`;
  const r = await db.execute(sql`select id, title, status from ${table} where org_id = ${orgId} and id = ${id}::uuid`);
  return rows<{ id: string; title: string; status: string }>(r)[0];
}

// ---- cadence report -----------------------------------------------------------------------------

export type CadenceRow = { personId: string; firstName: string; lastName: string; managerId: string | null; managerName: string | null; lastHeldAt: Date | null; hasActiveSeries: boolean };

/** Active people in scope whose last held 1:1 (with anyone) is before `since`, or who never had one; by name. */
export async function cadenceReport(
  db: DbOrTx,
  orgId: string,
  opts: { scope: SQL | null; since: Date; limit: number; after?: [string, string, string] },
): Promise<CadenceRow[]> {
  const after = afterKey([sql`lower(p.last_name)`, sql`lower(p.first_name)`, sql`p.id`], opts.after);
  const r = await db.execute(sql`
    select p.id as "personId", p.first_name as "firstName", p.last_name as "lastName", p.manager_id as "managerId",
      mp.first_name || ' ' || mp.last_name as "managerName", h.last as "lastHeldAt",
      exists(select 1 from one_on_one_series s where s.org_id = p.org_id and s.ended_at is null and (s.organiser_id = p.id or s.attendee_id = p.id)) as "hasActiveSeries"
    from ${person} p
    left join ${person} mp on mp.id = p.manager_id
    left join lateral (
      select max(m.scheduled_at) as last from one_on_one_meeting m join one_on_one_series s on s.id = m.series_id
      where s.org_id = p.org_id and (s.organiser_id = p.id or s.attendee_id = p.id) and m.status = 'held'
    ) h on true
    where p.org_id = ${orgId} and p.status = 'active'
      ${opts.scope ? sql`and p.id in (${opts.scope})` : sql``}
      and (h.last is null or h.last < ${opts.since})
      ${after ? sql`and ${after}` : sql``}
    order by lower(p.last_name), lower(p.first_name), p.id
    limit ${opts.limit + 1}`);
  return rows<CadenceRow>(r).map((x) => withDates(x, ['lastHeldAt']));
}

// ---- reminders ----------------------------------------------------------------------------------

export type DueReminder = { meetingId: string; orgId: string; seriesId: string; scheduledAt: Date; organiserId: string; attendeeId: string };

/**
 * Claims the scheduled meetings starting within each organisation's reminder window (default
 * `defaultHours`) that were not reminded yet, marking them reminded in the same statement, so a
 * second run finds nothing.
 */
export async function claimDueReminders(db: DbOrTx, now: Date, defaultHours: number): Promise<DueReminder[]> {
  const r = await db.execute(sql`
    update one_on_one_meeting m set reminded_at = ${now}
    from one_on_one_series s
    left join ${performanceSettings} ps on ps.org_id = s.org_id
    where s.id = m.series_id and s.ended_at is null and m.status = 'scheduled' and m.reminded_at is null
      and m.scheduled_at > ${now}
      and m.scheduled_at <= ${now}::timestamptz + make_interval(hours => coalesce(ps.one_on_one_reminder_hours, ${defaultHours}))
    returning m.id as "meetingId", m.org_id as "orgId", m.series_id as "seriesId", m.scheduled_at as "scheduledAt",
      s.organiser_id as "organiserId", s.attendee_id as "attendeeId"`);
  return rows<DueReminder>(r).map((x) => withDates(x, ['scheduledAt']));
}

/** Active series with fewer than `ahead` scheduled meetings from now (the sweep tops them up). */
export async function seriesNeedingMeetings(db: DbOrTx, now: Date, ahead: number, limit: number): Promise<SeriesRow[]> {
  return db
    .select()
    .from(oneOnOneSeries)
    .where(
      and(
        isNull(oneOnOneSeries.endedAt),
        sql`(select count(*) from one_on_one_meeting m where m.series_id = ${oneOnOneSeries.id} and m.scheduled_at >= ${now}) < ${ahead}`,
      ),
    )
    .limit(limit);
}
