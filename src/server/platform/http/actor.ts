import { AppError } from './errors.ts';
import type { Actor } from './types.ts';

/** The signed-in actor, or a 401. (`c.get`, not `c.var`: Hono builds a new object for every `c.var`.) */
export function requireActor(c: { get(key: 'actor'): Actor | null }): Actor {
  const actor = c.get('actor');
  if (!actor) throw new AppError('unauthenticated', 'Sign in first');
  return actor;
}
