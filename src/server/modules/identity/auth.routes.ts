import { createRoute, z } from '@hono/zod-openapi';
import { deleteCookie } from 'hono/cookie';
import { errorResponses, jsonBody, jsonContent } from '../../platform/http/openapi.ts';
import { clientIp } from '../../platform/http/client-ip.ts';
import { createRouter } from '../../platform/http/router.ts';
import { requireActor } from '../../platform/http/actor.ts';
import { MeSchema, SignInBody } from './identity.schemas.ts';
import { meOf, sessionStarted } from './session.http.ts';
import { SESSION_COOKIE, signIn, signOut } from './session.service.ts';

const signInRoute = createRoute({
  method: 'post',
  path: '/auth/sign-in',
  tags: ['Auth'],
  summary:
    'Sign in with email and password; sets the session cookie. When the password opens accounts in several organisations, answers 409 with `organisations` (id, slug, name): sign in again naming one as `organisation`',
  request: { body: jsonBody(SignInBody) },
  responses: { 200: jsonContent(MeSchema), ...errorResponses('validation_failed', 'conflict', 'rate_limited') },
});

const signOutRoute = createRoute({
  method: 'post',
  path: '/auth/sign-out',
  tags: ['Auth'],
  summary: 'End the current session',
  responses: { 204: { description: 'Signed out' }, ...errorResponses() },
});

const meRoute = createRoute({
  method: 'get',
  path: '/auth/me',
  tags: ['Auth'],
  summary: 'Who is signed in',
  responses: { 200: jsonContent(MeSchema), ...errorResponses() },
});

export const authRoutes = createRouter()
  .openapi(signInRoute, async (c) => {
    const started = await signIn(c.var.ctx, { ...c.req.valid('json'), ip: clientIp(c), userAgent: c.req.header('user-agent') });
    return c.json(await sessionStarted(c, started), 200);
  })
  .openapi(signOutRoute, async (c) => {
    const actor = requireActor(c);
    await signOut(c.var.ctx, actor);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.body(null, 204);
  })
  .openapi(meRoute, async (c) => {
    const actor = requireActor(c);
    return c.json(await meOf(c, actor), 200);
  });
