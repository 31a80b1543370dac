import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { assessmentRound, assessmentRoundMember, jobProfile, jobProfileSkill, person, skill, skillAssessment } from '../../../db/schema/index.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';
import { beforeKey, uuidArray } from '../../../platform/db/sql.ts';
import { chainBelowSql } from '../../org/index.ts';

export type RoundRow = typeof assessmentRound.$inferSelect;
export type MemberRow = typeof assessmentRoundMember.$inferSelect;

// Correlated subqueries name the outer table in full: drizzle writes a column of the selected
// table unqualified, which inside a subquery would resolve to the subquery's own column.
const managerName = sql<string>`(select m.first_name || ' ' || m.last_name from ${person} m where m.org_id = "assessment_round"."org_id" and m.id = "assessment_round"."manager_id")`;
const count = (cond: SQL) =>
  sql<number>`(select count(*)::int from ${assessmentRoundMember} rm where rm.org_id = "assessment_round"."org_id" and rm.round_id = "assessment_round"."id" and ${cond})`;
const progressColumns = {
  members: count(sql`true`),
  selfSubmitted: count(sql`rm.self_submitted_at is not null`),
  managerSubmitted: count(sql`rm.manager_submitted_at is not null`),
};

export type RoundSummaryRow = { r: RoundRow; managerName: string; members: number; selfSubmitted: number; managerSubmitted: number };

export type PersonRow = {
  id: string;
  firstName: string;
  lastName: string;
  jobTitle: string | null;
  status: 'active' | 'inactive';
  jobProfileId: string | null;
  managerId: string | null;
};
const personColumns = {
  id: person.id,
  firstName: person.firstName,
  lastName: person.lastName,
  jobTitle: person.jobTitle,
  status: person.status,
  jobProfileId: person.jobProfileId,
  managerId: person.managerId,
};

export async function peopleByIds(db: DbOrTx, orgId: string, ids: string[]): Promise<PersonRow[]> {
  if (!ids.length) return [];
  return db.select(personColumns).from(person).where(and(eq(person.orgId, orgId), inArray(person.id, ids)));
}

export async function directReports(db: DbOrTx, orgId: string, managerId: string): Promise<PersonRow[]> {
  return db
    .select(personColumns)
    .from(person)
    .where(and(eq(person.orgId, orgId), eq(person.managerId, managerId), eq(person.status, 'active')))
    .orderBy(asc(person.lastName), asc(person.firstName), asc(person.id));
}

/** The active people below the manager at any depth, by name, at most `limit`. */
export async function activeBelow(db: DbOrTx, orgId: string, managerId: string, limit: number): Promise<PersonRow[]> {
  return db
    .select(personColumns)
    .from(person)
    .where(and(eq(person.orgId, orgId), eq(person.status, 'active'), sql`${person.id} in (${chainBelowSql(orgId, managerId)})`))
    .orderBy(asc(person.lastName), asc(person.firstName), asc(person.id))
    .limit(limit);
}

/** Which of `ids` are somewhere below `managerId` in the reporting chain. */
export async function belowAmong(db: DbOrTx, orgId: string, managerId: string, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const found = await db
    .select({ id: person.id })
    .from(person)
    .where(and(eq(person.orgId, orgId), sql`${person.id} = any(${uuidArray(ids)})`, sql`${person.id} in (${chainBelowSql(orgId, managerId)})`));
  return new Set(found.map((f) => f.id));
}

export type ProfileSkillRow = { profileId: string; id: string; name: string; maxLevel: number; levels: string[]; expectedLevel: number };

/** The skills each profile expects, archived and merged skills left out (they take no new assessments). */
export async function profileSkills(db: DbOrTx, orgId: string, profileIds: string[]): Promise<ProfileSkillRow[]> {
  if (!profileIds.length) return [];
  return db
    .select({
      profileId: jobProfileSkill.profileId,
      id: skill.id,
      name: skill.name,
      maxLevel: skill.maxLevel,
      levels: skill.levels,
      expectedLevel: jobProfileSkill.level,
    })
    .from(jobProfileSkill)
    .innerJoin(skill, and(eq(skill.orgId, jobProfileSkill.orgId), eq(skill.id, jobProfileSkill.skillId)))
    .where(
      and(eq(jobProfileSkill.orgId, orgId), inArray(jobProfileSkill.profileId, profileIds), isNull(skill.archivedAt), isNull(skill.mergedIntoId)),
    )
    .orderBy(asc(skill.name), asc(skill.id));
}

export async function profileNames(db: DbOrTx, orgId: string, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const found = await db
    .select({ id: jobProfile.id, name: jobProfile.name })
    .from(jobProfile)
    .where(and(eq(jobProfile.orgId, orgId), inArray(jobProfile.id, ids)));
  return new Map(found.map((p) => [p.id, p.name]));
}

export async function insertRound(db: DbOrTx, values: typeof assessmentRound.$inferInsert): Promise<RoundRow> {
  const [row] = await db.insert(assessmentRound).values(values).returning();
  return row!;
}

export async function insertMembers(db: DbOrTx, orgId: string, roundId: string, personIds: string[]): Promise<void> {
  if (!personIds.length) return;
  await db.insert(assessmentRoundMember).values(personIds.map((personId) => ({ orgId, roundId, personId })));
}

export async function findRound(db: DbOrTx, orgId: string, id: string, forUpdate = false): Promise<RoundRow | undefined> {
  const q = db
    .select()
    .from(assessmentRound)
    .where(and(eq(assessmentRound.orgId, orgId), eq(assessmentRound.id, id)))
    .limit(1);
  const [row] = await (forUpdate ? q.for('update') : q);
  return row;
}

export async function roundSummary(db: DbOrTx, orgId: string, id: string): Promise<RoundSummaryRow | undefined> {
  const [row] = await db
    .select({ r: assessmentRound, managerName, ...progressColumns })
    .from(assessmentRound)
    .where(and(eq(assessmentRound.orgId, orgId), eq(assessmentRound.id, id)))
    .limit(1);
  return row;
}

/** Rounds a manager runs, newest first, with their progress counts. */
export async function roundsRunBy(
  db: DbOrTx,
  orgId: string,
  managerId: string,
  f: { status?: 'open' | 'closed'; limit: number; before?: [string, string] },
): Promise<RoundSummaryRow[]> {
  const where: SQL[] = [eq(assessmentRound.orgId, orgId), eq(assessmentRound.managerId, managerId)];
  if (f.status) where.push(eq(assessmentRound.status, f.status));
  const before = beforeKey([assessmentRound.createdAt, assessmentRound.id], f.before);
  if (before) where.push(before);
  return db
    .select({ r: assessmentRound, managerName, ...progressColumns })
    .from(assessmentRound)
    .where(and(...where))
    .orderBy(desc(assessmentRound.createdAt), desc(assessmentRound.id))
    .limit(f.limit);
}

/** The rounds a person is a member of, open first, then newest first. */
export async function roundsOfMember(db: DbOrTx, orgId: string, personId: string, limit: number) {
  return db
    .select({ r: assessmentRound, managerName, m: assessmentRoundMember })
    .from(assessmentRoundMember)
    .innerJoin(assessmentRound, and(eq(assessmentRound.orgId, assessmentRoundMember.orgId), eq(assessmentRound.id, assessmentRoundMember.roundId)))
    .where(and(eq(assessmentRoundMember.orgId, orgId), eq(assessmentRoundMember.personId, personId)))
    .orderBy(sql`${assessmentRound.status} = 'closed'`, desc(assessmentRound.createdAt), desc(assessmentRound.id))
    .limit(limit);
}

export type MemberView = { m: MemberRow; p: PersonRow };

/**
 * The members of a round, by name; with `visibleTo`, only those that person may see (themself
 * and the people below them in the chain).
 */
export async function membersOf(db: DbOrTx, orgId: string, roundId: string, visibleTo?: string): Promise<MemberView[]> {
  const where: SQL[] = [eq(assessmentRoundMember.orgId, orgId), eq(assessmentRoundMember.roundId, roundId)];
  if (visibleTo) {
    where.push(sql`(${assessmentRoundMember.personId} = ${visibleTo}::uuid or ${assessmentRoundMember.personId} in (${chainBelowSql(orgId, visibleTo)}))`);
  }
  return db
    .select({ m: assessmentRoundMember, p: personColumns })
    .from(assessmentRoundMember)
    .innerJoin(person, and(eq(person.orgId, assessmentRoundMember.orgId), eq(person.id, assessmentRoundMember.personId)))
    .where(and(...where))
    .orderBy(asc(person.lastName), asc(person.firstName), asc(person.id));
}

export async function findMember(db: DbOrTx, orgId: string, roundId: string, personId: string, forUpdate = false): Promise<MemberRow | undefined> {
  const q = db
    .select()
    .from(assessmentRoundMember)
    .where(and(eq(assessmentRoundMember.orgId, orgId), eq(assessmentRoundMember.roundId, roundId), eq(assessmentRoundMember.personId, personId)))
    .limit(1);
  const [row] = await (forUpdate ? q.for('update') : q);
  return row;
}

export async function markSubmitted(db: DbOrTx, orgId: string, roundId: string, personId: string, which: 'self' | 'manager', at: Date): Promise<MemberRow> {
  const [row] = await db
    .update(assessmentRoundMember)
    .set(which === 'self' ? { selfSubmittedAt: at } : { managerSubmittedAt: at })
    .where(and(eq(assessmentRoundMember.orgId, orgId), eq(assessmentRoundMember.roundId, roundId), eq(assessmentRoundMember.personId, personId)))
    .returning();
  return row!;
}

export async function closeRound(db: DbOrTx, orgId: string, id: string, at: Date): Promise<RoundRow> {
  const [row] = await db
    .update(assessmentRound)
    .set({ status: 'closed', closedAt: at })
    .where(and(eq(assessmentRound.orgId, orgId), eq(assessmentRound.id, id)))
    .returning();
  return row!;
}

/** The self and manager ratings recorded in these rounds for these people. */
export async function roundRatings(db: DbOrTx, orgId: string, roundIds: string[], personIds: string[]) {
  if (!roundIds.length || !personIds.length) return [];
  return db
    .select({
      roundId: skillAssessment.roundId,
      personId: skillAssessment.personId,
      skillId: skillAssessment.skillId,
      source: skillAssessment.source,
      level: skillAssessment.level,
    })
    .from(skillAssessment)
    .where(
      and(
        eq(skillAssessment.orgId, orgId),
        inArray(skillAssessment.roundId, roundIds),
        inArray(skillAssessment.personId, personIds),
        inArray(skillAssessment.source, ['self', 'manager']),
      ),
    )
    .orderBy(asc(skillAssessment.assessedAt), asc(skillAssessment.id));
}
