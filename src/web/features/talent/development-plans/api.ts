import { queryOptions } from '@tanstack/react-query';
import { ApiError, http, type Body, type Output } from '../../../lib/api.ts';

export type PlanItem = Output<'/people/:id/development-plan'>['data'][number];
export type PlanItemBody = Body<'/people/:id/development-plan', 'post'>;
export type PlanItemPatch = Body<'/development-plan-items/:id', 'patch'>;

export const planKeys = {
  ofPerson: (personId: string) => ['development-plan', personId] as const,
  catalog: (kind: 'course' | 'program', q: string) => ['development-plan', 'catalog', kind, q] as const,
};

const no404Retry = (n: number, e: unknown) => !(e instanceof ApiError && e.status === 404) && n < 2;

export const planQueries = {
  ofPerson: (personId: string) =>
    queryOptions({
      queryKey: planKeys.ofPerson(personId),
      queryFn: () => http.get('/people/:id/development-plan', { params: { id: personId } }),
      retry: no404Retry,
    }),
  /** Published courses or programs matching the search, for the item picker. */
  catalog: (kind: 'course' | 'program', q: string) =>
    queryOptions({ queryKey: planKeys.catalog(kind, q), queryFn: () => http.get('/catalog', { query: { kind, q: q || undefined, limit: 20 } }) }),
};

export const planApi = {
  add: (personId: string, body: PlanItemBody) => http.post('/people/:id/development-plan', { params: { id: personId }, body }),
  update: (id: string, body: PlanItemPatch) => http.patch('/development-plan-items/:id', { params: { id }, body }),
  approve: (id: string) => http.post('/development-plan-items/:id/approve', { params: { id } }),
  decline: (id: string) => http.post('/development-plan-items/:id/decline', { params: { id } }),
  remove: (id: string) => http.delete('/development-plan-items/:id', { params: { id } }),
};

export const actionTypeLabels: Record<PlanItem['actionType'], string> = {
  course: 'Course',
  program: 'Program',
  mentoring: 'Mentoring',
  project: 'Project',
  stretch_assignment: 'Stretch assignment',
  other: 'Other',
};
export const statusLabels: Record<PlanItem['status'], string> = {
  in_progress: 'In progress',
  planned: 'Planned',
  done: 'Done',
  dropped: 'Dropped',
};
