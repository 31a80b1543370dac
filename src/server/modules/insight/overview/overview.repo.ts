import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/index.ts';
import { rows } from '../../../platform/db/sql.ts';
import type { Actor } from '../../../platform/http/types.ts';
import { learningOfPeopleSql } from '../../learning/index.ts';
import { chainAboveSql } from '../../org/index.ts';
import { chainFeedbackSql, oneOnOneDatesSql, openGoalsOfSql, visiblePraiseOfSql } from '../../performance/index.ts';
import { aspirationsOfSql, openHurdlesOfSql, openPlanItemsOfSql, skillStandingsSql } from '../../talent/index.ts';
import { namesOf, recommendedPerSkillSql, type FeedbackRow, type LearningRow, type PraiseRow, type RecommendedRow, type SkillStandingRow } from '../team/index.ts';

// The only SQL of the one-page person: the person with where the viewer stands (one statement),
// then one statement per part the viewer may see, all at once. Other modules' tables are read
// through the fragments their index.ts exports, the same ones the team view reads.

export type OverviewPersonRow = {
  id: string;
  first_name: string;
  last_name: string;
  email: string;
  job_title: string | null;
  status: string;
  hire_date: string | null;
  manager_id: string | null;
  manager_name: string | null;
  department_id: string | null;
  department_name: string | null;
  job_profile_id: string | null;
  job_profile_name: string | null;
  /** The viewer is somewhere above the person in the reporting chain. */
  viewer_above: boolean;
};

/** The person of the viewer's organisation, with whether the viewer is above them; undefined when not found there. */
export async function personForViewer(db: DbOrTx, actor: Actor, personId: string): Promise<OverviewPersonRow | undefined> {
  const org = actor.orgId;
  const r = await db.execute(sql`
    select p.id, p.first_name, p.last_name, p.email, p.job_title, p.status, p.hire_date,
      p.manager_id, m.first_name || ' ' || m.last_name as manager_name,
      p.department_id, d.name as department_name, p.job_profile_id, jp.name as job_profile_name,
      exists (select 1 from (${chainAboveSql(org, personId)}) a where a.id = ${actor.personId}::uuid) as viewer_above
    from person p
    left join person m on m.org_id = ${org} and m.id = p.manager_id
    left join department d on d.org_id = ${org} and d.id = p.department_id
    left join job_profile jp on jp.org_id = ${org} and jp.id = p.job_profile_id
    where p.org_id = ${org} and p.id = ${personId}::uuid`);
  return rows<OverviewPersonRow>(r)[0];
}

export type AspirationRow = { id: string; profile_id: string | null; profile_name: string | null; description: string | null; time_frame: string | null };
export type HurdleRow = { id: string; title: string; category: string; status: string; skill_id: string | null; goal_id: string | null; created_at: Date | string };
export type PlanItemRow = { id: string; title: string; action_type: string; skill_id: string | null; status: string; due_date: string | null };
export type GoalRow = { id: string; title: string; status: string; progress: number; visibility: string };
export type OneOnOneRow = { series_id: string | null; last_held_at: Date | string | null; next_at: Date | string | null; next_meeting_id: string | null };

/** Which parts to read: each only when the viewer may see it (the service decides). */
export type Parts = {
  talent: boolean;
  learning: boolean;
  feedback: boolean;
  /** Whose 1:1 series with the person to read (the viewer's own; the person's manager for the person). */
  oneOnOneWith: string | null;
};

/** The records of the parts asked for, one statement per kind. */
export async function recordsOf(
  db: DbOrTx,
  actor: Actor,
  personId: string,
  parts: Parts,
  opts: { now: Date; since: Date; today: string; sinceDay: string },
) {
  const org = actor.orgId;
  const people = [personId];
  const q = async <T>(s: ReturnType<typeof sql>) => rows<T>(await db.execute(s));
  const when = <T>(yes: boolean, s: () => ReturnType<typeof sql>) => (yes ? q<T>(s()) : Promise.resolve(null));
  const [goals, skills, recommended, aspirations, hurdles, plan, learning, oneOnOne, feedback, praise] = await Promise.all([
    q<GoalRow>(openGoalsOfSql(actor, people)),
    when<SkillStandingRow>(parts.talent, () => skillStandingsSql(org, people)),
    when<RecommendedRow>(parts.talent, () => recommendedPerSkillSql(org, people)),
    when<AspirationRow>(parts.talent, () => aspirationsOfSql(org, people)),
    when<HurdleRow>(parts.talent, () => openHurdlesOfSql(org, people)),
    when<PlanItemRow>(parts.talent, () => openPlanItemsOfSql(org, people)),
    when<LearningRow>(parts.learning, () => learningOfPeopleSql(org, people, opts.since)),
    when<OneOnOneRow>(parts.oneOnOneWith !== null, () => oneOnOneDatesSql(org, people, [parts.oneOnOneWith!], opts.now)),
    when<FeedbackRow>(parts.feedback, () => chainFeedbackSql(org, actor.personId, people, opts.sinceDay, opts.today)),
    when<PraiseRow>(parts.feedback, () => visiblePraiseOfSql(org, actor.personId, people, opts.since)),
  ]);
  const giverIds = [...new Set([...(feedback ?? []), ...(praise ?? [])].flatMap((x) => (x.giver_id ? [x.giver_id] : [])))];
  const names = await namesOf(db, org, giverIds);
  return { goals, skills, recommended, aspirations, hurdles, plan, learning, oneOnOne: oneOnOne?.[0] ?? null, feedback, praise, names };
}
