import { createRoute } from '@hono/zod-openapi';
import { requireActor } from '../../../platform/http/actor.ts';
import { errorResponses, IdParam, jsonBody, jsonContent, page } from '../../../platform/http/openapi.ts';
import { createRouter } from '../../../platform/http/router.ts';
import { TemplateCreate, TemplateSchema, TemplatesQuery, TemplateUpdate } from './templates.schemas.ts';
import * as service from './templates.service.ts';

const tags = ['Review templates'];

const list = createRoute({
  method: 'get',
  path: '/review-templates',
  tags,
  summary: 'Review templates, searchable by name (HR admins)',
  request: { query: TemplatesQuery },
  responses: { 200: jsonContent(page(TemplateSchema)), ...errorResponses('validation_failed', 'not_found') },
});
const show = createRoute({
  method: 'get',
  path: '/review-templates/{id}',
  tags,
  summary: 'One review template (HR admins)',
  request: { params: IdParam },
  responses: { 200: jsonContent(TemplateSchema), ...errorResponses('not_found') },
});
const create = createRoute({
  method: 'post',
  path: '/review-templates',
  tags,
  summary: 'Build a review template: a rating scale, sections of questions and the final-score formula (HR admins)',
  request: { body: jsonBody(TemplateCreate) },
  responses: { 201: jsonContent(TemplateSchema, 'Created'), ...errorResponses('validation_failed', 'not_found', 'conflict') },
});
const update = createRoute({
  method: 'patch',
  path: '/review-templates/{id}',
  tags,
  summary: 'Change, archive or restore a template; launched cycles keep the version they launched with (HR admins)',
  request: { params: IdParam, body: jsonBody(TemplateUpdate) },
  responses: { 200: jsonContent(TemplateSchema), ...errorResponses('validation_failed', 'not_found', 'conflict') },
});

export const templateRoutes = createRouter()
  .openapi(list, async (c) => c.json(await service.listTemplates(c.var.ctx, requireActor(c), c.req.valid('query')), 200))
  .openapi(show, async (c) => c.json(await service.getTemplate(c.var.ctx, requireActor(c), c.req.valid('param').id), 200))
  .openapi(create, async (c) => c.json(await service.createTemplate(c.var.ctx, requireActor(c), c.req.valid('json'), c.var.requestId), 201))
  .openapi(update, async (c) =>
    c.json(await service.updateTemplate(c.var.ctx, requireActor(c), c.req.valid('param').id, c.req.valid('json'), c.var.requestId), 200),
  );
