import { createRoute } from '@hono/zod-openapi';
import { requireActor } from '../../../platform/http/actor.ts';
import { errorResponses, IdParam, jsonBody, jsonContent, page } from '../../../platform/http/openapi.ts';
import { createRouter } from '../../../platform/http/router.ts';
import {
  AssignLearningBody,
  AssignLearningResult,
  HurdleCreate,
  HurdleSchema,
  HurdlesQuery,
  HurdleUpdate,
  PersonHurdlesQuery,
} from './hurdles.schemas.ts';
import * as service from './hurdles.service.ts';

const tags = ['Hurdles'];

const list = createRoute({
  method: 'get',
  path: '/hurdles',
  tags,
  summary: "My hurdles, or (scope=team) those of everyone below me in the reporting chain, newest first",
  request: { query: HurdlesQuery },
  responses: { 200: jsonContent(page(HurdleSchema)), ...errorResponses('validation_failed') },
});
const ofPerson = createRoute({
  method: 'get',
  path: '/people/{id}/hurdles',
  tags,
  summary: "A person's hurdles (the person, their manager chain, HR admins)",
  request: { params: IdParam, query: PersonHurdlesQuery },
  responses: { 200: jsonContent(page(HurdleSchema)), ...errorResponses('validation_failed', 'not_found') },
});
const create = createRoute({
  method: 'post',
  path: '/hurdles',
  tags,
  summary: 'Raise a hurdle: your own, or one of a report (HR admins: anyone)',
  request: { body: jsonBody(HurdleCreate) },
  responses: { 201: jsonContent(HurdleSchema, 'Created'), ...errorResponses('validation_failed', 'not_found') },
});
const get = createRoute({
  method: 'get',
  path: '/hurdles/{id}',
  tags,
  summary: 'A hurdle',
  request: { params: IdParam },
  responses: { 200: jsonContent(HurdleSchema), ...errorResponses('not_found') },
});
const update = createRoute({
  method: 'patch',
  path: '/hurdles/{id}',
  tags,
  summary: 'Change a hurdle: status (resolving stamps resolvedAt), resolution, category, description, linked goal',
  request: { params: IdParam, body: jsonBody(HurdleUpdate) },
  responses: { 200: jsonContent(HurdleSchema), ...errorResponses('validation_failed', 'not_found') },
});
const remove = createRoute({
  method: 'delete',
  path: '/hurdles/{id}',
  tags,
  summary: 'Delete a hurdle',
  request: { params: IdParam },
  responses: { 204: { description: 'Deleted' }, ...errorResponses('not_found') },
});
const assignLearning = createRoute({
  method: 'post',
  path: '/hurdles/{id}/assign-learning',
  tags,
  summary: "Assign a course or program to the hurdle's person, with reason `hurdle` linked to it",
  request: { params: IdParam, body: jsonBody(AssignLearningBody) },
  responses: { 201: jsonContent(AssignLearningResult, 'Enrolled'), ...errorResponses('validation_failed', 'not_found', 'conflict', 'unprocessable') },
});

/** Hurdles: what is in the way of a goal or of applying what was learned, and the learning that answers it. */
export const hurdleRoutes = createRouter()
  .openapi(list, async (c) => c.json(await service.listHurdles(c.var.ctx, requireActor(c), c.req.valid('query')), 200))
  .openapi(ofPerson, async (c) => c.json(await service.listOfPerson(c.var.ctx, requireActor(c), c.req.valid('param').id, c.req.valid('query')), 200))
  .openapi(create, async (c) => c.json(await service.createHurdle(c.var.ctx, requireActor(c), c.req.valid('json'), c.var.requestId), 201))
  .openapi(get, async (c) => c.json(await service.getHurdle(c.var.ctx, requireActor(c), c.req.valid('param').id), 200))
  .openapi(update, async (c) => c.json(await service.updateHurdle(c.var.ctx, requireActor(c), c.req.valid('param').id, c.req.valid('json'), c.var.requestId), 200))
  .openapi(remove, async (c) => {
    await service.deleteHurdle(c.var.ctx, requireActor(c), c.req.valid('param').id, c.var.requestId);
    return c.body(null, 204);
  })
  .openapi(assignLearning, async (c) =>
    c.json(await service.assignLearning(c.var.ctx, requireActor(c), c.req.valid('param').id, c.req.valid('json'), c.var.requestId), 201),
  );
