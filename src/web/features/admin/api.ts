import { queryOptions } from '@tanstack/react-query';
import { http, type Body, type Output } from '../../lib/api.ts';
import { cursorPages } from '../../lib/query.ts';

// Org: departments, groups, custom fields, imports.
export type Department = Output<'/departments'>['data'][number];
export type Group = Output<'/groups'>['data'][number];
export type GroupBody = Body<'/groups', 'post'>;
export type Rule = NonNullable<GroupBody['rule']>;
export type CustomFieldBody = Body<'/custom-fields', 'post'>;
/** A synchronous import's report; an async one answers `{ id }` to poll. */
export type ImportReport = Extract<Output<'/people/imports', 'post'>, { rows: unknown }>;
export type ImportJob = Output<'/people/imports/:id'>;
type ImportQuery = { dryRun: boolean; deactivateMissing: boolean; async?: boolean };
// Identity and platform: API tokens, the audit log, the mail outbox.
export type Token = Output<'/api-tokens'>['data'][number];
export type CreatedToken = Output<'/api-tokens', 'post'>;
export type AuditEvent = Output<'/audit-events'>['data'][number];
export type AuditQuery = { action: string | null; recordType: string | null; q: string; actorId: string | null; from?: string; to?: string };
export type Mail = Output<'/mail-outbox'>['data'][number];

export const adminKeys = {
  departments: ['departments'] as const,
  /** Departments for an assign dialog. */
  departmentsToAssign: ['departments', 'assign'] as const,
  groups: ['groups'] as const,
  groupSearch: (q: string) => ['groups', q] as const,
  groupsToAssign: ['groups', 'assign'] as const,
  members: (groupId: string) => ['groups', groupId, 'members'] as const,
  preview: (rule: Rule) => ['group-preview', rule] as const,
  tokens: ['api-tokens'] as const,
  auditFacets: ['audit-facets'] as const,
  audit: (query: AuditQuery) => ['audit-events', query] as const,
  mail: (q: string) => ['mail-outbox', q] as const,
  oneMail: (id: string | null) => ['mail-outbox', 'one', id] as const,
};

export const adminQueries = {
  departments: () => queryOptions({ queryKey: adminKeys.departments, queryFn: () => http.get('/departments') }),
  departmentsToAssign: () => queryOptions({ queryKey: adminKeys.departmentsToAssign, queryFn: () => http.get('/departments') }),
  groups: (q: string) => cursorPages(adminKeys.groupSearch(q), (cursor) => http.get('/groups', { query: { q, limit: 50, cursor } })),
  groupsToAssign: () => queryOptions({ queryKey: adminKeys.groupsToAssign, queryFn: () => http.get('/groups', { query: { limit: 200 } }) }),
  members: (groupId: string) =>
    cursorPages(adminKeys.members(groupId), (cursor) => http.get('/groups/:id/members', { params: { id: groupId }, query: { limit: 100, cursor } })),
  /** How many people a smart rule matches, with a sample; nothing to ask until it has a condition. */
  preview: (rule: Rule) =>
    queryOptions({ queryKey: adminKeys.preview(rule), queryFn: () => http.post('/groups/preview', { body: { rule } }), enabled: rule.conditions.length > 0 }),
  tokens: () => queryOptions({ queryKey: adminKeys.tokens, queryFn: () => http.get('/api-tokens') }),
  auditFacets: () => queryOptions({ queryKey: adminKeys.auditFacets, queryFn: () => http.get('/audit-events/facets') }),
  audit: (query: AuditQuery) => cursorPages(adminKeys.audit(query), (cursor) => http.get('/audit-events', { query: { ...query, limit: 50, cursor } })),
  mail: (q: string) => cursorPages(adminKeys.mail(q), (cursor) => http.get('/mail-outbox', { query: { q, limit: 50, cursor } })),
  oneMail: (id: string | null) =>
    queryOptions({ queryKey: adminKeys.oneMail(id), queryFn: () => http.get('/mail-outbox/:id', { params: { id: id! } }), enabled: !!id }),
};

export const adminApi = {
  createDepartment: (body: Body<'/departments', 'post'>) => http.post('/departments', { body }),
  updateDepartment: (id: string, body: Body<'/departments/:id', 'patch'>) => http.patch('/departments/:id', { params: { id }, body }),
  removeDepartment: (id: string) => http.delete('/departments/:id', { params: { id } }),
  createGroup: (body: GroupBody) => http.post('/groups', { body }),
  updateGroup: (id: string, body: Body<'/groups/:id', 'patch'>) => http.patch('/groups/:id', { params: { id }, body }),
  removeGroup: (id: string) => http.delete('/groups/:id', { params: { id } }),
  addMembers: (groupId: string, personIds: string[]) => http.post('/groups/:id/members', { params: { id: groupId }, body: { personIds } }),
  removeMember: (groupId: string, personId: string) => http.delete('/groups/:id/members/:personId', { params: { id: groupId, personId } }),
  createField: (body: CustomFieldBody) => http.post('/custom-fields', { body }),
  updateField: (id: string, body: Body<'/custom-fields/:id', 'patch'>) => http.patch('/custom-fields/:id', { params: { id }, body }),
  removeField: (id: string) => http.delete('/custom-fields/:id', { params: { id } }),
  /** A CSV of people: checked (dryRun) or committed, at once or as a job to poll. */
  importPeople: (file: FormData, query: ImportQuery) => http.post('/people/imports', { body: file, query }),
  importJob: (id: string) => http.get('/people/imports/:id', { params: { id } }),
  createToken: (body: Body<'/api-tokens', 'post'>) => http.post('/api-tokens', { body }),
  revokeToken: (id: string) => http.delete('/api-tokens/:id', { params: { id } }),
};
