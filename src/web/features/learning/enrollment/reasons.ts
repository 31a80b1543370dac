/** Why a person is learning something (DESIGN.md §2.1), in words for learners and managers. */
export const reasonTypes = [
  'skill_gap',
  'goal',
  'review',
  'one_on_one',
  'hurdle',
  'aspiration',
  'compliance',
  'onboarding',
  'self',
] as const;
export type ReasonType = (typeof reasonTypes)[number];

export const reasonLabels: Record<ReasonType, string> = {
  skill_gap: 'Closes a skill gap',
  goal: 'Supports a goal',
  review: 'From your review',
  one_on_one: 'Agreed in a 1:1',
  hurdle: 'Removes a hurdle',
  aspiration: 'Towards your aspiration',
  compliance: 'Required for compliance',
  onboarding: 'Part of onboarding',
  self: 'Your choice',
};

/** The label of a reason type; unknown types (newer servers) show as they are. */
export function reasonLabel(type: string): string {
  return reasonLabels[type as ReasonType] ?? type;
}

/** Options for a reason select (assigning learning: "self" is the learner's own choice, not assignable). */
export const assignableReasonOptions = reasonTypes
  .filter((r) => r !== 'self')
  .map((value) => ({ value, label: reasonLabels[value] }));

export type EnrollmentStatus = 'not_started' | 'in_progress' | 'completed' | 'failed' | 'expired';

export const statusLabels: Record<EnrollmentStatus, string> = {
  not_started: 'Not started',
  in_progress: 'In progress',
  completed: 'Completed',
  failed: 'Failed',
  expired: 'Expired',
};
