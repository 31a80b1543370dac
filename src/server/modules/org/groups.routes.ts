import { createRoute } from '@hono/zod-openapi';
import { errorResponses, IdParam, jsonBody, jsonContent, page, PageQuery } from '../../platform/http/openapi.ts';
import { requireActor } from '../../platform/http/actor.ts';
import { createRouter } from '../../platform/http/router.ts';
import { z } from '@hono/zod-openapi';
import {
  GroupCreate,
  GroupSchema,
  GroupsQuery,
  GroupUpdate,
  MemberParams,
  MembersAdd,
  PreviewBody,
  PreviewSchema,
} from './groups.schemas.ts';
import * as service from './groups.service.ts';
import { PersonSchema } from './org.schemas.ts';

const tags = ['Groups'];

const list = createRoute({
  method: 'get',
  path: '/groups',
  tags,
  summary: 'Groups with member counts (HR and learning admins)',
  request: { query: GroupsQuery },
  responses: { 200: jsonContent(page(GroupSchema)), ...errorResponses('validation_failed', 'not_found') },
});

const preview = createRoute({
  method: 'post',
  path: '/groups/preview',
  tags,
  summary: 'Who a smart group rule matches now: count and up to 10 people',
  request: { body: jsonBody(PreviewBody) },
  responses: { 200: jsonContent(PreviewSchema), ...errorResponses('validation_failed', 'not_found') },
});

const create = createRoute({
  method: 'post',
  path: '/groups',
  tags,
  summary: 'Create a static or smart group (HR admin)',
  request: { body: jsonBody(GroupCreate) },
  responses: { 201: jsonContent(GroupSchema, 'Created'), ...errorResponses('validation_failed', 'not_found', 'conflict') },
});

const get = createRoute({
  method: 'get',
  path: '/groups/{id}',
  tags,
  summary: 'One group',
  request: { params: IdParam },
  responses: { 200: jsonContent(GroupSchema), ...errorResponses('not_found') },
});

const update = createRoute({
  method: 'patch',
  path: '/groups/{id}',
  tags,
  summary: 'Rename, describe or change the rule of a group (HR admin)',
  request: { params: IdParam, body: jsonBody(GroupUpdate) },
  responses: { 200: jsonContent(GroupSchema), ...errorResponses('validation_failed', 'not_found', 'conflict') },
});

const remove = createRoute({
  method: 'delete',
  path: '/groups/{id}',
  tags,
  summary: 'Delete a group (HR admin)',
  request: { params: IdParam },
  responses: { 204: { description: 'Deleted' }, ...errorResponses('not_found') },
});

const members = createRoute({
  method: 'get',
  path: '/groups/{id}/members',
  tags,
  summary: 'Active members of a group, by name',
  request: { params: IdParam, query: z.object(PageQuery) },
  responses: { 200: jsonContent(page(PersonSchema)), ...errorResponses('validation_failed', 'not_found') },
});

const addMembers = createRoute({
  method: 'post',
  path: '/groups/{id}/members',
  tags,
  summary: 'Add people to a static group (HR admin)',
  request: { params: IdParam, body: jsonBody(MembersAdd) },
  responses: {
    200: jsonContent(GroupSchema),
    ...errorResponses('validation_failed', 'not_found', 'conflict', 'unprocessable'),
  },
});

const removeMember = createRoute({
  method: 'delete',
  path: '/groups/{id}/members/{personId}',
  tags,
  summary: 'Remove a person from a static group (HR admin)',
  request: { params: MemberParams },
  responses: { 204: { description: 'Removed' }, ...errorResponses('not_found', 'conflict') },
});

export const groupRoutes = createRouter()
  .openapi(list, async (c) => c.json(await service.listGroups(c.var.ctx, requireActor(c), c.req.valid('query')), 200))
  .openapi(preview, async (c) =>
    c.json(await service.previewRule(c.var.ctx, requireActor(c), c.req.valid('json').rule), 200),
  )
  .openapi(create, async (c) =>
    c.json(await service.createGroup(c.var.ctx, requireActor(c), c.req.valid('json'), c.var.requestId), 201),
  )
  .openapi(get, async (c) => c.json(await service.getGroup(c.var.ctx, requireActor(c), c.req.valid('param').id), 200))
  .openapi(update, async (c) =>
    c.json(
      await service.updateGroup(c.var.ctx, requireActor(c), c.req.valid('param').id, c.req.valid('json'), c.var.requestId),
      200,
    ),
  )
  .openapi(remove, async (c) => {
    await service.deleteGroup(c.var.ctx, requireActor(c), c.req.valid('param').id, c.var.requestId);
    return c.body(null, 204);
  })
  .openapi(members, async (c) =>
    c.json(await service.listMembers(c.var.ctx, requireActor(c), c.req.valid('param').id, c.req.valid('query')), 200),
  )
  .openapi(addMembers, async (c) =>
    c.json(
      await service.addMembers(c.var.ctx, requireActor(c), c.req.valid('param').id, c.req.valid('json').personIds, c.var.requestId),
      200,
    ),
  )
  .openapi(removeMember, async (c) => {
    const { id, personId } = c.req.valid('param');
    await service.removeMember(c.var.ctx, requireActor(c), id, personId, c.var.requestId);
    return c.body(null, 204);
  });
