import { createRoute } from '@hono/zod-openapi';
import { requireActor } from '../../../platform/http/actor.ts';
import { errorResponses, IdParam, jsonBody, jsonContent, page } from '../../../platform/http/openapi.ts';
import { createRouter } from '../../../platform/http/router.ts';
import { PlanItemCreate, PlanItemSchema, PlanItemUpdate } from './development-plans.schemas.ts';
import * as service from './development-plans.service.ts';

const tags = ['Development plans'];

const getPlan = createRoute({
  method: 'get',
  path: '/people/{id}/development-plan',
  tags,
  summary: "A person's development plan: in progress, planned, done, dropped, each by due date",
  request: { params: IdParam },
  responses: { 200: jsonContent(page(PlanItemSchema)), ...errorResponses('not_found') },
});
const add = createRoute({
  method: 'post',
  path: '/people/{id}/development-plan',
  tags,
  summary: 'Add a plan item; a course or program item enrols the person (after approval when they asked for it)',
  request: { params: IdParam, body: jsonBody(PlanItemCreate) },
  responses: { 201: jsonContent(PlanItemSchema, 'Created'), ...errorResponses('validation_failed', 'not_found') },
});
const update = createRoute({
  method: 'patch',
  path: '/development-plan-items/{id}',
  tags,
  summary: "Change a plan item's status, due date, title or description",
  request: { params: IdParam, body: jsonBody(PlanItemUpdate) },
  responses: { 200: jsonContent(PlanItemSchema), ...errorResponses('validation_failed', 'not_found') },
});
const approve = createRoute({
  method: 'post',
  path: '/development-plan-items/{id}/approve',
  tags,
  summary: "Approve a pending item (the person's manager chain or HR); a course or program item enrols",
  request: { params: IdParam },
  responses: { 200: jsonContent(PlanItemSchema), ...errorResponses('not_found', 'conflict') },
});
const decline = createRoute({
  method: 'post',
  path: '/development-plan-items/{id}/decline',
  tags,
  summary: "Decline a pending item (the person's manager chain or HR)",
  request: { params: IdParam },
  responses: { 200: jsonContent(PlanItemSchema), ...errorResponses('not_found', 'conflict') },
});
const remove = createRoute({
  method: 'delete',
  path: '/development-plan-items/{id}',
  tags,
  summary: 'Remove a plan item (an enrolment it made stays)',
  request: { params: IdParam },
  responses: { 204: { description: 'Deleted' }, ...errorResponses('not_found') },
});

/** Development plans: what a person will do to grow, linked to skills, aspirations and learning. */
export const developmentPlanRoutes = createRouter()
  .openapi(getPlan, async (c) => c.json(await service.getPlan(c.var.ctx, requireActor(c), c.req.valid('param').id), 200))
  .openapi(add, async (c) =>
    c.json(await service.addPlanItem(c.var.ctx, requireActor(c), c.req.valid('param').id, c.req.valid('json'), c.var.requestId), 201),
  )
  .openapi(update, async (c) =>
    c.json(await service.updatePlanItem(c.var.ctx, requireActor(c), c.req.valid('param').id, c.req.valid('json'), c.var.requestId), 200),
  )
  .openapi(approve, async (c) =>
    c.json(await service.decidePlanItem(c.var.ctx, requireActor(c), c.req.valid('param').id, 'approved', c.var.requestId), 200),
  )
  .openapi(decline, async (c) =>
    c.json(await service.decidePlanItem(c.var.ctx, requireActor(c), c.req.valid('param').id, 'declined', c.var.requestId), 200),
  )
  .openapi(remove, async (c) => {
    await service.deletePlanItem(c.var.ctx, requireActor(c), c.req.valid('param').id, c.var.requestId);
    return c.body(null, 204);
  });
