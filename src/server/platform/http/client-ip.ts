import { isIP } from 'node:net';
import type { Context } from 'hono';
import type { AppEnv } from './types.ts';

type Incoming = { incoming?: { socket?: { remoteAddress?: string } } };

const socketAddress = (c: Context<AppEnv>) => (c.env as Incoming | undefined)?.incoming?.socket?.remoteAddress ?? 'unknown';

/**
 * The entry a chain of `trusted` proxies vouches for: each appends what it saw, so the right-most
 * `trusted` entries are theirs, and the left-most of those is what the outermost proxy saw of the
 * client. Anything further left was written by the client itself.
 */
function vouched(header: string | undefined, trusted: number): string | undefined {
  if (!header || trusted < 1) return undefined;
  const hops = header.split(',').map((h) => h.trim());
  return hops[Math.max(0, hops.length - trusted)] || undefined;
}

/**
 * The caller's address: the socket's, or, behind TRUST_PROXY proxies, the right-most
 * X-Forwarded-For hop they did not add themselves (the left-most is the client's own choice,
 * with which it could dodge the per-address sign-in limit).
 */
export function clientIp(c: Context<AppEnv>): string {
  const hop = vouched(c.req.header('x-forwarded-for'), c.var.ctx.config.trustProxy);
  // A request that bypassed the proxies could still write anything here: only an address counts.
  if (hop && isIP(hop)) return hop;
  return socketAddress(c);
}

/** Whether the request reached Tandem (or the outermost trusted proxy) over HTTPS. */
export function isHttps(c: Context<AppEnv>): boolean {
  const proto = vouched(c.req.header('x-forwarded-proto'), c.get('ctx').config.trustProxy);
  if (proto) return proto.toLowerCase() === 'https';
  // The request's URL is absolute: its scheme is what it was received over.
  return /^https:/i.test(c.req.url);
}
