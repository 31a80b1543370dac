import { queryOptions } from '@tanstack/react-query';
import { http, type Body, type Output } from '../../../lib/api.ts';

export type TranscriptData = Output<'/people/:id/transcript'>;
export type TranscriptItem = TranscriptData['items'][number];
export type ExternalLearningBody = Body<'/people/:id/external-learning', 'post'>;

export const recordKeys = {
  transcript: (personId: string) => ['transcript', personId] as const,
  verification: (code: string) => ['verify', code] as const,
};

export const recordQueries = {
  transcript: (personId: string) =>
    queryOptions({ queryKey: recordKeys.transcript(personId), queryFn: () => http.get('/people/:id/transcript', { params: { id: personId } }) }),
  /** Public: a certificate's facts by its verification code. */
  verification: (code: string) =>
    queryOptions({ queryKey: recordKeys.verification(code), queryFn: () => http.get('/certificates/verify/:code', { params: { code } }), retry: false }),
};

export const recordApi = {
  addExternal: (personId: string, body: ExternalLearningBody) => http.post('/people/:id/external-learning', { params: { id: personId }, body }),
  removeExternal: (id: string) => http.delete('/external-learning/:id', { params: { id } }),
};
