import type { Context } from 'hono';
import { setCookie } from 'hono/cookie';
import type { AppEnv, Actor } from '../../platform/http/types.ts';
import { getOrgProfile } from '../org/index.ts';
import { SESSION_COOKIE } from './session.service.ts';

/** Sets the session cookie of a new session and answers with who is now signed in (Me). */
export async function sessionStarted(c: Context<AppEnv>, s: { token: string; actor: Actor; expiresAt: Date }) {
  const ctx = c.var.ctx;
  setCookie(c, SESSION_COOKIE, s.token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: ctx.config.publicUrl.startsWith('https://'),
    path: '/',
    expires: s.expiresAt,
  });
  return meOf(c, s.actor);
}

export async function meOf(c: Context<AppEnv>, actor: Actor) {
  const profile = await getOrgProfile(c.var.ctx, actor);
  return { ...profile, via: actor.via, userId: actor.userId, roles: actor.roles };
}
