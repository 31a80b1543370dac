import { queryOptions } from '@tanstack/react-query';
import { ApiError, http, type Body, type Output } from '../../../lib/api.ts';

export type Session = Output<'/calibration-sessions'>['data'][number];
export type Grid = Output<'/calibration-sessions/:id'>;
export type GridSubject = Grid['subjects'][number];
export type ScorePart = GridSubject['proposed']['parts'][number];
export type ManagerRow = Grid['managers'][number];
export type Distribution = Grid['distribution'];
export type Figure = NonNullable<ManagerRow['leniency']>['pastCycles']['fromFinal'];
export type RaterLeniency = Output<'/rater-leniency'>;
export type NineBox = Output<'/review-settings/nine-box'>;
export type SessionCreateBody = Body<'/calibration-sessions', 'post'>;
export type Guideline = NonNullable<SessionCreateBody['guideline']>;
export type EntryBody = Body<'/calibration-sessions/:id/entries/:subjectId', 'patch'>;
export type NineBoxBody = Body<'/review-settings/nine-box', 'put'>;

export const calibrationKeys = {
  /** Every calibration read: refreshed after a session is created or locked. */
  all: ['calibration'] as const,
  sessions: (cycleId: string) => ['calibration', 'sessions', cycleId] as const,
  grid: (id: string) => ['calibration', 'grid', id] as const,
  leniency: (raterId: string) => ['calibration', 'leniency', raterId] as const,
  nineBox: ['calibration', 'nine-box'] as const,
};

const no404Retry = (n: number, e: unknown) => !(e instanceof ApiError && e.status === 404) && n < 2;

export const calibrationQueries = {
  sessions: (cycleId: string) =>
    queryOptions({ queryKey: calibrationKeys.sessions(cycleId), queryFn: () => http.get('/calibration-sessions', { query: { cycleId } }), retry: no404Retry }),
  grid: (id: string) => queryOptions({ queryKey: calibrationKeys.grid(id), queryFn: () => http.get('/calibration-sessions/:id', { params: { id } }), retry: no404Retry }),
  leniency: (raterId: string) => queryOptions({ queryKey: calibrationKeys.leniency(raterId), queryFn: () => http.get('/rater-leniency', { query: { raterId } }), retry: no404Retry }),
  nineBox: () => queryOptions({ queryKey: calibrationKeys.nineBox, queryFn: () => http.get('/review-settings/nine-box'), retry: no404Retry }),
};

export const calibrationApi = {
  create: (body: SessionCreateBody) => http.post('/calibration-sessions', { body }),
  updateEntry: (id: string, subjectId: string, body: EntryBody) => http.patch('/calibration-sessions/:id/entries/:subjectId', { params: { id, subjectId }, body }),
  lock: (id: string) => http.post('/calibration-sessions/:id/lock', { params: { id } }),
  setNineBox: (body: NineBoxBody) => http.put('/review-settings/nine-box', { body }),
};
