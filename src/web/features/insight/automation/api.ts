import { queryOptions } from '@tanstack/react-query';
import { http, type Body, type Output } from '../../../lib/api.ts';
import { cursorPages } from '../../../lib/query.ts';

export type AutomationRule = Output<'/automation-rules'>['data'][number];
export type AutomationRun = Output<'/automation-rules/:id/runs'>['data'][number];
export type RuleBody = Body<'/automation-rules', 'post'>;
export type Condition = NonNullable<RuleBody['conditions']>[number];
export type Action = RuleBody['actions'][number];
export type AutomationEvent = RuleBody['event'];
export type Preview = Output<'/automation-rules/preview', 'post'>;
export type Option = { value: string; label: string };

export const automationKeys = {
  all: ['automation-rules'] as const,
  rules: ['automation-rules', 'list'] as const,
  runs: (id: string) => ['automation-rules', 'runs', id] as const,
  options: (kind: OptionKind) => ['automation-options', kind] as const,
};

export type OptionKind = 'department' | 'group' | 'jobProfile' | 'skill' | 'course' | 'program';

/** Pages read for one list: 50 of 200 each, so a picker offers up to 10,000 names. */
const MAX_PAGES = 50;

/** Every page of a list (a rule may name any of them, and a saved rule's names must show). */
async function everyPage<T>(get: (cursor: string | undefined) => Promise<{ data: T[]; nextCursor: string | null }>): Promise<T[]> {
  const all: T[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < MAX_PAGES; i++) {
    const page = await get(cursor);
    all.push(...page.data);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return all;
}

async function loadOptions(kind: OptionKind): Promise<Option[]> {
  switch (kind) {
    case 'department':
      return (await http.get('/departments')).data.map((d) => ({ value: d.id, label: d.name }));
    case 'group':
      return (await everyPage((cursor) => http.get('/groups', { query: { limit: 200, cursor } }))).map((g) => ({ value: g.id, label: g.name }));
    case 'jobProfile':
      return (await everyPage((cursor) => http.get('/job-profiles', { query: { limit: 200, cursor } }))).map((p) => ({ value: p.id, label: p.name }));
    case 'skill':
      return (await everyPage((cursor) => http.get('/skills', { query: { limit: 200, cursor } }))).map((s) => ({ value: s.id, label: s.name }));
    // The catalog (published only) is readable by HR admins too; the authoring lists are not.
    case 'course':
    case 'program':
      return (await everyPage((cursor) => http.get('/catalog', { query: { kind, limit: 200, cursor } }))).map((c) => ({ value: c.id, label: c.title }));
  }
}

export const automationQueries = {
  rules: () => queryOptions({ queryKey: automationKeys.rules, queryFn: () => http.get('/automation-rules') }),
  /** Who a saved rule selects now (its count and first names): asked when switching it on. */
  previewSaved: (id: string) => queryOptions({ queryKey: [...automationKeys.all, 'preview', id] as const, queryFn: () => http.post('/automation-rules/:id/preview', { params: { id } }) }),
  runs: (id: string) => cursorPages(automationKeys.runs(id), (cursor) => http.get('/automation-rules/:id/runs', { params: { id }, query: { limit: 20, cursor } })),
  /** What a condition or an action can name: departments, groups, profiles, skills, published courses and programs. */
  options: (kind: OptionKind, enabled = true) => queryOptions({ queryKey: automationKeys.options(kind), queryFn: () => loadOptions(kind), enabled, staleTime: 60_000 }),
};

export const automationApi = {
  create: (body: RuleBody) => http.post('/automation-rules', { body }),
  update: (id: string, body: Body<'/automation-rules/:id', 'patch'>) => http.patch('/automation-rules/:id', { params: { id }, body }),
  remove: (id: string) => http.delete('/automation-rules/:id', { params: { id } }),
  activate: (id: string, actNow: boolean) => http.post('/automation-rules/:id/activate', { params: { id }, body: { actNow } }),
  pause: (id: string) => http.post('/automation-rules/:id/pause', { params: { id } }),
  preview: (body: RuleBody) => http.post('/automation-rules/preview', { body }),
};

export const eventLabels: Record<AutomationEvent, string> = {
  person_hired: 'A person is hired',
  job_profile_changed: 'A person’s job profile changes',
  manager_changed: 'A person’s manager changes',
  skill_assessment_recorded: 'A skill assessment is recorded',
  check_in_blocker: 'A check-in raises a blocker',
  goal_off_track: 'A goal goes off track',
  enrollment_overdue: 'An enrolment is overdue',
  certificate_expiring: 'A certificate expires within 30 days',
  review_released: 'A person’s review is shared with them',
};

/** The event conditions each event can answer (the server refuses the others). */
export const eventFields: Record<AutomationEvent, Array<'skill' | 'hurdleCategory' | 'course'>> = {
  person_hired: [],
  job_profile_changed: [],
  manager_changed: [],
  skill_assessment_recorded: ['skill'],
  check_in_blocker: ['skill', 'hurdleCategory'],
  goal_off_track: [],
  enrollment_overdue: ['course'],
  certificate_expiring: ['course'],
  review_released: [],
};
