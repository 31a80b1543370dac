import { sql, type SQL } from 'drizzle-orm';
import {
  calibrationEntry, calibrationSession, department, person, raterLeniency, review, reviewCycle, reviewParticipant, reviewSettings,
  type NineBoxLabel, type RatingGuideline, type ReviewAnswer, type ReviewCyclePhase, type ReviewRelationship, type ReviewTemplateBody,
} from '../../../db/schema/index.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';
import { rows, uuidArray, withDates } from '../../../platform/db/sql.ts';
import { chainBelowSql, departmentsBelowSql } from '../../org/index.ts';

/*
 * Calibration's SQL. A grid is three statements whatever its size: the subjects in scope with
 * their entries, their submitted reviews, and the managers' leniency rows of other cycles.
 */

export type SessionRow = typeof calibrationSession.$inferSelect;
export type EntryRow = typeof calibrationEntry.$inferSelect;
export type CycleOfSession = { id: string; name: string; phase: ReviewCyclePhase; templateSnapshot: ReviewTemplateBody | null };
export type SessionScope = Pick<SessionRow, 'scopeType' | 'departmentId' | 'managerId'>;

/**
 * The participants of the cycle (as `rp`) a session's scope holds: by department, those whose
 * department at launch is the session's or below it; by manager, everyone below the manager in
 * the reporting chain now.
 */
function inScopeSql(orgId: string, s: SessionScope): SQL {
  if (s.scopeType === 'department') return s.departmentId ? sql`rp.department_id in (${departmentsBelowSql(orgId, [s.departmentId])})` : sql`false`;
  return s.managerId ? sql`rp.person_id in (${chainBelowSql(orgId, s.managerId)})` : sql`false`;
}

function subjectsSql(orgId: string, cycleId: string, s: SessionScope): SQL {
  return sql`select rp.person_id from ${reviewParticipant} rp where rp.org_id = ${orgId} and rp.cycle_id = ${cycleId}::uuid and ${inScopeSql(orgId, s)}`;
}

// ---- cycles and sessions ------------------------------------------------------------------------

export async function findCycle(db: DbOrTx, orgId: string, id: string): Promise<CycleOfSession | undefined> {
  const r = await db.execute(sql`
    select c.id::text as id, c.name, c.phase, c.template_snapshot as "templateSnapshot"
    from ${reviewCycle} c where c.org_id = ${orgId} and c.id = ${id}::uuid`);
  return rows<CycleOfSession>(r)[0];
}

const sessionColumns = sql`s.id::text as id, s.org_id::text as "orgId", s.cycle_id::text as "cycleId", s.name, s.scope_type as "scopeType",
  s.department_id::text as "departmentId", s.manager_id::text as "managerId", s.calibrator_ids as "calibratorIds", s.guideline,
  s.locked_at as "lockedAt", s.locked_by::text as "lockedBy", s.created_at as "createdAt"`;
const sessionRow = (r: SessionRow) => withDates(r, ['lockedAt', 'createdAt']);

/** A session with its cycle; `lock` takes the row for share (an entry change) or update (the lock itself). */
export async function findSession(db: DbOrTx, orgId: string, id: string, lock?: 'share' | 'update') {
  const r = await db.execute(sql`
    select ${sessionColumns}, c.name as "cycleName", c.phase as "cyclePhase", c.template_snapshot as "templateSnapshot"
    from ${calibrationSession} s join ${reviewCycle} c on c.org_id = s.org_id and c.id = s.cycle_id
    where s.org_id = ${orgId} and s.id = ${id}::uuid
    ${lock ? sql.raw(`for ${lock} of s`) : sql``}`);
  const row = rows<SessionRow & { cycleName: string; cyclePhase: ReviewCyclePhase; templateSnapshot: ReviewTemplateBody | null }>(r)[0];
  if (!row) return undefined;
  const { cycleName, cyclePhase, templateSnapshot, ...session } = row;
  return { session: sessionRow(session), cycle: { id: session.cycleId, name: cycleName, phase: cyclePhase, templateSnapshot } satisfies CycleOfSession };
}

/** The sessions of a cycle, all of them or those `calibratorId` calibrates in. */
export async function listSessions(db: DbOrTx, orgId: string, cycleId: string, calibratorId: string | null): Promise<SessionRow[]> {
  const r = await db.execute(sql`
    select ${sessionColumns} from ${calibrationSession} s
    where s.org_id = ${orgId} and s.cycle_id = ${cycleId}::uuid
      ${calibratorId ? sql`and s.calibrator_ids ? ${calibratorId}::text` : sql``}
    order by s.created_at, s.id`);
  return rows<SessionRow>(r).map(sessionRow);
}

/** Which of the sessions hold `personId` as a subject: one statement for the whole list. */
export async function sessionsHolding(db: DbOrTx, orgId: string, personId: string, sessions: readonly SessionRow[]): Promise<Set<string>> {
  if (!sessions.length) return new Set();
  const checks = sessions.map(
    (s) => sql`select ${s.id}::text as id where exists(select 1 from ${reviewParticipant} rp
      where rp.org_id = ${orgId} and rp.cycle_id = ${s.cycleId}::uuid and rp.person_id = ${personId}::uuid and ${inScopeSql(orgId, s)})`,
  );
  const r = await db.execute(sql.join(checks, sql` union all `));
  return new Set(rows<{ id: string }>(r).map((x) => x.id));
}

export async function insertSession(db: DbOrTx, values: typeof calibrationSession.$inferInsert): Promise<SessionRow> {
  const [row] = await db.insert(calibrationSession).values(values).returning();
  return row!;
}

export async function markLocked(db: DbOrTx, orgId: string, id: string, by: string, at: Date): Promise<void> {
  await db.execute(sql`update ${calibrationSession} set locked_at = ${at.toISOString()}::timestamptz, locked_by = ${by}::uuid
    where org_id = ${orgId} and id = ${id}::uuid`);
}

/** Which of `ids` are people of the organisation, and which of them are active. */
export async function peopleAmong(db: DbOrTx, orgId: string, ids: readonly string[]): Promise<Map<string, { name: string; active: boolean }>> {
  if (!ids.length) return new Map();
  const r = await db.execute(sql`select p.id::text as id, p.first_name as "firstName", p.last_name as "lastName", p.status
    from ${person} p where p.org_id = ${orgId} and p.id = any(${uuidArray(ids)})`);
  return new Map(
    rows<{ id: string; firstName: string; lastName: string; status: string }>(r).map((p) => [p.id, { name: `${p.firstName} ${p.lastName}`.trim(), active: p.status === 'active' }]),
  );
}

export async function departmentName(db: DbOrTx, orgId: string, id: string): Promise<string | undefined> {
  const r = await db.execute(sql`select d.name from ${department} d where d.org_id = ${orgId} and d.id = ${id}::uuid`);
  return rows<{ name: string }>(r)[0]?.name;
}

/** Which of `personIds` are subjects a session of this scope would hold. */
export async function subjectsAmong(db: DbOrTx, orgId: string, cycleId: string, scope: SessionScope, personIds: readonly string[]): Promise<Set<string>> {
  if (!personIds.length) return new Set();
  const r = await db.execute(sql`select rp.person_id::text as id from ${reviewParticipant} rp
    where rp.org_id = ${orgId} and rp.cycle_id = ${cycleId}::uuid and rp.person_id = any(${uuidArray(personIds)}) and ${inScopeSql(orgId, scope)}`);
  return new Set(rows<{ id: string }>(r).map((x) => x.id));
}

// ---- the grid -----------------------------------------------------------------------------------

export type SubjectRow = {
  subjectId: string;
  firstName: string;
  lastName: string;
  jobTitle: string | null;
  managerId: string | null;
  managerName: string | null;
  departmentId: string | null;
  departmentName: string | null;
  entrySessionId: string | null;
  hasEntry: boolean;
  proposedScore: number | null;
  finalRating: number | null;
  potential: number | null;
  reason: string | null;
  notes: string | null;
  adjustedBy: string | null;
  adjustedByName: string | null;
  adjustedAt: Date | null;
};

/** The subjects in a session's scope (or one of them) with their manager, department and entry. */
export async function subjectsInScope(db: DbOrTx, orgId: string, cycleId: string, scope: SessionScope, onlySubjectId?: string): Promise<SubjectRow[]> {
  const r = await db.execute(sql`
    select rp.person_id::text as "subjectId", p.first_name as "firstName", p.last_name as "lastName", p.job_title as "jobTitle",
      rp.manager_id::text as "managerId", nullif(trim(m.first_name || ' ' || m.last_name), '') as "managerName",
      rp.department_id::text as "departmentId", d.name as "departmentName",
      e.session_id::text as "entrySessionId", (e.subject_id is not null) as "hasEntry", e.proposed_score as "proposedScore",
      e.final_rating as "finalRating", e.potential, e.reason, e.notes, e.adjusted_by::text as "adjustedBy",
      nullif(trim(a.first_name || ' ' || a.last_name), '') as "adjustedByName", e.adjusted_at as "adjustedAt"
    from ${reviewParticipant} rp
    join ${person} p on p.org_id = rp.org_id and p.id = rp.person_id
    left join ${person} m on m.org_id = rp.org_id and m.id = rp.manager_id
    left join ${department} d on d.org_id = rp.org_id and d.id = rp.department_id
    left join ${calibrationEntry} e on e.cycle_id = rp.cycle_id and e.subject_id = rp.person_id
    left join ${person} a on a.org_id = rp.org_id and a.id = e.adjusted_by
    where rp.org_id = ${orgId} and rp.cycle_id = ${cycleId}::uuid and ${inScopeSql(orgId, scope)}
      ${onlySubjectId ? sql`and rp.person_id = ${onlySubjectId}::uuid` : sql``}
    order by lower(p.last_name), lower(p.first_name), rp.person_id`);
  return rows<SubjectRow>(r).map((x) => withDates(x, ['adjustedAt']));
}

export type SubmittedReviewRow = { subjectId: string; reviewerId: string; relationship: ReviewRelationship; answers: Record<string, ReviewAnswer> };

/** The submitted reviews of the subjects in a session's scope (or of one of them). */
export async function submittedReviews(db: DbOrTx, orgId: string, cycleId: string, scope: SessionScope, onlySubjectId?: string): Promise<SubmittedReviewRow[]> {
  const r = await db.execute(sql`
    select r.subject_id::text as "subjectId", r.reviewer_id::text as "reviewerId", r.relationship, r.answers
    from ${review} r
    where r.org_id = ${orgId} and r.cycle_id = ${cycleId}::uuid and r.status = 'submitted'
      and r.subject_id in (${subjectsSql(orgId, cycleId, scope)})
      ${onlySubjectId ? sql`and r.subject_id = ${onlySubjectId}::uuid` : sql``}`);
  return rows<SubmittedReviewRow>(r);
}

// ---- entries ------------------------------------------------------------------------------------

export async function entryForUpdate(db: DbOrTx, orgId: string, cycleId: string, subjectId: string): Promise<EntryRow | undefined> {
  const [row] = await db
    .select()
    .from(calibrationEntry)
    .where(sql`${calibrationEntry.orgId} = ${orgId} and ${calibrationEntry.cycleId} = ${cycleId}::uuid and ${calibrationEntry.subjectId} = ${subjectId}::uuid`)
    .for('update');
  return row;
}

export async function saveEntry(db: DbOrTx, values: typeof calibrationEntry.$inferInsert): Promise<EntryRow> {
  const { orgId: _o, cycleId: _c, subjectId: _s, ...set } = values;
  const [row] = await db.insert(calibrationEntry).values(values).onConflictDoUpdate({ target: [calibrationEntry.cycleId, calibrationEntry.subjectId], set }).returning();
  return row!;
}

/**
 * At lock: every subject of the session gets its entry, with the proposed score as computed now
 * and the final rating the proposed one where nobody adjusted it. Entries of another session are
 * left as they are; one whose session was deleted is claimed. One statement.
 */
export async function settleEntries(db: DbOrTx, orgId: string, cycleId: string, sessionId: string, list: readonly { subjectId: string; proposed: number | null }[]): Promise<void> {
  if (!list.length) return;
  await db.execute(sql`
    insert into ${calibrationEntry} (org_id, cycle_id, subject_id, session_id, proposed_score, final_rating)
    select ${orgId}::uuid, ${cycleId}::uuid, x.subject_id, ${sessionId}::uuid, x.proposed, x.proposed
    from jsonb_to_recordset(${JSON.stringify(list.map((x) => ({ subject_id: x.subjectId, proposed: x.proposed })))}::jsonb) as x(subject_id uuid, proposed real)
    on conflict (cycle_id, subject_id) do update
      set session_id = excluded.session_id, proposed_score = excluded.proposed_score,
          final_rating = coalesce(${calibrationEntry}.final_rating, excluded.proposed_score)
      where ${calibrationEntry}.session_id = excluded.session_id or ${calibrationEntry}.session_id is null`);
}

// ---- leniency -----------------------------------------------------------------------------------

/** The calibrated subjects of a cycle (those of its locked sessions) with their finals, and their non-self submitted reviews. */
export async function calibratedOfCycle(db: DbOrTx, orgId: string, cycleId: string) {
  const calibrated = sql`select e.subject_id from ${calibrationEntry} e join ${calibrationSession} s on s.org_id = e.org_id and s.id = e.session_id
    where e.org_id = ${orgId} and e.cycle_id = ${cycleId}::uuid and s.locked_at is not null`;
  const finals = await db.execute(sql`
    select e.subject_id::text as "subjectId", e.final_rating as "finalRating" from ${calibrationEntry} e
    where e.org_id = ${orgId} and e.cycle_id = ${cycleId}::uuid and e.final_rating is not null and e.subject_id in (${calibrated})`);
  const reviews = await db.execute(sql`
    select r.subject_id::text as "subjectId", r.reviewer_id::text as "reviewerId", r.relationship, r.answers from ${review} r
    where r.org_id = ${orgId} and r.cycle_id = ${cycleId}::uuid and r.status = 'submitted' and r.relationship <> 'self'
      and r.subject_id in (${calibrated})`);
  return { finals: rows<{ subjectId: string; finalRating: number }>(finals), reviews: rows<SubmittedReviewRow>(reviews) };
}

export type LeniencyWrite = Omit<typeof raterLeniency.$inferInsert, 'orgId' | 'cycleId' | 'computedAt'>;

/** The cycle's leniency rows, replaced as a whole: delete, then one insert of every rater. */
export async function replaceCycleLeniency(db: DbOrTx, orgId: string, cycleId: string, list: readonly LeniencyWrite[], at: Date): Promise<void> {
  await db.execute(sql`delete from ${raterLeniency} where org_id = ${orgId} and cycle_id = ${cycleId}::uuid`);
  if (!list.length) return;
  await db.insert(raterLeniency).values(list.map((x) => ({ ...x, orgId, cycleId, computedAt: at })));
}

export type LeniencyRow = typeof raterLeniency.$inferSelect & { cycleName: string; periodEndsOn: string };

/** Stored leniency rows of these raters, oldest cycle first, leaving out one cycle (the one being calibrated). */
export async function leniencyOf(db: DbOrTx, orgId: string, raterIds: readonly string[], exceptCycleId: string | null): Promise<LeniencyRow[]> {
  if (!raterIds.length) return [];
  const r = await db.execute(sql`
    select rl.cycle_id::text as "cycleId", rl.rater_id::text as "raterId", rl.ratings, rl.offset_from_final as "offsetFromFinal",
      rl.final_sd as "finalSd", rl.final_low as "finalLow", rl.final_high as "finalHigh", rl.co_rated as "coRated",
      rl.offset_from_peers as "offsetFromPeers", rl.peers_sd as "peersSd", rl.peers_low as "peersLow", rl.peers_high as "peersHigh",
      rl.computed_at as "computedAt", c.name as "cycleName", c.period_ends_on::text as "periodEndsOn"
    from ${raterLeniency} rl join ${reviewCycle} c on c.org_id = rl.org_id and c.id = rl.cycle_id
    where rl.org_id = ${orgId} and rl.rater_id = any(${uuidArray(raterIds)})
      ${exceptCycleId ? sql`and rl.cycle_id <> ${exceptCycleId}::uuid` : sql``}
    order by c.period_ends_on, c.created_at, c.id`);
  return rows<LeniencyRow>(r).map((x) => withDates(x, ['computedAt']));
}

// ---- 9-box labels -------------------------------------------------------------------------------

export async function storedNineBox(db: DbOrTx, orgId: string): Promise<NineBoxLabel[] | null> {
  const r = await db.execute(sql`select nine_box as "nineBox" from ${reviewSettings} where org_id = ${orgId}`);
  return rows<{ nineBox: NineBoxLabel[] | null }>(r)[0]?.nineBox ?? null;
}

export async function saveNineBox(db: DbOrTx, orgId: string, labels: NineBoxLabel[] | null, at: Date): Promise<void> {
  await db
    .insert(reviewSettings)
    .values({ orgId, nineBox: labels, updatedAt: at })
    .onConflictDoUpdate({ target: reviewSettings.orgId, set: { nineBox: labels, updatedAt: at } });
}

export type { RatingGuideline };
