import { and, eq, sql, type SQL } from 'drizzle-orm';
import { person, skill } from '../../../db/schema/index.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';
import { rows } from '../../../platform/db/sql.ts';
import { checkpointTeachingSql, courseTeachingSql } from '../../learning/index.ts';

// Reads for turning learning results into assessments: what was taught comes from learning's
// fragments (learning/index.ts), the skills and their scales are talent's.

export type TaughtSkill = { skillId: string; level: number; maxLevel: number };

/** Whether the person is still with the organisation (people who left are not assessed). */
export async function isActivePerson(db: DbOrTx, orgId: string, personId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: person.id })
    .from(person)
    .where(and(eq(person.orgId, orgId), eq(person.id, personId), eq(person.status, 'active')))
    .limit(1);
  return !!row;
}

/**
 * The live skills (neither archived nor merged) among what learning says was taught, with their
 * scales, and the title of what taught them; undefined when learning returned nothing.
 */
async function liveTaught(db: DbOrTx, orgId: string, taught: SQL): Promise<{ title: string | null; skills: TaughtSkill[] } | undefined> {
  const r = rows<{ skill_id: string; level: number; title: string | null; max_level: number | null }>(
    await db.execute(sql`select t.skill_id, t.level, t.title, s.max_level from (${taught}) t
      left join ${skill} s on s.org_id = ${orgId} and s.id = t.skill_id and s.archived_at is null and s.merged_into_id is null`),
  );
  if (!r.length) return undefined;
  return {
    title: r[0]!.title,
    skills: r.flatMap((x) => (x.max_level == null ? [] : [{ skillId: x.skill_id, level: Number(x.level), maxLevel: Number(x.max_level) }])),
  };
}

/** The live skills a course teaches, each with the level it teaches to, and the course's title. */
export async function courseTeaching(db: DbOrTx, orgId: string, courseId: string): Promise<{ title: string; skills: TaughtSkill[] } | undefined> {
  const t = await liveTaught(db, orgId, courseTeachingSql(orgId, courseId));
  return t && { title: t.title ?? 'a course', skills: t.skills };
}

/**
 * What a checkpoint asks the learner to apply: the live skills taught by the course steps before
 * it in its program, each at the highest level one of them teaches; and the checkpoint's title.
 */
export async function checkpointTeaching(db: DbOrTx, orgId: string, stepId: string): Promise<{ title: string; skills: TaughtSkill[] } | undefined> {
  const t = await liveTaught(db, orgId, checkpointTeachingSql(orgId, stepId));
  return t && { title: t.title ?? 'Checkpoint', skills: t.skills };
}
