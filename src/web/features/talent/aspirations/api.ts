import { queryOptions } from '@tanstack/react-query';
import { ApiError, http, type Body, type Output } from '../../../lib/api.ts';

export type Aspiration = Output<'/people/:id/aspirations'>['data'][number];
export type AspirationBody = Body<'/people/:id/aspirations', 'post'>;
export type AspirationPatch = Body<'/aspirations/:id', 'patch'>;

export const aspirationKeys = {
  ofPerson: (personId: string) => ['aspirations', personId] as const,
  profiles: ['aspirations', 'job-profiles'] as const,
};

const no404Retry = (n: number, e: unknown) => !(e instanceof ApiError && e.status === 404) && n < 2;

export const aspirationQueries = {
  ofPerson: (personId: string) =>
    queryOptions({
      queryKey: aspirationKeys.ofPerson(personId),
      queryFn: () => http.get('/people/:id/aspirations', { params: { id: personId } }),
      retry: no404Retry,
    }),
  /** Active job profiles, for the target picker. */
  profiles: () => queryOptions({ queryKey: aspirationKeys.profiles, queryFn: () => http.get('/job-profiles', { query: { limit: 200 } }) }),
};

export const aspirationApi = {
  create: (personId: string, body: AspirationBody) => http.post('/people/:id/aspirations', { params: { id: personId }, body }),
  update: (id: string, body: AspirationPatch) => http.patch('/aspirations/:id', { params: { id }, body }),
  remove: (id: string) => http.delete('/aspirations/:id', { params: { id } }),
};

export const timeFrameLabels: Record<NonNullable<Aspiration['timeFrame']>, string> = {
  within_6_months: 'Within 6 months',
  within_1_year: 'Within a year',
  within_2_years: 'Within 2 years',
  later: 'Later',
};
