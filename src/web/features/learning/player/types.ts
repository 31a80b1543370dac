import type { RichDoc } from '../../../ui/RichText.tsx';

export type EnrollmentState = {
  id: string;
  status: 'not_started' | 'in_progress' | 'completed' | 'failed' | 'expired';
  progress: number;
  score: number | null;
  timeSpentSeconds: number;
  lastLessonId: string | null;
  startedAt: string | null;
  completedAt: string | null;
  dueAt: string | null;
  expiresAt: string | null;
  certificateId: string | null;
};

export type OutlineLesson = { id: string; title: string; estimatedMinutes: number | null; hasQuiz: boolean; completed: boolean };

export type Player = {
  enrollment: EnrollmentState;
  course: { id: string; title: string; format: 'self_paced' | 'live' | 'external'; externalUrl: string | null; estimatedMinutes: number | null; versionId: string | null };
  outline: Array<{ id: string; title: string; lessons: OutlineLesson[] }>;
  resumeLessonId: string | null;
  reaction: { relevance: number; confidence: number; intentToApply: number; comment: string | null } | null;
};

export type AttemptSummary = {
  id: string;
  quizId: string;
  number: number;
  startedAt: string;
  deadlineAt: string | null;
  submittedAt: string | null;
  score: number | null;
  passed: boolean | null;
  timedOut: boolean;
};

export type QuizSettings = {
  passMark: number;
  attemptsAllowed: number | null;
  timeLimitMinutes: number | null;
  questionCount: number;
  attemptsUsed: number;
  passed: boolean;
  openAttemptId: string | null;
  attempts: AttemptSummary[];
};

export type Block =
  | { id: string; type: 'text'; doc: RichDoc }
  | { id: string; type: 'video'; source: 'file' | 'url'; url: string; captionsUrl: string | null; title: string | null }
  | { id: string; type: 'file'; url: string; label: string | null }
  | { id: string; type: 'embed'; url: string; title: string; height: number | null }
  | { id: string; type: 'quiz'; quiz: QuizSettings };

export type LessonView = {
  id: string;
  title: string;
  sectionId: string;
  sectionTitle: string;
  estimatedMinutes: number | null;
  position: number;
  lessonCount: number;
  previousLessonId: string | null;
  nextLessonId: string | null;
  completed: boolean;
  timeSpentSeconds: number;
  blocks: Block[];
};

export type QuestionKind = 'single' | 'multiple' | 'true_false' | 'short_answer';

export type Attempt = {
  attempt: AttemptSummary;
  passMark: number;
  questions: Array<{ id: string; kind: QuestionKind; prompt: string; points: number; options: Array<{ id: string; text: string }> }>;
};

export type QuizResult = {
  attempt: AttemptSummary;
  passMark: number;
  /** The key (right options, accepted answers) comes only once the quiz is passed or no attempt is left. */
  keyShown: boolean;
  questions: Array<{
    id: string;
    kind: QuestionKind;
    prompt: string;
    correct: boolean;
    earned: number;
    possible: number;
    answer: string | string[] | null;
    options: Array<{ id: string; text: string; correct: boolean | null; selected: boolean; feedback: string | null }>;
    acceptedAnswers: string[];
    feedback: string | null;
  }>;
  enrollment: EnrollmentState;
};
