import type { AppContext } from '../../context.ts';
import type { DbOrTx } from '../../platform/db/index.ts';
import { actorCache, forgetActors } from '../../platform/http/actor-cache.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/http/types.ts';
import { recordChange, systemRef } from '../platform/index.ts';
import * as repo from './identity.repo.ts';
import { hashSecret, memoryKeyOf, newSecret, verifyPassword } from './secrets.ts';

export const SESSION_COOKIE = 'tandem_session';
export const SESSION_TTL_MS = 14 * 24 * 3600 * 1000;
const TOKEN_PREFIX = 'tdm_';

export type AccountRow = NonNullable<Awaited<ReturnType<typeof repo.findAccountById>>>;

export function toActor(row: AccountRow, via: Actor['via'], extra: Partial<Actor> = {}): Actor {
  return {
    orgId: row.account.orgId,
    userId: row.account.id,
    personId: row.account.personId,
    roles: row.account.roles,
    via,
    scopes: ['read', 'write', 'admin'],
    label: `${row.person.firstName} ${row.person.lastName}`,
    ...extra,
  };
}

export const invalidCredentials = () =>
  new AppError('unauthenticated', 'The email or password is not correct');

const WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 10;
/** Failed sign-ins from one address in a window; successful ones do not count (an office behind NAT). */
export const MAX_FAILURES_PER_ADDRESS = 50;

function rateLimited(resetAt: Date, now: Date) {
  const seconds = Math.max(1, Math.ceil((resetAt.getTime() - now.getTime()) / 1000));
  return new AppError('rate_limited', 'Too many sign-in attempts; try again later', [{ retryAfterSeconds: seconds }]);
}

type SignInMeta = { ip?: string; userAgent?: string };

/** The password was right for accounts in several organisations: the client asks which one. */
function chooseOrganisation(rows: repo.AccountInOrganisation[]) {
  const organisations = rows.map((r) => ({ id: r.org.id, slug: r.org.slug, name: r.org.name }));
  return new AppError(
    'conflict',
    'This email signs in to several organisations; choose one and sign in again',
    [{ path: 'organisation', message: 'Choose an organisation', organisations }],
    { organisations },
  );
}

/**
 * Checks a password and opens a session; the same answer whether or not the account exists.
 * Throttled per address and per account, counting failures only, in windows every replica shares.
 * An email may have an account in several organisations: the password is checked against each
 * (or the one `organisation` names, by id or slug), and only organisations it opens are named.
 */
export async function signIn(
  ctx: AppContext,
  input: { email: string; password: string; organisation?: string } & SignInMeta,
): Promise<{ token: string; actor: Actor; expiresAt: Date }> {
  const now = ctx.clock.now();
  const email = input.email.trim();
  const emailKey = `sign-in:email:${email.toLowerCase()}`;
  const ipKey = `sign-in:ip:${input.ip ?? 'unknown'}`;
  // Counted before the check, so a burst of parallel guesses cannot pass the limit together; a
  // right password takes its hit back.
  const ipHit = await repo.hitRateLimit(ctx.db, ipKey, now, WINDOW_MS);
  if (ipHit.count > MAX_FAILURES_PER_ADDRESS) throw rateLimited(ipHit.resetAt, now);
  const failures = await repo.peekRateLimit(ctx.db, emailKey, now);
  if (failures && failures.count >= MAX_FAILURES_PER_ACCOUNT) throw rateLimited(failures.resetAt, now);

  const wanted = input.organisation?.trim();
  const candidates = (await repo.findAccountsByEmail(ctx.db, email)).filter(
    (r) => r.person.status === 'active' && r.account.passwordHash && (!wanted || r.org.id === wanted || r.org.slug === wanted),
  );
  // In parallel (argon2 runs on the thread pool), so the time taken hardly tells how many exist.
  const checks = candidates.length
    ? await Promise.all(candidates.map((r) => verifyPassword(r.account.passwordHash, input.password)))
    : [await verifyPassword(null, input.password)];
  const matched = candidates.filter((_, i) => checks[i]);
  if (!matched.length) {
    await repo.hitRateLimit(ctx.db, emailKey, now, WINDOW_MS);
    throw invalidCredentials();
  }
  await repo.undoRateLimitHit(ctx.db, ipKey);
  if (matched.length > 1) throw chooseOrganisation(matched);
  return ctx.db.transaction(async (tx) => {
    await repo.clearRateLimit(tx, emailKey);
    return openSession(ctx, tx, matched[0]!, input);
  });
}

/** A new session for an account that has proven who it is (password, or an emailed link). */
export async function openSession(ctx: AppContext, tx: DbOrTx, row: AccountRow, meta: SignInMeta) {
  const now = ctx.clock.now();
  const token = newSecret();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  const s = await repo.insertSession(tx, {
    orgId: row.account.orgId,
    userId: row.account.id,
    tokenHash: hashSecret(token, ctx.config.sessionSecret),
    expiresAt,
    ip: meta.ip ?? null,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
  });
  await repo.setLastSignIn(tx, row.account.orgId, row.account.id, now);
  const actor = toActor(row, 'session', { sessionId: s.id });
  await recordChange(tx, { ...systemRef(actor.orgId, actor.label), personId: actor.personId }, {
    action: 'session.created',
    recordType: 'session',
    recordId: s.id,
    after: { ip: meta.ip ?? null },
    event: false,
  });
  return { token, actor, expiresAt };
}

export async function signOut(ctx: AppContext, actor: Actor): Promise<void> {
  if (!actor.sessionId) return;
  await ctx.db.transaction(async (tx) => {
    await repo.deleteSession(tx, actor.orgId, actor.sessionId!);
    await recordChange(tx, { orgId: actor.orgId, personId: actor.personId, label: actor.label }, {
      action: 'session.deleted',
      recordType: 'session',
      recordId: actor.sessionId!,
      event: false,
    });
  });
  forgetActors(ctx, actor.orgId);
}

/**
 * Resolves a session cookie; sliding expiry is refreshed at most once an hour. Most requests are
 * answered from the process's actor cache: an ended session or a deactivated person stops working
 * here within ACTOR_CACHE_TTL_MS when another process made the change, at once when this one did.
 */
export async function actorFromSession(ctx: AppContext, token: string): Promise<Actor | null> {
  const now = ctx.clock.now();
  return actorCache(ctx).resolve('s:' + memoryKeyOf(token), now, async () => {
    const row = await repo.findLiveSession(ctx.db, hashSecret(token, ctx.config.sessionSecret), now);
    if (!row || row.person.status !== 'active') return null;
    let expiresAt = row.session.expiresAt;
    if (now.getTime() - row.session.lastSeenAt.getTime() > 3600_000) {
      expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
      await repo.touchSession(ctx.db, row.session.id, now, expiresAt);
    }
    return { actor: toActor(row, 'session', { sessionId: row.session.id }), expiresAt };
  });
}

/** Resolves an API token, from the actor cache as sessions are. */
export async function actorFromToken(ctx: AppContext, token: string): Promise<Actor | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const now = ctx.clock.now();
  return actorCache(ctx).resolve('t:' + memoryKeyOf(token), now, async () => {
    const row = await repo.findLiveToken(ctx.db, hashSecret(token, ctx.config.sessionSecret), now);
    if (!row || row.person.status !== 'active') return null;
    if (!row.token.lastUsedAt || now.getTime() - row.token.lastUsedAt.getTime() > 60_000) {
      await repo.markTokenUsed(ctx.db, row.token.id, now);
    }
    // A token never carries more than its owner can do today.
    return { actor: toActor(row, 'token', { scopes: row.token.scopes }), expiresAt: row.token.expiresAt };
  });
}

export { TOKEN_PREFIX };
