import type { PermissionRole } from '../../db/schema/identity.ts';
import type { DbOrTx } from '../../platform/db/index.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/http/types.ts';
import { isInChainOf } from './reporting-chain.repo.ts';

export function hasRole(actor: Pick<Actor, 'roles'>, ...roles: PermissionRole[]): boolean {
  return actor.roles.includes('admin') || roles.some((r) => actor.roles.includes(r));
}

/**
 * Admin areas answer 404 to those without the role, so their existence is not advertised
 * (DESIGN.md §5); bearer tokens also need the `admin` scope.
 */
export function requireRole(actor: Actor, ...roles: PermissionRole[]): void {
  if (!hasRole(actor, ...roles)) throw notFound();
  if (actor.via === 'token' && !actor.scopes.includes('admin')) {
    throw new AppError('forbidden', 'This API token lacks the admin scope');
  }
}

export const canManagePeople = (actor: Actor) => hasRole(actor, 'hr_admin');

/**
 * HR admins read every custom field. A bearer token uses that role only with the `admin` scope,
 * as for the admin areas ("Use your admin permissions"): a read-only token reads as staff.
 */
export function canReadEveryField(actor: Pick<Actor, 'roles' | 'via' | 'scopes'>): boolean {
  return hasRole(actor, 'hr_admin') && (actor.via !== 'token' || actor.scopes.includes('admin'));
}

/** The person themself, anyone above them in the reporting chain, or an HR admin. */
export async function canSeePersonal(db: DbOrTx, actor: Actor, personId: string): Promise<boolean> {
  if (actor.personId === personId || hasRole(actor, 'hr_admin')) return true;
  return isInChainOf(db, actor.orgId, actor.personId, personId);
}

export async function isManagerOf(db: DbOrTx, actor: Actor, personId: string): Promise<boolean> {
  return actor.personId !== personId && isInChainOf(db, actor.orgId, actor.personId, personId);
}
