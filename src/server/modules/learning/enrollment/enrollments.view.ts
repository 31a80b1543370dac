import type { ReasonType } from '../../../db/schema/index.ts';
import { iso } from '../../../platform/db/sql.ts';
import type { LearningItemRow } from './enrollments.repo.ts';

/** Reasons in words, as learners read them (the web app has the same list in features/learning/enrollment/reasons.ts). */
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

/** Raw SQL rows carry timestamps as Date (node-postgres) or string (some drivers): answer ISO strings. */

export function toLearningItem(r: LearningItemRow) {
  return {
    id: r.id,
    kind: r.courseId ? ('course' as const) : ('program' as const),
    courseId: r.courseId,
    programId: r.programId,
    title: r.title ?? 'Untitled',
    format: r.format,
    status: r.status,
    overdue: Boolean(r.overdue),
    dueAt: iso(r.dueAt),
    progress: Number(r.progress),
    reason: {
      type: r.reasonType,
      label: reasonLabels[r.reasonType] ?? r.reasonType,
      recordType: r.reasonRecordType,
      recordId: r.reasonRecordId,
      note: r.reasonNote,
    },
    source: r.source,
    assignedBy: r.assignedById ? { id: r.assignedById, name: r.assignedByName ?? 'Unknown' } : null,
    startedAt: iso(r.startedAt),
    completedAt: iso(r.completedAt),
    expiresAt: iso(r.expiresAt),
    lastActivityAt: iso(r.lastActivityAt),
    certificateId: r.certificateId,
    parentEnrollmentId: r.parentEnrollmentId,
    parentTitle: r.parentTitle,
    createdAt: iso(r.createdAt)!,
  };
}
export type LearningItemDto = ReturnType<typeof toLearningItem>;

export const toEnrollmentDto = (r: LearningItemRow) => ({ ...toLearningItem(r), person: { id: r.personId, name: r.personName } });

/** My learning's three tabs from one list. */
export function splitTabs<T extends LearningItemDto>(items: T[]) {
  const time = (s: string | null) => (s ? Date.parse(s) : Number.POSITIVE_INFINITY);
  const assigned = items
    .filter((i) => i.status === 'not_started')
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || time(a.dueAt) - time(b.dueAt) || b.createdAt.localeCompare(a.createdAt));
  const inProgress = items
    .filter((i) => i.status === 'in_progress' || i.status === 'failed')
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || (b.lastActivityAt ?? b.createdAt).localeCompare(a.lastActivityAt ?? a.createdAt));
  const completed = items
    .filter((i) => i.status === 'completed' || i.status === 'expired')
    .sort((a, b) => (b.completedAt ?? '').localeCompare(a.completedAt ?? ''));
  return { assigned, inProgress, completed };
}
