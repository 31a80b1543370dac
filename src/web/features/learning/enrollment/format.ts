import type { LearningItem } from './api.ts';

/** Where a learner opens an enrolment: the player for a course, the program page for a program. */
export const learningLink = (i: Pick<LearningItem, 'id' | 'kind' | 'programId'>) =>
  i.kind === 'course' ? `/learning/enrollments/${i.id}` : `/learning/catalog/programs/${i.programId}`;

export const formatDay = (iso: string | null) =>
  iso ? new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' }) : null;
