import { queryOptions } from '@tanstack/react-query';
import { http, type Output } from '../../../lib/api.ts';

export type Team = Output<'/team'>;
export type TeamMember = Team['data'][number];
export type TeamSignal = TeamMember['signals'][number];
export type SignalAction = TeamSignal['actions'][number];
export type TeamScope = 'direct' | 'all';

export const teamKeys = {
  all: ['team'] as const,
  scope: (scope: TeamScope, cursor?: string) => ['team', scope, cursor ?? null] as const,
};

export const teamQueries = {
  team: (scope: TeamScope, cursor?: string) =>
    queryOptions({
      queryKey: teamKeys.scope(scope, cursor),
      queryFn: () => http.get('/team', { query: { scope, limit: 50, ...(cursor ? { cursor } : {}) } }),
    }),
};

export const signalLabels: Record<TeamSignal['kind'], string> = {
  overdue_compliance: 'Overdue compliance',
  goal_off_track: 'Goal off track',
  no_recent_one_on_one: 'No recent 1:1',
  hurdle_open: 'Hurdle open',
  gap_without_plan: 'Gap without a plan',
};

export const signalColors: Record<TeamSignal['kind'], string> = {
  overdue_compliance: 'red',
  goal_off_track: 'orange',
  no_recent_one_on_one: 'yellow',
  hurdle_open: 'grape',
  gap_without_plan: 'blue',
};

export const goalStatusLabels: Record<string, string> = { on_track: 'On track', at_risk: 'At risk', off_track: 'Off track' };
export const goalStatusColors: Record<string, string> = { on_track: 'green', at_risk: 'yellow', off_track: 'red' };

export const dayLabel = (iso: string) => new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
export const levelLabel = (n: number | null) => (n === null ? '–' : Number.isInteger(n) ? String(n) : n.toFixed(1));
