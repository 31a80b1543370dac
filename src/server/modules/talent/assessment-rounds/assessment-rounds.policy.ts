import type { DbOrTx } from '../../../platform/db/index.ts';
import type { Actor } from '../../../platform/http/types.ts';
import { hasRole, isManagerOf } from '../../org/index.ts';
import type { RoundRow } from './assessment-rounds.repo.ts';

/**
 * Who may do what with a self-assessment round. A round is its manager's; HR admins run rounds
 * for anyone and see every round. Members see their own row; people above a member in the
 * chain see that member's row (DESIGN.md §5: assessments are the person's, their chain's and
 * HR's). Everyone else gets 404. Built on org's role and chain checks, as talent.policy.ts is.
 */

/** Starting a round for people: those below the actor in the chain, anyone for HR admins. */
export const canStartRoundForAnyone = (actor: Actor) => hasRole(actor, 'hr_admin');

/** The whole round (every member's row), and closing it. */
export const canRunRound = (actor: Actor, round: Pick<RoundRow, 'managerId'>) => round.managerId === actor.personId || hasRole(actor, 'hr_admin');

/** Manager ratings of a member: the round's manager, anyone above the member, HR admins; never the member. */
export async function canRateMemberAsManager(db: DbOrTx, actor: Actor, round: Pick<RoundRow, 'managerId'>, personId: string): Promise<boolean> {
  if (actor.personId === personId) return false;
  return canRunRound(actor, round) || isManagerOf(db, actor, personId);
}
