import { queryOptions } from '@tanstack/react-query';
import { ApiError, http, type Body, type Output } from '../../../lib/api.ts';
import { cursorPages } from '../../../lib/query.ts';

export type RoundSummary = Output<'/assessment-rounds'>['data'][number];
export type Round = Output<'/assessment-rounds/:id'>;
export type RoundMember = Round['members'][number];
export type MyRound = Output<'/me/assessment-rounds'>['data'][number];
export type RoundCandidate = Output<'/assessment-rounds/candidates'>['data'][number];
export type RoundCreateBody = Body<'/assessment-rounds', 'post'>;
export type RatingsBody = Body<'/assessment-rounds/:id/members/:personId/self', 'post'>;

export const roundKeys = {
  all: ['assessment-rounds'] as const,
  list: ['assessment-rounds', 'list'] as const,
  one: (id: string) => ['assessment-rounds', 'one', id] as const,
  mine: ['assessment-rounds', 'mine'] as const,
  candidates: ['assessment-rounds', 'candidates'] as const,
};

const no404Retry = (n: number, e: unknown) => !(e instanceof ApiError && e.status === 404) && n < 2;

export const roundQueries = {
  list: () => cursorPages(roundKeys.list, (cursor, signal) => http.get('/assessment-rounds', { query: { limit: 20, cursor }, signal })),
  one: (id: string) => queryOptions({ queryKey: roundKeys.one(id), queryFn: () => http.get('/assessment-rounds/:id', { params: { id } }), retry: no404Retry }),
  mine: () => queryOptions({ queryKey: roundKeys.mine, queryFn: () => http.get('/me/assessment-rounds') }),
  candidates: () => queryOptions({ queryKey: roundKeys.candidates, queryFn: () => http.get('/assessment-rounds/candidates') }),
};

export const roundApi = {
  create: (body: RoundCreateBody) => http.post('/assessment-rounds', { body }),
  submit: (roundId: string, personId: string, side: 'self' | 'manager', body: RatingsBody) =>
    side === 'self'
      ? http.post('/assessment-rounds/:id/members/:personId/self', { params: { id: roundId, personId }, body })
      : http.post('/assessment-rounds/:id/members/:personId/manager', { params: { id: roundId, personId }, body }),
  close: (id: string) => http.post('/assessment-rounds/:id/close', { params: { id } }),
};

/** "12 Mar 2027" in the browser's locale. */
export const formatDay = (iso: string) => new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
