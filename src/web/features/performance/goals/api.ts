import { queryOptions } from '@tanstack/react-query';
import { ApiError, http, type Body, type Output } from '../../../lib/api.ts';

export type Goal = Output<'/goals'>['data'][number];
export type GoalDetail = Output<'/goals/:id'>;
export type TreeNode = Output<'/goals/tree'>['data'][number];
export type Period = Output<'/goal-periods'>['data'][number];
export type CheckIn = Output<'/goals/:id/check-ins'>['data'][number];
export type Template = Output<'/goal-templates'>['data'][number];
export type GoalBody = Body<'/goals', 'post'>;
export type CheckInBody = Body<'/goals/:id/check-ins', 'post'>;
export type AssignBody = Omit<Body<'/goal-templates/:id/assign', 'post'>, 'dryRun'>;
export type ListFilters = { scope?: 'mine' | 'team' | 'company' | 'all'; periodId?: string; q?: string; cursor?: string };

export const goalKeys = {
  all: ['goals'] as const,
  list: (f: ListFilters) => ['goals', 'list', f] as const,
  tree: (periodId?: string, q?: string) => ['goals', 'tree', periodId ?? null, q ?? null] as const,
  one: (id: string) => ['goals', 'one', id] as const,
  checkIns: (id: string) => ['goals', 'check-ins', id] as const,
  comments: (id: string) => ['goals', 'comments', id] as const,
  periods: ['goal-periods'] as const,
  templates: ['goal-templates'] as const,
  assignPreview: (id: string, body: AssignBody) => ['goal-templates', id, 'assign-preview', body] as const,
};

const no404Retry = (n: number, e: unknown) => !(e instanceof ApiError && e.status === 404) && n < 2;

export const goalQueries = {
  list: (f: ListFilters) => queryOptions({ queryKey: goalKeys.list(f), queryFn: () => http.get('/goals', { query: { ...f, limit: 50 } }) }),
  tree: (periodId?: string, q?: string) => queryOptions({ queryKey: goalKeys.tree(periodId, q), queryFn: () => http.get('/goals/tree', { query: { periodId, q } }) }),
  one: (id: string) => queryOptions({ queryKey: goalKeys.one(id), queryFn: () => http.get('/goals/:id', { params: { id } }), retry: no404Retry }),
  checkIns: (id: string) => queryOptions({ queryKey: goalKeys.checkIns(id), queryFn: () => http.get('/goals/:id/check-ins', { params: { id }, query: { limit: 200 } }), retry: no404Retry }),
  comments: (id: string) => queryOptions({ queryKey: goalKeys.comments(id), queryFn: () => http.get('/goals/:id/comments', { params: { id }, query: { limit: 200 } }), retry: no404Retry }),
  periods: () => queryOptions({ queryKey: goalKeys.periods, queryFn: () => http.get('/goal-periods') }),
  templates: () => queryOptions({ queryKey: goalKeys.templates, queryFn: () => http.get('/goal-templates'), retry: no404Retry }),
  /** How many goals an assignment would create and who already has one: the assign endpoint's dry run (it writes nothing). */
  assignPreview: (id: string, body: AssignBody) =>
    queryOptions({
      queryKey: goalKeys.assignPreview(id, body),
      queryFn: () => http.post('/goal-templates/:id/assign', { params: { id }, body: { ...body, dryRun: true } }),
      retry: false,
      staleTime: 10_000,
    }),
};

export const goalApi = {
  create: (body: GoalBody) => http.post('/goals', { body }),
  update: (id: string, body: Body<'/goals/:id', 'patch'>) => http.patch('/goals/:id', { params: { id }, body }),
  checkIn: (id: string, body: CheckInBody) => http.post('/goals/:id/check-ins', { params: { id }, body }),
  comment: (id: string, body: string) => http.post('/goals/:id/comments', { params: { id }, body: { body } }),
  createPeriod: (body: Body<'/goal-periods', 'post'>) => http.post('/goal-periods', { body }),
  defaultPeriods: () => http.post('/goal-periods/defaults', {}),
  closePeriod: (id: string) => http.post('/goal-periods/:id/close', { params: { id } }),
  createTemplate: (body: Body<'/goal-templates', 'post'>) => http.post('/goal-templates', { body }),
  assignTemplate: (id: string, body: AssignBody) => http.post('/goal-templates/:id/assign', { params: { id }, body }),
};

export const statusLabels: Record<Goal['status'], string> = {
  on_track: 'On track',
  at_risk: 'At risk',
  off_track: 'Off track',
  done: 'Done',
  missed: 'Missed',
  dropped: 'Dropped',
};
// Hues without a shade: a light badge of a shaded colour ('teal.9') is drawn on that solid shade,
// under the theme's dark text (main.tsx); a bare hue gets the pale tint the text passes AA on.
export const statusColors: Record<Goal['status'], string> = {
  on_track: 'teal',
  at_risk: 'orange',
  off_track: 'red',
  done: 'blue',
  missed: 'gray',
  dropped: 'gray',
};
