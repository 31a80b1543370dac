import { queryOptions } from '@tanstack/react-query';
import { http, type Body, type Output } from '../../../lib/api.ts';
import { cursorPages } from '../../../lib/query.ts';

/** One enrolment as `/me/learning`, `/people/{id}/learning` and `/team/learning` answer it. */
export type LearningItem = Output<'/me/learning'>['assigned'][number];
export type MyLearning = Output<'/me/learning'>;
export type TeamMember = Output<'/team/learning'>['data'][number];
export type AssignBody = Body<'/enrollments/assign', 'post'>;

export const enrollmentKeys = {
  mine: ['my-learning'] as const,
  ofPerson: (personId: string) => ['person-learning', personId] as const,
  team: ['team-learning'] as const,
  /** Every list that shows enrolments, refreshed after one changes. */
  lists: [['team-learning'], ['my-learning'], ['person-learning'], ['enrollments']] as const,
};

export const enrollmentQueries = {
  mine: () => queryOptions({ queryKey: enrollmentKeys.mine, queryFn: () => http.get('/me/learning') }),
  ofPerson: (personId: string) =>
    queryOptions({ queryKey: enrollmentKeys.ofPerson(personId), queryFn: () => http.get('/people/:id/learning', { params: { id: personId } }) }),
  team: () => cursorPages(enrollmentKeys.team, (cursor) => http.get('/team/learning', { query: { limit: 25, cursor } })),
};

export const enrollmentApi = {
  assign: (body: AssignBody) => http.post('/enrollments/assign', { body }),
  changeDue: (id: string, dueAt: string | null) => http.patch('/enrollments/:id', { params: { id }, body: { dueAt } }),
  reset: (id: string) => http.post('/enrollments/:id/reset', { params: { id } }),
  unenroll: (id: string) => http.delete('/enrollments/:id', { params: { id } }),
};
