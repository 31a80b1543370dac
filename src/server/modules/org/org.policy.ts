import type { PermissionRole } from '../../db/schema/identity.ts';
import type { DbOrTx } from '../../platform/db/index.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/http/types.ts';
import { personInOrg } from './people.repo.ts';
import { isInChainOf } from './reporting-chain.repo.ts';

export function hasRole(actor: Pick<Actor, 'roles'>, ...roles: PermissionRole[]): boolean {
  return actor.roles.includes('admin') || roles.some((r) => actor.roles.includes(r));
}

/**
 * Admin areas answer 404 to those their action's policy refuses, so their existence is not
 * advertised (DESIGN.md §5); a bearer token uses its owner's admin roles only with the `admin`
 * scope. `requirePermission(actor, canManagePeople)`.
 */
export function requirePermission(actor: Actor, can: (actor: Actor) => boolean): void {
  if (!can(actor)) throw notFound();
  if (actor.via === 'token' && !actor.scopes.includes('admin')) {
    throw new AppError('forbidden', 'This API token lacks the admin scope');
  }
}

// Each action names who may take it, so a service asks for the action, not for a role.

/** People records: create, change, deactivate and reactivate; their sign-in accounts (identity). */
export const canManagePeople = (actor: Actor) => hasRole(actor, 'hr_admin');
/** The department tree. */
export const canManageDepartments = (actor: Actor) => hasRole(actor, 'hr_admin');
/** The people import (its reports carry every value, custom fields included). */
export const canImportPeople = (actor: Actor) => hasRole(actor, 'hr_admin');
/** Custom field definitions. */
export const canManageCustomFields = (actor: Actor) => hasRole(actor, 'hr_admin');
/** Groups and their members. */
export const canManageGroups = (actor: Actor) => hasRole(actor, 'hr_admin');
/** Groups, their rules and members: HR admins, and learning admins who assign to them as audiences. */
export const canReadGroups = (actor: Actor) => hasRole(actor, 'hr_admin', 'learning_admin');

/**
 * HR admins read every custom field. A bearer token uses that role only with the `admin` scope,
 * as for the admin areas ("Use your admin permissions"): a read-only token reads as staff.
 */
export function canReadEveryField(actor: Pick<Actor, 'roles' | 'via' | 'scopes'>): boolean {
  return hasRole(actor, 'hr_admin') && (actor.via !== 'token' || actor.scopes.includes('admin'));
}

/**
 * Personal records (DESIGN.md §5): the person themself, anyone above them in the reporting chain,
 * or an HR admin of the person's own organisation (an id from another organisation is nobody's).
 */
export async function canReadPersonalOf(db: DbOrTx, actor: Actor, personId: string): Promise<boolean> {
  if (actor.personId === personId) return true;
  if (hasRole(actor, 'hr_admin')) return personInOrg(db, actor.orgId, personId);
  return isInChainOf(db, actor.orgId, actor.personId, personId);
}

/** Someone above the person in the reporting chain (not the person themself). */
export async function isManagerOf(db: DbOrTx, actor: Actor, personId: string): Promise<boolean> {
  return actor.personId !== personId && isInChainOf(db, actor.orgId, actor.personId, personId);
}
