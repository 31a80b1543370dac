import type { Actor } from '../../platform/http/types.ts';
import { requireRole } from '../org/index.ts';

/** The framework is shaped by HR and learning admins; everyone signed in reads it. */
export function requireSkillWriter(actor: Actor): void {
  requireRole(actor, 'hr_admin', 'learning_admin');
}
