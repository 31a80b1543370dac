import type { DbOrTx } from '../../platform/db/index.ts';
import type { Actor } from '../../platform/http/types.ts';
import { canReadPersonalOf, hasRole, isManagerOf } from '../org/index.ts';

/**
 * Who may do what in talent, one function per action. The framework (skills, job profiles,
 * career paths) is shaped by admins and read by everyone signed in; a person's assessments,
 * aspirations, development plan and hurdles are theirs, their manager chain's and HR admins'
 * (DESIGN.md §5), and everyone else gets 404.
 */

/** The skills library: skills, their scales and descriptors, merging, the skills import. */
export const canManageSkills = (actor: Actor) => hasRole(actor, 'hr_admin', 'learning_admin');
/** Job profiles with their expected levels, career paths, the profiles import. */
export const canManageJobProfiles = (actor: Actor) => hasRole(actor, 'hr_admin');
/** Which profile a person holds (a person attribute, as their job title is). */
export const canAssignJobProfiles = (actor: Actor) => hasRole(actor, 'hr_admin');
/** How the current level is derived (source weights, recency). */
export const canManageTalentSettings = (actor: Actor) => hasRole(actor, 'hr_admin');
/** Assessments imported in bulk (source `import`). */
export const canImportAssessments = (actor: Actor) => hasRole(actor, 'hr_admin');

/** A person's assessments, current levels, aspirations, development plan and recommendations. */
export async function canReadTalentOf(db: DbOrTx, actor: Actor, personId: string): Promise<boolean> {
  return canReadPersonalOf(db, actor, personId);
}

/**
 * `canReadTalentOf` decided from what a read fetched with the person, in its one statement: the
 * person was found in the actor's organisation, and `viewerAbove` says whether the actor is above
 * them (fetch it when `talentChainMatters`). The same rule: the person themself, an HR admin, or
 * anyone above them.
 */
export const canReadTalentOfFound = (actor: Actor, personId: string, viewerAbove: boolean) =>
  actor.personId === personId || hasRole(actor, 'hr_admin') || viewerAbove;
/** Whether `canReadTalentOfFound` needs the chain walk: not for the person themself or an HR admin. */
export const talentChainMatters = (actor: Actor, personId: string) => actor.personId !== personId && !hasRole(actor, 'hr_admin');
/** `canRateAsManager` from a fetched `viewerAbove` (walked whenever the reader is not the person). */
export const canRateAsManagerFound = (actor: Actor, personId: string, viewerAbove: boolean) => actor.personId !== personId && viewerAbove;

/** A self-assessment is the person's own; a manager rating comes from someone above them. */
export const canSelfAssess = (actor: Actor, personId: string) => actor.personId === personId;
export async function canRateAsManager(db: DbOrTx, actor: Actor, personId: string): Promise<boolean> {
  return isManagerOf(db, actor, personId);
}

/**
 * Changing a person's aspirations or development plan: the person, their manager chain and HR
 * admins (who see it); approving a plan item is the chain's or HR's, never the person's own.
 */
export async function canEditDevelopmentOf(db: DbOrTx, actor: Actor, personId: string): Promise<boolean> {
  return canReadPersonalOf(db, actor, personId);
}
export async function canApproveDevelopmentOf(db: DbOrTx, actor: Actor, personId: string): Promise<boolean> {
  return hasRole(actor, 'hr_admin') || isManagerOf(db, actor, personId);
}

/**
 * Self-assessment rounds. A round is its manager's; HR admins run rounds for anyone and see every
 * round. Members see their own row, and people above a member in the chain see that member's row.
 */
/** Starting a round for people outside one's own chain. */
export const canStartRoundForAnyone = (actor: Actor) => hasRole(actor, 'hr_admin');
/** The whole round (every member's row), and closing it. */
export const canRunRound = (actor: Actor, round: { managerId: string }) => round.managerId === actor.personId || hasRole(actor, 'hr_admin');
/** Manager ratings of a member: the round's manager, anyone above the member, HR admins; never the member. */
export async function canRateMemberAsManager(db: DbOrTx, actor: Actor, round: { managerId: string }, personId: string): Promise<boolean> {
  if (actor.personId === personId) return false;
  return canRunRound(actor, round) || isManagerOf(db, actor, personId);
}

/**
 * Hurdles are personal (DESIGN.md §5): the person, their manager chain and HR admins see, raise,
 * change and delete them; everyone else gets 404.
 */
export async function canReadHurdlesOf(db: DbOrTx, actor: Actor, personId: string): Promise<boolean> {
  return canReadPersonalOf(db, actor, personId);
}
export async function canRaiseHurdleFor(db: DbOrTx, actor: Actor, personId: string): Promise<boolean> {
  return canReadPersonalOf(db, actor, personId);
}
export async function canChangeHurdle(db: DbOrTx, actor: Actor, hurdle: { personId: string }): Promise<boolean> {
  return canReadPersonalOf(db, actor, hurdle.personId);
}
/**
 * Assigning learning from a hurdle follows learning's assignment rules: learning and HR admins
 * assign to anyone, managers to people below them; the hurdle must also be readable (404 first).
 */
export async function canAssignLearningFromHurdle(db: DbOrTx, actor: Actor, hurdle: { personId: string }): Promise<boolean> {
  return hasRole(actor, 'learning_admin', 'hr_admin') || isManagerOf(db, actor, hurdle.personId);
}
