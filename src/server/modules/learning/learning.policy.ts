import type { DbOrTx } from '../../platform/db/index.ts';
import { notFound } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/http/types.ts';
import { canSeePersonal, hasRole, isManagerOf, requireRole } from '../org/index.ts';

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

export async function assertCanSeeLearningOf(db: DbOrTx, actor: Actor, personId: string): Promise<void> {
  if (!(await canSeeLearningOf(db, actor, personId))) throw notFound('Person');
}

/** Assigning to a person: learning or HR admins, or someone above them in the reporting line. */
export async function canAssignTo(db: DbOrTx, actor: Actor, personId: string): Promise<boolean> {
  if (hasRole(actor, 'learning_admin', 'hr_admin')) return true;
  return isManagerOf(db, actor, personId);
}
