import type { DbOrTx } from '../../../platform/db/index.ts';
import type { Actor } from '../../../platform/http/types.ts';
import { hasRole } from '../../org/index.ts';
import { canReadLearningOf } from '../../learning/index.ts';

/**
 * Who may see and change follow-ups. A follow-up is a learning record (DESIGN.md §5): the
 * learner, their manager chain, learning and HR admins; and the person it was asked of, who
 * answers it. Everyone else gets 404.
 */

/** A person's follow-ups: whoever may read their learning. */
export const canReadFollowUpsOf = (db: DbOrTx, actor: Actor, personId: string) => canReadLearningOf(db, actor, personId);

/** Everyone's follow-ups, unfiltered by the chain: learning and HR admins, who look after enrolments. */
export const seesEveryonesFollowUps = (actor: Actor) => hasRole(actor, 'learning_admin', 'hr_admin');

/** A course's or program's loop figures: those who read learning reports. */
export const canReadLoopReports = (actor: Actor) => hasRole(actor, 'learning_admin', 'hr_admin');

/** The follow-up window per reason type. */
export const canManageFollowUpSettings = (actor: Actor) => hasRole(actor, 'learning_admin', 'hr_admin');
