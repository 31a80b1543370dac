import { queryOptions } from '@tanstack/react-query';
import { http, type Body, type Output } from '../../../lib/api.ts';
import { cursorPages } from '../../../lib/query.ts';

export type Skill = Output<'/skills/:id'>;
export type SkillBody = Body<'/skills', 'post'>;

export const skillKeys = {
  all: ['skills'] as const,
  search: (q: string) => ['skills', q] as const,
  /** Every skill, for pickers and filters. */
  everything: ['skills', 'all'] as const,
};

export const skillQueries = {
  search: (q: string, includeArchived = false) =>
    cursorPages([...skillKeys.search(q), includeArchived] as const, (cursor) =>
      http.get('/skills', { query: { q, limit: 50, cursor, includeArchived: includeArchived ? 'true' : undefined } }),
    ),
  everything: () => queryOptions({ queryKey: skillKeys.everything, queryFn: () => http.get('/skills', { query: { limit: 200 } }) }),
};

export const skillApi = {
  create: (body: SkillBody) => http.post('/skills', { body }),
  update: (id: string, body: Body<'/skills/:id', 'patch'>) => http.patch('/skills/:id', { params: { id }, body }),
  remove: (id: string) => http.delete('/skills/:id', { params: { id } }),
  archive: (id: string) => http.post('/skills/:id/archive', { params: { id } }),
  unarchive: (id: string) => http.post('/skills/:id/unarchive', { params: { id } }),
  merge: (id: string, intoId: string) => http.post('/skills/:id/merge', { params: { id }, body: { intoId } }),
  rescale: (id: string, body: Body<'/skills/:id/rescale', 'post'>) => http.post('/skills/:id/rescale', { params: { id }, body }),
};
