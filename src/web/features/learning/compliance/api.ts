import { queryOptions } from '@tanstack/react-query';
import { http, type Body, type Output } from '../../../lib/api.ts';
import { cursorPages } from '../../../lib/query.ts';

export type ComplianceRule = Output<'/compliance-rules'>['data'][number];
export type Dashboard = Output<'/compliance/dashboard'>;
export type DashboardCounts = Dashboard['total'];
export type RulePerson = Output<'/compliance/rules/:id/people'>['data'][number];
export type ComplianceStatus = RulePerson['status'];
export type RuleBody = Body<'/compliance-rules', 'post'>;
type Option = { id: string; label: string };
export type AudienceType = RuleBody['audience']['type'];

export const complianceKeys = {
  /** Rules, the dashboard and its drill-downs: all change when a rule does. */
  all: ['compliance'] as const,
  rules: ['compliance', 'rules'] as const,
  dashboard: (ruleId: string | null) => ['compliance', 'dashboard', ruleId] as const,
  people: (ruleId: string, departmentId: string | null, status: ComplianceStatus | null) => ['compliance', 'people', ruleId, departmentId, status] as const,
  targets: (kind: 'course' | 'program') => ['compliance-targets', kind] as const,
  audience: (type: AudienceType) => ['compliance-audience', type] as const,
};

export const complianceQueries = {
  rules: () => cursorPages(complianceKeys.rules, (cursor) => http.get('/compliance-rules', { query: { limit: 100, cursor } })),
  dashboard: (ruleId: string | null) =>
    queryOptions({ queryKey: complianceKeys.dashboard(ruleId), queryFn: () => http.get('/compliance/dashboard', { query: { ruleId } }) }),
  /** Who stands where for a rule in a department (no department: `none`). */
  people: (ruleId: string, departmentId: string | null, status: ComplianceStatus | null) =>
    cursorPages(complianceKeys.people(ruleId, departmentId, status), (cursor) =>
      http.get('/compliance/rules/:id/people', { params: { id: ruleId }, query: { status, departmentId: departmentId ?? 'none', limit: 50, cursor } }),
    ),
  /** Published courses or programs a rule can require. */
  targets: (kind: 'course' | 'program') =>
    queryOptions({
      queryKey: complianceKeys.targets(kind),
      queryFn: async (): Promise<Option[]> => {
        const query = { status: 'published', limit: 200 };
        const page = kind === 'course' ? await http.get('/courses', { query }) : await http.get('/programs', { query });
        return page.data.filter((o) => o.status === 'published').map((o) => ({ id: o.id, label: o.title }));
      },
    }),
  /** Groups or departments a rule can apply to. */
  audience: (type: AudienceType) =>
    queryOptions({
      queryKey: complianceKeys.audience(type),
      queryFn: async (): Promise<Option[]> => {
        if (type === 'everyone') return [];
        const page = type === 'group' ? await http.get('/groups', { query: { limit: 200 } }) : await http.get('/departments');
        return page.data.map((o) => ({ id: o.id, label: o.name }));
      },
      enabled: type !== 'everyone',
    }),
};

export const complianceApi = {
  create: (body: RuleBody) => http.post('/compliance-rules', { body }),
  update: (id: string, body: Body<'/compliance-rules/:id', 'patch'>) => http.patch('/compliance-rules/:id', { params: { id }, body }),
  remove: (id: string) => http.delete('/compliance-rules/:id', { params: { id } }),
};
