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
import { preparedSql } from '../../../platform/db/prepared.ts';
import { beforeKey } from '../../../platform/db/sql.ts';
import { chainAboveSql } from '../../org/index.ts';

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

/** One skill of a person's skills page, as `personSkillsPage` returns it (timestamps as the json's text). */
export type PersonSkillPageRow = {
  id: string;
  name: string;
  category: string | null;
  maxLevel: number;
  levels: string[] | null;
  archived: boolean;
  expectedLevel: number | null;
  currentLevel: number | null;
  assessmentCount: number | null;
  basis: { assessmentId: string; source: AssessmentRow['source']; level: number; assessedAt: string; assessorName: string | null } | null;
  latestSelfLevel: number | null;
  latestManagerLevel: number | null;
};

export type PersonSkillsPage = {
  profile: { id: string; name: string } | null;
  /** Whether the viewer is above the person in the reporting chain; only walked when `chainMatters`. */
  viewerAbove: boolean;
  skills: PersonSkillPageRow[];
};

const [orgArg, personArg, viewerArg, chainMattersArg] = [sql.placeholder('orgId'), sql.placeholder('personId'), sql.placeholder('viewerId'), sql.placeholder('chainMatters')];

/** The latest level of one source among the person's assessments of the skill (oldest first, the last wins). */
const latestOf = (source: string) => sql`(select a.level from ${skillAssessment} a
  where a.org_id = ${orgArg} and a.person_id = p.id and a.skill_id = s.id and a.source = ${sql.raw(`'${source}'`)}
  order by a.assessed_at desc, a.id desc limit 1)`;

/**
 * A person's skills page in ONE statement, one json value (a page read was eight round trips):
 * their profile, every skill they are expected to hold, hold or were assessed in (a merged skill
 * only while they still hold it), with its expected and current level, the basis assessment and
 * the latest self and manager levels, and, when it matters, whether the viewer is above them.
 * No row when the person is not of the organisation.
 */
const personSkillsPageSql = preparedSql<{ row: PersonSkillsPage }, { orgId: string; personId: string; viewerId: string; chainMatters: boolean }>(
  'talent_person_skills',
  sql`select json_build_object(
    'profile', (select json_build_object('id', jp.id, 'name', jp.name) from ${jobProfile} jp where jp.org_id = ${orgArg} and jp.id = p.job_profile_id),
    'viewerAbove', case when ${chainMattersArg}::boolean
      then exists (select 1 from (${chainAboveSql(orgArg, personArg)}) up where up.id = ${viewerArg}::uuid) else false end,
    'skills', coalesce((select json_agg(json_build_object(
        'id', s.id, 'name', s.name, 'category', s.category, 'maxLevel', s.max_level, 'levels', s.levels, 'archived', s.archived_at is not null,
        'expectedLevel', e.level, 'currentLevel', c.level, 'assessmentCount', c.assessment_count,
        'basis', (select json_build_object('assessmentId', b.id, 'source', b.source, 'level', b.level, 'assessedAt', b.assessed_at,
            'assessorName', (select ap.first_name || ' ' || ap.last_name from ${person} ap where ap.id = b.assessor_id))
          from ${skillAssessment} b where b.org_id = ${orgArg} and b.person_id = p.id and b.id = c.basis_assessment_id),
        'latestSelfLevel', ${latestOf('self')},
        'latestManagerLevel', ${latestOf('manager')}))
      from ${skill} s
      left join ${jobProfileSkill} e on e.org_id = ${orgArg} and e.profile_id = p.job_profile_id and e.skill_id = s.id
      left join ${personSkill} c on c.org_id = ${orgArg} and c.person_id = p.id and c.skill_id = s.id
      where s.org_id = ${orgArg}
        and s.id in (
          select x.skill_id from ${jobProfileSkill} x where x.org_id = ${orgArg} and x.profile_id = p.job_profile_id
          union select x.skill_id from ${personSkill} x where x.org_id = ${orgArg} and x.person_id = p.id
          union select x.skill_id from ${skillAssessment} x where x.org_id = ${orgArg} and x.person_id = p.id)
        and (s.merged_into_id is null or c.skill_id is not null)), '[]'::json)) as row
  from ${person} p where p.org_id = ${orgArg} and p.id = ${personArg}::uuid`,
);

export async function personSkillsPage(db: DbOrTx, orgId: string, personId: string, viewer: { personId: string; chainMatters: boolean }) {
  return (await personSkillsPageSql(db, { orgId, personId, viewerId: viewer.personId, chainMatters: viewer.chainMatters }))[0]?.row;
}
