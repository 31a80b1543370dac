import { queryOptions } from '@tanstack/react-query';
import { http, type Body, type Output } from '../../../lib/api.ts';
import { cursorPages } from '../../../lib/query.ts';

export type Program = Output<'/programs'>['data'][number];
export type ProgramDetail = Output<'/programs/:id'>;
export type ProgramStep = ProgramDetail['steps'][number];
export type EvidenceKind = NonNullable<ProgramStep['evidenceKinds']>[number];
export type ProgramView = Output<'/enrollments/:id/program'>;
export type ViewStep = ProgramView['steps'][number];
export type Submission = Output<'/enrollments/:id/checkpoints/:stepId/submissions', 'post'>;
export type QueueItem = Output<'/checkpoint-submissions'>['data'][number];
export type SubmissionFilter = 'submitted' | 'all';

export const programKeys = {
  one: (id: string) => ['programs', id] as const,
  /** The admin lists, whatever their filters. */
  admin: ['programs', 'admin'] as const,
  adminList: (q: string, status: string | null) => ['programs', 'admin', q, status] as const,
  view: (enrollmentId: string | undefined) => ['enrollments', enrollmentId, 'program'] as const,
  submissions: ['checkpoint-submissions'] as const,
  queue: (filter: SubmissionFilter) => ['checkpoint-submissions', filter] as const,
};

export const programQueries = {
  adminList: (q: string, status: string | null) =>
    cursorPages(programKeys.adminList(q, status), (cursor) => http.get('/programs', { query: { q, status, limit: 50, cursor } })),
  one: (id: string) => queryOptions({ queryKey: programKeys.one(id), queryFn: () => http.get('/programs/:id', { params: { id } }) }),
  /** A learner's progress through the program they are enrolled in. */
  view: (enrollmentId: string | undefined) =>
    queryOptions({
      queryKey: programKeys.view(enrollmentId),
      queryFn: () => http.get('/enrollments/:id/program', { params: { id: enrollmentId! } }),
      enabled: !!enrollmentId,
    }),
  queue: (filter: SubmissionFilter) =>
    cursorPages(programKeys.queue(filter), (cursor) => http.get('/checkpoint-submissions', { query: { status: filter, limit: 20, cursor } })),
};

export const programApi = {
  create: (body: Body<'/programs', 'post'>) => http.post('/programs', { body }),
  update: (id: string, body: Body<'/programs/:id', 'patch'>) => http.patch('/programs/:id', { params: { id }, body }),
  saveSteps: (id: string, body: Body<'/programs/:id/steps', 'put'>) => http.put('/programs/:id/steps', { params: { id }, body }),
  publish: (id: string) => http.post('/programs/:id/publish', { params: { id } }),
  archive: (id: string) => http.post('/programs/:id/archive', { params: { id } }),
  submitEvidence: (enrollmentId: string, stepId: string, body: Body<'/enrollments/:id/checkpoints/:stepId/submissions', 'post'>) =>
    http.post('/enrollments/:id/checkpoints/:stepId/submissions', { params: { id: enrollmentId, stepId }, body }),
  approve: (id: string, comment?: string) => http.post('/checkpoint-submissions/:id/approve', { params: { id }, body: { comment } }),
  sendBack: (id: string, comment: string) => http.post('/checkpoint-submissions/:id/return', { params: { id }, body: { comment } }),
};
