import { createRoute, z } from '@hono/zod-openapi';
import { apiTokenScopes } from '../../db/schema/identity.ts';
import { requireActor } from '../../platform/http/actor.ts';
import { errorResponses, IdParam, jsonBody, jsonContent } from '../../platform/http/openapi.ts';
import { createRouter } from '../../platform/http/router.ts';
import { createToken, listTokens, revokeToken } from './tokens.service.ts';

const Token = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string(),
    scopes: z.array(z.enum(apiTokenScopes)),
    expiresAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
    createdAt: z.string(),
    revokedAt: z.string().nullable(),
  })
  .openapi('ApiToken');

const r = {
  list: createRoute({
    method: 'get',
    path: '/api-tokens',
    tags: ['API tokens'],
    summary: 'My API tokens (never their secrets)',
    responses: { 200: jsonContent(z.object({ data: z.array(Token) })), ...errorResponses() },
  }),
  create: createRoute({
    method: 'post',
    path: '/api-tokens',
    tags: ['API tokens'],
    summary: 'Create an API token for myself; the secret is in this answer only',
    request: {
      body: jsonBody(
        z
          .strictObject({
            name: z.string().trim().min(1, 'Give the token a name').max(100),
            scopes: z.array(z.enum(apiTokenScopes)).min(1, 'Choose at least one scope'),
            expiresInDays: z.number().int().min(1).max(365).nullable().optional(),
          })
          .openapi('ApiTokenCreate'),
      ),
    },
    responses: { 201: jsonContent(Token.extend({ token: z.string() }), 'Created'), ...errorResponses('validation_failed', 'forbidden') },
  }),
  revoke: createRoute({
    method: 'delete',
    path: '/api-tokens/{id}',
    tags: ['API tokens'],
    summary: 'Revoke one of my API tokens',
    request: { params: IdParam },
    responses: { 204: { description: 'Revoked' }, ...errorResponses('not_found') },
  }),
};

export const tokenRoutes = createRouter()
  .openapi(r.list, async (c) => c.json(await listTokens(c.var.ctx, requireActor(c)), 200))
  .openapi(r.create, async (c) => c.json(await createToken(c.var.ctx, requireActor(c), c.req.valid('json'), c.var.requestId), 201))
  .openapi(r.revoke, async (c) => {
    await revokeToken(c.var.ctx, requireActor(c), c.req.valid('param').id, c.var.requestId);
    return c.body(null, 204);
  });
