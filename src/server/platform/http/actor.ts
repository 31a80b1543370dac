import { AppError } from './errors.ts';
import type { Actor } from './types.ts';

/** The signed-in actor, or a 401. */
export function requireActor(c: { var: { actor: Actor | null } }): Actor {
  const actor = c.var.actor;
  if (!actor) throw new AppError('unauthenticated', 'Sign in first');
  return actor;
}
