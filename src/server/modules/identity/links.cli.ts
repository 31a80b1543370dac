import type { AppContext } from '../../context.ts';
import { AppError, conflict } from '../../platform/http/errors.ts';
import { recordChange } from '../platform/index.ts';
import { INVITATION_TTL_MS, RESET_TTL_MS } from './accounts.service.ts';
import * as repo from './identity.repo.ts';
import { hashSecret, newSecret } from './secrets.ts';

export type CliLinkKind = 'invitation' | 'reset';

// The lifetimes of the emailed links: the operator hands this one over instead of the mail.
const TTL_MS = { invitation: INVITATION_TTL_MS, password_reset: RESET_TTL_MS } as const;

/**
 * For the operator at the command line (no mail server, or a mail that never arrived): a fresh
 * single-use sign-in link for a person, an invitation while the account has no password yet,
 * else a password reset. Earlier open links of that kind stop working. Audited as the CLI's.
 */
export async function createSignInLinkFromCli(ctx: AppContext, input: { orgId: string; email: string; kind?: CliLinkKind }) {
  return ctx.db.transaction(async (tx) => {
    const found = await repo.findPersonByEmail(tx, input.orgId, input.email.trim());
    const p = found && (await repo.findPersonForAccount(tx, input.orgId, found.id));
    if (!p) throw new AppError('not_found', `Nobody in this organisation has the email ${input.email.trim()}`);
    if (p.status !== 'active') throw conflict(`${p.firstName} ${p.lastName} is inactive; reactivate them first`);
    const account =
      (await repo.findAccountByPerson(tx, input.orgId, p.id)) ??
      (await repo.insertAccount(tx, { orgId: input.orgId, personId: p.id, email: p.email, roles: [] }));
    const kind = account.passwordHash ? 'password_reset' : 'invitation';
    if (input.kind === 'invitation' && kind !== 'invitation') {
      throw conflict(`${account.email} already has a password: give --kind reset (or leave --kind out) for a password reset link`);
    }
    if (input.kind === 'reset' && kind !== 'password_reset') {
      throw conflict(`${account.email} has no password yet: give --kind invitation (or leave --kind out) for an invitation link`);
    }
    const now = ctx.clock.now();
    const token = newSecret();
    const expiresAt = new Date(now.getTime() + TTL_MS[kind]);
    await repo.expireOpenLinks(tx, input.orgId, account.id, kind, now);
    await repo.insertLink(tx, { orgId: input.orgId, userId: account.id, kind, tokenHash: hashSecret(token, ctx.config.sessionSecret), expiresAt });
    await recordChange(tx, { orgId: input.orgId, personId: null, label: 'cli link' }, {
      action: kind === 'invitation' ? 'account.invited' : 'account.password_reset_link_created',
      recordType: 'user_account',
      recordId: account.id,
      after: { personId: p.id, email: account.email, via: 'cli' },
      event: kind === 'invitation' ? undefined : false,
    });
    const path = kind === 'invitation' ? 'accept-invitation' : 'reset-password';
    return { kind, email: account.email, expiresAt, url: `${ctx.config.publicUrl}/${path}?token=${token}` };
  });
}
