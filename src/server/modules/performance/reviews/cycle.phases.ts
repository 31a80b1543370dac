import type { ReviewCyclePhase } from '../../../db/schema/index.ts';

/**
 * What each phase of a cycle allows. Phases go forward one at a time, from launch to closed:
 * draft → (nomination, when peers review) → writing → calibration → sharing → closed.
 */
export type CycleAction = 'edit_setup' | 'nominate' | 'decide_nomination' | 'write' | 'reopen' | 'release' | 'acknowledge';

const allowed: Record<ReviewCyclePhase, readonly CycleAction[]> = {
  draft: ['edit_setup'],
  nomination: ['nominate', 'decide_nomination'],
  // Peers may still be approved while others write; a late peer review is better than none.
  writing: ['decide_nomination', 'write', 'reopen'],
  // A review reopened in calibration may be written again.
  calibration: ['write', 'reopen'],
  sharing: ['release', 'acknowledge'],
  closed: ['acknowledge'],
};

export const phaseAllows = (phase: ReviewCyclePhase, action: CycleAction): boolean => allowed[phase].includes(action);

/** The phase launch moves a draft to: nomination when peers review, writing otherwise. */
export const launchPhase = (peers: boolean): ReviewCyclePhase => (peers ? 'nomination' : 'writing');

const order: ReviewCyclePhase[] = ['draft', 'nomination', 'writing', 'calibration', 'sharing', 'closed'];

/**
 * Whether a cycle may move from `from` to `to`: one step forward. A draft is launched, not moved,
 * and nobody moves back into nomination (launch puts a cycle with peers there).
 */
export function canMovePhase(from: ReviewCyclePhase, to: ReviewCyclePhase, peers: boolean): boolean {
  if (from === 'draft' || to === 'draft' || to === 'nomination') return false;
  if (from === 'nomination') return peers && to === 'writing';
  return order[order.indexOf(from) + 1] === to;
}
