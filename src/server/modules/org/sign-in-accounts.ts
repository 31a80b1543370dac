import type { AppContext } from '../../context.ts';
import type { PermissionRole } from '../../db/schema/identity.ts';
import type { DbOrTx } from '../../platform/db/index.ts';
import type { ActorRef } from '../../platform/http/types.ts';

/**
 * What changing people asks of their sign-in accounts. Identity owns the accounts and already
 * uses org, so org cannot import it: bootstrap.ts puts identity's `accountGuard` on the context
 * (`ctx.signInAccounts`), and a context without it does not compile.
 */
export type SignInAccounts = {
  /**
   * People whose sign-in `by` may not manage (change the email of, deactivate), each with the
   * roles of their account that `by` lacks. Empty for the operator (no person: the CLI).
   */
  beyond(db: DbOrTx, by: ActorRef, personIds?: string[]): Promise<Map<string, PermissionRole[]>>;
  /** Sign-in emails follow these people's changed emails; each old address is told. */
  emailsChanged(ctx: AppContext, tx: DbOrTx, by: ActorRef, personIds: string[]): Promise<void>;
};

const roleLabel: Record<PermissionRole, string> = { admin: 'admin', hr_admin: 'HR admin', learning_admin: 'learning admin' };

/** "the admin role" / "the HR admin and learning admin roles". */
export function rolesPhrase(roles: PermissionRole[]): string {
  const names = roles.map((r) => roleLabel[r]);
  return names.length === 1 ? `the ${names[0]} role` : `the ${names.slice(0, -1).join(', ')} and ${names.at(-1)} roles`;
}
