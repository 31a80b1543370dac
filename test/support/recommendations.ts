import { and, eq } from 'drizzle-orm';
import { aspiration, courseSkill, jobProfile, jobProfileSkill, person, personSkill, skill, skillAssessment } from '../../src/server/db/schema/index.ts';
import type { AssessmentSource } from '../../src/server/db/schema/talent.ts';
import { recomputeForPeople } from '../../src/server/modules/insight/recommendations/index.ts';
import type { TestApp } from './app.ts';
import { createPublishedCourse } from './learning.ts';

/** Talent records for recommendation tests, straight into the database. */
export async function createSkill(t: TestApp, orgId: string, name: string) {
  const [s] = await t.ctx.db.insert(skill).values({ orgId, name }).returning();
  return s!;
}

/** A job profile expecting each skill at its level; `holders` are given it. */
export async function createProfile(t: TestApp, orgId: string, name: string, expects: Array<[string, number]>, holders: string[] = []) {
  const [p] = await t.ctx.db.insert(jobProfile).values({ orgId, name }).returning();
  if (expects.length) await t.ctx.db.insert(jobProfileSkill).values(expects.map(([skillId, level]) => ({ orgId, profileId: p!.id, skillId, level })));
  for (const id of holders) await t.ctx.db.update(person).set({ jobProfileId: p!.id }).where(eq(person.id, id));
  return p!;
}

export async function aspireTo(t: TestApp, orgId: string, personId: string, profileId: string) {
  const [a] = await t.ctx.db.insert(aspiration).values({ orgId, personId, targetProfileId: profileId }).returning();
  return a!;
}

/** An assessment, and the person's current level of the skill set to it (the assessment as its basis). */
export async function assess(
  t: TestApp,
  orgId: string,
  a: { personId: string; skillId: string; level: number; source?: AssessmentSource; assessorId?: string | null; assessedAt?: Date },
) {
  const [row] = await t.ctx.db
    .insert(skillAssessment)
    .values({
      orgId,
      personId: a.personId,
      skillId: a.skillId,
      level: a.level,
      source: a.source ?? 'manager',
      assessorId: a.assessorId ?? null,
      assessedAt: a.assessedAt ?? t.clock.now(),
    })
    .returning();
  await t.ctx.db
    .insert(personSkill)
    .values({ orgId, personId: a.personId, skillId: a.skillId, level: a.level, basisAssessmentId: row!.id, assessmentCount: 1 })
    .onConflictDoUpdate({ target: [personSkill.personId, personSkill.skillId], set: { level: a.level, basisAssessmentId: row!.id } });
  return row!;
}

/** A published course teaching each skill to its level. */
export async function createTeachingCourse(t: TestApp, orgId: string, title: string, teaches: Array<[string, number]>, estimatedMinutes: number | null = 60) {
  const { course } = await createPublishedCourse(t, orgId, { title, estimatedMinutes });
  if (teaches.length) await t.ctx.db.insert(courseSkill).values(teaches.map(([skillId, level]) => ({ orgId, courseId: course.id, skillId, level })));
  return course;
}

export async function recompute(t: TestApp, orgId: string, personIds: string[] | 'all' = 'all') {
  await t.ctx.db.transaction((tx) => recomputeForPeople(tx, orgId, personIds, t.clock.now()));
}

export async function currentLevel(t: TestApp, personId: string, skillId: string) {
  const [r] = await t.ctx.db.select().from(personSkill).where(and(eq(personSkill.personId, personId), eq(personSkill.skillId, skillId)));
  return r;
}
