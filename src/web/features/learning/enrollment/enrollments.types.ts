import type { EnrollmentStatus, ReasonType } from './reasons.ts';

/** One enrolment as `GET /me/learning`, `/people/{id}/learning` and `/team/learning` answer it. */
export type LearningItem = {
  id: string;
  kind: 'course' | 'program';
  courseId: string | null;
  programId: string | null;
  title: string;
  format: string | null;
  status: EnrollmentStatus;
  overdue: boolean;
  dueAt: string | null;
  progress: number;
  reason: { type: ReasonType; label: string; recordType: string | null; recordId: string | null; note: string | null };
  source: 'assigned' | 'self' | 'rule' | 'recommendation';
  assignedBy: { id: string; name: string } | null;
  startedAt: string | null;
  completedAt: string | null;
  expiresAt: string | null;
  lastActivityAt: string | null;
  certificateId: string | null;
  parentEnrollmentId: string | null;
  parentTitle: string | null;
  createdAt: string;
};

export type MyLearning = { assigned: LearningItem[]; inProgress: LearningItem[]; completed: LearningItem[] };

export type TeamMember = {
  person: { id: string; name: string; jobTitle: string | null; direct: boolean };
  counts: { notStarted: number; inProgress: number; completed: number; overdue: number };
  enrollments: LearningItem[];
};

/** Where a learner opens an enrolment: the player for a course, the program page for a program. */
export const learningLink = (i: Pick<LearningItem, 'id' | 'kind' | 'programId'>) =>
  i.kind === 'course' ? `/learning/enrollments/${i.id}` : `/learning/catalog/programs/${i.programId}`;

export const formatDay = (iso: string | null) =>
  iso ? new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' }) : null;
