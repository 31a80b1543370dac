import { queryOptions } from '@tanstack/react-query';
import { http, type Body, type Output } from '../../../lib/api.ts';

export type FollowUp = Output<'/follow-ups'>['data'][number];
export type LoopSummary = Output<'/follow-ups/summary'>;
export type FollowUpAnswer = Body<'/follow-ups/:id/answer', 'post'>;

export const followUpKeys = {
  all: ['follow-ups'] as const,
  askedOfMe: ['follow-ups', 'asked-of-me'] as const,
  summary: (scope: { courseId?: string; programId?: string; personId?: string }) => ['follow-ups', 'summary', scope] as const,
};

export const followUpQueries = {
  askedOfMe: () =>
    queryOptions({
      queryKey: followUpKeys.askedOfMe,
      queryFn: () => http.get('/follow-ups', { query: { askedOf: 'me', status: 'asked', limit: 200 } }),
    }),
  summary: (scope: { courseId?: string; programId?: string; personId?: string }) =>
    queryOptions({
      queryKey: followUpKeys.summary(scope),
      queryFn: () => http.get('/follow-ups/summary', { query: scope }),
    }),
};

export const followUpApi = {
  answer: (id: string, body: FollowUpAnswer) => http.post('/follow-ups/:id/answer', { params: { id }, body }),
};
