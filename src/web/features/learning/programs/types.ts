export type EvidenceKind = 'file' | 'text' | 'link';

export type ProgramStep = {
  id: string;
  position: number;
  kind: 'course' | 'checkpoint';
  courseId: string | null;
  course: { id: string; title: string; format: string; status: string; estimatedMinutes: number | null } | null;
  title: string | null;
  instructions: string | null;
  evidenceKinds: EvidenceKind[] | null;
  approver: 'manager' | 'person' | null;
  approverPerson: { id: string; name: string } | null;
};

export type Program = {
  id: string;
  title: string;
  summary: string | null;
  tags: string[];
  enforceOrder: boolean;
  dueDays: number | null;
  selfEnrollment: boolean;
  status: 'draft' | 'published' | 'archived';
  stepCount: number;
  createdAt: string;
  updatedAt: string;
};

export type ProgramDetail = Program & { steps: ProgramStep[]; myEnrollment: { id: string; status: string; progress: number } | null };

export type Submission = {
  id: string;
  enrollmentId: string;
  stepId: string;
  status: 'submitted' | 'approved' | 'returned';
  evidenceText: string | null;
  evidenceUrl: string | null;
  evidenceFile: { id: string; name: string; url: string } | null;
  reviewer: { id: string; name: string } | null;
  reviewComment: string | null;
  submittedAt: string;
  reviewedAt: string | null;
};

export type ViewStep = ProgramStep & {
  state: 'done' | 'available' | 'locked';
  courseEnrollment: { id: string; status: string; progress: number } | null;
  submission: Submission | null;
};

export type ProgramView = {
  enrollment: {
    id: string;
    personId: string;
    status: string;
    progress: number;
    dueAt: string | null;
    startedAt: string | null;
    completedAt: string | null;
    reasonType: string;
    reasonNote: string | null;
  };
  program: { id: string; title: string; summary: string | null; enforceOrder: boolean };
  steps: ViewStep[];
};

export type QueueItem = Submission & {
  learner: { id: string; name: string; jobTitle: string | null };
  program: { id: string; title: string };
  step: { id: string; title: string | null; instructions: string | null; evidenceKinds: string[] | null };
};

export const kindLabels: Record<EvidenceKind, string> = { text: 'Text', link: 'Link', file: 'File' };
