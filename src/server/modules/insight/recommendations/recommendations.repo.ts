import { createHash } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import type { RecommendationEvidence } from '../../../db/schema/insight.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';
import { preparedSql } from '../../../platform/db/prepared.ts';
import { rows, uuidArray } from '../../../platform/db/sql.ts';
import { chainAboveSql } from '../../org/index.ts';
import {
  courseSkillsSql, learnersOfEnrollmentsSql, learningItemsSql, openOrCompletedLearningSql, programCoursesSql,
  type CourseSkillRow, type HeldLearningRow, type LearningItemRow, type ProgramCourseRow,
} from '../../learning/index.ts';
import { goalSkillNeedsSql } from '../../performance/index.ts';
import {
  assessmentFactsSql, needGapsSql, peopleOfProfileSql, skillAndProfileNamesSql, skillGapsSql, skillHurdleNeedsSql, type SkillGapRow,
} from '../../talent/index.ts';

// The only SQL of recommendations. Reads are set-based over a batch of people (one statement per
// input, never one per person); writes replace a batch's rows with at most a delete, an update and an insert.
// Learning's and talent's tables are read through the fragments their index.ts exports.

export type { CourseSkillRow, ProgramCourseRow };

/**
 * A recommendation's id is derived from (person, item), so it stays the same across recomputes
 * (a replace): an "undo" sent after a background recompute still names the row. Its first 48 bits
 * are the person's id's (a v7 id's time), the rest (74 bits) a hash of person and item (a v8 id):
 * a batch of people in id order then inserts its rows next to each other in the primary key, where
 * ids all hash made every insert land on a random page of it (20,000 rows, rolled back, at load 6:
 * a median 1.76 s with hashed ids, 1.52 s with these). Rows stored with all-hash ids from before
 * are replaced once by the first recompute that meets them (their ids are not these).
 */
export function recommendationId(personId: string, itemType: string, itemId: string): string {
  const h = createHash('sha256').update(`${personId}:${itemType}:${itemId}`).digest('hex');
  return `${personId.slice(0, 8)}-${personId.slice(9, 13)}-8${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Active people of the organisation, in id order after `after`: the batches of a whole-organisation recompute. */
export async function personIdsAfter(db: DbOrTx, orgId: string, after: string | null, limit: number): Promise<string[]> {
  const r = await db.execute(sql`
    select id from person where org_id = ${orgId} and status = 'active' ${after ? sql`and id > ${after}` : sql``}
    order by id limit ${limit}`);
  return rows<{ id: string }>(r).map((x) => x.id);
}

/** Every active person of the organisation, in id order: the batches of a whole-organisation recompute. */
export async function activePersonIds(db: DbOrTx, orgId: string): Promise<string[]> {
  return rows<{ id: string }>(await db.execute(sql`select id from person where org_id = ${orgId} and status = 'active' order by id`)).map((x) => x.id);
}

/** Every organisation: the daily recompute's. */
export async function organisationIds(db: DbOrTx): Promise<string[]> {
  return rows<{ id: string }>(await db.execute(sql`select id from organisation order by id`)).map((x) => x.id);
}

export async function peopleOfProfile(db: DbOrTx, orgId: string, profileId: string): Promise<string[]> {
  return rows<{ id: string }>(await db.execute(peopleOfProfileSql(orgId, profileId))).map((x) => x.id);
}

export async function peopleOfEnrollments(db: DbOrTx, orgId: string, enrollmentIds: readonly string[]): Promise<string[]> {
  if (enrollmentIds.length === 0) return [];
  return rows<{ person_id: string }>(await db.execute(learnersOfEnrollmentsSql(orgId, enrollmentIds))).map((x) => x.person_id);
}

/**
 * Every gap of the people, one statement: their profiles' and aspirations' (talent), their open
 * skill hurdles' (talent) and their open goals' skills (performance).
 */
export async function gapsOf(db: DbOrTx, orgId: string, personIds: readonly string[]): Promise<SkillGapRow[]> {
  const needs = sql`${skillHurdleNeedsSql(orgId, personIds)} union all ${goalSkillNeedsSql(orgId, personIds)}`;
  const all = sql`${skillGapsSql(orgId, personIds)} union all ${needGapsSql(orgId, needs)}`;
  return rows<SkillGapRow>(await db.execute(all)).map((g) => ({
    ...g,
    expected: Number(g.expected),
    current: g.current == null ? null : Number(g.current),
  }));
}

/** Published courses teaching any of the skills, with the level each teaches. */
export async function coursesTeaching(db: DbOrTx, orgId: string, skillIds: readonly string[]): Promise<CourseSkillRow[]> {
  if (skillIds.length === 0) return [];
  return rows<CourseSkillRow>(await db.execute(courseSkillsSql(orgId, skillIds))).map((x) => ({ ...x, level: Number(x.level) }));
}

/** Published programs with a course step teaching any of the skills: one row per such step. */
export async function programsTeaching(db: DbOrTx, orgId: string, skillIds: readonly string[]): Promise<ProgramCourseRow[]> {
  if (skillIds.length === 0) return [];
  return rows<ProgramCourseRow>(await db.execute(programCoursesSql(orgId, skillIds))).map((x) => ({
    ...x,
    estimated_minutes: x.estimated_minutes == null ? null : Number(x.estimated_minutes),
  }));
}

/** Courses and programs each person holds an open or completed enrolment in: never recommended. */
export async function heldLearning(db: DbOrTx, orgId: string, personIds: readonly string[]): Promise<HeldLearningRow[]> {
  return rows<HeldLearningRow>(await db.execute(openOrCompletedLearningSql(orgId, personIds)));
}

export async function dismissalsOf(db: DbOrTx, orgId: string, personIds: readonly string[]) {
  const r = await db.execute(sql`
    select person_id, item_type, item_id, fingerprint from recommendation_dismissal
    where org_id = ${orgId} and person_id = any(${uuidArray(personIds)})`);
  return rows<{ person_id: string; item_type: string; item_id: string; fingerprint: string }>(r);
}

export type NewRecommendation = {
  personId: string;
  itemType: 'course' | 'program';
  itemId: string;
  rank: number;
  score: number;
  skillId: string | null;
  explanation: string;
  evidence: RecommendationEvidence[];
  fingerprint: string;
};

/** What a replace did: rows already as computed (left alone), changed ones (updated), new ones and gone ones. */
export type ReplaceCounts = { kept: number; updated: number; inserted: number; deleted: number };

type StoredRecommendation = {
  id: string;
  rank: number;
  score: number;
  skill_id: string | null;
  explanation: string;
  evidence: RecommendationEvidence[] | string;
  fingerprint: string;
};

/**
 * Replaces the people's rows with `recs`, writing only what differs from what is stored: one read
 * of the batch's rows, then at most one delete (rows no longer recommended), one update (same
 * person and item, anything else changed) and one insert (new), each ONE statement for the whole
 * batch with one array parameter per column. A recompute where little changed writes little; an
 * unchanged row keeps its `computed_at` (when it was last computed to be what it is). An update
 * keeps the row's person and skill unless the skill changed, so PostgreSQL runs no foreign-key
 * check for it, while every inserted row costs three (in EXPLAIN ANALYZE of 20,000 rows at 100,000
 * people, the three triggers took about half of the insert's time).
 */
export async function replaceFor(
  db: DbOrTx,
  orgId: string,
  personIds: readonly string[],
  recs: readonly NewRecommendation[],
  now: Date,
): Promise<ReplaceCounts> {
  const stored = new Map(
    rows<StoredRecommendation>(
      await db.execute(sql`
        select id, rank, score, skill_id, explanation, evidence, fingerprint from recommendation
        where org_id = ${orgId} and person_id = any(${uuidArray(personIds)})`),
    ).map((r) => [r.id, r]),
  );
  const inserts: Array<NewRecommendation & { id: string }> = [];
  const updates: Array<NewRecommendation & { id: string }> = [];
  let kept = 0;
  for (const r of recs) {
    const id = recommendationId(r.personId, r.itemType, r.itemId);
    const old = stored.get(id);
    if (!old) inserts.push({ ...r, id });
    else {
      stored.delete(id);
      if (sameRecommendation(old, r)) kept += 1;
      else updates.push({ ...r, id });
    }
  }
  const gone = [...stored.keys()];
  if (gone.length > 0) await db.execute(sql`delete from recommendation where org_id = ${orgId} and id = any(${uuidArray(gone)})`);
  if (updates.length > 0) {
    await db.execute(sql`
      update recommendation r set rank = x.rank, score = x.score, skill_id = x.skill_id, explanation = x.explanation,
        evidence = x.evidence, fingerprint = x.fingerprint, computed_at = ${now}
      from ${columns(updates)} where r.org_id = ${orgId} and r.id = x.id`);
  }
  if (inserts.length > 0) {
    await db.execute(sql`
      insert into recommendation (id, org_id, person_id, item_type, item_id, rank, score, skill_id, explanation, evidence, fingerprint, computed_at)
      select x.id, ${orgId}, x.person_id, x.item_type, x.item_id, x.rank, x.score, x.skill_id, x.explanation, x.evidence, x.fingerprint, ${now}
      from ${columns(inserts)}`);
  }
  return { kept, updated: updates.length, inserted: inserts.length, deleted: gone.length };
}

/**
 * The rows as `unnest` of one array parameter per column, aliased x, for the update as for the
 * insert. (An insert costs the same as from the json document of 1,000 rows it replaced: 20,000
 * rows in about 1.2 s either way at load 6; the rows themselves, their three indexes and
 * foreign-key checks are the cost, not reading the parameters.)
 */
function columns(recs: ReadonlyArray<NewRecommendation & { id: string }>): SQL {
  const ints = (v: readonly number[]) => `{${v.join(',')}}`;
  return sql`unnest(
      ${uuidArray(recs.map((r) => r.id))}, ${uuidArray(recs.map((r) => r.personId))}, ${textArray(recs.map((r) => r.itemType))}::text[],
      ${uuidArray(recs.map((r) => r.itemId))}, ${ints(recs.map((r) => r.rank))}::int[], ${ints(recs.map((r) => r.score))}::real[],
      ${textArray(recs.map((r) => r.skillId))}::uuid[], ${textArray(recs.map((r) => r.explanation))}::text[],
      ${textArray(recs.map((r) => JSON.stringify(r.evidence)))}::jsonb[], ${textArray(recs.map((r) => r.fingerprint))}::text[]
    ) as x(id, person_id, item_type, item_id, rank, score, skill_id, explanation, evidence, fingerprint)`;
}

/** A PostgreSQL array literal of text (null as NULL): every element quoted, `"` and `\` escaped, so any text goes through. */
function textArray(values: ReadonlyArray<string | null>): string {
  return `{${values.map((v) => (v === null ? 'NULL' : `"${v.replace(/["\\]/g, '\\$&')}"`)).join(',')}}`;
}

/** Whether the stored row already says what the recompute computed (score as the `real` column holds it). */
function sameRecommendation(old: StoredRecommendation, r: NewRecommendation): boolean {
  return (
    old.rank === r.rank &&
    Math.fround(Number(old.score)) === Math.fround(r.score) &&
    old.skill_id === r.skillId &&
    old.fingerprint === r.fingerprint &&
    old.explanation === r.explanation &&
    sameJson(typeof old.evidence === 'string' ? JSON.parse(old.evidence) : old.evidence, r.evidence)
  );
}

/** Deep equality of two json values (objects compared key by key whatever their order, as jsonb stores them). */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((v, i) => sameJson(v, (b as unknown[])[i]));
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

// ---- reads ----------------------------------------------------------------------------------

export type RecommendationRow = {
  id: string;
  person_id: string;
  item_type: 'course' | 'program';
  item_id: string;
  rank: number;
  score: number;
  explanation: string;
  evidence: RecommendationEvidence[];
  fingerprint: string;
  computed_at: Date | string;
};

/** A fragment's rows as one json array. */
const agg = (fragment: SQL) => sql`(select coalesce(json_agg(x), '[]'::json) from (${fragment}) x)`;

export type RecommendationsPage = { first_name: string; viewerAbove: boolean; recs: RecommendationRow[] } & FactsJson;

const [orgArg, personArg, viewerArg, chainMattersArg, limitArg] = [
  sql.placeholder('orgId'), sql.placeholder('personId'), sql.placeholder('viewerId'), sql.placeholder('chainMatters'), sql.placeholder('limit'),
];
const evidenceIds = (key: string, where = sql`true`) =>
  sql`array(select distinct (e ->> ${sql.raw(`'${key}'`)})::uuid from ev where e ->> ${sql.raw(`'${key}'`)} is not null and ${where})`;

/**
 * A person's recommendations page in ONE prepared statement, one json value (it was three round
 * trips): their first name, their shown recommendations (not dismissed with the same evidence)
 * best first, what the evidence names (as `factsOf`, from the rows' own ids) and, when it
 * matters, whether the viewer is above them. No row when the person is not of the organisation.
 * The chain switch is read through a sub-select: as a bare parameter PostgreSQL folded it into
 * each custom plan, which then always looked cheaper than the generic one, so every request was
 * planned anew (on 100,000 people 2.4 ms of backend CPU a request, 0.9 ms with the generic plan).
 */
const recommendationsPage = preparedSql<{ row: RecommendationsPage }, { orgId: string; personId: string; viewerId: string; chainMatters: boolean; limit: number }>(
  'insight_recommendations_page',
  sql`with recs as (
      select r.id, r.person_id, r.item_type, r.item_id, r.rank, r.score, r.explanation, r.evidence, r.fingerprint, r.computed_at
      from recommendation r
      where r.org_id = ${orgArg} and r.person_id = ${personArg}::uuid
        and not exists (
          select 1 from recommendation_dismissal d
          where d.person_id = r.person_id and d.item_type = r.item_type and d.item_id = r.item_id and d.fingerprint = r.fingerprint)
      order by r.rank limit ${limitArg}),
    ev as (select e from recs, jsonb_array_elements(recs.evidence) e)
    select json_build_object(
      'first_name', p.first_name,
      'viewerAbove', case when (select ${chainMattersArg}::boolean)
        then exists (select 1 from (${chainAboveSql(orgArg, personArg)}) up where up.id = ${viewerArg}::uuid) else false end,
      'recs', coalesce((select json_agg(x order by x.rank) from recs x), '[]'::json),
      'names', ${agg(skillAndProfileNamesSql(orgArg, evidenceIds('skillId'), evidenceIds('recordId', sql`coalesce(e ->> 'recordType', 'job_profile') = 'job_profile'`)))},
      'assessments', ${agg(assessmentFactsSql(orgArg, evidenceIds('assessmentId')))},
      'items', ${agg(
        learningItemsSql(orgArg, sql`array(select item_id from recs where item_type = 'course')`, sql`array(select item_id from recs where item_type = 'program')`),
      )}) as row
    from person p where p.org_id = ${orgArg} and p.id = ${personArg}::uuid`,
);

export async function recommendationsPageOf(
  db: DbOrTx,
  orgId: string,
  personId: string,
  limit: number,
  viewer: { personId: string; chainMatters: boolean },
): Promise<{ first_name: string; viewerAbove: boolean; recs: RecommendationRow[]; facts: Facts } | undefined> {
  const row = (await recommendationsPage(db, { orgId, personId, viewerId: viewer.personId, chainMatters: viewer.chainMatters, limit }))[0]?.row;
  return row && { first_name: row.first_name, viewerAbove: row.viewerAbove, recs: row.recs, facts: factsFrom(row) };
}

export async function findRecommendation(db: DbOrTx, orgId: string, id: string) {
  const r = await db.execute(sql`
    select id, person_id, item_type, item_id, fingerprint from recommendation where org_id = ${orgId} and id = ${id}`);
  return rows<{ id: string; person_id: string; item_type: 'course' | 'program'; item_id: string; fingerprint: string }>(r)[0];
}

export async function upsertDismissal(db: DbOrTx, orgId: string, d: { personId: string; itemType: string; itemId: string; fingerprint: string }, now: Date) {
  await db.execute(sql`
    insert into recommendation_dismissal (org_id, person_id, item_type, item_id, fingerprint, dismissed_at)
    values (${orgId}, ${d.personId}, ${d.itemType}, ${d.itemId}, ${d.fingerprint}, ${now})
    on conflict (person_id, item_type, item_id) do update set fingerprint = excluded.fingerprint, dismissed_at = excluded.dismissed_at`);
}

export async function deleteDismissal(db: DbOrTx, orgId: string, d: { personId: string; itemType: string; itemId: string }): Promise<boolean> {
  const r = await db.execute(sql`
    delete from recommendation_dismissal
    where org_id = ${orgId} and person_id = ${d.personId} and item_type = ${d.itemType} and item_id = ${d.itemId} returning item_id`);
  return rows(r).length > 0;
}

export type AssessmentFact = { id: string; source: string; level: number; assessed_at: Date | string; skill_id: string; assessor_name: string | null };

/**
 * What explanations and answers name, in ONE statement: the skills' and profiles' names, the
 * assessments (with their assessor), and the courses' and programs' titles (for a read).
 */
export async function factsOf(
  db: DbOrTx,
  orgId: string,
  ids: { skillIds: readonly string[]; profileIds: readonly string[]; assessmentIds: readonly string[]; courseIds?: readonly string[]; programIds?: readonly string[] },
) {
  const r = await db.execute(sql`
    select ${agg(skillAndProfileNamesSql(orgId, ids.skillIds, ids.profileIds))} as names,
           ${agg(assessmentFactsSql(orgId, ids.assessmentIds))} as assessments,
           ${agg(learningItemsSql(orgId, ids.courseIds ?? [], ids.programIds ?? []))} as items`);
  return factsFrom(rows<FactsJson>(r)[0]!);
}

/** The three json arrays of `factsOf` (as text on a driver that does not parse json). */
type FactsJson = { names: unknown; assessments: unknown; items: unknown };
export type Facts = ReturnType<typeof factsFrom>;

function factsFrom(row: FactsJson) {
  const parse = <T>(v: unknown): T[] => (typeof v === 'string' ? JSON.parse(v) : (v as T[]));
  const names = parse<{ kind: 'skill' | 'profile'; id: string; name: string }>(row.names);
  return {
    skills: new Map(names.filter((x) => x.kind === 'skill').map((x) => [x.id, x.name])),
    profiles: new Map(names.filter((x) => x.kind === 'profile').map((x) => [x.id, x.name])),
    assessments: new Map(parse<AssessmentFact>(row.assessments).map((a) => [a.id, { ...a, level: Number(a.level) }])),
    items: new Map(parse<LearningItemRow>(row.items).map((i) => [i.id, i])),
  };
}
