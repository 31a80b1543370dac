import { sql, type SQL } from 'drizzle-orm';
import { department, goal, groupMember, person } from '../../db/schema/index.ts';
import type { DbOrTx } from '../../platform/db/index.ts';
import { rows } from '../../platform/db/sql.ts';
import type { Actor } from '../../platform/http/types.ts';
import { CHAIN_DEPTH, chainBelowSql, hasRole, isInChainOf } from '../org/index.ts';

/**
 * Who may do what in performance, one function per action, one section per capability
 * (DESIGN.md §5). What a caller may not see answers 404, never 403.
 */

/** Goal periods, templates and bulk assignment, the 1:1 topic bank, company values, anonymity. */
export const canManagePerformanceSettings = (actor: Actor) => hasRole(actor, 'hr_admin');

// ---- goals ----------------------------------------------------------------------------------

/*
 * Goal visibility (docs/goals.md). Public goals: everyone in the organisation. HR admins: every
 * goal. Otherwise, by owner:
 * - a person: the owner and their manager chain; team goals also everyone who shares the
 *   owner's direct manager;
 * - a department (with its sub-departments) or a group: the managers above any member; team
 *   goals also the members themselves;
 * - the company: team goals everyone (the company is the team); private ones the managers of
 *   anyone (everyone with a report), as "the members' chains" reads for the whole company.
 * One rule, written once as SQL: the single-goal check runs the same fragment.
 */

const depth = sql.raw(String(CHAIN_DEPTH));

/** The departments `starts` (a `select` of department ids) lie in, with every department above them. */
function departmentsAboveSql(orgId: string, starts: SQL): SQL {
  return sql`with recursive up(id, depth) as (
      select d.id, 0 from ${department} d where d.org_id = ${orgId} and d.id in (${starts})
      union
      select d.parent_id, up.depth + 1 from ${department} d join up on d.id = up.id
      where d.org_id = ${orgId} and d.parent_id is not null and up.depth < ${depth}
    ) select id from up`;
}

/**
 * The goals (as alias `g`, default `g`) the actor may read, as a condition. Each viewer set is an
 * uncorrelated subquery, so PostgreSQL computes it once per statement, not once per goal.
 */
export function goalVisibleSql(actor: Actor, alias = 'g'): SQL {
  const g = sql.raw(alias);
  const org = actor.orgId;
  if (hasRole(actor, 'hr_admin')) return sql`(${g}.org_id = ${org})`;
  const me = actor.personId;
  const below = chainBelowSql(org, me);
  const teamPerson = sql`${g}.visibility = 'team' and ${g}.owner_person_id in (
      select p.id from ${person} p join ${person} mine on mine.org_id = ${org} and mine.id = ${me}::uuid
      where p.org_id = ${org} and p.manager_id = mine.manager_id)`;
  const managedDepartments = departmentsAboveSql(
    org,
    sql`select p.department_id from ${person} p where p.org_id = ${org} and p.department_id is not null and p.id in (${below})`,
  );
  const myDepartments = departmentsAboveSql(org, sql`select p.department_id from ${person} p where p.org_id = ${org} and p.id = ${me}::uuid`);
  return sql`(${g}.org_id = ${org} and (
    ${g}.visibility = 'public'
    or (${g}.owner_type = 'person' and (
      ${g}.owner_person_id = ${me}::uuid or ${g}.owner_person_id in (${below}) or (${teamPerson})))
    or (${g}.owner_type = 'department' and (
      ${g}.owner_department_id in (${managedDepartments})
      or (${g}.visibility = 'team' and ${g}.owner_department_id in (${myDepartments}))))
    or (${g}.owner_type = 'group' and (
      ${g}.owner_group_id in (select gm.group_id from ${groupMember} gm where gm.org_id = ${org} and gm.person_id in (${below}))
      or (${g}.visibility = 'team' and ${g}.owner_group_id in (select gm.group_id from ${groupMember} gm where gm.org_id = ${org} and gm.person_id = ${me}::uuid))))
    or (${g}.owner_type = 'company' and (
      ${g}.visibility = 'team' or exists (select 1 from ${person} r where r.org_id = ${org} and r.manager_id = ${me}::uuid)))
  ))`;
}

export type GoalRow = typeof goal.$inferSelect;

/** The goal when the actor may read it; null otherwise (callers answer 404). */
export async function readableGoal(db: DbOrTx, actor: Actor, id: string): Promise<GoalRow | null> {
  const [row] = await db
    .select()
    .from(goal)
    .where(sql`${goal.orgId} = ${actor.orgId} and ${goal.id} = ${id}::uuid and ${goalVisibleSql(actor, '"goal"')}`)
    .limit(1);
  return row ?? null;
}

/** Whether the actor manages (is above) anyone among the people `members` selects. */
async function managesAnyOf(db: DbOrTx, actor: Actor, members: SQL): Promise<boolean> {
  const r = await db.execute(
    sql`select exists(select 1 from (${members}) m where m.id in (${chainBelowSql(actor.orgId, actor.personId)})) as found`,
  );
  return Boolean(rows<{ found: boolean }>(r)[0]?.found);
}

export type GoalOwner = { ownerType: GoalRow['ownerType']; ownerPersonId?: string | null; ownerDepartmentId?: string | null; ownerGroupId?: string | null };

/**
 * Creating, changing, checking in on and deleting a goal of this owner: a person's goals are the
 * person's, their manager chain's and HR admins'; a department's or group's are the managers above
 * any member's and HR admins'; the company's are HR admins'.
 */
export async function canEditGoalsOf(db: DbOrTx, actor: Actor, owner: GoalOwner): Promise<boolean> {
  if (hasRole(actor, 'hr_admin')) return true;
  switch (owner.ownerType) {
    case 'person':
      return !!owner.ownerPersonId && (owner.ownerPersonId === actor.personId || isInChainOf(db, actor.orgId, actor.personId, owner.ownerPersonId));
    case 'department':
      return (
        !!owner.ownerDepartmentId &&
        managesAnyOf(
          db,
          actor,
          sql`select p.id from ${person} p where p.org_id = ${actor.orgId} and p.department_id in (with recursive down(id, depth) as (
              select ${owner.ownerDepartmentId}::uuid, 0
              union
              select d.id, down.depth + 1 from ${department} d join down on d.parent_id = down.id where d.org_id = ${actor.orgId} and down.depth < ${depth}
            ) select id from down)`,
        )
      );
    case 'group':
      return (
        !!owner.ownerGroupId &&
        managesAnyOf(db, actor, sql`select gm.person_id as id from ${groupMember} gm where gm.org_id = ${actor.orgId} and gm.group_id = ${owner.ownerGroupId}::uuid`)
      );
    case 'company':
      return false;
  }
}

/** Comments on a goal: anyone who may read it. */
export const canCommentOnGoal = (readable: GoalRow | null) => readable !== null;


// ---- 1:1s -----------------------------------------------------------------------------------

/*
 * 1:1s (DESIGN.md §5): a series, its meetings, shared points, action items and the shared note are
 * the two participants' only; a private point or note is its author's only. Nobody else reads
 * them, admins included (404). HR admins and managers read the cadence report (dates, no content).
 */

export type SeriesParticipants = { organiserId: string; attendeeId: string };

/** A series and what is shared in it: its two participants. */
export const canReadOneOnOne = (actor: Actor, s: SeriesParticipants) => actor.personId === s.organiserId || actor.personId === s.attendeeId;

/** A private talking point or note: its author only. */
export const canReadPrivateOneOnOneRecord = (actor: Actor, r: { authorId: string | null }) => r.authorId !== null && r.authorId === actor.personId;

/** Starting a series: with any other active colleague (usually one's manager or report; either side may start it). */
export const canStartOneOnOneWith = (actor: Actor, otherId: string) => actor.personId !== otherId;

/** The topic bank: HR admins edit it; everyone reads it as suggestions. */
export const canManageOneOnOneTopics = (actor: Actor) => canManagePerformanceSettings(actor);

/** The cadence report: HR admins for everyone, managers for their chain. */
export const cadenceReportScope = (actor: Actor): 'everyone' | 'chain' => (hasRole(actor, 'hr_admin') ? 'everyone' : 'chain');

/** Assigning learning from a 1:1, as learning allows assignment: learning and HR admins to anyone, managers to their chain. */
export async function canAssignLearningFromOneOnOne(db: DbOrTx, actor: Actor, personId: string): Promise<boolean> {
  return hasRole(actor, 'learning_admin', 'hr_admin') || (actor.personId !== personId && isInChainOf(db, actor.orgId, actor.personId, personId));
}

// ---- feedback and praise --------------------------------------------------------------------

/** Company values and whether feedback may be anonymous are performance settings (canManagePerformanceSettings). */

export type PraiseAccess = { visibility: 'public' | 'private'; giverId: string | null; recipientIds: readonly string[] };

/** Public praise: everyone in the organisation; private praise: its giver and its recipients, nobody else. */
export const canReadPraise = (actor: Actor, p: PraiseAccess) =>
  p.visibility === 'public' || p.giverId === actor.personId || p.recipientIds.includes(actor.personId);

/** Only the giver edits or deletes praise; comments are removed by their author. */
export const canChangePraise = (actor: Actor, p: PraiseAccess) => p.giverId !== null && p.giverId === actor.personId;

/** Feedback on oneself, or, as a manager, on someone below in the reporting chain. */
export async function canRequestFeedbackAbout(db: DbOrTx, actor: Actor, subjectId: string): Promise<boolean> {
  return subjectId === actor.personId || isInChainOf(db, actor.orgId, actor.personId, subjectId);
}

export type FeedbackAccess = {
  giverId: string | null;
  receiverId: string;
  subjectId: string;
  anonymous: boolean;
  shareWithManagers: boolean;
  shareWithSubject: boolean;
  givenOn: string;
};

/**
 * Anonymous feedback reaches its readers the day after it was given (`today` is the UTC date), so
 * the moment it appears cannot tell a receiver who was writing at that moment.
 */
export const isFeedbackReleased = (f: Pick<FeedbackAccess, 'anonymous' | 'givenOn'>, today: string) => !f.anonymous || f.givenOn < today;

/**
 * Given feedback (DESIGN.md §5): its giver (never for anonymous feedback, which keeps no giver) and
 * its receiver; the subject of feedback a manager asked about them when the giver allows it; the
 * receiver's manager chain when the giver allows it. Not HR admins.
 */
export async function canReadFeedback(db: DbOrTx, actor: Actor, f: FeedbackAccess, today: string): Promise<boolean> {
  if (f.giverId !== null && f.giverId === actor.personId) return true;
  if (!isFeedbackReleased(f, today)) return false;
  if (f.receiverId === actor.personId) return true;
  if (f.shareWithSubject && f.subjectId === actor.personId) return true;
  return f.shareWithManagers && isInChainOf(db, actor.orgId, actor.personId, f.receiverId);
}

// ---- reviews --------------------------------------------------------------------------------

/*
 * Reviews (DESIGN.md §5): a review is its reviewer's; the subject's manager chain (and the manager
 * the cycle recorded for them) and HR admins read every review of a subject with its author. The
 * subject never reads them as such: once their review is shared they read the shared view, which
 * leaves out what the template keeps from them and the authors of anonymous answers. A subject who
 * is also an HR admin or someone's manager is still only a subject of their own reviews.
 */

/** Templates, cycles, launch, phases, bulk release, reassignment: HR admins. */
export const canManageReviews = (actor: Actor) => hasRole(actor, 'hr_admin');

export type ReviewSubject = { personId: string; managerId: string | null };

/** Every review of the subject, with authors: HR admins, the cycle's manager of the subject, the subject's manager chain; never the subject. */
export async function canOverseeReviewsOf(db: DbOrTx, actor: Actor, s: ReviewSubject): Promise<boolean> {
  if (actor.personId === s.personId) return false;
  if (canManageReviews(actor) || s.managerId === actor.personId) return true;
  return isInChainOf(db, actor.orgId, actor.personId, s.personId);
}

/** Writing a review: its reviewer only. */
export const canWriteReview = (actor: Actor, r: { reviewerId: string }) => r.reviewerId === actor.personId;

/** The shared view of one's own reviews: the subject, once released. */
export const canReadSharedReview = (actor: Actor, p: { personId: string; releasedAt: Date | null }) => p.personId === actor.personId && p.releasedAt !== null;

// ---- calibration ----------------------------------------------------------------------------

/*
 * Calibration, potential, the 9-box and rater leniency (DESIGN.md §5): HR admins and a session's
 * calibrating managers; never a subject of the session, HR admins included (404). An HR admin's
 * API token acts as HR only with the `admin` scope.
 */

const actsAsHr = (actor: Actor) => hasRole(actor, 'hr_admin') && (actor.via !== 'token' || actor.scopes.includes('admin'));

/** Creating and locking calibration sessions and the 9-box labels (through requirePermission). */
export const canManageCalibration = (actor: Actor) => hasRole(actor, 'hr_admin');

/** Every rater's leniency, per cycle and pooled: HR admins only. */
export const canReadRaterLeniency = (actor: Actor) => hasRole(actor, 'hr_admin');

/** Reading a session's grid and changing its entries: HR admins and its calibrators, unless the actor is one of its subjects. */
export const canCalibrate = (actor: Actor, s: { calibratorIds: readonly string[] }, actorIsSubject: boolean) =>
  !actorIsSubject && (actsAsHr(actor) || s.calibratorIds.includes(actor.personId));
