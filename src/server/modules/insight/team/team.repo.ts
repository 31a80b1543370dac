import { createHash } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../../platform/db/index.ts';
import { prepared } from '../../../platform/db/prepared.ts';
import { rows, uuidArray } from '../../../platform/db/sql.ts';
import type { Actor } from '../../../platform/http/types.ts';
import { learningOfPeopleSql } from '../../learning/index.ts';
import { chainBelowSql } from '../../org/index.ts';
import { chainFeedbackSql, oneOnOneDatesSql, openGoalsOfSql, visiblePraiseOfSql } from '../../performance/index.ts';
import { aspirationsOfSql, openHurdlesOfSql, openPlanItemsOfSql, skillStandingsSql } from '../../talent/index.ts';

// The only SQL of the team view. A page of people is one statement; every kind of record of the
// whole page is then one more (never 50 × anything). Other modules'
// tables are read through the fragments their index.ts exports, with their visibility written in.

export type TeamPersonRow = {
  id: string;
  first_name: string;
  last_name: string;
  job_title: string | null;
  manager_id: string | null;
  manager_name: string | null;
};
export type NameKey = [lastName: string, firstName: string, id: string];

/**
 * Active people below the manager, by name after `after`: direct reports only, or everyone at
 * any depth (`all`). `limit + 1` rows so the caller knows whether a next page exists.
 */
export async function teamPage(db: DbOrTx, orgId: string, managerId: string, scope: 'direct' | 'all', limit: number, after?: NameKey) {
  const who = scope === 'direct' ? sql`p.manager_id = ${managerId}::uuid` : sql`p.id in (${chainBelowSql(orgId, managerId)}) and p.id <> ${managerId}::uuid`;
  return run<TeamPersonRow>(db, sql`
    select p.id, p.first_name, p.last_name, p.job_title, p.manager_id, m.first_name || ' ' || m.last_name as manager_name
    from person p left join person m on m.id = p.manager_id and m.org_id = ${orgId}
    where p.org_id = ${orgId} and p.status = 'active' and ${who}
      ${after ? sql`and (p.last_name, p.first_name, p.id) > (${after[0]}, ${after[1]}, ${after[2]}::uuid)` : sql``}
    order by p.last_name, p.first_name, p.id
    limit ${limit + 1}`);
}

/** Every active person below the manager (ids with their manager), for the roll-up per team. */
export async function everyoneBelow(db: DbOrTx, orgId: string, managerId: string) {
  const r = await db.execute(sql`
    select p.id, p.first_name, p.last_name, p.job_title, p.manager_id, m.first_name || ' ' || m.last_name as manager_name
    from person p left join person m on m.id = p.manager_id and m.org_id = ${orgId}
    where p.org_id = ${orgId} and p.status = 'active' and p.id in (${chainBelowSql(orgId, managerId)}) and p.id <> ${managerId}::uuid
    order by p.id`);
  return rows<TeamPersonRow>(r);
}

export type SkillStandingRow = { person_id: string; skill_id: string; skill_name: string; expected: number | null; current: number | null; profile_id: string | null };
export type AspirationRow = { id: string; person_id: string; profile_id: string | null; profile_name: string | null; description: string | null; time_frame: string | null };
export type HurdleRow = { id: string; person_id: string; title: string; category: string; status: string; skill_id: string | null; goal_id: string | null; created_at: Date | string };
export type PlanItemRow = { id: string; person_id: string; title: string; action_type: string; skill_id: string | null; status: string; due_date: string | null };
export type GoalRow = { id: string; person_id: string; title: string; status: string; progress: number; visibility: string };
export type LearningRow = {
  id: string; person_id: string; item_type: 'course' | 'program'; item_id: string; title: string; status: string;
  due_at: Date | string | null; completed_at: Date | string | null; reason_type: string; reason_record_type: string | null;
  reason_record_id: string | null; compliance: boolean; skill_ids: string[];
};
export type OneOnOneRow = { person_id: string; series_id: string | null; last_held_at: Date | string | null; next_at: Date | string | null; next_meeting_id: string | null };
export type FeedbackRow = { id: string; person_id: string; giver_id: string | null; anonymous: boolean; body: string | null; given_on: string };
export type PraiseRow = { id: string; person_id: string; giver_id: string | null; message: string; created_at: Date | string };
export type RecommendedRow = { person_id: string; skill_id: string; item_type: 'course' | 'program'; item_id: string; title: string };

export type TeamRecords = {
  skills: SkillStandingRow[];
  aspirations: AspirationRow[];
  hurdles: HurdleRow[];
  plan: PlanItemRow[];
  goals: GoalRow[];
  learning: LearningRow[];
  oneOnOnes: OneOnOneRow[];
  feedback: FeedbackRow[];
  praise: PraiseRow[];
  recommended: RecommendedRow[];
  names: Map<string, string>;
};

/**
 * Every record the team view shows of the people, in ONE statement: each kind of record is the
 * owning module's fragment, aggregated to a JSON array column. `counterparts[i]` is whose 1:1
 * with `people[i]` counts (the viewer for a direct report, the person's own manager further
 * down). `detail` false reads only what the signals need (the roll-up of a big subtree): no
 * aspirations, feedback or praise, and open learning only.
 *
 * One round trip instead of eleven: on the bench (100,000 people, 2,000,000 enrolments) the
 * statements were each under 2 ms of execution, and what a page cost was the round trips and the
 * planning of each under twenty concurrent managers. The statement is named after its text (which
 * depends only on the viewer's kind and `detail`), so each connection plans it once.
 */
export async function recordsOf(
  db: DbOrTx,
  actor: Actor,
  people: readonly string[],
  counterparts: readonly string[],
  opts: { now: Date; since: Date; today: string; sinceDay: string; detail: boolean },
): Promise<TeamRecords> {
  const org = actor.orgId;
  const agg = (fragment: SQL) => sql`(select coalesce(json_agg(t), '[]'::json) from (${fragment}) t)`;
  // Feedback and praise carry their giver's name (a person of the organisation), so no second statement reads them.
  const named = (fragment: SQL) =>
    agg(sql`select x.*, gp.first_name || ' ' || gp.last_name as giver_name from (${fragment}) x left join person gp on gp.id = x.giver_id and gp.org_id = ${org}`);
  const none = sql`'[]'::json`;
  const statement = sql`select
    ${agg(skillStandingsSql(org, people))} as skills,
    ${agg(openHurdlesOfSql(org, people))} as hurdles,
    ${agg(openPlanItemsOfSql(org, people))} as plan,
    ${agg(openGoalsOfSql(actor, people))} as goals,
    ${agg(learningOfPeopleSql(org, people, opts.detail ? opts.since : null))} as learning,
    ${agg(oneOnOneDatesSql(org, people, counterparts, opts.now))} as one_on_ones,
    ${agg(recommendedPerSkillSql(org, people))} as recommended,
    ${opts.detail ? agg(aspirationsOfSql(org, people)) : none} as aspirations,
    ${opts.detail ? named(chainFeedbackSql(org, actor.personId, people, opts.sinceDay, opts.today)) : none} as feedback,
    ${opts.detail ? named(visiblePraiseOfSql(org, actor.personId, people, opts.since)) : none} as praise`;
  const [r] = await run<RecordsRow>(db, statement);
  const names = new Map<string, string>();
  for (const x of [...r!.feedback, ...r!.praise]) if (x.giver_id && x.giver_name) names.set(x.giver_id, x.giver_name);
  return {
    skills: r!.skills,
    aspirations: r!.aspirations,
    hurdles: r!.hurdles,
    plan: r!.plan,
    goals: r!.goals,
    learning: r!.learning,
    oneOnOnes: r!.one_on_ones,
    feedback: r!.feedback,
    praise: r!.praise,
    recommended: r!.recommended,
    names,
  };
}

type Named<T> = T & { giver_name: string | null };
type RecordsRow = {
  skills: SkillStandingRow[];
  hurdles: HurdleRow[];
  plan: PlanItemRow[];
  goals: GoalRow[];
  learning: LearningRow[];
  one_on_ones: OneOnOneRow[];
  recommended: RecommendedRow[];
  aspirations: AspirationRow[];
  feedback: Named<FeedbackRow>[];
  praise: Named<PraiseRow>[];
};

/** Runs a statement as a named prepared one, named after its text (the same text is the same statement on every request). */
function run<T>(db: DbOrTx, statement: SQL): Promise<T[]> {
  const { sql: text, params } = dialect.sqlToQuery(statement);
  const name = `team_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
  return prepared<T>(name, text)(db, params);
}
const dialect = new PgDialect();

/** The best recommended item per gap skill of each person, not dismissed (the recommendations' own table, this module's). */
export function recommendedPerSkillSql(org: string, people: readonly string[]) {
  return sql`
    select distinct on (r.person_id, r.skill_id) r.person_id, r.skill_id, r.item_type, r.item_id, coalesce(c.title, pg.title) as title
    from recommendation r
    left join course c on r.item_type = 'course' and c.id = r.item_id
    left join program pg on r.item_type = 'program' and pg.id = r.item_id
    where r.org_id = ${org} and r.person_id = any(${uuidArray(people)}) and r.skill_id is not null
      and not exists (select 1 from recommendation_dismissal d where d.person_id = r.person_id and d.item_id = r.item_id and d.fingerprint = r.fingerprint)
    order by r.person_id, r.skill_id, r.rank`;
}

/** Names of the people (givers of feedback and praise). */
export async function namesOf(db: DbOrTx, org: string, ids: readonly string[]) {
  const names = new Map<string, string>();
  if (!ids.length) return names;
  const r = await db.execute(sql`select id, first_name || ' ' || last_name as name from person where org_id = ${org} and id = any(${uuidArray(ids)})`);
  for (const n of rows<{ id: string; name: string }>(r)) names.set(n.id, n.name);
  return names;
}
