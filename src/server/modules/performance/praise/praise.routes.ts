import { createRoute, z } from '@hono/zod-openapi';
import { requireActor } from '../../../platform/http/actor.ts';
import { errorResponses, IdParam, jsonBody, jsonContent, page, PageQuery } from '../../../platform/http/openapi.ts';
import { createRouter } from '../../../platform/http/router.ts';
import {
  CommentBody, CompanyValueCreate, CompanyValueSchema, CompanyValuesQuery, CompanyValueUpdate,
  PraiseCreate, PraiseDetailSchema, PraiseFeedQuery, PraiseSchema, ReactionBody,
} from './praise.schemas.ts';
import * as service from './praise.service.ts';

const valueTags = ['Company values'];
const tags = ['Praise'];

const listValues = createRoute({
  method: 'get',
  path: '/company-values',
  tags: valueTags,
  summary: 'The company values praise and feedback are tied to (archived ones for HR admins on request)',
  request: { query: CompanyValuesQuery },
  responses: { 200: jsonContent(page(CompanyValueSchema)), ...errorResponses('validation_failed') },
});
const createValue = createRoute({
  method: 'post',
  path: '/company-values',
  tags: valueTags,
  summary: 'Add a company value (HR admins)',
  request: { body: jsonBody(CompanyValueCreate) },
  responses: { 201: jsonContent(CompanyValueSchema, 'Created'), ...errorResponses('validation_failed', 'not_found', 'conflict') },
});
const updateValue = createRoute({
  method: 'patch',
  path: '/company-values/{id}',
  tags: valueTags,
  summary: 'Rename, reorder, archive or restore a company value (HR admins)',
  request: { params: IdParam, body: jsonBody(CompanyValueUpdate) },
  responses: { 200: jsonContent(CompanyValueSchema), ...errorResponses('validation_failed', 'not_found', 'conflict') },
});
const removeValue = createRoute({
  method: 'delete',
  path: '/company-values/{id}',
  tags: valueTags,
  summary: 'Delete a company value nothing names yet; one in use is archived instead (HR admins)',
  request: { params: IdParam },
  responses: {
    200: jsonContent(z.object({ deleted: z.boolean(), value: CompanyValueSchema.nullable() }), 'Deleted, or archived when in use'),
    ...errorResponses('not_found'),
  },
});

const feed = createRoute({
  method: 'get',
  path: '/praise',
  tags,
  summary: 'The public praise feed of the organisation, newest first',
  request: { query: PraiseFeedQuery },
  responses: { 200: jsonContent(page(PraiseSchema)), ...errorResponses('validation_failed') },
});
const give = createRoute({
  method: 'post',
  path: '/praise',
  tags,
  summary: 'Praise one or more people, in public or privately; the recipients are notified',
  request: { body: jsonBody(PraiseCreate) },
  responses: { 201: jsonContent(PraiseSchema, 'Created'), ...errorResponses('validation_failed') },
});
const show = createRoute({
  method: 'get',
  path: '/praise/{id}',
  tags,
  summary: 'One praise with its comments (private praise: its giver and recipients only)',
  request: { params: IdParam },
  responses: { 200: jsonContent(PraiseDetailSchema), ...errorResponses('not_found') },
});
const remove = createRoute({
  method: 'delete',
  path: '/praise/{id}',
  tags,
  summary: 'Take back praise one gave',
  request: { params: IdParam },
  responses: { 204: { description: 'Deleted' }, ...errorResponses('not_found') },
});
const react = createRoute({
  method: 'post',
  path: '/praise/{id}/reactions',
  tags,
  summary: 'Toggle a reaction: adds the emoji, or takes it back when it was mine',
  request: { params: IdParam, body: jsonBody(ReactionBody) },
  responses: { 200: jsonContent(PraiseDetailSchema), ...errorResponses('validation_failed', 'not_found') },
});
const comment = createRoute({
  method: 'post',
  path: '/praise/{id}/comments',
  tags,
  summary: 'Comment on praise',
  request: { params: IdParam, body: jsonBody(CommentBody) },
  responses: { 201: jsonContent(PraiseDetailSchema, 'Created'), ...errorResponses('validation_failed', 'not_found') },
});
const uncomment = createRoute({
  method: 'delete',
  path: '/praise/{id}/comments/{commentId}',
  tags,
  summary: 'Remove one of my comments',
  request: { params: IdParam.extend({ commentId: z.uuid().openapi({ param: { name: 'commentId', in: 'path' } }) }) },
  responses: { 204: { description: 'Deleted' }, ...errorResponses('not_found') },
});
const received = createRoute({
  method: 'get',
  path: '/people/{id}/praise',
  tags,
  summary: 'Praise a person received: the public praise, and private praise the viewer is part of',
  request: { params: IdParam, query: z.object({ ...PageQuery }) },
  responses: { 200: jsonContent(page(PraiseSchema)), ...errorResponses('validation_failed', 'not_found') },
});

/** Company values, and praise: the public feed, private praise, reactions and comments. */
export const praiseRoutesList = createRouter()
  .openapi(listValues, async (c) => c.json(await service.listCompanyValues(c.var.ctx, requireActor(c), c.req.valid('query').includeArchived === 'true'), 200))
  .openapi(createValue, async (c) => c.json(await service.createCompanyValue(c.var.ctx, requireActor(c), c.req.valid('json'), c.var.requestId), 201))
  .openapi(updateValue, async (c) =>
    c.json(await service.updateCompanyValue(c.var.ctx, requireActor(c), c.req.valid('param').id, c.req.valid('json'), c.var.requestId), 200),
  )
  .openapi(removeValue, async (c) => c.json(await service.removeCompanyValue(c.var.ctx, requireActor(c), c.req.valid('param').id, c.var.requestId), 200))
  .openapi(feed, async (c) => c.json(await service.praiseFeed(c.var.ctx, requireActor(c), c.req.valid('query')), 200))
  .openapi(give, async (c) => c.json(await service.givePraise(c.var.ctx, requireActor(c), c.req.valid('json'), c.var.requestId), 201))
  .openapi(show, async (c) => c.json(await service.getPraise(c.var.ctx, requireActor(c), c.req.valid('param').id), 200))
  .openapi(remove, async (c) => {
    await service.deletePraise(c.var.ctx, requireActor(c), c.req.valid('param').id, c.var.requestId);
    return c.body(null, 204);
  })
  .openapi(react, async (c) =>
    c.json(await service.toggleReaction(c.var.ctx, requireActor(c), c.req.valid('param').id, c.req.valid('json').emoji, c.var.requestId), 200),
  )
  .openapi(comment, async (c) =>
    c.json(await service.addComment(c.var.ctx, requireActor(c), c.req.valid('param').id, c.req.valid('json'), c.var.requestId), 201),
  )
  .openapi(uncomment, async (c) => {
    const p = c.req.valid('param');
    await service.deleteComment(c.var.ctx, requireActor(c), p.id, p.commentId, c.var.requestId);
    return c.body(null, 204);
  })
  .openapi(received, async (c) =>
    c.json(await service.praiseOfPerson(c.var.ctx, requireActor(c), c.req.valid('param').id, c.req.valid('query')), 200),
  );
