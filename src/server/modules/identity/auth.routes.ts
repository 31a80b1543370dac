import { createRoute, z } from '@hono/zod-openapi';
import { deleteCookie, setCookie } from 'hono/cookie';
import { errorResponses, jsonBody, jsonContent } from '../../platform/http/openapi.ts';
import { clientIp } from '../../platform/http/client-ip.ts';
import { createRouter } from '../../platform/http/router.ts';
import { getOrgProfile } from '../org/index.ts';
import { requireActor } from '../../platform/http/actor.ts';
import { MeSchema, SignInBody } from './identity.schemas.ts';
import { SESSION_COOKIE, signIn, signOut } from './session.service.ts';

const signInRoute = createRoute({
  method: 'post',
  path: '/auth/sign-in',
  tags: ['Auth'],
  summary: 'Sign in with email and password; sets the session cookie',
  request: { body: jsonBody(SignInBody) },
  responses: { 200: jsonContent(MeSchema), ...errorResponses('validation_failed', 'rate_limited') },
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
    const ctx = c.var.ctx;
    const body = c.req.valid('json');
    const ip = clientIp(c);
    const { token, actor, expiresAt } = await signIn(ctx, {
      ...body,
      ip,
      userAgent: c.req.header('user-agent'),
    });
    setCookie(c, SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'Lax',
      secure: ctx.config.publicUrl.startsWith('https://'),
      path: '/',
      expires: expiresAt,
    });
    const profile = await getOrgProfile(ctx, actor);
    return c.json({ ...profile, via: actor.via, userId: actor.userId, roles: actor.roles }, 200);
  })
  .openapi(signOutRoute, async (c) => {
    const actor = requireActor(c);
    await signOut(c.var.ctx, actor);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.body(null, 204);
  })
  .openapi(meRoute, async (c) => {
    const actor = requireActor(c);
    const profile = await getOrgProfile(c.var.ctx, actor);
    return c.json({ ...profile, via: actor.via, userId: actor.userId, roles: actor.roles }, 200);
  });
