import { queryOptions } from '@tanstack/react-query';
import { http, type Body, type Output } from '../../../lib/api.ts';
import { cursorPages } from '../../../lib/query.ts';

export type Course = Output<'/courses/:id'>;
export type CourseFormat = Course['format'];
export type CourseStatus = Course['status'];
export type Draft = Output<'/courses/:id/draft'>;
export type Version = Output<'/courses/:id/versions'>['data'][number];
export type UploadedFile = Output<'/learning/files', 'post'>;
export type CourseFilters = { q: string; status: string | null; format: string | null };

export const courseKeys = {
  /** Every course query: lists, one course, its draft, versions and sessions. */
  all: ['courses'] as const,
  list: (f: CourseFilters) => ['courses', f.q, f.status, f.format] as const,
  one: (id: string) => ['courses', id] as const,
  draft: (id: string) => ['courses', id, 'draft'] as const,
  versions: (id: string) => ['courses', id, 'versions'] as const,
  titles: ['courses', 'all-titles'] as const,
  published: (q: string) => ['courses', 'published', q] as const,
  live: (q: string) => ['courses', 'live', q] as const,
};

export const courseQueries = {
  list: (f: CourseFilters) =>
    cursorPages(courseKeys.list(f), (cursor) => http.get('/courses', { query: { q: f.q, status: f.status, format: f.format, limit: 50, cursor } })),
  one: (id: string) => queryOptions({ queryKey: courseKeys.one(id), queryFn: () => http.get('/courses/:id', { params: { id } }) }),
  draft: (id: string) => queryOptions({ queryKey: courseKeys.draft(id), queryFn: () => http.get('/courses/:id/draft', { params: { id } }) }),
  versions: (id: string) => queryOptions({ queryKey: courseKeys.versions(id), queryFn: () => http.get('/courses/:id/versions', { params: { id } }) }),
  /** Every course's title, for picking prerequisites. */
  titles: () => queryOptions({ queryKey: courseKeys.titles, queryFn: () => http.get('/courses', { query: { limit: 200 } }) }),
  /** Published courses by title, for a program's steps. */
  published: (q: string) =>
    queryOptions({ queryKey: courseKeys.published(q), queryFn: () => http.get('/courses', { query: { status: 'published', q, limit: 20 } }) }),
  /** Live courses by title, to schedule their sessions. */
  live: (q: string) => queryOptions({ queryKey: courseKeys.live(q), queryFn: () => http.get('/courses', { query: { format: 'live', q, limit: 50 } }) }),
};

export const courseApi = {
  create: (body: Body<'/courses', 'post'>) => http.post('/courses', { body }),
  update: (id: string, body: Body<'/courses/:id', 'patch'>) => http.patch('/courses/:id', { params: { id }, body }),
  archive: (id: string) => http.post('/courses/:id/archive', { params: { id } }),
  saveDraft: (id: string, body: Body<'/courses/:id/draft', 'put'>) => http.put('/courses/:id/draft', { params: { id }, body }),
  publish: (id: string, body: Body<'/courses/:id/publish', 'post'>) => http.post('/courses/:id/publish', { params: { id }, body }),
};

export type FilePurpose = 'cover' | 'video' | 'captions' | 'document' | 'evidence';

/** Uploads a file for a purpose; throws ApiError with the server's reason. */
export function uploadLearningFile(file: File, purpose: FilePurpose): Promise<UploadedFile> {
  const form = new FormData();
  form.set('file', file);
  form.set('purpose', purpose);
  return http.post('/learning/files', { body: form });
}
