import { createRoute, z } from '@hono/zod-openapi';
import { requireActor } from '../../platform/http/actor.ts';
import { clientIp } from '../../platform/http/client-ip.ts';
import { errorResponses, IdParam, jsonBody, jsonContent } from '../../platform/http/openapi.ts';
import { createRouter } from '../../platform/http/router.ts';
import { accountStatus, completeLink, inspectLink, invite, MIN_PASSWORD_LENGTH, requestPasswordReset, setRoles } from './accounts.service.ts';
import { MeSchema, RoleSchema } from './identity.schemas.ts';
import { sessionStarted } from './session.http.ts';

const TokenParam = z.object({ token: z.string().min(10).max(200).openapi({ param: { name: 'token', in: 'path' } }) });

const r = {
  reset: createRoute({
    method: 'post',
    path: '/auth/password-reset',
    tags: ['Auth'],
    summary:
      'Email a password reset link, one per organisation the email signs in to (answers 202 whether or not an account exists; throttled per address and, silently, per email). A completed reset ends sessions and revokes API tokens',
    request: { body: jsonBody(z.strictObject({ email: z.string().trim().min(3).max(320) })) },
    responses: { 202: { description: 'Accepted' }, ...errorResponses('validation_failed', 'rate_limited') },
  }),
  link: createRoute({
    method: 'get',
    path: '/auth/links/{token}',
    tags: ['Auth'],
    summary: 'What an invitation or reset link is for',
    request: { params: TokenParam },
    responses: {
      200: jsonContent(z.object({ kind: z.enum(['invitation', 'password_reset']), email: z.string(), name: z.string(), orgName: z.string() })),
      ...errorResponses('not_found'),
    },
  }),
  complete: createRoute({
    method: 'post',
    path: '/auth/links/{token}/complete',
    tags: ['Auth'],
    summary: 'Choose a password from an invitation or reset link; signs in',
    request: {
      params: TokenParam,
      body: jsonBody(z.strictObject({ password: z.string().min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters`).max(1000) })),
    },
    responses: { 200: jsonContent(MeSchema), ...errorResponses('validation_failed', 'not_found') },
  }),
  invite: createRoute({
    method: 'post',
    path: '/people/{id}/invitation',
    tags: ['Accounts'],
    summary:
      'Invite a person to sign in (creates the account; re-sending replaces the link) — HR admins holding every role of the account; refused once a password is set',
    request: { params: IdParam },
    responses: {
      202: jsonContent(z.object({ accountId: z.uuid(), invitedAt: z.string() }), 'Invitation sent'),
      ...errorResponses('not_found', 'conflict', 'forbidden'),
    },
  }),
  account: createRoute({
    method: 'get',
    path: '/people/{id}/account',
    tags: ['Accounts'],
    summary: 'Sign-in account of a person — HR admins',
    request: { params: IdParam },
    responses: {
      200: jsonContent(
        z
          .object({
            hasAccount: z.boolean(),
            roles: z.array(RoleSchema),
            lastSignInAt: z.string().nullable(),
            pendingInvitation: z.boolean(),
            passwordSet: z.boolean(),
          })
          .openapi('Account'),
      ),
      ...errorResponses('not_found'),
    },
  }),
  roles: createRoute({
    method: 'put',
    path: '/people/{id}/roles',
    tags: ['Accounts'],
    summary: 'Set permission roles — admins',
    request: { params: IdParam, body: jsonBody(z.strictObject({ roles: z.array(RoleSchema).max(3) })) },
    responses: { 200: jsonContent(z.object({ roles: z.array(RoleSchema) })), ...errorResponses('validation_failed', 'not_found', 'conflict', 'unprocessable') },
  }),
};

export const accountRoutes = createRouter()
  .openapi(r.reset, async (c) => {
    await requestPasswordReset(c.var.ctx, c.req.valid('json').email, { ip: clientIp(c) });
    return c.body(null, 202);
  })
  .openapi(r.link, async (c) => c.json(await inspectLink(c.var.ctx, c.req.valid('param').token), 200))
  .openapi(r.complete, async (c) => {
    const started = await completeLink(c.var.ctx, c.req.valid('param').token, c.req.valid('json').password, {
      ip: clientIp(c),
      userAgent: c.req.header('user-agent'),
    });
    return c.json(await sessionStarted(c, started), 200);
  })
  .openapi(r.invite, async (c) => c.json(await invite(c.var.ctx, requireActor(c), c.req.valid('param').id, c.var.requestId), 202))
  .openapi(r.account, async (c) => c.json(await accountStatus(c.var.ctx, requireActor(c), c.req.valid('param').id), 200))
  .openapi(r.roles, async (c) =>
    c.json(await setRoles(c.var.ctx, requireActor(c), c.req.valid('param').id, c.req.valid('json').roles, c.var.requestId), 200),
  );
