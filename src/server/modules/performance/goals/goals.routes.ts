import { createRoute, z } from '@hono/zod-openapi';
import { requireActor } from '../../../platform/http/actor.ts';
import { errorResponses, IdParam, jsonBody, jsonContent, page, PageQuery } from '../../../platform/http/openapi.ts';
import { createRouter } from '../../../platform/http/router.ts';
import {
  CommentCreate,
  CommentSchema,
  GoalCreate,
  GoalDetailSchema,
  GoalSchema,
  GoalsQuery,
  GoalUpdate,
  PeriodCreate,
  PeriodSchema,
  TreeQuery,
  TreeSchema,
} from './goals.schemas.ts';
import * as service from './goals.service.ts';

const tags = ['Goals'];

const list = createRoute({
  method: 'get',
  path: '/goals',
  tags,
  summary: 'Goals the caller may see, newest first, filtered by scope, owner, period, status and text',
  request: { query: GoalsQuery },
  responses: { 200: jsonContent(page(GoalSchema)), ...errorResponses('validation_failed') },
});
const tree = createRoute({
  method: 'get',
  path: '/goals/tree',
  tags,
  summary: 'The alignment tree from the company down to people, within what the caller may see',
  description:
    'Breadth first from rootId (or from every goal without a parent), at most 1,000 goals (truncated says more exist). Children the caller may not see appear only as hiddenChildren; progress rolls up over all children. q keeps matching goals and their ancestors.',
  request: { query: TreeQuery },
  responses: { 200: jsonContent(TreeSchema), ...errorResponses('validation_failed', 'not_found') },
});
const create = createRoute({
  method: 'post',
  path: '/goals',
  tags,
  summary: 'Create a goal with key results, for yourself, someone you manage, a team or the company',
  description: 'Without periodId the goal goes into the current quarter (the default quarters and year are created on first use).',
  request: { body: jsonBody(GoalCreate) },
  responses: { 201: jsonContent(GoalDetailSchema, 'Created'), ...errorResponses('validation_failed', 'not_found', 'conflict', 'unprocessable') },
});
const read = createRoute({
  method: 'get',
  path: '/goals/{id}',
  tags,
  summary: 'A goal with its key results, skills, parent and the children the caller may see',
  request: { params: IdParam },
  responses: { 200: jsonContent(GoalDetailSchema), ...errorResponses('not_found') },
});
const update = createRoute({
  method: 'patch',
  path: '/goals/{id}',
  tags,
  summary: 'Change a goal; keyResults and skills, when given, replace the lists (key results keep their id)',
  request: { params: IdParam, body: jsonBody(GoalUpdate) },
  responses: { 200: jsonContent(GoalDetailSchema), ...errorResponses('validation_failed', 'forbidden', 'not_found', 'conflict', 'unprocessable') },
});
const remove = createRoute({
  method: 'delete',
  path: '/goals/{id}',
  tags,
  summary: 'Delete a goal (its children stay, no longer aligned)',
  request: { params: IdParam },
  responses: { 204: { description: 'Deleted' }, ...errorResponses('forbidden', 'not_found') },
});
const comments = createRoute({
  method: 'get',
  path: '/goals/{id}/comments',
  tags,
  summary: "A goal's comments, oldest first",
  request: { params: IdParam, query: z.object(PageQuery) },
  responses: { 200: jsonContent(page(CommentSchema)), ...errorResponses('not_found') },
});
const comment = createRoute({
  method: 'post',
  path: '/goals/{id}/comments',
  tags,
  summary: 'Comment on a goal (anyone who may see it)',
  request: { params: IdParam, body: jsonBody(CommentCreate) },
  responses: { 201: jsonContent(CommentSchema, 'Created'), ...errorResponses('validation_failed', 'not_found') },
});
const periods = createRoute({
  method: 'get',
  path: '/goal-periods',
  tags,
  summary: 'The organisation’s goal periods, oldest first',
  responses: { 200: jsonContent(page(PeriodSchema)) },
});
const createPeriod = createRoute({
  method: 'post',
  path: '/goal-periods',
  tags,
  summary: 'Add a goal period (HR admins)',
  request: { body: jsonBody(PeriodCreate) },
  responses: { 201: jsonContent(PeriodSchema, 'Created'), ...errorResponses('validation_failed', 'not_found', 'conflict') },
});
const defaults = createRoute({
  method: 'post',
  path: '/goal-periods/defaults',
  tags,
  summary: 'Add the current and next quarter and the current year where missing (HR admins)',
  responses: { 200: jsonContent(page(PeriodSchema)), ...errorResponses('not_found') },
});
const close = createRoute({
  method: 'post',
  path: '/goal-periods/{id}/close',
  tags,
  summary: 'Close a period: no more check-ins; open goals end done (100 %) or missed (HR admins)',
  request: { params: IdParam },
  responses: { 200: jsonContent(PeriodSchema), ...errorResponses('not_found', 'conflict') },
});

/** Goals and OKRs: goals with key results, periods, comments and the alignment tree. */
export const goalCrudRoutes = createRouter()
  .openapi(list, async (c) => c.json(await service.listGoals(c.var.ctx, requireActor(c), c.req.valid('query')), 200))
  .openapi(tree, async (c) => c.json(await service.goalTree(c.var.ctx, requireActor(c), c.req.valid('query')), 200))
  .openapi(create, async (c) => c.json(await service.createGoal(c.var.ctx, requireActor(c), c.req.valid('json'), c.var.requestId), 201))
  .openapi(read, async (c) => c.json(await service.getGoal(c.var.ctx, requireActor(c), c.req.valid('param').id), 200))
  .openapi(update, async (c) =>
    c.json(await service.updateGoal(c.var.ctx, requireActor(c), c.req.valid('param').id, c.req.valid('json'), c.var.requestId), 200),
  )
  .openapi(remove, async (c) => {
    await service.deleteGoal(c.var.ctx, requireActor(c), c.req.valid('param').id, c.var.requestId);
    return c.body(null, 204);
  })
  .openapi(comments, async (c) => {
    const q = c.req.valid('query');
    return c.json(await service.listComments(c.var.ctx, requireActor(c), c.req.valid('param').id, q.limit ?? 100, q.cursor), 200);
  })
  .openapi(comment, async (c) =>
    c.json(await service.addComment(c.var.ctx, requireActor(c), c.req.valid('param').id, c.req.valid('json'), c.var.requestId), 201),
  )
  .openapi(periods, async (c) => c.json(await service.listPeriods(c.var.ctx, requireActor(c)), 200))
  .openapi(createPeriod, async (c) => c.json(await service.createPeriod(c.var.ctx, requireActor(c), c.req.valid('json'), c.var.requestId), 201))
  .openapi(defaults, async (c) => c.json(await service.createDefaultPeriods(c.var.ctx, requireActor(c), c.var.requestId), 200))
  .openapi(close, async (c) => c.json(await service.closePeriod(c.var.ctx, requireActor(c), c.req.valid('param').id, c.var.requestId), 200));
