import type { Context } from 'hono';
import type { AppEnv } from './types.ts';

/**
 * The caller's address: the socket's, or the first X-Forwarded-For hop when TRUST_PROXY says a
 * proxy sets it (otherwise anyone could pick their own address and dodge rate limits).
 */
export function clientIp(c: Context<AppEnv>): string {
  if (c.var.ctx.config.trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'unknown';
}
