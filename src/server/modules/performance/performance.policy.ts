import type { Actor } from '../../platform/http/types.ts';
import { hasRole } from '../org/index.ts';

/**
 * Who may do what in performance, one function per action, one section per capability
 * (DESIGN.md §5). What a caller may not see answers 404, never 403.
 */

/** Goal periods, templates and bulk assignment, the 1:1 topic bank, company values, anonymity. */
export const canManagePerformanceSettings = (actor: Actor) => hasRole(actor, 'hr_admin');

// ---- goals ----------------------------------------------------------------------------------

// ---- 1:1s -----------------------------------------------------------------------------------

// ---- feedback and praise --------------------------------------------------------------------
