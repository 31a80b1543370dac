import { queryOptions } from '@tanstack/react-query';
import { ApiError, http, type Body, type Output } from '../../../lib/api.ts';
import { cursorPages } from '../../../lib/query.ts';

export type Hurdle = Output<'/hurdles'>['data'][number];
export type HurdleBody = Body<'/hurdles', 'post'>;
export type HurdlePatch = Body<'/hurdles/:id', 'patch'>;
export type HurdleCategory = Hurdle['category'];
export type HurdleStatus = Hurdle['status'];

export const hurdleKeys = {
  all: ['hurdles'] as const,
  mine: ['hurdles', 'mine'] as const,
  team: ['hurdles', 'team'] as const,
  ofPerson: (personId: string) => ['hurdles', 'person', personId] as const,
  goals: (personId: string, q: string) => ['hurdles', 'goals', personId, q] as const,
};

const no404Retry = (n: number, e: unknown) => !(e instanceof ApiError && e.status === 404) && n < 2;

export const hurdleQueries = {
  mine: () => cursorPages(hurdleKeys.mine, (cursor) => http.get('/hurdles', { query: { scope: 'mine', limit: 25, cursor } })),
  /** Open and in-progress hurdles of everyone below me. */
  team: () => cursorPages(hurdleKeys.team, (cursor) => http.get('/hurdles', { query: { scope: 'team', status: 'unresolved', limit: 25, cursor } })),
  /** A person's unresolved hurdles, for compact sections. */
  ofPerson: (personId: string) =>
    queryOptions({
      queryKey: hurdleKeys.ofPerson(personId),
      queryFn: () => http.get('/people/:id/hurdles', { params: { id: personId }, query: { status: 'unresolved', limit: 5 } }),
      retry: no404Retry,
    }),
  /** Goals of the person the raiser can see, to link. */
  goals: (personId: string, q: string) =>
    queryOptions({
      queryKey: hurdleKeys.goals(personId, q),
      queryFn: () => http.get('/goals', { query: { ownerType: 'person', ownerId: personId, limit: 50, ...(q ? { q } : {}) } }),
    }),
};

export const hurdleApi = {
  raise: (body: HurdleBody) => http.post('/hurdles', { body }),
  update: (id: string, body: HurdlePatch) => http.patch('/hurdles/:id', { params: { id }, body }),
  remove: (id: string) => http.delete('/hurdles/:id', { params: { id } }),
  assignLearning: (id: string, body: Body<'/hurdles/:id/assign-learning', 'post'>) => http.post('/hurdles/:id/assign-learning', { params: { id }, body }),
};

export const categoryLabels: Record<HurdleCategory, string> = {
  skill: 'Skill',
  time: 'Time',
  tools: 'Tools',
  clarity: 'Clarity',
  workload: 'Workload',
  wellbeing: 'Wellbeing',
  other: 'Other',
};

export const statusLabels: Record<HurdleStatus, string> = { open: 'Open', in_progress: 'In progress', resolved: 'Resolved' };
export const statusColors: Record<HurdleStatus, string> = { open: 'orange', in_progress: 'blue', resolved: 'teal' };
