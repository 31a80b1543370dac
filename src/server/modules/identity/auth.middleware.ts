import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { AppError } from '../../platform/http/errors.ts';
import type { Actor, AppEnv } from '../../platform/http/types.ts';
import { actorFromSession, actorFromToken, SESSION_COOKIE } from './session.service.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves the actor from a bearer token or the session cookie. Cookie-authenticated
 * mutations must come from our own origin (CSRF); bearer requests carry no ambient authority.
 */
export const authenticate: MiddlewareHandler<AppEnv> = async (c, next) => {
  const ctx = c.var.ctx;
  const header = c.req.header('authorization');
  let actor: Actor | null = null;
  if (header) {
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    actor = m ? await actorFromToken(ctx, m[1]!) : null;
    if (!actor) throw new AppError('unauthenticated', 'The API token is not valid or has expired');
    if (!SAFE_METHODS.has(c.req.method) && !actor.scopes.includes('write') && !actor.scopes.includes('admin')) {
      throw new AppError('forbidden', 'This API token is read-only');
    }
  } else {
    const cookie = getCookie(c, SESSION_COOKIE);
    if (cookie) {
      actor = await actorFromSession(ctx, cookie);
      if (actor && !SAFE_METHODS.has(c.req.method) && !isOwnOrigin(c.req.header('origin'), c.req.url, ctx.config.publicUrl)) {
        throw new AppError('csrf_failed', 'This request did not come from Tandem itself');
      }
    }
  }
  c.set('actor', actor);
  await next();
};

function isOwnOrigin(origin: string | undefined, requestUrl: string, publicUrl: string): boolean {
  if (!origin) return false;
  return origin === new URL(publicUrl).origin || origin === new URL(requestUrl).origin;
}
