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
  const ctx = c.get('ctx');
  const header = c.req.header('authorization');
  let actor: Actor | null = null;
  if (header) {
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    actor = m ? await actorFromToken(ctx, m[1]!) : null;
    if (!actor) throw new AppError('unauthenticated', 'The API token is not valid or has expired');
    // The scopes as the API tokens page explains them: `read` reads, `write` changes, and `admin`
    // lets the token use its owner's admin roles (org.policy requirePermission), for reads or, with
    // `write`, for changes. `admin` alone does not write.
    const needed = SAFE_METHODS.has(c.req.method) ? 'read' : 'write';
    if (!actor.scopes.includes(needed)) {
      throw new AppError('forbidden', needed === 'write' ? 'This API token lacks the write scope' : 'This API token lacks the read scope');
    }
  } else {
    const cookie = getCookie(c, SESSION_COOKIE);
    if (cookie) {
      actor = await actorFromSession(ctx, cookie);
      if (actor && !SAFE_METHODS.has(c.req.method) && !isOwnOrigin(c.req.header('origin'), ctx.config)) {
        throw new AppError('csrf_failed', `This request did not come from Tandem itself (${new URL(ctx.config.publicUrl).origin})`);
      }
    }
  }
  c.set('actor', actor);
  await next();
};

/**
 * Tandem's own origin is PUBLIC_URL's (and the Vite dev server's when DEV_ORIGIN says so, and the
 * loopback names of the default address when PUBLIC_URL is unset), never the request's Host:
 * whoever sends the request writes that header too.
 */
function isOwnOrigin(
  origin: string | undefined,
  config: { publicUrl: string; devOrigin?: string; loopbackOrigins: string[] },
): boolean {
  if (!origin) return false;
  return (
    origin === new URL(config.publicUrl).origin ||
    (!!config.devOrigin && origin === config.devOrigin) ||
    config.loopbackOrigins.includes(origin)
  );
}
