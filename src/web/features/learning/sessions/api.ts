import { queryOptions } from '@tanstack/react-query';
import { http, type Body, type Output } from '../../../lib/api.ts';

export type LiveSession = Output<'/courses/:id/sessions'>['data'][number];
export type RosterEntry = Output<'/sessions/:id/registrations'>['data'][number];
export type SessionBody = Body<'/courses/:id/sessions', 'post'>;
export type When = 'upcoming' | 'past';

export const sessionKeys = {
  /** A course's sessions, upcoming and past. */
  ofCourse: (courseId: string) => ['courses', courseId, 'sessions'] as const,
  when: (courseId: string, when: When) => ['courses', courseId, 'sessions', when] as const,
  roster: (sessionId: string) => ['sessions', sessionId, 'registrations'] as const,
};

export const sessionQueries = {
  /** What a learner sees on the course page. */
  ofCourse: (courseId: string) =>
    queryOptions({ queryKey: sessionKeys.ofCourse(courseId), queryFn: () => http.get('/courses/:id/sessions', { params: { id: courseId } }) }),
  when: (courseId: string, when: When) =>
    queryOptions({ queryKey: sessionKeys.when(courseId, when), queryFn: () => http.get('/courses/:id/sessions', { params: { id: courseId }, query: { when } }) }),
  roster: (sessionId: string) =>
    queryOptions({ queryKey: sessionKeys.roster(sessionId), queryFn: () => http.get('/sessions/:id/registrations', { params: { id: sessionId } }) }),
};

export const sessionApi = {
  schedule: (courseId: string, body: SessionBody) => http.post('/courses/:id/sessions', { params: { id: courseId }, body }),
  update: (id: string, body: Body<'/sessions/:id', 'patch'>) => http.patch('/sessions/:id', { params: { id }, body }),
  cancel: (id: string) => http.post('/sessions/:id/cancel', { params: { id } }),
  register: (id: string) => http.post('/sessions/:id/registrations', { params: { id } }),
  unregister: (id: string) => http.delete('/sessions/:id/registrations/me', { params: { id } }),
  recordAttendance: (id: string, body: Body<'/sessions/:id/attendance', 'put'>) => http.put('/sessions/:id/attendance', { params: { id }, body }),
};
