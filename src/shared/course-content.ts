/**
 * The shape of a course version's content: one JSON document, stored by the server
 * (`course_version.content`), validated on save and edited and rendered by the web app.
 */

/** TipTap/ProseMirror JSON; validated against an allow-list of nodes and marks on save. */
export type RichTextNode = {
  type: string;
  attrs?: Record<string, unknown>;
  content?: RichTextNode[];
  text?: string;
  marks?: Array<{ type: string; attrs?: Record<string, unknown> }>;
};
export type RichTextDoc = { type: 'doc'; content?: RichTextNode[] };

export const questionKinds = ['single', 'multiple', 'true_false', 'short_answer'] as const;
export type QuestionKind = (typeof questionKinds)[number];
export type QuizOption = { id: string; text: string; correct: boolean; feedback?: string | null };
export type QuizQuestion = {
  id: string;
  kind: QuestionKind;
  prompt: string;
  /** single, multiple, true_false (two options). */
  options: QuizOption[];
  /** short_answer: accepted answers, compared ignoring case and surrounding space. */
  acceptedAnswers: string[];
  feedbackCorrect?: string | null;
  feedbackIncorrect?: string | null;
  points: number;
};
export type Quiz = {
  /** Percentage needed to pass, 0–100. */
  passMark: number;
  /** null: unlimited. */
  attemptsAllowed: number | null;
  timeLimitMinutes: number | null;
  shuffleQuestions: boolean;
  shuffleOptions: boolean;
  /** Draw this many questions at random from the pool; null: all of them. */
  drawCount: number | null;
  questions: QuizQuestion[];
};

export type ContentBlock =
  | { id: string; type: 'text'; doc: RichTextDoc }
  | { id: string; type: 'video'; source: 'file'; fileId: string; captionsFileId?: string | null; title?: string | null }
  | { id: string; type: 'video'; source: 'url'; url: string; title?: string | null }
  | { id: string; type: 'file'; fileId: string; label?: string | null }
  | { id: string; type: 'embed'; url: string; title: string; height?: number | null }
  | { id: string; type: 'quiz'; quiz: Quiz };
export type Lesson = { id: string; title: string; estimatedMinutes?: number | null; blocks: ContentBlock[] };
export type CourseSection = { id: string; title: string; lessons: Lesson[] };
export type CourseContent = { sections: CourseSection[] };
