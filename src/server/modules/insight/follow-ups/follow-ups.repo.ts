import { sql, type SQL } from 'drizzle-orm';
import type { FollowUpSignal, FollowUpStatus } from '../../../db/schema/insight.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';
import { rows, uuidArray } from '../../../platform/db/sql.ts';
import { chainBelowSql } from '../../org/index.ts';
import { FOLLOWED_REASONS, SKILL_REASONS, type FollowedReason } from './loop.ts';

// The only SQL of follow-ups. Reads and writes are set-based over a batch (one statement per
// input, decisions written back with one statement from a JSON record set).
//
// The loop reads the signal of records other modules own (the enrolment's baseline, goals,
// hurdles, current skill levels, 1:1 series) with plain joins here: those modules export no
// fragment for them yet, and a per-record call through their index.ts (`goalSignal`) would make
// the sweep one round trip per follow-up. Moving these joins into their modules' signals files
// is the next step.

const reasonList = (list: readonly string[]) => sql.raw(`(${list.map((r) => `'${r}'`).join(', ')})`);
const followed = reasonList(FOLLOWED_REASONS);
const skillReasons = reasonList(SKILL_REASONS);

export async function followUpDays(db: DbOrTx, orgId: string): Promise<Partial<Record<string, number>> | null> {
  const r = rows<{ follow_up_days: Record<string, number> }>(await db.execute(sql`select follow_up_days from insight_settings where org_id = ${orgId}`));
  return r[0]?.follow_up_days ?? null;
}

export async function saveFollowUpDays(db: DbOrTx, orgId: string, days: Record<string, number>, now: Date): Promise<void> {
  await db.execute(sql`
    insert into insight_settings (org_id, follow_up_days, updated_at) values (${orgId}, ${JSON.stringify(days)}::jsonb, ${now})
    on conflict (org_id) do update set follow_up_days = excluded.follow_up_days, updated_at = excluded.updated_at`);
}

export type CreatedFollowUp = { id: string; enrollment_id: string; person_id: string; reason_type: FollowedReason; due_at: string };

/**
 * One follow-up per completed top-level enrolment with a followed reason (a program's course steps
 * share the program's reason, so the program's completion carries the loop), due at completion
 * plus the reason's window, with the enrolment's baseline as `before`. Without stored baseline
 * levels, a skill follow-up takes the course's skills with no level known; a goal, hurdle or 1:1
 * reason without its record is not followed up. Idempotent: the
 * unique enrolment index makes a second delivery a no-op.
 */
export async function insertForEnrollments(
  db: DbOrTx,
  orgId: string,
  enrollmentIds: readonly string[] | SQL,
  windows: Record<FollowedReason, number>,
  now: Date,
): Promise<CreatedFollowUp[]> {
  const ids = Array.isArray(enrollmentIds) ? sql`e.id = any(${uuidArray(enrollmentIds as string[])})` : (enrollmentIds as SQL);
  const r = await db.execute(sql`
    insert into follow_up (id, org_id, enrollment_id, person_id, course_id, program_id, reason_type, reason_record_type,
      reason_record_id, due_at, status, before, created_at, updated_at)
    select tandem_uuid_v7(), e.org_id, e.id, e.person_id, e.course_id, e.program_id, e.reason_type, e.reason_record_type,
      e.reason_record_id,
      e.completed_at + make_interval(days => (${JSON.stringify(windows)}::jsonb ->> e.reason_type)::int),
      'pending',
      -- Stripped of nulls before the levels go in: a skill never assessed at assignment is a null level to keep.
      jsonb_strip_nulls(jsonb_build_object(
        'goalProgress', e.baseline_signal -> 'goalProgress',
        'goalStatus', e.baseline_signal -> 'goalStatus',
        'hurdleStatus', e.baseline_signal -> 'hurdleStatus'))
      -- Learning assigned outside a plan item stored no baseline: each skill's latest rating before
      -- the assignment stands in for it (null for a skill never rated by then).
      || case when e.reason_type in ${skillReasons} then jsonb_build_object('levels', coalesce(nullif(e.baseline_levels, '{}'::jsonb),
          (select jsonb_object_agg(cs.skill_id::text, (
              select sa.level from skill_assessment sa
              where sa.org_id = e.org_id and sa.person_id = e.person_id and sa.skill_id = cs.skill_id and sa.assessed_at <= e.created_at
              order by sa.assessed_at desc limit 1))
            from course_skill cs where cs.course_id = e.course_id), '{}'::jsonb))
        else '{}'::jsonb end,
      ${now}, ${now}
    from enrollment e
    where e.org_id = ${orgId} and ${ids} and e.status = 'completed' and e.completed_at is not null
      and e.parent_enrollment_id is null and e.reason_type in ${followed}
      -- A goal, hurdle or 1:1 reason is measured on its record: without one there is nothing to follow up.
      and (e.reason_type in ${skillReasons} or e.reason_record_id is not null)
    on conflict (enrollment_id) do nothing
    returning id, enrollment_id, person_id, reason_type, due_at`);
  return rows<CreatedFollowUp>(r);
}

/** A due follow-up with what the sweep needs to decide or ask. */
export type DueRow = {
  id: string;
  enrollment_id: string;
  course_id: string | null;
  person_id: string;
  reason_type: FollowedReason;
  reason_record_type: string | null;
  reason_record_id: string | null;
  before: FollowUpSignal;
  completed_at: string;
  manager_id: string | null;
  first_name: string;
  last_name: string;
  item_title: string | null;
  goal_found: boolean;
  goal_progress: number | null;
  goal_status: string | null;
  hurdle_status: string | null;
  organiser_id: string | null;
  attendee_id: string | null;
};

/**
 * The next batch of pending follow-ups whose window has ended, oldest first, locked so a second
 * sweep of the same organisation skips them, with each reason's signal now: the goal, the hurdle,
 * the 1:1 series the talking point or note belongs to (active ones).
 */
export async function dueBatch(db: DbOrTx, orgId: string, now: Date, limit: number, onlyIds?: readonly string[]): Promise<DueRow[]> {
  const which = onlyIds ? sql`f.id = any(${uuidArray(onlyIds)})` : sql`f.status = 'pending' and f.due_at <= ${now}`;
  const r = await db.execute(sql`
    with due as (
      select f.id from follow_up f where f.org_id = ${orgId} and ${which}
      order by f.due_at, f.id limit ${limit} for update skip locked
    )
    select f.id, f.enrollment_id, f.course_id, f.person_id, f.reason_type, f.reason_record_type, f.reason_record_id, f.before,
      e.completed_at, p.manager_id, p.first_name, p.last_name, coalesce(c.title, pr.title) as item_title,
      g.id is not null as goal_found, g.progress as goal_progress, g.status as goal_status,
      h.status as hurdle_status, s.organiser_id, s.attendee_id
    from due d
    join follow_up f on f.id = d.id
    join enrollment e on e.id = f.enrollment_id
    join person p on p.id = f.person_id
    left join course c on c.id = f.course_id
    left join program pr on pr.id = f.program_id
    left join goal g on f.reason_type = 'goal' and g.org_id = f.org_id and g.id = f.reason_record_id
    left join hurdle h on f.reason_type = 'hurdle' and h.org_id = f.org_id and h.id = f.reason_record_id
    left join agenda_item ai on f.reason_type = 'one_on_one' and f.reason_record_type = 'agenda_item' and ai.id = f.reason_record_id
    left join one_on_one_note nt on f.reason_type = 'one_on_one' and f.reason_record_type = 'one_on_one_note' and nt.id = f.reason_record_id
    left join one_on_one_series s on s.id = coalesce(ai.series_id, nt.series_id) and s.org_id = f.org_id and s.ended_at is null
    order by f.due_at, f.id`);
  return rows<DueRow>(r).map((x) => ({ ...x, goal_progress: x.goal_progress == null ? null : Number(x.goal_progress) }));
}

/**
 * For skill follow-ups: the current level (talent's person_skill) of each skill of `before.levels`
 * that has an assessment newer than the enrolment's completion, with the newest such assessment.
 */
export async function levelsSince(db: DbOrTx, orgId: string, followUpIds: readonly string[]) {
  if (followUpIds.length === 0) return [];
  const r = await db.execute(sql`
    select f.id as follow_up_id, k.skill_id, ps.level, a.id as assessment_id
    from follow_up f
    join enrollment e on e.id = f.enrollment_id
    cross join lateral jsonb_object_keys(coalesce(f.before -> 'levels', '{}'::jsonb)) k(skill_id)
    join person_skill ps on ps.person_id = f.person_id and ps.skill_id = k.skill_id::uuid
    cross join lateral (
      select sa.id from skill_assessment sa
      where sa.org_id = ${orgId} and sa.person_id = f.person_id and sa.skill_id = ps.skill_id and sa.assessed_at > e.completed_at
      order by sa.assessed_at desc, sa.id desc limit 1
    ) a
    where f.org_id = ${orgId} and f.id = any(${uuidArray(followUpIds)})`);
  return rows<{ follow_up_id: string; skill_id: string; level: number; assessment_id: string }>(r).map((x) => ({ ...x, level: Number(x.level) }));
}

/** Skill follow-ups of the person naming the skill that are asked, or pending with their window ended. */
export async function skillFollowUpsAwaiting(db: DbOrTx, orgId: string, personId: string, skillId: string, now: Date): Promise<string[]> {
  const r = await db.execute(sql`
    select f.id from follow_up f
    where f.org_id = ${orgId} and f.person_id = ${personId} and f.reason_type in ${skillReasons}
      and (f.status = 'asked' or (f.status = 'pending' and f.due_at <= ${now}))
      and coalesce(f.before -> 'levels', '{}'::jsonb) ? ${skillId}`);
  return rows<{ id: string }>(r).map((x) => x.id);
}

export type Decision = { id: string; status: 'improved' | 'not_improved'; after: FollowUpSignal; evidenceType: string | null; evidenceId: string | null };

/** Writes decisions, one statement for the batch. */
export async function applyDecisions(db: DbOrTx, orgId: string, list: readonly Decision[], now: Date): Promise<void> {
  if (list.length === 0) return;
  const data = JSON.stringify(list.map((d) => ({ id: d.id, status: d.status, after: d.after, evidence_type: d.evidenceType, evidence_id: d.evidenceId })));
  await db.execute(sql`
    update follow_up f set status = d.status, after = d.after, decided_at = ${now}, evidence_type = d.evidence_type,
      evidence_id = d.evidence_id, updated_at = ${now}
    from jsonb_to_recordset(${data}::jsonb) as d(id uuid, status text, after jsonb, evidence_type text, evidence_id uuid)
    where f.org_id = ${orgId} and f.id = d.id`);
}

export type Ask = { id: string; askedOf: string; evidenceType: string | null; evidenceId: string | null };

export async function applyAsks(db: DbOrTx, orgId: string, list: readonly Ask[], now: Date): Promise<void> {
  if (list.length === 0) return;
  const data = JSON.stringify(list.map((a) => ({ id: a.id, asked_of: a.askedOf, evidence_type: a.evidenceType, evidence_id: a.evidenceId })));
  await db.execute(sql`
    update follow_up f set status = 'asked', asked_of = d.asked_of, asked_at = ${now},
      evidence_type = coalesce(d.evidence_type, f.evidence_type), evidence_id = coalesce(d.evidence_id, f.evidence_id), updated_at = ${now}
    from jsonb_to_recordset(${data}::jsonb) as d(id uuid, asked_of uuid, evidence_type text, evidence_id uuid)
    where f.org_id = ${orgId} and f.id = d.id`);
}

export async function cancel(db: DbOrTx, orgId: string, ids: readonly string[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await db.execute(sql`
    update follow_up set status = 'cancelled', decided_at = ${now}, updated_at = ${now}
    where org_id = ${orgId} and id = any(${uuidArray(ids)})`);
}

export type FollowUpRow = {
  id: string;
  enrollment_id: string;
  person_id: string;
  person_first_name: string;
  person_last_name: string;
  course_id: string | null;
  program_id: string | null;
  item_title: string | null;
  reason_type: FollowedReason;
  reason_record_type: string | null;
  reason_record_id: string | null;
  due_at: string;
  status: FollowUpStatus;
  asked_of: string | null;
  asked_of_name: string | null;
  asked_at: string | null;
  before: FollowUpSignal;
  after: FollowUpSignal | null;
  decided_at: string | null;
  evidence_type: string | null;
  evidence_id: string | null;
  completed_at: string | null;
};

const rowSelect = sql`
  select f.id, f.enrollment_id, f.person_id, p.first_name as person_first_name, p.last_name as person_last_name,
    f.course_id, f.program_id, coalesce(c.title, pr.title) as item_title, f.reason_type, f.reason_record_type, f.reason_record_id,
    f.due_at, f.status, f.asked_of, case when ap.id is null then null else ap.first_name || ' ' || ap.last_name end as asked_of_name,
    f.asked_at, f.before, f.after, f.decided_at, f.evidence_type, f.evidence_id, e.completed_at
  from follow_up f
  join person p on p.id = f.person_id
  join enrollment e on e.id = f.enrollment_id
  left join person ap on ap.id = f.asked_of
  left join course c on c.id = f.course_id
  left join program pr on pr.id = f.program_id`;

export async function findFollowUp(db: DbOrTx, orgId: string, id: string): Promise<FollowUpRow | undefined> {
  return rows<FollowUpRow>(await db.execute(sql`${rowSelect} where f.org_id = ${orgId} and f.id = ${id}`))[0];
}

export type ListFilter = {
  personId?: string;
  courseId?: string;
  programId?: string;
  status?: FollowUpStatus;
  askedOf?: string;
  /** Only the viewer's own, those of people below them, and those asked of them. */
  visibleTo?: string;
  beforeId?: string;
};

export async function listFollowUps(db: DbOrTx, orgId: string, f: ListFilter, limit: number): Promise<FollowUpRow[]> {
  const conds: SQL[] = [sql`f.org_id = ${orgId}`];
  if (f.personId) conds.push(sql`f.person_id = ${f.personId}`);
  if (f.courseId) conds.push(sql`f.course_id = ${f.courseId}`);
  if (f.programId) conds.push(sql`f.program_id = ${f.programId}`);
  if (f.status) conds.push(sql`f.status = ${f.status}`);
  if (f.askedOf) conds.push(sql`f.asked_of = ${f.askedOf}`);
  if (f.visibleTo) {
    conds.push(sql`(f.person_id = ${f.visibleTo} or f.asked_of = ${f.visibleTo} or f.person_id in (${chainBelowSql(orgId, f.visibleTo)}))`);
  }
  if (f.beforeId) conds.push(sql`f.id < ${f.beforeId}`);
  return rows<FollowUpRow>(await db.execute(sql`${rowSelect} where ${sql.join(conds, sql` and `)} order by f.id desc limit ${limit}`));
}

/** Names of skills, for the follow-ups' skill lists. */
export async function skillNames(db: DbOrTx, orgId: string, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const r = rows<{ id: string; name: string }>(await db.execute(sql`select id, name from skill where org_id = ${orgId} and id = any(${uuidArray(ids)})`));
  return new Map(r.map((x) => [x.id, x.name]));
}

export type Scope =
  | { courseId: string }
  | { programId: string }
  | { personIds: readonly string[] }
  | { below: string };

function scopeSql(orgId: string, s: Scope): SQL {
  if ('courseId' in s) return sql`f.course_id = ${s.courseId}`;
  if ('programId' in s) return sql`f.program_id = ${s.programId}`;
  if ('personIds' in s) return sql`f.person_id = any(${uuidArray(s.personIds)})`;
  return sql`f.person_id in (${chainBelowSql(orgId, s.below)})`;
}

/** Follow-ups counted by status and by a key (reason type or person): one statement. */
export async function countBy(db: DbOrTx, orgId: string, scope: Scope, key: 'reason_type' | 'person_id') {
  const k = sql.raw(`f.${key}`);
  const r = await db.execute(sql`
    select ${k} as key, f.status, count(*)::int as n from follow_up f
    where f.org_id = ${orgId} and ${scopeSql(orgId, scope)}
    group by ${k}, f.status`);
  return rows<{ key: string; status: FollowUpStatus; n: number }>(r).map((x) => ({ ...x, n: Number(x.n) }));
}

export async function organisationIds(db: DbOrTx): Promise<string[]> {
  return rows<{ id: string }>(await db.execute(sql`select id from organisation order by id`)).map((x) => x.id);
}

export async function itemExists(db: DbOrTx, orgId: string, kind: 'course' | 'program', id: string): Promise<boolean> {
  const t = sql.raw(kind);
  return rows(await db.execute(sql`select 1 from ${t} where org_id = ${orgId} and id = ${id}`)).length > 0;
}

export async function personInOrg(db: DbOrTx, orgId: string, id: string): Promise<boolean> {
  return rows(await db.execute(sql`select 1 from person where org_id = ${orgId} and id = ${id}`)).length > 0;
}

// ---- low loop closure ---------------------------------------------------------------------------

/** Follow-ups counted by course and status, of every course or of some. */
export async function countByCourse(db: DbOrTx, orgId: string, courseIds?: readonly string[]) {
  const which = courseIds ? sql`f.course_id = any(${uuidArray(courseIds)})` : sql`f.course_id is not null`;
  const r = await db.execute(sql`
    select f.course_id as key, f.status, count(*)::int as n from follow_up f
    where f.org_id = ${orgId} and ${which}
    group by f.course_id, f.status`);
  return rows<{ key: string; status: FollowUpStatus; n: number }>(r).map((x) => ({ ...x, n: Number(x.n) }));
}

/**
 * When each course was last flagged for low loop closure: the flag's audit row is its record (the
 * audit trail is platform's, read here for these few rows by its record index rather than keeping
 * a second copy of the same fact in a table of insight's). The time is the app clock's, kept in
 * the row as `flaggedAt`: the row's own `at` is the database's, which a moved clock does not move.
 */
export async function lastLowClosureFlags(db: DbOrTx, orgId: string, courseIds: readonly string[], action: string): Promise<Map<string, Date>> {
  if (courseIds.length === 0) return new Map();
  const r = await db.execute(sql`
    select a.record_id, max((a.after ->> 'flaggedAt')::timestamptz) as at from audit_event a
    where a.org_id = ${orgId} and a.record_type = 'course' and a.record_id = any(${`{${courseIds.join(',')}}`}::text[]) and a.action = ${action}
    group by a.record_id`);
  return new Map(rows<{ record_id: string; at: string | Date }>(r).map((x) => [x.record_id, new Date(x.at)]));
}

/**
 * Who hears of a course's low loop closure: the organisation's active learning admins; with none,
 * its admins (who hold every role), so the flag reaches someone who can act on it.
 */
export async function learningAdminIds(db: DbOrTx, orgId: string): Promise<string[]> {
  const r = await db.execute(sql`
    with holders as (
      select ua.person_id, 'learning_admin' = any(ua.roles) as learning
      from user_account ua join person p on p.id = ua.person_id and p.org_id = ua.org_id and p.status = 'active'
      where ua.org_id = ${orgId} and (ua.roles && array['learning_admin', 'admin']::text[])
    )
    select person_id from holders
    where learning or not exists (select 1 from holders h where h.learning)
    order by person_id`);
  return rows<{ person_id: string }>(r).map((x) => x.person_id);
}

export async function courseTitles(db: DbOrTx, orgId: string, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const r = rows<{ id: string; title: string }>(await db.execute(sql`select id, title from course where org_id = ${orgId} and id = any(${uuidArray(ids)})`));
  return new Map(r.map((x) => [x.id, x.title]));
}
