import { queryOptions } from '@tanstack/react-query';
import { http, type Body, type Output } from '../../../lib/api.ts';
import { cursorPages } from '../../../lib/query.ts';

export type JobProfile = Output<'/job-profiles'>['data'][number];
export type JobProfileDetail = Output<'/job-profiles/:id'>;
export type CareerStep = Output<'/career-paths'>['data'][number];
export type Comparison = Output<'/people/:id/profile-comparison'>;
export type JobProfileBody = Body<'/job-profiles', 'post'>;

export const jobProfileKeys = {
  all: ['job-profiles'] as const,
  search: (q: string, includeArchived: boolean) => ['job-profiles', 'search', q, includeArchived] as const,
  everything: ['job-profiles', 'everything'] as const,
  one: (id: string) => ['job-profiles', 'one', id] as const,
  paths: ['job-profiles', 'career-paths'] as const,
  person: (personId: string) => ['job-profiles', 'person', personId] as const,
  comparison: (personId: string, profileId: string) => ['job-profiles', 'comparison', personId, profileId] as const,
};

export const jobProfileQueries = {
  search: (q: string, includeArchived = false) =>
    cursorPages(jobProfileKeys.search(q, includeArchived), (cursor) =>
      http.get('/job-profiles', { query: { q: q || undefined, limit: 50, cursor, includeArchived: includeArchived ? 'true' : undefined } }),
    ),
  /** Every live profile, for the career map and pickers. */
  everything: () => queryOptions({ queryKey: jobProfileKeys.everything, queryFn: () => http.get('/job-profiles', { query: { limit: 200 } }) }),
  one: (id: string) => queryOptions({ queryKey: jobProfileKeys.one(id), queryFn: () => http.get('/job-profiles/:id', { params: { id } }) }),
  paths: () => queryOptions({ queryKey: jobProfileKeys.paths, queryFn: () => http.get('/career-paths') }),
  personProfile: (personId: string) =>
    queryOptions({ queryKey: jobProfileKeys.person(personId), queryFn: () => http.get('/people/:id/job-profile', { params: { id: personId } }) }),
  comparison: (personId: string, profileId: string) =>
    queryOptions({
      queryKey: jobProfileKeys.comparison(personId, profileId),
      queryFn: () => http.get('/people/:id/profile-comparison', { params: { id: personId }, query: { profileId } }),
    }),
};

export const jobProfileApi = {
  create: (body: JobProfileBody) => http.post('/job-profiles', { body }),
  update: (id: string, body: Body<'/job-profiles/:id', 'patch'>) => http.patch('/job-profiles/:id', { params: { id }, body }),
  archive: (id: string) => http.post('/job-profiles/:id/archive', { params: { id } }),
  unarchive: (id: string) => http.post('/job-profiles/:id/unarchive', { params: { id } }),
  addStep: (body: Body<'/career-paths', 'post'>) => http.post('/career-paths', { body }),
  removeStep: (id: string) => http.delete('/career-paths/:id', { params: { id } }),
  setPersonProfile: (personId: string, jobProfileId: string | null) =>
    http.put('/people/:id/job-profile', { params: { id: personId }, body: { jobProfileId } }),
};
