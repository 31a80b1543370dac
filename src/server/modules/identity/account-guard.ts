import type { AppContext } from '../../context.ts';
import type { PermissionRole } from '../../db/schema/identity.ts';
import type { DbOrTx } from '../../platform/db/index.ts';
import type { ActorRef } from '../../platform/http/types.ts';
import type { SignInAccounts } from '../org/index.ts';
import { queueMails, recordChanges } from '../platform/index.ts';
import { rolesBeyond } from './identity.policy.ts';
import * as repo from './identity.repo.ts';

/** Identity's side of org's SignInAccounts: who may manage whose sign-in, and emails that follow people. */
export const accountGuard: SignInAccounts = {
  async beyond(db: DbOrTx, by: ActorRef, personIds?: string[]) {
    const out = new Map<string, PermissionRole[]>();
    if (!by.personId) return out; // the operator at the command line
    if (personIds && !personIds.length) return out;
    // The actor's roles as stored now: an import job runs after the request that started it.
    const actor = { roles: await repo.rolesOfPerson(db, by.orgId, by.personId) };
    for (const a of await repo.accountsWithRoles(db, by.orgId, personIds)) {
      const missing = rolesBeyond(actor, a);
      if (missing.length) out.set(a.personId, missing);
    }
    return out;
  },

  async emailsChanged(ctx: AppContext, tx: DbOrTx, by: ActorRef, personIds: string[]) {
    const changed = await repo.accountsOutOfStep(tx, by.orgId, personIds);
    if (!changed.length) return;
    const now = ctx.clock.now();
    await repo.followPersonEmails(tx, by.orgId, changed.map((a) => a.id), now);
    const org = await repo.findOrganisationName(tx, by.orgId);
    // The old address hears of it, so a sign-in moved to someone else's mailbox does not go unnoticed.
    await queueMails(
      ctx,
      tx,
      changed.map((a) => ({
        orgId: by.orgId,
        to: a.from,
        subject: `Your Tandem sign-in email for ${org} was changed`,
        text:
          `Hello ${a.firstName},\n\n${by.label} changed the email you sign in to ${org} on Tandem with, from ${a.from} to ${a.to}. ` +
          `From now on, sign-in and password reset emails go to the new address.\n\n` +
          `If you did not expect this, tell your HR team or an administrator of ${org} at once.\n`,
      })),
    );
    await recordChanges(
      tx,
      by,
      changed.map((a) => ({
        action: 'account.email_changed',
        recordType: 'user_account',
        recordId: a.id,
        before: { email: a.from },
        after: { email: a.to },
        event: false,
      })),
    );
  },
};
