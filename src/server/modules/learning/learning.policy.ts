import type { DbOrTx } from '../../platform/db/index.ts';
import { notFound } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/http/types.ts';
import { canSeePersonal, hasRole, isManagerOf, requireRole } from '../org/index.ts';
import { findPerson } from './records/index.ts';

/** Authors and admins of learning: course, program, session and compliance management. */
export const isLearningAdmin = (actor: Actor) => hasRole(actor, 'learning_admin');

export function requireLearningAdmin(actor: Actor): void {
  requireRole(actor, 'learning_admin');
}

/** Reports across people (dashboards, course reports): learning and HR admins. */
export function requireLearningReports(actor: Actor): void {
  requireRole(actor, 'learning_admin', 'hr_admin');
}

/**
 * Enrolments and learning records (DESIGN.md §5): the learner, their manager chain, learning
 * and HR admins. Everyone else gets 404, so existence is not leaked.
 */
export async function canSeeLearningOf(db: DbOrTx, actor: Actor, personId: string): Promise<boolean> {
  if (hasRole(actor, 'learning_admin')) return true;
  return canSeePersonal(db, actor, personId);
}

/**
 * For every endpoint that names a person (`/people/{id}/learning`, `?personId=`, transcripts,
 * external learning): the person, if they exist in the caller's organisation and the caller may
 * see their learning; 404 otherwise. Admins see everyone's learning, but an unknown id or a
 * person of another organisation is still not found, never an empty list.
 */
export async function visibleLearner(db: DbOrTx, actor: Actor, personId: string) {
  const p = await findPerson(db, actor.orgId, personId);
  if (!p || !(await canSeeLearningOf(db, actor, personId))) throw notFound('Person');
  return p;
}

/** Assigning to a person: learning or HR admins, or someone above them in the reporting line. */
export async function canAssignTo(db: DbOrTx, actor: Actor, personId: string): Promise<boolean> {
  if (hasRole(actor, 'learning_admin', 'hr_admin')) return true;
  return isManagerOf(db, actor, personId);
}
