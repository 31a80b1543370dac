import type { DbOrTx } from '../../platform/db/index.ts';
import { notFound } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/http/types.ts';
import { canReadPersonalOf, hasRole, isManagerOf, personInOrg } from '../org/index.ts';
import type { EnrollmentRow } from './enrollment/index.ts';
import { findPerson } from './records/index.ts';

/**
 * Who may do what in learning, one function per action. Learning admins author and run training
 * (courses, programs, live sessions, compliance rules: DESIGN.md §1); HR admins read it across
 * people (reports, the compliance dashboard) and look after people's enrolments with them.
 * Admin areas go through `requirePermission(actor, canX)` from org (404 to others).
 */

/** Courses, their versions and content, and the files lessons use. */
export const canManageCourses = (actor: Actor) => hasRole(actor, 'learning_admin');
/** Programs (learning paths) and their steps. */
export const canManagePrograms = (actor: Actor) => hasRole(actor, 'learning_admin');
/** Live sessions: scheduling, rosters and attendance of any session. */
export const canManageSessions = (actor: Actor) => hasRole(actor, 'learning_admin');
/**
 * Compliance rules (create, change, delete): running mandatory training is the learning admins'
 * job. HR admins read the rules and the dashboard (`canReadLearningReports`) but do not change them.
 */
export const canManageComplianceRules = (actor: Actor) => hasRole(actor, 'learning_admin');
/** Checkpoint submissions of any program, whoever the step names as approver. */
export const canReviewAnyCheckpoint = (actor: Actor) => hasRole(actor, 'learning_admin');
/** Reports across people: course reports, the compliance dashboard and the rules it counts. */
export const canReadLearningReports = (actor: Actor) => hasRole(actor, 'learning_admin', 'hr_admin');
/**
 * Anyone's enrolments: assigning to anyone (groups and departments too), changing due dates,
 * resetting and unenrolling, recording external learning. Managers assign to people below them only.
 */
export const canManageEnrollments = (actor: Actor) => hasRole(actor, 'learning_admin', 'hr_admin');

/**
 * Enrolments and learning records (DESIGN.md §5): the learner, their manager chain, learning
 * and HR admins. Everyone else gets 404, so existence is not leaked.
 */
export async function canReadLearningOf(db: DbOrTx, actor: Actor, personId: string): Promise<boolean> {
  // An admin's role reaches their own organisation only: a person of another one is not found.
  if (canManageEnrollments(actor)) return personInOrg(db, actor.orgId, personId);
  return canReadPersonalOf(db, actor, personId);
}

/** Writing a learning record of a person (external learning): the learner or a learning or HR admin; a manager reads it only. */
export const canRecordLearningOf = (actor: Actor, personId: string) => actor.personId === personId || canManageEnrollments(actor);

/** A due date: learning and HR admins, or the manager above the learner who assigned it. */
export async function canChangeDueDateOf(db: DbOrTx, actor: Actor, e: Pick<EnrollmentRow, 'personId' | 'assignedBy'>): Promise<boolean> {
  return canManageEnrollments(actor) || (e.assignedBy === actor.personId && (await isManagerOf(db, actor, e.personId)));
}

/**
 * For every endpoint that names a person (`/people/{id}/learning`, `?personId=`, transcripts,
 * external learning): the person, if they exist in the caller's organisation and the caller may
 * see their learning; 404 otherwise. Admins see everyone's learning, but an unknown id or a
 * person of another organisation is still not found, never an empty list.
 */
export async function visibleLearner(db: DbOrTx, actor: Actor, personId: string) {
  const p = await findPerson(db, actor.orgId, personId);
  // The person was found in the caller's organisation, so an admin needs no second lookup.
  if (!p || !(canManageEnrollments(actor) || (await canReadPersonalOf(db, actor, personId)))) throw notFound('Person');
  return p;
}
