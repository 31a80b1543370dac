import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '../../platform/db/index.ts';
import type { Actor, ActorRef } from '../../platform/http/types.ts';
import type { ChangeEventBase, EmittedEvent } from './definitions.ts';
import * as repo from './platform.repo.ts';

type ChangeRecord = {
  /** `<record>.<verb>`, e.g. `person.updated`; also the type of its generic change event. */
  action: string;
  recordType: string;
  recordId: string | null;
  before?: unknown;
  after?: unknown;
  /**
   * Record the change as of this time, with random (version 4) ids for its audit row and event,
   * instead of now and time-ordered ids: for a change whose exact moment would tell who made it
   * (anonymous feedback in a small team is recorded at the start of its day).
   */
  coarseAt?: Date;
};

export type Change = ChangeRecord &
  (
    | {
        /**
         * Extra fields for the generic change event (type: the action), which no subscriber
         * reads, or false for no event. A change whose event is read names its definition in `emits`.
         */
        event?: Record<string, unknown> | false;
        emits?: never;
      }
    | {
        /** The change's domain event, typed by its definition: `emit(GROUP_MEMBERS_CHANGED, { … })`. */
        emits: EmittedEvent;
        event?: never;
      }
  );

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
  for (let i = 0; i < changes.length; i += 1000) {
    const chunk = changes.slice(i, i + 1000);
    await repo.insertAuditEvents(
      tx,
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
        ...(ch.coarseAt ? { id: randomUUID(), at: ch.coarseAt } : {}),
      })),
    );
    await repo.insertEvents(
      tx,
      chunk.flatMap((ch) => {
        if (ch.event === false) return [];
        const base: ChangeEventBase = { recordType: ch.recordType, recordId: ch.recordId, actorPersonId: by.personId };
        const [type, extra] = ch.emits ? [ch.emits.type, ch.emits.payload] : [ch.action, ch.event ?? {}];
        return [{ orgId: by.orgId, type, payload: { ...base, ...extra }, ...(ch.coarseAt ? { id: randomUUID(), occurredAt: ch.coarseAt } : {}) }];
      }),
    );
  }
}
