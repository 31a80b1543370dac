import { and, asc, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import {
  jobProfile,
  jobProfileSkill,
  person,
  personSkill,
  skill,
  skillAssessment,
  talentSettings,
} from '../../../db/schema/index.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';
import { beforeKey } from '../../../platform/db/sql.ts';

export type AssessmentRow = typeof skillAssessment.$inferSelect;
export type NewAssessment = typeof skillAssessment.$inferInsert;
export type SkillRow = typeof skill.$inferSelect;

export async function findPerson(db: DbOrTx, orgId: string, id: string) {
  const [row] = await db
    .select({ id: person.id, jobProfileId: person.jobProfileId, firstName: person.firstName, lastName: person.lastName })
    .from(person)
    .where(and(eq(person.orgId, orgId), eq(person.id, id)))
    .limit(1);
  return row;
}

export async function findSkill(db: DbOrTx, orgId: string, id: string): Promise<SkillRow | undefined> {
  const [row] = await db.select().from(skill).where(and(eq(skill.orgId, orgId), eq(skill.id, id))).limit(1);
  return row;
}

export async function findSkills(db: DbOrTx, orgId: string, ids: string[]): Promise<SkillRow[]> {
  if (!ids.length) return [];
  return db.select().from(skill).where(and(eq(skill.orgId, orgId), inArray(skill.id, ids)));
}

export async function getSettings(db: DbOrTx, orgId: string) {
  const [row] = await db.select().from(talentSettings).where(eq(talentSettings.orgId, orgId)).limit(1);
  return row;
}

export async function upsertSettings(db: DbOrTx, orgId: string, values: { sourceWeights: Record<string, number>; halfLifeDays: number }, now: Date) {
  const [row] = await db
    .insert(talentSettings)
    .values({ orgId, ...values, updatedAt: now })
    .onConflictDoUpdate({ target: talentSettings.orgId, set: { ...values, updatedAt: now } })
    .returning();
  return row!;
}

export async function insertAssessments(db: DbOrTx, values: NewAssessment[]): Promise<AssessmentRow[]> {
  if (!values.length) return [];
  const out: AssessmentRow[] = [];
  for (let i = 0; i < values.length; i += 1000) {
    out.push(
      ...(await db
        .insert(skillAssessment)
        .values(values.slice(i, i + 1000))
        .onConflictDoNothing({
          target: [skillAssessment.orgId, skillAssessment.sourceRecordType, skillAssessment.sourceRecordId, skillAssessment.skillId],
          where: sql`source_record_id is not null`,
        })
        .returning()),
    );
  }
  return out;
}

/** Every assessment of these (person, skill) pairs, oldest first. */
export async function assessmentsOfPairs(db: DbOrTx, orgId: string, pairs: { personId: string; skillId: string }[]): Promise<AssessmentRow[]> {
  if (!pairs.length) return [];
  const persons = [...new Set(pairs.map((p) => p.personId))];
  const skills = [...new Set(pairs.map((p) => p.skillId))];
  const wanted = new Set(pairs.map((p) => `${p.personId}:${p.skillId}`));
  const rows = await db
    .select()
    .from(skillAssessment)
    .where(and(eq(skillAssessment.orgId, orgId), inArray(skillAssessment.personId, persons), inArray(skillAssessment.skillId, skills)))
    .orderBy(asc(skillAssessment.assessedAt), asc(skillAssessment.id));
  return rows.filter((r) => wanted.has(`${r.personId}:${r.skillId}`));
}

/** The people of the organisation with at least one assessment, by id (for a recompute in batches). */
export async function assessedPeople(db: DbOrTx, orgId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ personId: skillAssessment.personId })
    .from(skillAssessment)
    .where(eq(skillAssessment.orgId, orgId))
    .orderBy(asc(skillAssessment.personId));
  return rows.map((r) => r.personId);
}

export async function assessmentsOfPeople(db: DbOrTx, orgId: string, personIds: string[]): Promise<AssessmentRow[]> {
  if (!personIds.length) return [];
  return db
    .select()
    .from(skillAssessment)
    .where(and(eq(skillAssessment.orgId, orgId), inArray(skillAssessment.personId, personIds)))
    .orderBy(asc(skillAssessment.assessedAt), asc(skillAssessment.id));
}

export type PersonSkillValues = { personId: string; skillId: string; level: number; basisAssessmentId: string; assessmentCount: number };

export async function upsertPersonSkills(db: DbOrTx, orgId: string, values: PersonSkillValues[], now: Date): Promise<void> {
  for (let i = 0; i < values.length; i += 1000) {
    const chunk = values.slice(i, i + 1000);
    if (!chunk.length) continue;
    await db
      .insert(personSkill)
      .values(chunk.map((v) => ({ orgId, ...v, updatedAt: now })))
      .onConflictDoUpdate({
        target: [personSkill.personId, personSkill.skillId],
        set: {
          level: sql`excluded.level`,
          basisAssessmentId: sql`excluded.basis_assessment_id`,
          assessmentCount: sql`excluded.assessment_count`,
          updatedAt: sql`excluded.updated_at`,
        },
      });
  }
}

export async function deletePersonSkills(db: DbOrTx, orgId: string, pairs: { personId: string; skillId: string }[]): Promise<void> {
  if (!pairs.length) return;
  await db
    .delete(personSkill)
    .where(
      and(
        eq(personSkill.orgId, orgId),
        or(...pairs.map((p) => and(eq(personSkill.personId, p.personId), eq(personSkill.skillId, p.skillId)))),
      ),
    );
}

const assessorName = sql<string | null>`(select p.first_name || ' ' || p.last_name from person p where p.id = ${skillAssessment.assessorId})`;

export async function listAssessments(
  db: DbOrTx,
  orgId: string,
  f: { personId: string; skillId?: string },
  pageArgs: { limit: number; before?: [string, string] },
) {
  const where: SQL[] = [eq(skillAssessment.orgId, orgId), eq(skillAssessment.personId, f.personId)];
  if (f.skillId) where.push(eq(skillAssessment.skillId, f.skillId));
  const before = beforeKey([skillAssessment.assessedAt, skillAssessment.id], pageArgs.before);
  if (before) where.push(before);
  return db
    .select({ a: skillAssessment, assessorName, skillName: skill.name })
    .from(skillAssessment)
    .innerJoin(skill, eq(skill.id, skillAssessment.skillId))
    .where(and(...where))
    .orderBy(desc(skillAssessment.assessedAt), desc(skillAssessment.id))
    .limit(pageArgs.limit);
}

/** All assessments of one person (optionally one skill), oldest first, with the assessor's name. */
export async function assessmentsOfPerson(db: DbOrTx, orgId: string, personId: string, skillId?: string) {
  const where: SQL[] = [eq(skillAssessment.orgId, orgId), eq(skillAssessment.personId, personId)];
  if (skillId) where.push(eq(skillAssessment.skillId, skillId));
  return db
    .select({ a: skillAssessment, assessorName })
    .from(skillAssessment)
    .where(and(...where))
    .orderBy(asc(skillAssessment.assessedAt), asc(skillAssessment.id));
}

export async function personSkillsOf(db: DbOrTx, orgId: string, personId: string) {
  return db.select().from(personSkill).where(and(eq(personSkill.orgId, orgId), eq(personSkill.personId, personId)));
}

export async function findProfile(db: DbOrTx, orgId: string, id: string) {
  const [row] = await db
    .select({ id: jobProfile.id, name: jobProfile.name })
    .from(jobProfile)
    .where(and(eq(jobProfile.orgId, orgId), eq(jobProfile.id, id)))
    .limit(1);
  return row;
}

export async function profileSkills(db: DbOrTx, orgId: string, profileId: string) {
  return db
    .select({ skillId: jobProfileSkill.skillId, level: jobProfileSkill.level })
    .from(jobProfileSkill)
    .where(and(eq(jobProfileSkill.orgId, orgId), eq(jobProfileSkill.profileId, profileId)));
}

/** Unused skills filter helper: live (not archived, not merged) skills. */
export const liveSkill = and(isNull(skill.archivedAt), isNull(skill.mergedIntoId));
