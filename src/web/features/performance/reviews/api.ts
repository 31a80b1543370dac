import { queryOptions } from '@tanstack/react-query';
import { ApiError, http, type Body, type Output } from '../../../lib/api.ts';

export type Template = Output<'/review-templates'>['data'][number];
export type TemplateBody = Body<'/review-templates', 'post'>['body'];
export type Question = TemplateBody['sections'][number]['questions'][number];
export type QuestionKind = Question['kind'];
export type Relationship = Question['relationships'][number];
export type Cycle = Output<'/review-cycles'>['data'][number];
export type Phase = Cycle['phase'];
export type CycleCreateBody = Body<'/review-cycles', 'post'>;
export type CycleUpdateBody = Body<'/review-cycles/:id', 'patch'>;
export type LaunchResult = Output<'/review-cycles/:id/launch', 'post'>;
export type Progress = Output<'/review-cycles/:id/progress'>;
export type MyReview = Output<'/reviews'>['data'][number];
export type Review = Output<'/reviews/:id'>;
export type Answers = Body<'/reviews/:id/answers', 'put'>['answers'];
export type Answer = Answers[string];
export type Nominations = Output<'/review-cycles/:id/nominations'>;
export type Result = Output<'/review-cycles/:id/people/:personId'>;
export type Shared = Output<'/me/review-results'>['data'][number];
export type AssignBody = Body<'/reviews/:id/assign-learning', 'post'>;
export type PlanItemBody = Body<'/reviews/:id/plan-items', 'post'>;

export const reviewKeys = {
  /** Every review list and form: refreshed after a review, a nomination or a cycle changes. */
  all: ['reviews'] as const,
  mine: ['reviews', 'mine'] as const,
  shared: ['reviews', 'shared'] as const,
  one: (id: string) => ['reviews', 'one', id] as const,
  nominations: (cycleId: string, subjectId?: string) => ['reviews', 'nominations', cycleId, subjectId ?? 'me'] as const,
  result: (cycleId: string, personId: string) => ['reviews', 'result', cycleId, personId] as const,
  templates: ['review-templates'] as const,
  templateList: (includeArchived: boolean) => ['review-templates', 'list', includeArchived] as const,
  template: (id: string) => ['review-templates', 'one', id] as const,
  cycles: ['review-cycles'] as const,
  cycleList: ['review-cycles', 'list'] as const,
  cycle: (id: string) => ['review-cycles', 'one', id] as const,
  progress: (id: string, by: 'manager' | 'department') => ['review-cycles', 'progress', id, by] as const,
};

const no404Retry = (n: number, e: unknown) => !(e instanceof ApiError && e.status === 404) && n < 2;

export const reviewQueries = {
  mine: () => queryOptions({ queryKey: reviewKeys.mine, queryFn: () => http.get('/reviews') }),
  shared: () => queryOptions({ queryKey: reviewKeys.shared, queryFn: () => http.get('/me/review-results') }),
  one: (id: string) => queryOptions({ queryKey: reviewKeys.one(id), queryFn: () => http.get('/reviews/:id', { params: { id } }), retry: no404Retry }),
  nominations: (cycleId: string, subjectId?: string) =>
    queryOptions({
      queryKey: reviewKeys.nominations(cycleId, subjectId),
      queryFn: () => http.get('/review-cycles/:id/nominations', { params: { id: cycleId }, query: { subjectId } }),
      retry: no404Retry,
    }),
  result: (cycleId: string, personId: string) =>
    queryOptions({
      queryKey: reviewKeys.result(cycleId, personId),
      queryFn: () => http.get('/review-cycles/:id/people/:personId', { params: { id: cycleId, personId } }),
      retry: no404Retry,
    }),
  templates: (includeArchived = false) =>
    queryOptions({
      queryKey: reviewKeys.templateList(includeArchived),
      queryFn: () => http.get('/review-templates', { query: { includeArchived: includeArchived ? 'true' : undefined } }),
      retry: no404Retry,
    }),
  template: (id: string) => queryOptions({ queryKey: reviewKeys.template(id), queryFn: () => http.get('/review-templates/:id', { params: { id } }), retry: no404Retry }),
  cycles: () => queryOptions({ queryKey: reviewKeys.cycleList, queryFn: () => http.get('/review-cycles'), retry: no404Retry }),
  cycle: (id: string) => queryOptions({ queryKey: reviewKeys.cycle(id), queryFn: () => http.get('/review-cycles/:id', { params: { id } }), retry: no404Retry }),
  progress: (id: string, by: 'manager' | 'department') =>
    queryOptions({ queryKey: reviewKeys.progress(id, by), queryFn: () => http.get('/review-cycles/:id/progress', { params: { id }, query: { by } }), retry: no404Retry }),
};

export const reviewApi = {
  createTemplate: (body: Body<'/review-templates', 'post'>) => http.post('/review-templates', { body }),
  updateTemplate: (id: string, body: Body<'/review-templates/:id', 'patch'>) => http.patch('/review-templates/:id', { params: { id }, body }),
  createCycle: (body: CycleCreateBody) => http.post('/review-cycles', { body }),
  updateCycle: (id: string, body: CycleUpdateBody) => http.patch('/review-cycles/:id', { params: { id }, body }),
  /** Who would take part: the launch endpoint's dry run, which writes nothing. */
  dryRun: (id: string) => http.post('/review-cycles/:id/launch', { params: { id }, body: { dryRun: true } }),
  launch: (id: string) => http.post('/review-cycles/:id/launch', { params: { id }, body: {} }),
  movePhase: (id: string, phase: Phase) => http.post('/review-cycles/:id/phase', { params: { id }, body: { phase } }),
  releaseAll: (id: string) => http.post('/review-cycles/:id/release', { params: { id }, body: {} }),
  releaseOne: (cycleId: string, personId: string) => http.post('/review-cycles/:id/people/:personId/release', { params: { id: cycleId, personId } }),
  acknowledge: (cycleId: string, personId: string, comment: string | null) =>
    http.post('/review-cycles/:id/people/:personId/acknowledge', { params: { id: cycleId, personId }, body: { comment } }),
  saveAnswers: (id: string, answers: Answers, signal?: AbortSignal) => http.put('/reviews/:id/answers', { params: { id }, body: { answers }, signal }),
  submit: (id: string) => http.post('/reviews/:id/submit', { params: { id } }),
  reopen: (id: string) => http.post('/reviews/:id/reopen', { params: { id } }),
  nominate: (cycleId: string, reviewerIds: string[]) => http.post('/review-cycles/:id/nominations', { params: { id: cycleId }, body: { reviewerIds } }),
  decide: (id: string, status: 'approved' | 'declined') => http.patch('/peer-nominations/:id', { params: { id }, body: { status } }),
  withdraw: (id: string) => http.delete('/peer-nominations/:id', { params: { id } }),
  /** From a released review's rating: an enrolment with the review as its reason. */
  assignLearning: (id: string, body: AssignBody) => http.post('/reviews/:id/assign-learning', { params: { id }, body }),
  /** From a released review's rating: an item on the subject's development plan. */
  addPlanItem: (id: string, body: PlanItemBody) => http.post('/reviews/:id/plan-items', { params: { id }, body }),
};
