import { createRoute, z } from '@hono/zod-openapi';
import { errorResponses, IdParam, jsonBody, jsonContent } from '../../platform/http/openapi.ts';
import { requireActor } from '../../platform/http/actor.ts';
import { createRouter } from '../../platform/http/router.ts';
import { CustomFieldCreate, CustomFieldSchema, CustomFieldUpdate } from './custom-fields.schemas.ts';
import * as service from './custom-fields.service.ts';

const tags = ['Custom fields'];

const list = createRoute({
  method: 'get',
  path: '/custom-fields',
  tags,
  summary: 'Custom field definitions of the organisation',
  responses: { 200: jsonContent(z.object({ data: z.array(CustomFieldSchema) })) },
});

const create = createRoute({
  method: 'post',
  path: '/custom-fields',
  tags,
  summary: 'Define a custom field (HR admin)',
  request: { body: jsonBody(CustomFieldCreate) },
  responses: { 201: jsonContent(CustomFieldSchema, 'Created'), ...errorResponses('validation_failed', 'not_found', 'conflict') },
});

const update = createRoute({
  method: 'patch',
  path: '/custom-fields/{id}',
  tags,
  summary: 'Change a custom field label or options (HR admin)',
  request: { params: IdParam, body: jsonBody(CustomFieldUpdate) },
  responses: { 200: jsonContent(CustomFieldSchema), ...errorResponses('validation_failed', 'not_found') },
});

const remove = createRoute({
  method: 'delete',
  path: '/custom-fields/{id}',
  tags,
  summary: 'Delete a custom field and its values (HR admin)',
  request: { params: IdParam },
  responses: { 204: { description: 'Deleted' }, ...errorResponses('not_found', 'conflict') },
});

export const customFieldRoutes = createRouter()
  .openapi(list, async (c) => c.json(await service.listCustomFields(c.var.ctx, requireActor(c)), 200))
  .openapi(create, async (c) =>
    c.json(await service.createCustomField(c.var.ctx, requireActor(c), c.req.valid('json'), c.var.requestId), 201),
  )
  .openapi(update, async (c) =>
    c.json(
      await service.updateCustomField(c.var.ctx, requireActor(c), c.req.valid('param').id, c.req.valid('json'), c.var.requestId),
      200,
    ),
  )
  .openapi(remove, async (c) => {
    await service.deleteCustomField(c.var.ctx, requireActor(c), c.req.valid('param').id, c.var.requestId);
    return c.body(null, 204);
  });
