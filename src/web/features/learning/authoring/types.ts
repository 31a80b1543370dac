import { api } from '../../../lib/api.ts';
import type { RichDoc } from '../RichText.tsx';

export type Skill = { id: string; name: string; category: string | null; description: string | null; maxLevel: number; levels: string[] };
export type CourseFormat = 'self_paced' | 'live' | 'external';
export type CourseStatus = 'draft' | 'published' | 'archived';

export type Course = {
  id: string;
  title: string;
  summary: string | null;
  coverFileId: string | null;
  coverUrl: string | null;
  estimatedMinutes: number | null;
  tags: string[];
  format: CourseFormat;
  externalUrl: string | null;
  selfEnrollment: boolean;
  status: CourseStatus;
  publishedVersionId: string | null;
  publishedVersionNumber: number | null;
  hasDraft: boolean;
  skills: Array<{ skillId: string; name: string; level: number; maxLevel: number }>;
  prerequisites: Array<{ id: string; title: string; status: CourseStatus }>;
  updatedAt: string;
};

export type QuizOption = { id: string; text: string; correct: boolean; feedback?: string | null };
export type QuestionKind = 'single' | 'multiple' | 'true_false' | 'short_answer';
export type QuizQuestion = {
  id: string;
  kind: QuestionKind;
  prompt: string;
  options: QuizOption[];
  acceptedAnswers: string[];
  feedbackCorrect?: string | null;
  feedbackIncorrect?: string | null;
  points: number;
};
export type Quiz = {
  passMark: number;
  attemptsAllowed: number | null;
  timeLimitMinutes: number | null;
  shuffleQuestions: boolean;
  shuffleOptions: boolean;
  drawCount: number | null;
  questions: QuizQuestion[];
};
export type Block =
  | { id: string; type: 'text'; doc: RichDoc }
  | { id: string; type: 'video'; source: 'file'; fileId: string; captionsFileId?: string | null; title?: string | null }
  | { id: string; type: 'video'; source: 'url'; url: string; title?: string | null }
  | { id: string; type: 'file'; fileId: string; label?: string | null }
  | { id: string; type: 'embed'; url: string; title: string; height?: number | null }
  | { id: string; type: 'quiz'; quiz: Quiz };
export type Lesson = { id: string; title: string; estimatedMinutes?: number | null; blocks: Block[] };
export type Section = { id: string; title: string; lessons: Lesson[] };
export type Content = { sections: Section[] };
export type Draft = { courseId: string; versionId: string | null; number: number; revision: number; content: Content; updatedAt: string | null };
export type Version = {
  id: string;
  number: number;
  status: 'draft' | 'published' | 'retired';
  publishedAt: string | null;
  publishedByName: string | null;
  enrollmentCount: number;
  updatedAt: string;
};
export type UploadedFile = { id: string; name: string; contentType: string; size: number; url: string };

export const formatLabel: Record<CourseFormat, string> = { self_paced: 'Self-paced', live: 'Live', external: 'External' };

/** Short random ids for new sections, lessons, blocks, questions and options. */
export const newId = (prefix: string) => `${prefix}${Math.random().toString(36).slice(2, 10)}`;

/** Uploads a file for a purpose; throws ApiError with the server's reason. */
export async function uploadLearningFile(file: File, purpose: 'cover' | 'video' | 'captions' | 'document' | 'evidence'): Promise<UploadedFile> {
  const form = new FormData();
  form.set('file', file);
  form.set('purpose', purpose);
  return api<UploadedFile>('learning/files', { method: 'POST', body: form });
}
