import type { AppContext } from '../../context.ts';
import type { apiTokenScopes } from '../../db/schema/identity.ts';
import { forgetActors } from '../../platform/http/actor-cache.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import type { Actor, ActorRef } from '../../platform/http/types.ts';
import { actorRef, recordChange } from '../platform/index.ts';
import * as repo from './identity.repo.ts';
import { hashSecret, newSecret } from './secrets.ts';
import { TOKEN_PREFIX } from './session.service.ts';

export type Scope = (typeof apiTokenScopes)[number];
type TokenRow = Awaited<ReturnType<typeof repo.listTokens>>[number];

export const toTokenDto = (t: TokenRow) => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  scopes: t.scopes,
  expiresAt: t.expiresAt?.toISOString() ?? null,
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  createdAt: t.createdAt.toISOString(),
  revokedAt: t.revokedAt?.toISOString() ?? null,
});

export async function listTokens(ctx: AppContext, actor: Actor) {
  return { data: (await repo.listTokens(ctx.db, actor.orgId, actor.userId)).map(toTokenDto) };
}

async function mint(
  ctx: AppContext,
  owner: { orgId: string; userId: string; roles: string[] },
  by: ActorRef,
  input: { name: string; scopes: Scope[]; expiresInDays?: number | null },
) {
  if (input.scopes.includes('admin') && owner.roles.length === 0) {
    throw new AppError('forbidden', 'Only people with an admin role can create tokens with the admin scope');
  }
  const now = ctx.clock.now();
  const token = newSecret(TOKEN_PREFIX);
  return ctx.db.transaction(async (tx) => {
    const row = await repo.insertToken(tx, {
      orgId: owner.orgId,
      userId: owner.userId,
      name: input.name,
      tokenHash: hashSecret(token, ctx.config.sessionSecret),
      prefix: token.slice(0, TOKEN_PREFIX.length + 6),
      scopes: [...new Set(input.scopes)],
      expiresAt: input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * 86_400_000) : null,
    });
    await recordChange(tx, by, {
      action: 'api_token.created',
      recordType: 'api_token',
      recordId: row.id,
      after: { name: row.name, scopes: row.scopes, expiresAt: row.expiresAt },
    });
    return { ...toTokenDto(row), token };
  });
}

/** Tokens are always the caller's own, and a token cannot mint another. */
export async function createToken(
  ctx: AppContext,
  actor: Actor,
  input: { name: string; scopes: Scope[]; expiresInDays?: number | null },
  requestId?: string,
) {
  if (actor.via === 'token') throw new AppError('forbidden', 'API tokens cannot create API tokens; sign in to create one');
  return mint(ctx, actor, actorRef(actor, requestId), input);
}

export async function revokeToken(ctx: AppContext, actor: Actor, id: string, requestId?: string) {
  await ctx.db.transaction(async (tx) => {
    const row = await repo.revokeToken(tx, actor.orgId, actor.userId, id, ctx.clock.now());
    if (!row) {
      if (await repo.findToken(tx, actor.orgId, actor.userId, id)) return; // already revoked: idempotent
      throw notFound('API token');
    }
    await recordChange(tx, actorRef(actor, requestId), { action: 'api_token.revoked', recordType: 'api_token', recordId: id, before: { name: row.name } });
  });
  forgetActors(ctx, actor.orgId);
}

/**
 * CLI: issue a token for the account with this email; `org` (slug or id) picks the organisation
 * when the email signs in to several.
 */
export async function issueApiToken(
  ctx: AppContext,
  input: { email: string; name: string; scopes: Scope[]; expiresInDays?: number; org?: string },
) {
  const all = (await repo.findAccountsByEmail(ctx.db, input.email.trim())).filter((r) => r.person.status === 'active');
  const rows = input.org ? all.filter((r) => r.org.slug === input.org || r.org.id === input.org) : all;
  if (!rows.length) {
    throw new AppError('not_found', `No active account with the email ${input.email}${input.org ? ` in the organisation ${input.org}` : ''}`);
  }
  if (rows.length > 1) {
    throw new AppError('conflict', `${input.email} signs in to several organisations; name one with --org: ${rows.map((r) => r.org.slug).join(', ')}`);
  }
  const row = rows[0]!;
  const owner = { orgId: row.account.orgId, userId: row.account.id, roles: row.account.roles };
  return mint(ctx, owner, { orgId: owner.orgId, personId: row.person.id, label: 'cli create-token' }, input);
}
