import { queryOptions } from '@tanstack/react-query';
import { http, type Body, type Output } from '../../../lib/api.ts';
import { cursorPages } from '../../../lib/query.ts';

export type Praise = Output<'/praise'>['data'][number];
export type PraiseDetail = Output<'/praise/:id'>;
export type PraiseBody = Body<'/praise', 'post'>;
export type CompanyValue = Output<'/company-values'>['data'][number];
export type FeedbackRequest = Output<'/feedback-requests'>['data'][number];
export type FeedbackRequestBody = Body<'/feedback-requests', 'post'>;
export type Invitation = Output<'/feedback-invitations'>['data'][number];
export type AnswerBody = Body<'/feedback-invitations/:id/answer', 'post'>;
export type Feedback = Output<'/feedback'>['data'][number];
export type FeedbackView = 'received' | 'given' | 'team';
export type PerformanceSettings = Output<'/performance-settings'>;

export const feedbackKeys = {
  praise: ['praise'] as const,
  praiseOne: (id: string) => ['praise', id] as const,
  values: (includeArchived: boolean) => ['company-values', includeArchived] as const,
  valuesAll: ['company-values'] as const,
  settings: ['performance-settings'] as const,
  invitations: ['feedback-invitations'] as const,
  requests: ['feedback-requests'] as const,
  feedback: (view: FeedbackView) => ['feedback', view] as const,
  /** Every feedback list, refreshed after an answer or a request. */
  lists: [['feedback-invitations'], ['feedback-requests'], ['feedback']] as const,
};

export const feedbackQueries = {
  praiseFeed: () => cursorPages(feedbackKeys.praise, (cursor) => http.get('/praise', { query: { limit: 20, cursor } })),
  praise: (id: string) => queryOptions({ queryKey: feedbackKeys.praiseOne(id), queryFn: () => http.get('/praise/:id', { params: { id } }) }),
  values: (includeArchived = false) =>
    queryOptions({
      queryKey: feedbackKeys.values(includeArchived),
      queryFn: () => http.get('/company-values', { query: { includeArchived: includeArchived ? 'true' : undefined } }),
    }),
  settings: () => queryOptions({ queryKey: feedbackKeys.settings, queryFn: () => http.get('/performance-settings') }),
  invitations: () => cursorPages(feedbackKeys.invitations, (cursor) => http.get('/feedback-invitations', { query: { status: 'pending', limit: 20, cursor } })),
  requests: () => cursorPages(feedbackKeys.requests, (cursor) => http.get('/feedback-requests', { query: { limit: 20, cursor } })),
  feedback: (view: FeedbackView) => cursorPages(feedbackKeys.feedback(view), (cursor) => http.get('/feedback', { query: { view, limit: 20, cursor } })),
};

export const feedbackApi = {
  givePraise: (body: PraiseBody) => http.post('/praise', { body }),
  react: (id: string, emoji: string) => http.post('/praise/:id/reactions', { params: { id }, body: { emoji } }),
  comment: (id: string, body: string) => http.post('/praise/:id/comments', { params: { id }, body: { body } }),
  request: (body: FeedbackRequestBody) => http.post('/feedback-requests', { body }),
  closeRequest: (id: string) => http.post('/feedback-requests/:id/close', { params: { id } }),
  answer: (id: string, body: AnswerBody) => http.post('/feedback-invitations/:id/answer', { params: { id }, body }),
  decline: (id: string) => http.post('/feedback-invitations/:id/decline', { params: { id } }),
  updateSettings: (body: Body<'/performance-settings', 'patch'>) => http.patch('/performance-settings', { body }),
  createValue: (body: Body<'/company-values', 'post'>) => http.post('/company-values', { body }),
  updateValue: (id: string, body: Body<'/company-values/:id', 'patch'>) => http.patch('/company-values/:id', { params: { id }, body }),
  removeValue: (id: string) => http.delete('/company-values/:id', { params: { id } }),
};

export const REACTIONS = ['👏', '🎉', '❤️', '🚀'] as const;
