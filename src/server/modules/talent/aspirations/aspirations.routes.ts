import { createRoute } from '@hono/zod-openapi';
import { requireActor } from '../../../platform/http/actor.ts';
import { errorResponses, IdParam, jsonBody, jsonContent, page } from '../../../platform/http/openapi.ts';
import { createRouter } from '../../../platform/http/router.ts';
import { AspirationCreate, AspirationSchema, AspirationUpdate } from './aspirations.schemas.ts';
import * as service from './aspirations.service.ts';

const tags = ['Aspirations'];

const list = createRoute({
  method: 'get',
  path: '/people/{id}/aspirations',
  tags,
  summary: "A person's aspirations (the person, their manager chain, HR admins)",
  request: { params: IdParam },
  responses: { 200: jsonContent(page(AspirationSchema)), ...errorResponses('not_found') },
});
const create = createRoute({
  method: 'post',
  path: '/people/{id}/aspirations',
  tags,
  summary: 'Add an aspiration: a target job profile or a description',
  request: { params: IdParam, body: jsonBody(AspirationCreate) },
  responses: { 201: jsonContent(AspirationSchema, 'Created'), ...errorResponses('validation_failed', 'not_found') },
});
const update = createRoute({
  method: 'patch',
  path: '/aspirations/{id}',
  tags,
  summary: 'Change an aspiration',
  request: { params: IdParam, body: jsonBody(AspirationUpdate) },
  responses: { 200: jsonContent(AspirationSchema), ...errorResponses('validation_failed', 'not_found') },
});
const remove = createRoute({
  method: 'delete',
  path: '/aspirations/{id}',
  tags,
  summary: 'Remove an aspiration',
  request: { params: IdParam },
  responses: { 204: { description: 'Deleted' }, ...errorResponses('not_found') },
});


/** Where people want to go: a job profile or their own words, with time frame, mobility and interests. */
export const aspirationRoutes = createRouter()
  .openapi(list, async (c) => c.json(await service.listAspirations(c.var.ctx, requireActor(c), c.req.valid('param').id), 200))
  .openapi(create, async (c) =>
    c.json(await service.createAspiration(c.var.ctx, requireActor(c), c.req.valid('param').id, c.req.valid('json'), c.var.requestId), 201),
  )
  .openapi(update, async (c) =>
    c.json(await service.updateAspiration(c.var.ctx, requireActor(c), c.req.valid('param').id, c.req.valid('json'), c.var.requestId), 200),
  )
  .openapi(remove, async (c) => {
    await service.deleteAspiration(c.var.ctx, requireActor(c), c.req.valid('param').id, c.var.requestId);
    return c.body(null, 204);
  });
