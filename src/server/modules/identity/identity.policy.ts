import type { PermissionRole } from '../../db/schema/identity.ts';

type HasRoles = { roles: readonly PermissionRole[] };

/** The roles of `target` that `actor` does not hold (`admin` implies every role). */
export function rolesBeyond(actor: HasRoles, target: HasRoles): PermissionRole[] {
  if (actor.roles.includes('admin')) return [];
  return target.roles.filter((r) => !actor.roles.includes(r));
}

/**
 * Nobody gains power through another account: changing the sign-in email of an account,
 * deactivating it or sending it a sign-in link needs every role that account holds.
 */
export function canManageAccountOf(actor: HasRoles, target: HasRoles): boolean {
  return rolesBeyond(actor, target).length === 0;
}

/** Granting and taking away roles: admins only (an HR admin manages people, not who administers). */
export const canGrantRoles = (actor: HasRoles) => actor.roles.includes('admin');
