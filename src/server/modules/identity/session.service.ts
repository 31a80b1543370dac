import type { AppContext } from '../../context.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/http/types.ts';
import { recordChange, systemRef } from '../platform/index.ts';
import * as repo from './identity.repo.ts';
import { hashSecret, newSecret, verifyPassword } from './secrets.ts';

export const SESSION_COOKIE = 'tandem_session';
export const SESSION_TTL_MS = 14 * 24 * 3600 * 1000;
const TOKEN_PREFIX = 'tdm_';

type AccountRow = NonNullable<Awaited<ReturnType<typeof repo.findAccountById>>>;

function toActor(row: AccountRow, via: Actor['via'], extra: Partial<Actor> = {}): Actor {
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

/** Checks a password and opens a session; the same answer whether or not the account exists. */
export async function signIn(
  ctx: AppContext,
  input: { email: string; password: string; ip?: string; userAgent?: string },
): Promise<{ token: string; actor: Actor; expiresAt: Date }> {
  const row = await repo.findAccountByEmail(ctx.db, input.email);
  const ok = await verifyPassword(row?.account.passwordHash ?? null, input.password);
  if (!row || !ok || row.person.status !== 'active') throw invalidCredentials();
  const now = ctx.clock.now();
  const token = newSecret();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  const created = await ctx.db.transaction(async (tx) => {
    const s = await repo.insertSession(tx, {
      orgId: row.account.orgId,
      userId: row.account.id,
      tokenHash: hashSecret(token, ctx.config.sessionSecret),
      expiresAt,
      ip: input.ip ?? null,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
    });
    await repo.setLastSignIn(tx, row.account.orgId, row.account.id, now);
    const actor = toActor(row, 'session', { sessionId: s.id });
    await recordChange(tx, { ...systemRef(actor.orgId, actor.label), personId: actor.personId }, {
      action: 'session.created',
      recordType: 'session',
      recordId: s.id,
      after: { ip: input.ip ?? null },
      event: false,
    });
    return actor;
  });
  return { token, actor: created, expiresAt };
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
}

/** Resolves a session cookie; sliding expiry is refreshed at most once an hour. */
export async function actorFromSession(ctx: AppContext, token: string): Promise<Actor | null> {
  const now = ctx.clock.now();
  const row = await repo.findLiveSession(ctx.db, hashSecret(token, ctx.config.sessionSecret), now);
  if (!row || row.person.status !== 'active') return null;
  if (now.getTime() - row.session.lastSeenAt.getTime() > 3600_000) {
    await repo.touchSession(ctx.db, row.session.id, now, new Date(now.getTime() + SESSION_TTL_MS));
  }
  return toActor(row, 'session', { sessionId: row.session.id });
}

export async function actorFromToken(ctx: AppContext, token: string): Promise<Actor | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const now = ctx.clock.now();
  const row = await repo.findLiveToken(ctx.db, hashSecret(token, ctx.config.sessionSecret), now);
  if (!row || row.person.status !== 'active') return null;
  if (!row.token.lastUsedAt || now.getTime() - row.token.lastUsedAt.getTime() > 60_000) {
    await repo.markTokenUsed(ctx.db, row.token.id, now);
  }
  // A token never carries more than its owner can do today.
  return toActor(row, 'token', { scopes: row.token.scopes });
}

export { TOKEN_PREFIX };
