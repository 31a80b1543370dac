import type { DbOrTx } from '../../platform/db/index.ts';
import { auditEvent, domainEvent } from '../../db/schema/index.ts';
import type { Actor, ActorRef } from '../../platform/http/types.ts';

export type Change = {
  /** `<record>.<verb>`, e.g. `person.updated`; also the domain event type unless `event` says otherwise. */
  action: string;
  recordType: string;
  recordId: string | null;
  before?: unknown;
  after?: unknown;
  /** Extra payload for the domain event, or false when the change has no subscribers' interest. */
  event?: Record<string, unknown> | false;
};

export function actorRef(actor: Actor, requestId?: string): ActorRef {
  return { orgId: actor.orgId, personId: actor.personId, label: actor.label, requestId };
}

export function systemRef(orgId: string, label = 'system'): ActorRef {
  return { orgId, personId: null, label };
}

/**
 * Every mutation calls this inside its transaction: the audit trail and the outbox event commit
 * (or roll back) with the change itself.
 */
export async function recordChange(tx: DbOrTx, by: ActorRef, change: Change): Promise<void> {
  await recordChanges(tx, by, [change]);
}

export async function recordChanges(tx: DbOrTx, by: ActorRef, changes: Change[]): Promise<void> {
  if (changes.length === 0) return;
  for (let i = 0; i < changes.length; i += 1000) {
    const chunk = changes.slice(i, i + 1000);
    await tx.insert(auditEvent).values(
      chunk.map((ch) => ({
        orgId: by.orgId,
        actorPersonId: by.personId,
        actorLabel: by.label,
        action: ch.action,
        recordType: ch.recordType,
        recordId: ch.recordId,
        before: ch.before ?? null,
        after: ch.after ?? null,
        requestId: by.requestId ?? null,
      })),
    );
    const events = chunk.filter((ch) => ch.event !== false);
    if (events.length) {
      await tx.insert(domainEvent).values(
        events.map((ch) => ({
          orgId: by.orgId,
          type: ch.action,
          payload: { recordType: ch.recordType, recordId: ch.recordId, actorPersonId: by.personId, ...(ch.event || {}) },
        })),
      );
    }
  }
}
