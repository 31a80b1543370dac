import type { PermissionRole } from '../../db/schema/identity.ts';
import type { AppContext } from '../../context.ts';

/** Who is making the request. Managers are not a role: see the org module's reporting lines. */
export type Actor = {
  orgId: string;
  userId: string;
  personId: string;
  roles: PermissionRole[];
  via: 'session' | 'token';
  /** Token scopes; sessions carry every scope. */
  scopes: Array<'read' | 'write' | 'admin'>;
  sessionId?: string;
  label: string;
};

/** What an audited change records about who made it: a person, or the system (CLI, jobs). */
export type ActorRef = { orgId: string; personId: string | null; label: string; requestId?: string };

export type AppEnv = {
  Variables: {
    ctx: AppContext;
    actor: Actor | null;
    requestId: string;
  };
};
