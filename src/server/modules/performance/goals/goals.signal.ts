import { and, eq, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import { closedGoalStatuses, goal, type GoalStatus } from '../../../db/schema/index.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';
import { uuidArray } from '../../../platform/db/sql.ts';

/** What an enrolment made from a goal keeps as its baseline: the goal's progress and status now. */
export type GoalSignal = { goalProgress: number; goalStatus: GoalStatus };

/** The goal's signal, or null when the organisation has no such goal. No visibility: callers have checked it. */
export async function goalSignal(db: DbOrTx, orgId: string, goalId: string): Promise<GoalSignal | null> {
  const [row] = await db
    .select({ goalProgress: goal.progress, goalStatus: goal.status })
    .from(goal)
    .where(and(eq(goal.orgId, orgId), eq(goal.id, goalId)))
    .limit(1);
  return row ?? null;
}

/**
 * The skills the people's open goals need, as needs for talent's `needGapsSql` (person_id,
 * skill_id, level, kind, record_type, record_id): goals a person owns, not yet closed (done,
 * missed or dropped goals need nothing more), with the level the goal names, where it does.
 */
export function goalSkillNeedsSql(orgId: string, personIds: readonly string[] | 'all'): SQL {
  const who = personIds === 'all' ? sql`true` : sql`g.owner_person_id = any(${uuidArray(personIds)})`;
  return sql`
    select g.owner_person_id as person_id, gs.skill_id, gs.level::int as level, 'goal'::text as kind, 'goal'::text as record_type, g.id as record_id
    from goal g
    join goal_skill gs on gs.goal_id = g.id
    where g.org_id = ${orgId} and g.owner_type = 'person' and g.status <> all(${`{${closedGoalStatuses.join(',')}}`}::text[]) and g.closed_at is null and ${who}`;
}

/** The people owning the named goals (person goals only): whose recommendations a bulk assignment moves. */
export async function ownersOfGoals(db: DbOrTx, orgId: string, goalIds: readonly string[]): Promise<string[]> {
  if (!goalIds.length) return [];
  const found = await db
    .selectDistinct({ id: goal.ownerPersonId })
    .from(goal)
    .where(and(eq(goal.orgId, orgId), inArray(goal.id, [...goalIds]), isNotNull(goal.ownerPersonId)));
  return found.map((r) => r.id!);
}

/**
 * The goals a review of the person `personId` (an SQL expression) assesses: their own goals of a
 * period overlapping [from, to] (or without a period, made by `to`), dropped ones left out, as a
 * jsonb array of ids, at most 30, oldest first.
 */
export function personGoalIdsJsonSql(orgId: string, personId: SQL, from: string, to: string): SQL {
  return sql`coalesce((select jsonb_agg(x.id order by x.created_at, x.id) from (
      select g.id, g.created_at from goal g
      left join goal_period gp on gp.id = g.period_id
      where g.org_id = ${orgId} and g.owner_type = 'person' and g.owner_person_id = ${personId} and g.status <> 'dropped'
        and (case when gp.id is null then g.created_at::date <= ${to}::date else gp.starts_on <= ${to}::date and gp.ends_on >= ${from}::date end)
      order by g.created_at, g.id limit 30) x), '[]'::jsonb)`;
}
