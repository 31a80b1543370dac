import { createRoute } from '@hono/zod-openapi';
import { requireActor } from '../../../platform/http/actor.ts';
import { errorResponses, IdParam, jsonBody, jsonContent } from '../../../platform/http/openapi.ts';
import { createRouter } from '../../../platform/http/router.ts';
import { PlanItemSchema } from '../../talent/index.ts';
import { ReviewAssignLearning, ReviewAssignResult, ReviewPlanItem } from './outcomes.schemas.ts';
import * as service from './outcomes.service.ts';

const tags = ['Reviews'];

const assign = createRoute({
  method: 'post',
  path: '/reviews/{id}/assign-learning',
  tags,
  summary: 'Assign a course or program because of a rating in a shared review (reason review, with the skill’s level as baseline)',
  request: { params: IdParam, body: jsonBody(ReviewAssignLearning) },
  responses: { 200: jsonContent(ReviewAssignResult), ...errorResponses('validation_failed', 'not_found', 'conflict') },
});
const planItem = createRoute({
  method: 'post',
  path: '/reviews/{id}/plan-items',
  tags,
  summary: 'Add a development-plan item because of a rating in a shared review',
  request: { params: IdParam, body: jsonBody(ReviewPlanItem) },
  responses: { 201: jsonContent(PlanItemSchema, 'Created'), ...errorResponses('validation_failed', 'not_found', 'conflict') },
});

export const outcomeRoutes = createRouter()
  .openapi(assign, async (c) => c.json(await service.assignFromReview(c.var.ctx, requireActor(c), c.req.valid('param').id, c.req.valid('json'), c.var.requestId), 200))
  .openapi(planItem, async (c) => c.json(await service.planItemFromReview(c.var.ctx, requireActor(c), c.req.valid('param').id, c.req.valid('json'), c.var.requestId), 201));
