import type { AppContext } from '../../context.ts';
import type { PermissionRole } from '../../db/schema/identity.ts';
import type { DbOrTx } from '../../platform/db/index.ts';
import { forgetActors } from '../../platform/http/actor-cache.ts';
import { AppError, conflict, forbidden, notFound } from '../../platform/http/errors.ts';
import type { Actor, ActorRef } from '../../platform/http/types.ts';
import { canManagePeople, requirePermission, rolesPhrase } from '../org/index.ts';
import { actorRef, queueMail, recordChange, recordChanges } from '../platform/index.ts';
import { accountGuard } from './account-guard.ts';
import { canGrantRoles, canManageAccountOf, rolesBeyond } from './identity.policy.ts';
import * as repo from './identity.repo.ts';
import { hashPassword, hashSecret, newSecret } from './secrets.ts';
import { openSession } from './session.service.ts';

export const INVITATION_TTL_MS = 7 * 24 * 3600 * 1000;
export const RESET_TTL_MS = 3600 * 1000;
export const MIN_PASSWORD_LENGTH = 10;

type LinkKind = 'invitation' | 'password_reset';

async function sendLink(
  ctx: AppContext,
  tx: DbOrTx,
  account: { id: string; orgId: string; email: string },
  kind: LinkKind,
  text: (url: string) => { subject: string; body: string },
) {
  const now = ctx.clock.now();
  const token = newSecret();
  await repo.expireOpenLinks(tx, account.orgId, account.id, kind, now);
  await repo.insertLink(tx, {
    orgId: account.orgId,
    userId: account.id,
    kind,
    tokenHash: hashSecret(token, ctx.config.sessionSecret),
    expiresAt: new Date(now.getTime() + (kind === 'invitation' ? INVITATION_TTL_MS : RESET_TTL_MS)),
  });
  const path = kind === 'invitation' ? 'accept-invitation' : 'reset-password';
  const { subject, body } = text(`${ctx.config.publicUrl}/${path}?token=${token}`);
  await queueMail(ctx, tx, { orgId: account.orgId, to: account.email, subject, text: body });
}

const RESET_WINDOW_MS = 15 * 60 * 1000;
/** Requests from one address in a window: past it everyone there gets 429, known account or not. */
export const MAX_RESETS_PER_ADDRESS = 20;
/** Mails per email in an hour: past it requests are answered as usual but send nothing. */
export const MAX_RESET_MAILS_PER_EMAIL = 3;

/**
 * Always answers the same whether or not an account exists. Throttled per address (429, the same
 * for everyone) and per email (silently no more mail, so the limit tells nothing either). An email
 * with accounts in several organisations gets one link per account, each naming its organisation.
 */
export async function requestPasswordReset(ctx: AppContext, email: string, meta: { ip?: string } = {}): Promise<void> {
  const now = ctx.clock.now();
  const ipHit = await repo.hitRateLimit(ctx.db, `password-reset:ip:${meta.ip ?? 'unknown'}`, now, RESET_WINDOW_MS);
  if (ipHit.count > MAX_RESETS_PER_ADDRESS) {
    const seconds = Math.max(1, Math.ceil((ipHit.resetAt.getTime() - now.getTime()) / 1000));
    throw new AppError('rate_limited', 'Too many password reset requests; try again later', [{ retryAfterSeconds: seconds }]);
  }
  const key = email.trim().toLowerCase();
  const emailHit = await repo.hitRateLimit(ctx.db, `password-reset:email:${key}`, now, RESET_TTL_MS);
  if (emailHit.count > MAX_RESET_MAILS_PER_EMAIL) return;
  const rows = (await repo.findAccountsByEmail(ctx.db, key)).filter((r) => r.person.status === 'active');
  if (!rows.length) return;
  await ctx.db.transaction(async (tx) => {
    for (const row of rows) {
      await sendLink(ctx, tx, row.account, 'password_reset', (url) => ({
        subject: `Reset your Tandem password for ${row.org.name}`,
        body:
          `Hello ${row.person.firstName},\n\nSomeone asked to reset the password of your Tandem account in ${row.org.name}. ` +
          `To choose a new password, open this link within an hour:\n\n${url}\n\n` +
          `Choosing a new password signs you out everywhere and revokes your API tokens; integrations using them need new ones.\n\n` +
          `If it was not you, ignore this email; your password stays as it is.\n`,
      }));
      await recordChange(tx, { orgId: row.account.orgId, personId: row.person.id, label: `${row.person.firstName} ${row.person.lastName}` }, {
        action: 'account.password_reset_requested',
        recordType: 'user_account',
        recordId: row.account.id,
        after: { ip: meta.ip ?? null },
        event: false,
      });
    }
  });
}

export async function inspectLink(ctx: AppContext, token: string) {
  const row = await repo.findOpenLink(ctx.db, hashSecret(token, ctx.config.sessionSecret), ctx.clock.now());
  if (!row || row.person.status !== 'active') throw notFound('Link');
  return {
    kind: row.link.kind,
    email: row.account.email,
    name: `${row.person.firstName} ${row.person.lastName}`,
    orgName: row.orgName,
  };
}

/** Sets the password from an emailed link, uses the link up, and signs the person in. */
export async function completeLink(ctx: AppContext, token: string, password: string, meta: { ip?: string; userAgent?: string }) {
  const now = ctx.clock.now();
  const row = await repo.findOpenLink(ctx.db, hashSecret(token, ctx.config.sessionSecret), now);
  if (!row || row.person.status !== 'active') throw notFound('Link');
  const passwordHash = await hashPassword(password);
  const opened = await ctx.db.transaction(async (tx) => {
    if (!(await repo.useLink(tx, row.link.id, now))) throw notFound('Link');
    const reset = row.link.kind === 'password_reset';
    // A reset means the old password may be known to someone else: end every other session, and
    // revoke the API tokens, which whoever knew it could have minted.
    await repo.deleteSessionsOfUser(tx, row.account.orgId, row.account.id);
    const revoked = reset ? await repo.revokeTokensOfUser(tx, row.account.orgId, row.account.id, now) : [];
    const account = await repo.updateAccount(tx, row.account.orgId, row.account.id, { passwordHash, updatedAt: now });
    const by = { orgId: account.orgId, personId: row.person.id, label: `${row.person.firstName} ${row.person.lastName}` };
    await recordChanges(tx, by, [
      {
        action: reset ? 'account.password_reset' : 'account.invitation_accepted',
        recordType: 'user_account',
        recordId: account.id,
        after: reset ? { sessionsEnded: true, apiTokensRevoked: revoked.length } : undefined,
        event: reset ? false : {},
      },
      ...revoked.map((tk) => ({
        action: 'api_token.revoked',
        recordType: 'api_token',
        recordId: tk.id,
        before: { name: tk.name },
        after: { reason: 'password_reset' },
      })),
    ]);
    return openSession(ctx, tx, { account, person: row.person }, meta);
  });
  // The ended sessions and revoked tokens stop at once here, within the cache's bound elsewhere.
  forgetActors(ctx, row.account.orgId);
  return opened;
}

async function personOrNotFound(ctx: AppContext, tx: DbOrTx, orgId: string, personId: string) {
  const p = await repo.findPersonForAccount(tx, orgId, personId);
  if (!p) throw notFound('Person');
  return p;
}

/** HR sends (or re-sends) an invitation; the account is created on first invitation. */
export async function invite(ctx: AppContext, actor: Actor, personId: string, requestId?: string) {
  requirePermission(actor, canManagePeople);
  return ctx.db.transaction(async (tx) => {
    const p = await personOrNotFound(ctx, tx, actor.orgId, personId);
    if (p.status !== 'active') throw conflict('Inactive people cannot be invited; reactivate them first');
    let account = await repo.findAccountByPerson(tx, actor.orgId, personId);
    const name = `${p.firstName} ${p.lastName}`;
    if (!account) {
      account = await repo.insertAccount(tx, { orgId: actor.orgId, personId, email: p.email, roles: [] });
    } else {
      if (!canManageAccountOf(actor, account)) {
        const missing = rolesPhrase(rolesBeyond(actor, account));
        throw forbidden(`${name} has ${missing}, which you do not have: only someone who has it can send them a sign-in link`);
      }
      // A link would let whoever reads the mailbox replace a password the owner chose.
      if (account.passwordHash) {
        throw conflict(
          `${name} already has a password, so there is nothing to accept. If they forgot it, they can reset it from the sign-in page; the link goes to their sign-in email only`,
        );
      }
      if (account.email !== p.email) {
        await accountGuard.emailsChanged(ctx, tx, actorRef(actor, requestId), [personId]);
        account = (await repo.findAccountByPerson(tx, actor.orgId, personId))!;
      }
    }
    const org = await repo.findOrganisationName(tx, actor.orgId);
    await sendLink(ctx, tx, account, 'invitation', (url) => ({
      subject: `You are invited to ${org} on Tandem`,
      body: `Hello ${p.firstName},\n\n${actor.label} invited you to ${org} on Tandem, where your learning, goals and development come together.\n\nChoose your password to get started (the link works for 7 days):\n\n${url}\n`,
    }));
    await recordChange(tx, actorRef(actor, requestId), {
      action: 'account.invited',
      recordType: 'user_account',
      recordId: account.id,
      after: { personId, email: p.email },
    });
    return { accountId: account.id, invitedAt: ctx.clock.now().toISOString() };
  });
}

export async function accountStatus(ctx: AppContext, actor: Actor, personId: string) {
  requirePermission(actor, canManagePeople);
  await personOrNotFound(ctx, ctx.db, actor.orgId, personId);
  const account = await repo.findAccountByPerson(ctx.db, actor.orgId, personId);
  return {
    hasAccount: !!account,
    roles: account?.roles ?? [],
    lastSignInAt: account?.lastSignInAt?.toISOString() ?? null,
    pendingInvitation: account ? await repo.hasOpenInvitation(ctx.db, actor.orgId, account.id, ctx.clock.now()) : false,
    passwordSet: !!account?.passwordHash,
  };
}

/** Only admins grant roles, and an admin cannot drop their own admin role (no lock-out). */
export async function setRoles(ctx: AppContext, actor: Actor, personId: string, roles: PermissionRole[], requestId?: string) {
  requirePermission(actor, canGrantRoles);
  const unique = [...new Set(roles)].sort();
  const changed = await ctx.db.transaction(async (tx) => {
    await personOrNotFound(ctx, tx, actor.orgId, personId);
    const account = await repo.findAccountByPerson(tx, actor.orgId, personId);
    if (!account) throw new AppError('unprocessable', 'This person has no account yet; invite them first');
    if (personId === actor.personId && !unique.includes('admin')) {
      throw conflict('You cannot remove your own admin role; ask another admin');
    }
    const updated = await repo.updateAccount(tx, actor.orgId, account.id, { roles: unique, updatedAt: ctx.clock.now() });
    await recordChange(tx, actorRef(actor, requestId), {
      action: 'account.roles_changed',
      recordType: 'user_account',
      recordId: account.id,
      before: { roles: account.roles },
      after: { roles: updated.roles },
    });
    return { roles: updated.roles };
  });
  forgetActors(ctx, actor.orgId);
  return changed;
}

/** CLI: a person with an admin account, or an existing person promoted to admin. */
export async function createAdmin(
  ctx: AppContext,
  input: { orgId: string; email: string; firstName: string; lastName: string; password: string },
) {
  if (input.password.length < MIN_PASSWORD_LENGTH) {
    throw new AppError('validation_failed', `The password needs at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  const passwordHash = await hashPassword(input.password);
  const by: ActorRef = { orgId: input.orgId, personId: null, label: 'cli create-admin' };
  const created = await ctx.db.transaction(async (tx) => {
    const email = input.email.trim().toLowerCase();
    const existing = await repo.findPersonByEmail(tx, input.orgId, email);
    const personId =
      existing?.id ?? (await repo.insertPerson(tx, { orgId: input.orgId, email, firstName: input.firstName, lastName: input.lastName })).id;
    let account = await repo.findAccountByPerson(tx, input.orgId, personId);
    if (account) {
      const roles = [...new Set<PermissionRole>([...account.roles, 'admin'])];
      account = await repo.updateAccount(tx, input.orgId, account.id, { roles, passwordHash });
    } else {
      account = await repo.insertAccount(tx, { orgId: input.orgId, personId, email, passwordHash, roles: ['admin'] });
    }
    await recordChange(tx, by, { action: 'account.admin_created', recordType: 'user_account', recordId: account.id, after: { email, roles: account.roles } });
    return { personId, accountId: account.id };
  });
  forgetActors(ctx, input.orgId);
  return created;
}
