import { queryOptions } from '@tanstack/react-query';
import { http, type Output } from '../../../lib/api.ts';
import { cursorPages } from '../../../lib/query.ts';

export type CatalogItem = Output<'/catalog'>['data'][number];
export type CatalogCourse = Output<'/catalog/courses/:id'>;
export type CatalogFilters = { q?: string; skillId?: string; format?: string; tag?: string; duration?: string; kind?: string };

export const catalogKeys = {
  all: ['catalog'] as const,
  list: (filters: CatalogFilters) => ['catalog', filters] as const,
  course: (id: string) => ['catalog', 'course', id] as const,
  tags: ['catalog', 'tags'] as const,
  pick: (q: string) => ['catalog-pick', q] as const,
};

export const catalogQueries = {
  list: (filters: CatalogFilters) => cursorPages(catalogKeys.list(filters), (cursor) => http.get('/catalog', { query: { ...filters, limit: 24, cursor } })),
  course: (id: string) => queryOptions({ queryKey: catalogKeys.course(id), queryFn: () => http.get('/catalog/courses/:id', { params: { id } }) }),
  tags: () => queryOptions({ queryKey: catalogKeys.tags, queryFn: () => http.get('/catalog/tags') }),
  /** Published courses and programs by title, for an assign dialog. */
  pick: (q: string) => queryOptions({ queryKey: catalogKeys.pick(q), queryFn: () => http.get('/catalog', { query: { q, limit: 20 } }) }),
};

export const catalogApi = {
  enrollInCourse: (id: string) => http.post('/catalog/courses/:id/enroll', { params: { id } }),
  enrollInProgram: (id: string) => http.post('/catalog/programs/:id/enroll', { params: { id } }),
};
