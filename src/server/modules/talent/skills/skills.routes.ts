import { createRoute } from '@hono/zod-openapi';
import { requireActor } from '../../../platform/http/actor.ts';
import { errorResponses, IdParam, jsonBody, jsonContent, page } from '../../../platform/http/openapi.ts';
import { createRouter } from '../../../platform/http/router.ts';
import { SkillCreate, SkillSchema, SkillsQuery, SkillUpdate } from './skills.schemas.ts';
import * as service from './skills.service.ts';

const tags = ['Skills'];

const list = createRoute({
  method: 'get',
  path: '/skills',
  tags,
  summary: 'Skills of the framework, by name',
  request: { query: SkillsQuery },
  responses: { 200: jsonContent(page(SkillSchema)), ...errorResponses('validation_failed') },
});
const create = createRoute({
  method: 'post',
  path: '/skills',
  tags,
  summary: 'Add a skill with level descriptors (HR or learning admins)',
  request: { body: jsonBody(SkillCreate) },
  responses: { 201: jsonContent(SkillSchema, 'Created'), ...errorResponses('validation_failed', 'not_found', 'conflict') },
});
const get = createRoute({
  method: 'get',
  path: '/skills/{id}',
  tags,
  summary: 'One skill',
  request: { params: IdParam },
  responses: { 200: jsonContent(SkillSchema), ...errorResponses('not_found') },
});
const update = createRoute({
  method: 'patch',
  path: '/skills/{id}',
  tags,
  summary: 'Change a skill (HR or learning admins)',
  request: { params: IdParam, body: jsonBody(SkillUpdate) },
  responses: { 200: jsonContent(SkillSchema), ...errorResponses('validation_failed', 'not_found', 'conflict') },
});
const remove = createRoute({
  method: 'delete',
  path: '/skills/{id}',
  tags,
  summary: 'Delete a skill; courses stop listing it (HR or learning admins)',
  request: { params: IdParam },
  responses: { 204: { description: 'Deleted' }, ...errorResponses('not_found') },
});

/** The skills framework: skills with level descriptors. */
export const skillRoutes = createRouter()
  .openapi(list, async (c) => c.json(await service.listSkills(c.var.ctx, requireActor(c), c.req.valid('query')), 200))
  .openapi(create, async (c) => c.json(await service.createSkill(c.var.ctx, requireActor(c), c.req.valid('json'), c.var.requestId), 201))
  .openapi(get, async (c) => c.json(await service.getSkill(c.var.ctx, requireActor(c), c.req.valid('param').id), 200))
  .openapi(update, async (c) =>
    c.json(await service.updateSkill(c.var.ctx, requireActor(c), c.req.valid('param').id, c.req.valid('json'), c.var.requestId), 200),
  )
  .openapi(remove, async (c) => {
    await service.deleteSkill(c.var.ctx, requireActor(c), c.req.valid('param').id, c.var.requestId);
    return c.body(null, 204);
  });
