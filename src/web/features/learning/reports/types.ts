export type CourseReportRow = {
  courseId: string;
  title: string;
  status: 'draft' | 'published' | 'archived';
  format: 'self_paced' | 'live' | 'external';
  enrolled: number;
  completed: number;
  completionRate: number | null;
  overdue: number;
  meanTimeSpentMinutes: number | null;
  meanReaction: number | null;
  reactions: number;
};

export type ItemFlag = 'too_easy' | 'too_hard' | 'poor_discrimination';

export type QuizItem = {
  questionId: string;
  prompt: string | null;
  kind: string | null;
  attempts: number;
  correct: number;
  difficulty: number;
  discrimination: number | null;
  flags: ItemFlag[];
};

export type CourseReport = {
  course: { id: string; title: string; status: string; format: string };
  enrolled: number;
  completed: number;
  completionRate: number | null;
  overdue: number;
  byStatus: Array<{ status: string; count: number }>;
  byReason: Array<{ reasonType: string; count: number; completed: number }>;
  timeSpent: { count: number; meanMinutes: number | null; medianMinutes: number | null };
  quizzes: Array<{
    quizId: string;
    lessonId: string;
    lessonTitle: string | null;
    attempts: number;
    passRate: number | null;
    meanScore: number | null;
    items: QuizItem[];
  }>;
  reactions: {
    count: number;
    relevance: number | null;
    confidence: number | null;
    intentToApply: number | null;
    comments: Array<{ comment: string; createdAt: string }>;
  };
};

export const flagLabels: Record<ItemFlag, string> = {
  too_easy: 'Too easy',
  too_hard: 'Too hard',
  poor_discrimination: 'Poorly discriminating',
};

export const flagHelp: Record<ItemFlag, string> = {
  too_easy: 'More than 90% answer it correctly: it tells you little.',
  too_hard: 'Fewer than 30% answer it correctly: check the wording and the key.',
  poor_discrimination: 'Strong and weak learners do about as well (or the weak better): it may be ambiguous.',
};

export const formatLabels: Record<string, string> = { self_paced: 'Self-paced', live: 'Live', external: 'External' };

export const dash = (v: number | null | undefined, suffix = '') => (v == null ? '—' : `${v}${suffix}`);
