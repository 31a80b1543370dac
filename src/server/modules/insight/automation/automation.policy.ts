import type { Actor } from '../../../platform/http/types.ts';
import { hasRole } from '../../org/index.ts';
import { learningOnly } from './automation.match.ts';
import type { Action } from './automation.schemas.ts';

/**
 * Automation rules act on people's records across modules (1:1s, plans, notifications), so HR
 * admins manage them. Learning admins already enrol whole audiences, so they may manage the rules
 * whose every action is an enrolment, and see only those: a rule that also adds talking points or
 * plan items stays HR's.
 */
export const canUseAutomation = (actor: Actor) => hasRole(actor, 'hr_admin', 'learning_admin');
export const canManageRule = (actor: Actor, actions: readonly Pick<Action, 'type'>[]) =>
  hasRole(actor, 'hr_admin') || (hasRole(actor, 'learning_admin') && learningOnly(actions));
