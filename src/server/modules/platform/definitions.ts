import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import type { JobDefinition } from '../../platform/jobs.ts';

/**
 * How a module declares its background work (Documenso's job definitions are the model):
 * a job is a name, a zod schema and a handler; an event is a name and a payload schema; a
 * subscriber is an event, a name and a handler. Producers and handlers are typed by the same
 * schema, so two that disagree do not compile, and data that fails it at run time fails the job.
 */

export type Job<S extends z.ZodType = z.ZodType> = JobDefinition<S, AppContext>;

export function defineJob<S extends z.ZodType>(job: Job<S>): Job<S> {
  return job;
}

/** What every outbox event carries, written by `recordChange`. */
export const ChangeEventBase = z.object({
  recordType: z.string(),
  recordId: z.string().nullable(),
  actorPersonId: z.string().nullable(),
});
export type ChangeEventBase = z.output<typeof ChangeEventBase>;

export type EventDefinition<S extends z.ZodObject = z.ZodObject> = {
  readonly type: string;
  /** The event's own fields, which the producer passes to `emit`. */
  readonly payload: S;
  /** The stored payload: the change's base fields and the event's own. */
  readonly schema: z.ZodType<ChangeEventBase & z.output<S>>;
};

export function defineEvent<S extends z.ZodObject>(type: string, payload: S): EventDefinition<S> {
  const schema = ChangeEventBase.extend(payload.shape) as unknown as z.ZodType<ChangeEventBase & z.output<S>>;
  return { type, payload, schema };
}

/** A plain change's event (its type is the change's action; the base fields only). */
export function changeEvent(action: string): EventDefinition<z.ZodObject<{}>> {
  return defineEvent(action, z.object({}));
}

declare const emitted: unique symbol;
/** An event a change emits, built by `emit` from its definition. */
export type EmittedEvent = { readonly type: string; readonly payload: Record<string, unknown>; readonly [emitted]: true };

/** The event of a change, typed by its definition: `emits: emit(GROUP_MEMBERS_CHANGED, { groupId, added, removed })`. */
export function emit<S extends z.ZodObject>(event: EventDefinition<S>, payload: z.input<S>): EmittedEvent {
  return { type: event.type, payload: payload as Record<string, unknown> } as EmittedEvent;
}

export type DomainEvent<P = ChangeEventBase> = {
  id: string;
  orgId: string;
  type: string;
  occurredAt: Date;
  payload: P;
};

/**
 * Runs as its own job (`event.<name>`) for each event of its type, so a failing subscriber
 * retries without holding up the others. Delivery is at least once: say in a comment how the
 * handler is idempotent.
 */
export type SubscriberDefinition<S extends z.ZodObject = z.ZodObject> = {
  readonly event: EventDefinition<S>;
  readonly name: string;
  /** Events its job takes per fetch (see `JobDefinition.batchSize`), for a short handler that events reach in bursts. */
  readonly batchSize?: number;
  handler(ctx: AppContext, event: DomainEvent<ChangeEventBase & z.output<S>>): Promise<void>;
};

export function defineSubscriber<S extends z.ZodObject>(subscriber: SubscriberDefinition<S>): SubscriberDefinition<S> {
  return subscriber;
}
