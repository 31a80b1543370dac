import type { Actor } from '../../platform/http/types.ts';
import { hasRole } from '../org/index.ts';

/** The skills framework is shaped by HR and learning admins; everyone signed in reads it. */
export const canManageSkills = (actor: Actor) => hasRole(actor, 'hr_admin', 'learning_admin');
