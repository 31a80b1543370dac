import { createRoute } from '@hono/zod-openapi';
import { requireActor } from '../../../platform/http/actor.ts';
import { errorResponses, IdParam, jsonBody, jsonContent, page } from '../../../platform/http/openapi.ts';
import { createRouter } from '../../../platform/http/router.ts';
import { AssignLearning, AssignLearningResult, AssignResult, AssignTemplate, TemplateCreate, TemplateSchema, TemplateUpdate } from './templates.schemas.ts';
import * as service from './templates.service.ts';

const tags = ['Goal templates'];

const list = createRoute({
  method: 'get',
  path: '/goal-templates',
  tags,
  summary: 'Goal templates (HR admins and managers)',
  responses: { 200: jsonContent(page(TemplateSchema)), ...errorResponses('not_found') },
});
const create = createRoute({
  method: 'post',
  path: '/goal-templates',
  tags,
  summary: 'Add a goal template (HR admins)',
  request: { body: jsonBody(TemplateCreate) },
  responses: { 201: jsonContent(TemplateSchema, 'Created'), ...errorResponses('validation_failed', 'not_found', 'conflict') },
});
const update = createRoute({
  method: 'patch',
  path: '/goal-templates/{id}',
  tags,
  summary: 'Change or archive a goal template (HR admins)',
  request: { params: IdParam, body: jsonBody(TemplateUpdate) },
  responses: { 200: jsonContent(TemplateSchema), ...errorResponses('validation_failed', 'not_found', 'conflict') },
});
const assign = createRoute({
  method: 'post',
  path: '/goal-templates/{id}/assign',
  tags,
  summary: 'Give people, a group or a department each their own goal from the template (one transaction)',
  description: 'HR admins assign to anyone, groups and departments (with sub-departments); managers to people below them.',
  request: { params: IdParam, body: jsonBody(AssignTemplate) },
  responses: { 200: jsonContent(AssignResult), ...errorResponses('validation_failed', 'not_found', 'conflict', 'unprocessable') },
});
const learning = createRoute({
  method: 'post',
  path: '/goals/{id}/assign-learning',
  tags: ['Goals'],
  summary: 'Assign a course or program because of this goal (reason goal, with its progress as baseline)',
  request: { params: IdParam, body: jsonBody(AssignLearning) },
  responses: { 200: jsonContent(AssignLearningResult), ...errorResponses('validation_failed', 'not_found') },
});

export const templateRoutes = createRouter()
  .openapi(list, async (c) => c.json(await service.listTemplates(c.var.ctx, requireActor(c)), 200))
  .openapi(create, async (c) => c.json(await service.createTemplate(c.var.ctx, requireActor(c), c.req.valid('json'), c.var.requestId), 201))
  .openapi(update, async (c) =>
    c.json(await service.updateTemplate(c.var.ctx, requireActor(c), c.req.valid('param').id, c.req.valid('json'), c.var.requestId), 200),
  )
  .openapi(assign, async (c) =>
    c.json(await service.assignTemplate(c.var.ctx, requireActor(c), c.req.valid('param').id, c.req.valid('json'), c.var.requestId), 200),
  )
  .openapi(learning, async (c) =>
    c.json(await service.assignLearning(c.var.ctx, requireActor(c), c.req.valid('param').id, c.req.valid('json'), c.var.requestId), 200),
  );
