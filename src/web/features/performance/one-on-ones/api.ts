import { queryOptions } from '@tanstack/react-query';
import { ApiError, http, type Body, type Output } from '../../../lib/api.ts';
import { cursorPages } from '../../../lib/query.ts';

export type SeriesListItem = Output<'/one-on-ones'>['data'][number];
export type SeriesDetail = Output<'/one-on-ones/:id'>;
export type Meeting = Output<'/one-on-ones/meetings/:id'>;
export type AgendaItem = Meeting['agenda'][number];
export type ActionItem = Meeting['actions'][number];
export type Topic = Output<'/one-on-one-topics'>['data'][number];
export type TopicCategory = Topic['category'];
export type CadenceRow = Output<'/one-on-ones/cadence-report'>['data'][number];
export type Cadence = SeriesDetail['cadence'];

export const oneOnOneKeys = {
  all: ['one-on-ones'] as const,
  list: (includeEnded: boolean) => ['one-on-ones', 'list', includeEnded] as const,
  series: (id: string) => ['one-on-ones', 'series', id] as const,
  meeting: (id: string) => ['one-on-ones', 'meeting', id] as const,
  cadence: (weeks: number) => ['one-on-ones', 'cadence', weeks] as const,
  topics: (includeArchived: boolean) => ['one-on-one-topics', includeArchived] as const,
  topicsAll: ['one-on-one-topics'] as const,
};

const no404Retry = (n: number, e: unknown) => !(e instanceof ApiError && e.status === 404) && n < 2;

export const oneOnOneQueries = {
  list: (includeEnded: boolean) =>
    cursorPages(oneOnOneKeys.list(includeEnded), (cursor, signal) => http.get('/one-on-ones', { query: { limit: 50, cursor, includeEnded: includeEnded ? 'true' : undefined }, signal })),
  series: (id: string) => queryOptions({ queryKey: oneOnOneKeys.series(id), queryFn: () => http.get('/one-on-ones/:id', { params: { id } }), retry: no404Retry }),
  meeting: (id: string) => queryOptions({ queryKey: oneOnOneKeys.meeting(id), queryFn: () => http.get('/one-on-ones/meetings/:id', { params: { id } }), retry: no404Retry }),
  cadence: (weeks: number) =>
    cursorPages(oneOnOneKeys.cadence(weeks), (cursor, signal) => http.get('/one-on-ones/cadence-report', { query: { weeks, limit: 50, cursor }, signal })),
  topics: (includeArchived = false) =>
    queryOptions({
      queryKey: oneOnOneKeys.topics(includeArchived),
      queryFn: () => http.get('/one-on-one-topics', { query: { includeArchived: includeArchived ? 'true' : undefined } }),
      staleTime: 60_000,
    }),
};

export const oneOnOneApi = {
  start: (body: Body<'/one-on-ones', 'post'>) => http.post('/one-on-ones', { body }),
  end: (id: string) => http.post('/one-on-ones/:id/end', { params: { id } }),
  held: (id: string) => http.post('/one-on-ones/meetings/:id/held', { params: { id } }),
  cancel: (id: string) => http.post('/one-on-ones/meetings/:id/cancel', { params: { id } }),
  addPoint: (meetingId: string, body: Body<'/one-on-ones/meetings/:id/agenda-items', 'post'>) =>
    http.post('/one-on-ones/meetings/:id/agenda-items', { params: { id: meetingId }, body }),
  order: (meetingId: string, ids: string[]) => http.post('/one-on-ones/meetings/:id/agenda-order', { params: { id: meetingId }, body: { ids } }),
  patchPoint: (id: string, body: Body<'/one-on-ones/agenda-items/:id', 'patch'>) => http.patch('/one-on-ones/agenda-items/:id', { params: { id }, body }),
  deletePoint: (id: string) => http.delete('/one-on-ones/agenda-items/:id', { params: { id } }),
  linkPoint: (id: string, body: Body<'/one-on-ones/agenda-items/:id/link', 'post'>) => http.post('/one-on-ones/agenda-items/:id/link', { params: { id }, body }),
  assignFromPoint: (id: string, body: Body<'/one-on-ones/agenda-items/:id/assign-learning', 'post'>) =>
    http.post('/one-on-ones/agenda-items/:id/assign-learning', { params: { id }, body }),
  planFromPoint: (id: string, body: Body<'/one-on-ones/agenda-items/:id/plan-item', 'post'>) =>
    http.post('/one-on-ones/agenda-items/:id/plan-item', { params: { id }, body }),
  addAction: (meetingId: string, body: Body<'/one-on-ones/meetings/:id/action-items', 'post'>) =>
    http.post('/one-on-ones/meetings/:id/action-items', { params: { id: meetingId }, body }),
  patchAction: (id: string, body: Body<'/one-on-ones/action-items/:id', 'patch'>) => http.patch('/one-on-ones/action-items/:id', { params: { id }, body }),
  deleteAction: (id: string) => http.delete('/one-on-ones/action-items/:id', { params: { id } }),
  sharedNote: (meetingId: string, body: string) => http.put('/one-on-ones/meetings/:id/shared-note', { params: { id: meetingId }, body: { body } }),
  privateNote: (meetingId: string, body: string) => http.put('/one-on-ones/meetings/:id/private-note', { params: { id: meetingId }, body: { body } }),
  createTopic: (body: Body<'/one-on-one-topics', 'post'>) => http.post('/one-on-one-topics', { body }),
  patchTopic: (id: string, body: Body<'/one-on-one-topics/:id', 'patch'>) => http.patch('/one-on-one-topics/:id', { params: { id }, body }),
  archiveTopic: (id: string) => http.delete('/one-on-one-topics/:id', { params: { id } }),
};

/** The .ics file of a series (a plain link: the browser downloads it with the session cookie). */
export const calendarHref = (id: string) => `/api/v1/one-on-ones/${encodeURIComponent(id)}/calendar.ics`;

export const cadenceLabels: Record<Cadence, string> = { weekly: 'Weekly', biweekly: 'Every two weeks', monthly: 'Monthly' };

export const categoryLabels: Record<TopicCategory, string> = {
  career: 'Career',
  wellbeing: 'Wellbeing',
  feedback: 'Feedback',
  growth: 'Growth',
  blockers: 'Blockers',
  other: 'Other',
};

export const whenLabel = (iso: string) => new Date(iso).toLocaleString(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
export const dayLabel = (iso: string) => new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
