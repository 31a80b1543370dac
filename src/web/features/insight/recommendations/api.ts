import { queryOptions } from '@tanstack/react-query';
import { ApiError, http, type Output } from '../../../lib/api.ts';

export type Recommendation = Output<'/people/:id/recommendations'>['data'][number];

export const recommendationKeys = {
  ofPerson: (personId: string) => ['recommendations', personId] as const,
};

const no404Retry = (n: number, e: unknown) => !(e instanceof ApiError && e.status === 404) && n < 2;

export const recommendationQueries = {
  ofPerson: (personId: string) =>
    queryOptions({
      queryKey: recommendationKeys.ofPerson(personId),
      queryFn: () => http.get('/people/:id/recommendations', { params: { id: personId } }),
      retry: no404Retry,
    }),
};

export const recommendationApi = {
  dismiss: (id: string) => http.post('/recommendations/:id/dismiss', { params: { id } }),
  restore: (id: string) => http.post('/recommendations/:id/restore', { params: { id } }),
};
