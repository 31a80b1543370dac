import { createRoute } from '@hono/zod-openapi';
import { requireActor } from '../../../platform/http/actor.ts';
import { errorResponses, IdParam, jsonBody, jsonContent, page } from '../../../platform/http/openapi.ts';
import { createRouter } from '../../../platform/http/router.ts';
import { SkillCreate, SkillMerge, SkillMergeResult, SkillRescale, SkillRescalePlan, SkillSchema, SkillsQuery, SkillUpdate } from './skills.schemas.ts';
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
  summary: 'Delete a skill nobody is assessed on and no profile expects; courses stop listing it (HR or learning admins)',
  request: { params: IdParam },
  responses: { 204: { description: 'Deleted' }, ...errorResponses('not_found', 'conflict') },
});
const archive = createRoute({
  method: 'post',
  path: '/skills/{id}/archive',
  tags,
  summary: 'Archive a skill: kept on records that have it, offered for nothing new (HR or learning admins)',
  request: { params: IdParam },
  responses: { 200: jsonContent(SkillSchema), ...errorResponses('not_found') },
});
const unarchive = createRoute({
  method: 'post',
  path: '/skills/{id}/unarchive',
  tags,
  summary: 'Bring an archived skill back (HR or learning admins)',
  request: { params: IdParam },
  responses: { 200: jsonContent(SkillSchema), ...errorResponses('not_found') },
});
const merge = createRoute({
  method: 'post',
  path: '/skills/{id}/merge',
  tags,
  summary: 'Merge a duplicate into another skill: its courses, expectations, assessments and plan items follow (HR or learning admins)',
  request: { params: IdParam, body: jsonBody(SkillMerge) },
  responses: { 200: jsonContent(SkillMergeResult), ...errorResponses('validation_failed', 'not_found') },
});
const rescale = createRoute({
  method: 'post',
  path: '/skills/{id}/rescale',
  tags,
  summary: 'Change the scale, mapping each recorded level onto it; without apply, only the plan (HR or learning admins)',
  request: { params: IdParam, body: jsonBody(SkillRescale) },
  responses: { 200: jsonContent(SkillRescalePlan), ...errorResponses('validation_failed', 'not_found') },
});

/** The skills framework: skills with level descriptors. */
export const skillRoutes = createRouter()
  .openapi(list, async (c) => c.json(await service.listSkills(c.var.ctx, requireActor(c), c.req.valid('query')), 200))
  .openapi(create, async (c) => c.json(await service.createSkill(c.var.ctx, requireActor(c), c.req.valid('json'), c.var.requestId), 201))
  .openapi(get, async (c) => c.json(await service.getSkill(c.var.ctx, requireActor(c), c.req.valid('param').id), 200))
  .openapi(update, async (c) =>
    c.json(await service.updateSkill(c.var.ctx, requireActor(c), c.req.valid('param').id, c.req.valid('json'), c.var.requestId), 200),
  )
  .openapi(archive, async (c) => c.json(await service.setSkillArchived(c.var.ctx, requireActor(c), c.req.valid('param').id, true, c.var.requestId), 200))
  .openapi(unarchive, async (c) => c.json(await service.setSkillArchived(c.var.ctx, requireActor(c), c.req.valid('param').id, false, c.var.requestId), 200))
  .openapi(merge, async (c) =>
    c.json(await service.mergeSkill(c.var.ctx, requireActor(c), c.req.valid('param').id, c.req.valid('json'), c.var.requestId), 200),
  )
  .openapi(rescale, async (c) =>
    c.json(await service.rescaleSkill(c.var.ctx, requireActor(c), c.req.valid('param').id, c.req.valid('json'), c.var.requestId), 200),
  )
  .openapi(remove, async (c) => {
    await service.deleteSkill(c.var.ctx, requireActor(c), c.req.valid('param').id, c.var.requestId);
    return c.body(null, 204);
  });
