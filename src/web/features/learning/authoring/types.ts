import { api } from '../../../lib/api.ts';

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

export type {
  ContentBlock as Block,
  CourseContent as Content,
  CourseSection as Section,
  Lesson,
  QuestionKind,
  Quiz,
  QuizOption,
  QuizQuestion,
} from '../../../../shared/course-content.ts';
import type { CourseContent } from '../../../../shared/course-content.ts';
export type Draft = { courseId: string; versionId: string | null; number: number; revision: number; content: CourseContent; updatedAt: string | null };
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
