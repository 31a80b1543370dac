import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { goal, peerNomination, person, review, reviewCycle, reviewParticipant, skill, skillAssessment } from '../../../db/schema/index.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';
import { afterKey, escapeLike, rows } from '../../../platform/db/sql.ts';
import { chainBelowSql } from '../../org/index.ts';
import type { Actor } from '../../../platform/http/types.ts';
import { goalVisibleSql } from '../performance.policy.ts';

export type ReviewRow = typeof review.$inferSelect;
export type ParticipantRow = typeof reviewParticipant.$inferSelect;
export type NominationRow = typeof peerNomination.$inferSelect;

export async function findReview(db: DbOrTx, orgId: string, id: string, lock = false): Promise<ReviewRow | undefined> {
  const q = db
    .select()
    .from(review)
    .where(and(eq(review.orgId, orgId), eq(review.id, id)))
    .limit(1);
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export async function updateReview(db: DbOrTx, orgId: string, id: string, values: Partial<typeof review.$inferInsert>): Promise<ReviewRow> {
  const [row] = await db
    .update(review)
    .set(values)
    .where(and(eq(review.orgId, orgId), eq(review.id, id)))
    .returning();
  return row!;
}

export async function findParticipant(db: DbOrTx, orgId: string, cycleId: string, personId: string, lock = false): Promise<ParticipantRow | undefined> {
  const q = db
    .select()
    .from(reviewParticipant)
    .where(and(eq(reviewParticipant.orgId, orgId), eq(reviewParticipant.cycleId, cycleId), eq(reviewParticipant.personId, personId)))
    .limit(1);
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export async function updateParticipants(db: DbOrTx, orgId: string, cycleId: string, personIds: string[], values: Partial<typeof reviewParticipant.$inferInsert>): Promise<ParticipantRow[]> {
  if (!personIds.length) return [];
  return db
    .update(reviewParticipant)
    .set(values)
    .where(and(eq(reviewParticipant.orgId, orgId), eq(reviewParticipant.cycleId, cycleId), inArray(reviewParticipant.personId, personIds)))
    .returning();
}

/** Subjects of the cycle not yet released, among `personIds` (all when absent). */
export async function unreleasedParticipants(db: DbOrTx, orgId: string, cycleId: string, personIds?: string[]): Promise<ParticipantRow[]> {
  return db
    .select()
    .from(reviewParticipant)
    .where(
      and(
        eq(reviewParticipant.orgId, orgId),
        eq(reviewParticipant.cycleId, cycleId),
        sql`${reviewParticipant.releasedAt} is null`,
        personIds ? inArray(reviewParticipant.personId, personIds) : undefined,
      ),
    )
    .for('update');
}

export type ReviewListRow = ReviewRow & { cycleName: string; phase: string; writingEndsOn: string; subjectName: string };

/** The reviews a person writes, in cycles past their draft, newest cycle first. */
export async function reviewsWrittenBy(db: DbOrTx, orgId: string, reviewerId: string, cycleId?: string): Promise<ReviewListRow[]> {
  const found = await db
    .select({ r: review, cycleName: reviewCycle.name, phase: reviewCycle.phase, writingEndsOn: reviewCycle.writingEndsOn, first: person.firstName, last: person.lastName })
    .from(review)
    .innerJoin(reviewCycle, eq(reviewCycle.id, review.cycleId))
    .innerJoin(person, eq(person.id, review.subjectId))
    .where(and(eq(review.orgId, orgId), eq(review.reviewerId, reviewerId), cycleId ? eq(review.cycleId, cycleId) : undefined))
    .orderBy(desc(reviewCycle.createdAt), asc(person.lastName), asc(person.firstName), asc(review.id))
    .limit(500);
  return found.map((f) => ({ ...f.r, cycleName: f.cycleName, phase: f.phase, writingEndsOn: f.writingEndsOn, subjectName: `${f.first} ${f.last}` }));
}

/** Every review of a subject in a cycle, with the reviewer's name. */
export async function reviewsOfSubject(db: DbOrTx, orgId: string, cycleId: string, subjectId: string) {
  const found = await db
    .select({ r: review, first: person.firstName, last: person.lastName })
    .from(review)
    .innerJoin(person, eq(person.id, review.reviewerId))
    .where(and(eq(review.orgId, orgId), eq(review.cycleId, cycleId), eq(review.subjectId, subjectId)))
    .orderBy(asc(review.relationship), asc(person.lastName), asc(review.id));
  return found.map((f) => ({ ...f.r, reviewerName: `${f.first} ${f.last}` }));
}

/** The reviews a cycle's subject has to show once shared: submitted ones. */
export async function submittedReviewsOf(db: DbOrTx, orgId: string, cycleId: string, subjectIds: string[]) {
  if (!subjectIds.length) return [];
  return db
    .select()
    .from(review)
    .where(and(eq(review.orgId, orgId), eq(review.cycleId, cycleId), inArray(review.subjectId, subjectIds), eq(review.status, 'submitted')));
}

/** The cycles a person was reviewed in and whose result was shared with them. */
export async function sharedWith(db: DbOrTx, orgId: string, personId: string) {
  return db
    .select({ p: reviewParticipant, cycleName: reviewCycle.name, phase: reviewCycle.phase })
    .from(reviewParticipant)
    .innerJoin(reviewCycle, eq(reviewCycle.id, reviewParticipant.cycleId))
    .where(and(eq(reviewParticipant.orgId, orgId), eq(reviewParticipant.personId, personId), sql`${reviewParticipant.releasedAt} is not null`))
    .orderBy(desc(reviewParticipant.releasedAt))
    .limit(100);
}

export async function goalTitles(db: DbOrTx, orgId: string, ids: string[]) {
  if (!ids.length) return new Map<string, { title: string; status: string; progress: number }>();
  const found = await db.select({ id: goal.id, title: goal.title, status: goal.status, progress: goal.progress }).from(goal).where(and(eq(goal.orgId, orgId), inArray(goal.id, ids)));
  return new Map(found.map((g) => [g.id, { title: g.title, status: g.status, progress: g.progress }]));
}

export async function personBasics(db: DbOrTx, orgId: string, id: string) {
  const [p] = await db
    .select({ id: person.id, firstName: person.firstName, lastName: person.lastName, status: person.status, managerId: person.managerId })
    .from(person)
    .where(and(eq(person.orgId, orgId), eq(person.id, id)))
    .limit(1);
  return p;
}

// ---- peer nominations -----------------------------------------------------------------------

export async function nominationsOf(db: DbOrTx, orgId: string, cycleId: string, subjectId: string) {
  const found = await db
    .select({ n: peerNomination, first: person.firstName, last: person.lastName, jobTitle: person.jobTitle })
    .from(peerNomination)
    .innerJoin(person, eq(person.id, peerNomination.reviewerId))
    .where(and(eq(peerNomination.orgId, orgId), eq(peerNomination.cycleId, cycleId), eq(peerNomination.subjectId, subjectId)))
    .orderBy(asc(peerNomination.createdAt), asc(peerNomination.id));
  return found.map((f) => ({ ...f.n, reviewerName: `${f.first} ${f.last}`, reviewerJobTitle: f.jobTitle }));
}

export async function insertNominations(db: DbOrTx, values: (typeof peerNomination.$inferInsert)[]): Promise<NominationRow[]> {
  if (!values.length) return [];
  return db.insert(peerNomination).values(values).onConflictDoNothing().returning();
}

export async function findNomination(db: DbOrTx, orgId: string, id: string, lock = false): Promise<NominationRow | undefined> {
  const q = db
    .select()
    .from(peerNomination)
    .where(and(eq(peerNomination.orgId, orgId), eq(peerNomination.id, id)))
    .limit(1);
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export async function updateNomination(db: DbOrTx, orgId: string, id: string, values: Partial<typeof peerNomination.$inferInsert>): Promise<NominationRow> {
  const [row] = await db
    .update(peerNomination)
    .set(values)
    .where(and(eq(peerNomination.orgId, orgId), eq(peerNomination.id, id)))
    .returning();
  return row!;
}

export async function deleteNomination(db: DbOrTx, orgId: string, id: string) {
  await db.delete(peerNomination).where(and(eq(peerNomination.orgId, orgId), eq(peerNomination.id, id)));
}

/** The assessment a review's rating of the skill became on release, if it did. */
export async function reviewAssessment(db: DbOrTx, orgId: string, reviewId: string, skillId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ id: skillAssessment.id })
    .from(skillAssessment)
    .where(and(eq(skillAssessment.orgId, orgId), eq(skillAssessment.sourceRecordType, 'review'), eq(skillAssessment.sourceRecordId, reviewId), eq(skillAssessment.skillId, skillId)))
    .limit(1);
  return row?.id;
}

export type ResultRow = {
  personId: string; name: string; email: string; department: string | null; manager: string | null;
  reviews: number; submitted: number; releasedAt: Date | string | null; acknowledgedAt: Date | string | null;
  finalRating: number | null; potential: number | null;
};

/** One row per subject of a cycle for the results export, by name. */
export async function cycleResults(db: DbOrTx, orgId: string, cycleId: string): Promise<ResultRow[]> {
  const r = await db.execute(sql`
    select p.id as "personId", p.first_name || ' ' || p.last_name as name, p.email,
      (select d.name from department d where d.id = rp.department_id) as department,
      (select m.first_name || ' ' || m.last_name from person m where m.id = rp.manager_id) as manager,
      (select count(*)::int from review r where r.cycle_id = rp.cycle_id and r.subject_id = rp.person_id) as reviews,
      (select count(*)::int from review r where r.cycle_id = rp.cycle_id and r.subject_id = rp.person_id and r.status = 'submitted') as submitted,
      rp.released_at as "releasedAt", rp.acknowledged_at as "acknowledgedAt", e.final_rating as "finalRating", e.potential
    from review_participant rp
    join person p on p.id = rp.person_id
    left join calibration_entry e on e.cycle_id = rp.cycle_id and e.subject_id = rp.person_id
    where rp.org_id = ${orgId} and rp.cycle_id = ${cycleId}::uuid
    order by p.last_name, p.first_name, p.id`);
  return rows<ResultRow>(r);
}

/** Every submitted review of a cycle (for its results export). */
export async function submittedReviewsOfCycle(db: DbOrTx, orgId: string, cycleId: string) {
  return db
    .select({ subjectId: review.subjectId, reviewerId: review.reviewerId, relationship: review.relationship, answers: review.answers })
    .from(review)
    .where(and(eq(review.orgId, orgId), eq(review.cycleId, cycleId), eq(review.status, 'submitted')));
}

export type ParticipantListRow = {
  personId: string; firstName: string; lastName: string; jobTitle: string | null; managerName: string | null;
  reviews: number; submitted: number; releasedAt: Date | null; acknowledgedAt: Date | null;
};

/**
 * A page of a cycle's subjects by name (keyset on last name, first name, id), searchable;
 * `chainOf` keeps those below a manager.
 */
export async function participantsPage(db: DbOrTx, orgId: string, cycleId: string, opts: { q?: string; chainOf?: string; after?: [string, string, string]; limit: number }) {
  const found = await db
    .select({
      personId: reviewParticipant.personId,
      firstName: person.firstName,
      lastName: person.lastName,
      jobTitle: person.jobTitle,
      managerName: sql<string | null>`(select m.first_name || ' ' || m.last_name from person m where m.id = ${reviewParticipant.managerId})`,
      reviews: sql<number>`(select count(*)::int from review r where r.cycle_id = ${reviewParticipant.cycleId} and r.subject_id = ${reviewParticipant.personId})`,
      submitted: sql<number>`(select count(*)::int from review r where r.cycle_id = ${reviewParticipant.cycleId} and r.subject_id = ${reviewParticipant.personId} and r.status = 'submitted')`,
      releasedAt: reviewParticipant.releasedAt,
      acknowledgedAt: reviewParticipant.acknowledgedAt,
    })
    .from(reviewParticipant)
    .innerJoin(person, eq(person.id, reviewParticipant.personId))
    .where(
      and(
        eq(reviewParticipant.orgId, orgId),
        eq(reviewParticipant.cycleId, cycleId),
        opts.q ? sql`${person.searchText} like ${'%' + escapeLike(opts.q.toLowerCase()) + '%'}` : undefined,
        opts.chainOf ? sql`${reviewParticipant.personId} in (${chainBelowSql(orgId, opts.chainOf)})` : undefined,
        afterKey([person.lastName, person.firstName, person.id], opts.after),
      ),
    )
    .orderBy(asc(person.lastName), asc(person.firstName), asc(person.id))
    .limit(opts.limit + 1);
  return found as ParticipantListRow[];
}

/** The launched cycles a person is a subject of, newest first. */
export async function cyclesOfSubject(db: DbOrTx, orgId: string, personId: string) {
  return db
    .select({ c: reviewCycle, p: reviewParticipant })
    .from(reviewParticipant)
    .innerJoin(reviewCycle, eq(reviewCycle.id, reviewParticipant.cycleId))
    .where(and(eq(reviewParticipant.orgId, orgId), eq(reviewParticipant.personId, personId), sql`${reviewCycle.phase} <> 'draft'`))
    .orderBy(desc(reviewCycle.createdAt))
    .limit(50);
}

/** The subject's own goals of a period overlapping [from, to] that the actor may read, with their check-ins in the period and the last confidence. */
export async function periodGoals(db: DbOrTx, actor: Actor, subjectId: string, from: string, to: string) {
  const r = await db.execute(sql`
    select g.id, g.title, g.status, g.progress,
      (select count(*)::int from check_in ci where ci.org_id = g.org_id and ci.goal_id = g.id and ci.created_at >= ${from}::date and ci.created_at < ${to}::date + 1) as check_ins,
      (select ci.confidence from check_in ci where ci.org_id = g.org_id and ci.goal_id = g.id order by ci.created_at desc limit 1) as confidence
    from goal g left join goal_period gp on gp.id = g.period_id
    where g.org_id = ${actor.orgId} and g.owner_type = 'person' and g.owner_person_id = ${subjectId}::uuid
      and (gp.id is null or (gp.starts_on <= ${to}::date and gp.ends_on >= ${from}::date))
      and ${goalVisibleSql(actor, 'g')}
    order by g.created_at limit 30`);
  return rows<{ id: string; title: string; status: string; progress: number; check_ins: number; confidence: number | null }>(r);
}
