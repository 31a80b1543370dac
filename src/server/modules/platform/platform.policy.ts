import type { Actor } from '../../platform/http/types.ts';
import { hasRole } from '../org/index.ts';

/** The audit log (DESIGN.md §5): admins. */
export const canReadAuditLog = (actor: Actor) => hasRole(actor, 'admin');
/** The mail outbox (each message opened is audited): admins. */
export const canReadMailOutbox = (actor: Actor) => hasRole(actor, 'admin');
