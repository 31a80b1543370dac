import { queryOptions } from '@tanstack/react-query';
import { http, type Output } from '../../../lib/api.ts';

export type Overview = Output<'/people/:id/overview'>;
export type LoopClosure = NonNullable<Overview['learning']>['loopClosure'];

export const overviewKeys = {
  /** Under the person's own key, so whatever refreshes a person refreshes their page. */
  one: (personId: string) => ['person', personId, 'overview'] as const,
};

export const overviewQueries = {
  one: (personId: string) => queryOptions({ queryKey: overviewKeys.one(personId), queryFn: () => http.get('/people/:id/overview', { params: { id: personId } }) }),
};
