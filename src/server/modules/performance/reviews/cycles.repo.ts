import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { department, groupMember, person, review, reviewCycle, reviewParticipant, reviewTemplate } from '../../../db/schema/index.ts';
import type { ParticipantRule } from '../../../db/schema/index.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';
import { rows, uuidArray } from '../../../platform/db/sql.ts';
import { chainBelowSql, departmentsBelowSql } from '../../org/index.ts';
import { expectedSkillsJsonSql } from '../../talent/index.ts';
import { personGoalIdsJsonSql } from '../goals/index.ts';

export type CycleRow = typeof reviewCycle.$inferSelect;
export type CycleCounts = { participants: number; reviews: number; submitted: number; released: number; acknowledged: number };
export type CycleWithCounts = CycleRow & { templateName: string; counts: CycleCounts };

const countsSql = sql<CycleCounts>`json_build_object(
  'participants', (select count(*)::int from ${reviewParticipant} rp where rp.cycle_id = ${reviewCycle.id}),
  'released', (select count(*)::int from ${reviewParticipant} rp where rp.cycle_id = ${reviewCycle.id} and rp.released_at is not null),
  'acknowledged', (select count(*)::int from ${reviewParticipant} rp where rp.cycle_id = ${reviewCycle.id} and rp.acknowledged_at is not null),
  'reviews', (select count(*)::int from ${review} r where r.cycle_id = ${reviewCycle.id}),
  'submitted', (select count(*)::int from ${review} r where r.cycle_id = ${reviewCycle.id} and r.status = 'submitted'))`;

const withCounts = (db: DbOrTx) =>
  db.select({ c: reviewCycle, templateName: reviewTemplate.name, counts: countsSql }).from(reviewCycle).innerJoin(reviewTemplate, eq(reviewTemplate.id, reviewCycle.templateId));

export async function listCycles(db: DbOrTx, orgId: string, phase?: CycleRow['phase']): Promise<CycleWithCounts[]> {
  const found = await withCounts(db)
    .where(and(eq(reviewCycle.orgId, orgId), phase ? eq(reviewCycle.phase, phase) : undefined))
    .orderBy(desc(reviewCycle.createdAt), desc(reviewCycle.id))
    .limit(200);
  return found.map((r) => ({ ...r.c, templateName: r.templateName, counts: r.counts }));
}

export async function findCycleWithCounts(db: DbOrTx, orgId: string, id: string): Promise<CycleWithCounts | undefined> {
  const [r] = await withCounts(db)
    .where(and(eq(reviewCycle.orgId, orgId), eq(reviewCycle.id, id)))
    .limit(1);
  return r ? { ...r.c, templateName: r.templateName, counts: r.counts } : undefined;
}

export async function findCycle(db: DbOrTx, orgId: string, id: string, lock = false): Promise<CycleRow | undefined> {
  const q = db
    .select()
    .from(reviewCycle)
    .where(and(eq(reviewCycle.orgId, orgId), eq(reviewCycle.id, id)))
    .limit(1);
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export async function insertCycle(db: DbOrTx, values: typeof reviewCycle.$inferInsert): Promise<CycleRow> {
  const [row] = await db.insert(reviewCycle).values(values).returning();
  return row!;
}

export async function updateCycle(db: DbOrTx, orgId: string, id: string, values: Partial<typeof reviewCycle.$inferInsert>): Promise<CycleRow> {
  const [row] = await db
    .update(reviewCycle)
    .set(values)
    .where(and(eq(reviewCycle.orgId, orgId), eq(reviewCycle.id, id)))
    .returning();
  return row!;
}

/** Active people the rule selects, as a `select id, manager_id, department_id from person`. */
function ruleSql(orgId: string, rule: ParticipantRule): SQL {
  const parts: SQL[] = [sql`p.org_id = ${orgId}`, sql`p.status = 'active'`];
  if (rule.departmentIds.length) parts.push(sql`p.department_id in (${departmentsBelowSql(orgId, rule.departmentIds)})`);
  if (rule.groupIds.length)
    parts.push(sql`p.id in (select gm.person_id from ${groupMember} gm where gm.org_id = ${orgId} and gm.group_id = any(${uuidArray(rule.groupIds)}))`);
  if (rule.hiredBefore) parts.push(sql`p.hire_date < ${rule.hiredBefore}::date`);
  if (rule.excludePersonIds.length) parts.push(sql`not (p.id = any(${uuidArray(rule.excludePersonIds)}))`);
  return sql`select p.id, p.manager_id, p.department_id, p.first_name, p.last_name from ${person} p where ${sql.join(parts, sql` and `)}`;
}

export async function previewParticipants(db: DbOrTx, orgId: string, rule: ParticipantRule) {
  const r = await db.execute(sql`with chosen as (${ruleSql(orgId, rule)})
    select (select count(*)::int from chosen) as count,
      coalesce((select json_agg(json_build_object('id', id, 'name', first_name || ' ' || last_name)) from (select * from chosen order by last_name, first_name, id limit 20) s), '[]'::json) as sample`);
  return rows<{ count: number; sample: { id: string; name: string }[] }>(r)[0]!;
}

/** Adds the rule's people as subjects (once: a repeated launch adds nobody twice). */
export async function insertParticipants(db: DbOrTx, orgId: string, cycleId: string, rule: ParticipantRule): Promise<number> {
  const r = await db.execute(sql`insert into ${reviewParticipant} (org_id, cycle_id, person_id, manager_id, department_id)
    select ${orgId}, ${cycleId}::uuid, c.id, c.manager_id, c.department_id from (${ruleSql(orgId, rule)}) c
    on conflict do nothing returning person_id`);
  return rows(r).length;
}

export type NewReview = { id: string; subjectId: string; reviewerId: string; relationship: string };

/**
 * The self, manager and upward reviews of a cycle's subjects, in one statement; each review keeps
 * the skills of the subject's job profile (expected level and the skill's scale) and the ids of
 * the subject's goals of the period, so the form does not change under the reviewer.
 * Existing reviews are kept, so launching twice creates none.
 */
export async function insertLaunchReviews(
  db: DbOrTx,
  orgId: string,
  cycle: Pick<CycleRow, 'id' | 'periodStartsOn' | 'periodEndsOn'> & { self: boolean; manager: boolean; upward: boolean; skills: boolean; goals: boolean },
  now: Date,
): Promise<NewReview[]> {
  const pairs: SQL[] = [];
  if (cycle.self) pairs.push(sql`select rp.person_id as subject_id, rp.person_id as reviewer_id, 'self' as relationship from ${reviewParticipant} rp where rp.cycle_id = ${cycle.id}::uuid`);
  if (cycle.manager)
    pairs.push(sql`select rp.person_id, rp.manager_id, 'manager' from ${reviewParticipant} rp
      join ${person} m on m.id = rp.manager_id and m.org_id = ${orgId} and m.status = 'active'
      where rp.cycle_id = ${cycle.id}::uuid`);
  if (cycle.upward)
    pairs.push(sql`select rp.person_id, r.id, 'upward' from ${reviewParticipant} rp
      join ${person} r on r.org_id = ${orgId} and r.manager_id = rp.person_id and r.status = 'active'
      where rp.cycle_id = ${cycle.id}::uuid`);
  if (!pairs.length) return [];
  const skills = cycle.skills ? expectedSkillsJsonSql(orgId, sql`pr.subject_id`) : sql`'[]'::jsonb`;
  const goals = cycle.goals ? personGoalIdsJsonSql(orgId, sql`pr.subject_id`, cycle.periodStartsOn, cycle.periodEndsOn) : sql`'[]'::jsonb`;
  const r = await db.execute(sql`insert into ${review} (id, org_id, cycle_id, subject_id, reviewer_id, relationship, subject_skills, subject_goal_ids, created_at, updated_at)
    select tandem_uuid_v7(), ${orgId}, ${cycle.id}::uuid, pr.subject_id, pr.reviewer_id, pr.relationship, ${skills}, ${goals}, ${now}, ${now}
    from (${sql.join(pairs, sql` union all `)}) pr(subject_id, reviewer_id, relationship)
    on conflict do nothing
    returning id, subject_id as "subjectId", reviewer_id as "reviewerId", relationship`);
  return rows<NewReview>(r);
}

/** Peer reviews for approved nominations that have none yet. */
export async function insertPeerReviews(db: DbOrTx, orgId: string, cycle: Pick<CycleRow, 'id' | 'periodStartsOn' | 'periodEndsOn'> & { skills: boolean; goals: boolean }, now: Date, nominationIds?: string[]): Promise<NewReview[]> {
  const skills = cycle.skills ? expectedSkillsJsonSql(orgId, sql`n.subject_id`) : sql`'[]'::jsonb`;
  const goals = cycle.goals ? personGoalIdsJsonSql(orgId, sql`n.subject_id`, cycle.periodStartsOn, cycle.periodEndsOn) : sql`'[]'::jsonb`;
  const r = await db.execute(sql`insert into ${review} (id, org_id, cycle_id, subject_id, reviewer_id, relationship, subject_skills, subject_goal_ids, created_at, updated_at)
    select tandem_uuid_v7(), ${orgId}, ${cycle.id}::uuid, n.subject_id, n.reviewer_id, 'peer', ${skills}, ${goals}, ${now}, ${now}
    from peer_nomination n where n.org_id = ${orgId} and n.cycle_id = ${cycle.id}::uuid and n.status = 'approved'
      ${nominationIds ? sql`and n.id = any(${uuidArray(nominationIds)})` : sql``}
    on conflict do nothing
    returning id, subject_id as "subjectId", reviewer_id as "reviewerId", relationship`);
  return rows<NewReview>(r);
}

export type ProgressRow = { id: string | null; name: string; participants: number; status: string; relationship: string; count: number };

/**
 * Review counts by status and relationship, grouped by the subjects' manager (for the cycle) or
 * department; `chainOf` limits the subjects to those below a manager.
 */
export async function progress(db: DbOrTx, orgId: string, cycleId: string, by: 'manager' | 'department', chainOf?: string): Promise<ProgressRow[]> {
  const scope = chainOf ? sql`and rp.person_id in (${chainBelowSql(orgId, chainOf)})` : sql``;
  const group =
    by === 'manager'
      ? sql`rp.manager_id as id, coalesce((select m.first_name || ' ' || m.last_name from ${person} m where m.id = rp.manager_id), 'No manager') as name`
      : sql`rp.department_id as id, coalesce((select d.name from ${department} d where d.id = rp.department_id), 'No department') as name`;
  const r = await db.execute(sql`with subjects as (
      select rp.person_id, ${group} from ${reviewParticipant} rp where rp.org_id = ${orgId} and rp.cycle_id = ${cycleId}::uuid ${scope}
    ), sized as (select id, name, count(*)::int as participants from subjects group by id, name)
    select s.id, s.name, s.participants, r.status, r.relationship, count(r.id)::int as count
    from sized s
    left join subjects sb on sb.id is not distinct from s.id
    left join ${review} r on r.org_id = ${orgId} and r.cycle_id = ${cycleId}::uuid and r.subject_id = sb.person_id
    group by s.id, s.name, s.participants, r.status, r.relationship
    order by s.name`);
  return rows<ProgressRow>(r);
}
