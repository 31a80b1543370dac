import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import { course, courseSkill, person, programStep, skill } from '../../../db/schema/index.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';

// Reads for turning learning results into assessments. The skills are talent's; course_skill is
// where a course says which of them it teaches, read here as the skills repositories already do.

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

/** A skill that still takes assessments: neither archived nor merged into another. */
const liveSkill = and(isNull(skill.archivedAt), isNull(skill.mergedIntoId));

/** The live skills a course teaches, each with the level it teaches to, and the course's title. */
export async function courseTeaching(db: DbOrTx, orgId: string, courseId: string): Promise<{ title: string; skills: TaughtSkill[] } | undefined> {
  const [c] = await db
    .select({ title: course.title })
    .from(course)
    .where(and(eq(course.orgId, orgId), eq(course.id, courseId)))
    .limit(1);
  if (!c) return undefined;
  const skills = await db
    .select({ skillId: courseSkill.skillId, level: courseSkill.level, maxLevel: skill.maxLevel })
    .from(courseSkill)
    .innerJoin(skill, and(eq(skill.id, courseSkill.skillId), eq(skill.orgId, orgId)))
    .where(and(eq(courseSkill.orgId, orgId), eq(courseSkill.courseId, courseId), liveSkill));
  return { title: c.title, skills };
}

/**
 * What a checkpoint asks the learner to apply: the live skills taught by the course steps before
 * it in its program, each at the highest level one of them teaches; and the checkpoint's title.
 */
export async function checkpointTeaching(
  db: DbOrTx,
  orgId: string,
  stepId: string,
): Promise<{ title: string; skills: TaughtSkill[] } | undefined> {
  const [step] = await db
    .select({ programId: programStep.programId, position: programStep.position, kind: programStep.kind, title: programStep.title })
    .from(programStep)
    .where(and(eq(programStep.orgId, orgId), eq(programStep.id, stepId)))
    .limit(1);
  if (!step || step.kind !== 'checkpoint') return undefined;
  const skills = await db
    .select({ skillId: courseSkill.skillId, level: sql<number>`max(${courseSkill.level})::int`, maxLevel: skill.maxLevel })
    .from(programStep)
    .innerJoin(courseSkill, and(eq(courseSkill.courseId, programStep.courseId), eq(courseSkill.orgId, orgId)))
    .innerJoin(skill, and(eq(skill.id, courseSkill.skillId), eq(skill.orgId, orgId)))
    .where(
      and(
        eq(programStep.orgId, orgId),
        eq(programStep.programId, step.programId),
        eq(programStep.kind, 'course'),
        lt(programStep.position, step.position),
        liveSkill,
      ),
    )
    .groupBy(courseSkill.skillId, skill.maxLevel);
  return { title: step.title ?? 'Checkpoint', skills };
}
