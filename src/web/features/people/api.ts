import { queryOptions } from '@tanstack/react-query';
import { http, type Body, type Output } from '../../lib/api.ts';
import { cursorPages } from '../../lib/query.ts';

export type Person = Output<'/people'>['data'][number];
export type PersonDetail = Output<'/people/:id'>;
export type PersonRef = NonNullable<Person['manager']>;
export type PeopleFilters = Output<'/people/filters'>;
export type ChartNode = Output<'/org-chart'>['children'][number];
export type CustomField = Output<'/custom-fields'>['data'][number];
export type FieldVisibility = CustomField['visibility'];
export type Account = Output<'/people/:id/account'>;
export type PersonBody = Body<'/people', 'post'>;
type PeopleQuery = { q?: string; status?: string; departmentId?: string; location?: string; managerId?: string };

export const peopleKeys = {
  /** Every people list: the directory and the admin list. */
  lists: ['people'] as const,
  directory: (query: PeopleQuery) => ['people', query] as const,
  admin: (query: PeopleQuery) => ['people', 'admin', query] as const,
  search: (q: string, limit: number) => ['people-search', q, limit] as const,
  /** One person and what hangs off them (chain, reports, account). */
  people: ['person'] as const,
  one: (id: string) => ['person', id] as const,
  chain: (id: string) => ['person', id, 'chain'] as const,
  reports: (id: string, limit: number) => ['person', id, 'reports', limit] as const,
  account: (id: string) => ['person', id, 'account'] as const,
  filters: ['people-filters'] as const,
  customFields: ['custom-fields'] as const,
  chart: (rootId: string | undefined) => ['org-chart', rootId ?? 'top'] as const,
  chartPath: (focus: string | undefined) => ['org-chart-path', focus] as const,
};

export const peopleQueries = {
  directory: (query: PeopleQuery) =>
    cursorPages(peopleKeys.directory(query), (cursor, signal) => http.get('/people', { query: { ...query, limit: 50, cursor }, signal })),
  admin: (query: PeopleQuery) => cursorPages(peopleKeys.admin(query), (cursor) => http.get('/people', { query: { ...query, limit: 50, cursor } })),
  /** People by name as someone types; from two letters. */
  search: (q: string, limit = 10) =>
    queryOptions({
      queryKey: peopleKeys.search(q, limit),
      queryFn: ({ signal }) => http.get('/people', { query: { q, limit }, signal }),
      enabled: q.length >= 2,
    }),
  one: (id: string) => queryOptions({ queryKey: peopleKeys.one(id), queryFn: () => http.get('/people/:id', { params: { id } }) }),
  chain: (id: string) => queryOptions({ queryKey: peopleKeys.chain(id), queryFn: () => http.get('/people/:id/chain', { params: { id } }) }),
  reports: (id: string, limit: number) =>
    queryOptions({ queryKey: peopleKeys.reports(id, limit), queryFn: () => http.get('/people/:id/reports', { params: { id }, query: { limit } }) }),
  account: (id: string) => queryOptions({ queryKey: peopleKeys.account(id), queryFn: () => http.get('/people/:id/account', { params: { id } }) }),
  /** Departments and locations to filter people by. */
  filters: () => queryOptions({ queryKey: peopleKeys.filters, queryFn: () => http.get('/people/filters') }),
  customFields: () => queryOptions({ queryKey: peopleKeys.customFields, queryFn: () => http.get('/custom-fields') }),
  /** One level of the chart: a manager and their direct reports (no root: the top). */
  chart: (rootId: string | undefined) =>
    queryOptions({ queryKey: peopleKeys.chart(rootId), queryFn: () => http.get('/org-chart', { query: { rootId } }), staleTime: 120_000 }),
  chartPath: (focus: string | undefined) =>
    queryOptions({ queryKey: peopleKeys.chartPath(focus), queryFn: () => http.get('/org-chart/path/:id', { params: { id: focus! } }), enabled: !!focus }),
};

export const peopleApi = {
  create: (body: PersonBody) => http.post('/people', { body }),
  update: (id: string, body: Body<'/people/:id', 'patch'>) => http.patch('/people/:id', { params: { id }, body }),
  deactivate: (id: string) => http.post('/people/:id/deactivate', { params: { id } }),
  reactivate: (id: string) => http.post('/people/:id/reactivate', { params: { id } }),
  invite: (id: string) => http.post('/people/:id/invitation', { params: { id } }),
  setRoles: (id: string, roles: Body<'/people/:id/roles', 'put'>['roles']) => http.put('/people/:id/roles', { params: { id }, body: { roles } }),
};
