import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { issuesText } from '../../platform/jobs.ts';
import { defineJob, type Job, type SubscriberDefinition } from './definitions.ts';
import * as repo from './platform.repo.ts';

export const jobName = (subscriberName: string) => `event.${subscriberName}`;

const EventJob = z.object({ eventId: z.uuid() });

/** A stored payload that fails its event's schema: the subscriber's job fails, and says why. */
export class EventPayloadError extends Error {
  constructor(subscriber: string, event: { id: string; type: string }, error: z.ZodError) {
    super(`Event ${event.type} ${event.id} does not match its schema for subscriber ${subscriber}: ${issuesText(error)}`);
    this.name = 'EventPayloadError';
  }
}

/**
 * Events a subscriber's worker takes per fetch unless it names its own: pg-boss waits 2 s after
 * each fetch, so at one a fetch a burst of events (an import, a bulk assignment) reached each
 * subscriber at one event every 2 s. Handlers are idempotent (the outbox delivers at least once),
 * and in a batch a failing event fails and retries alone.
 */
const SUBSCRIBER_BATCH = 20;

/** Each subscriber's job: reads the event back, checks its payload, runs the handler. */
export function subscriberJobs(subscribers: readonly SubscriberDefinition[]): Job[] {
  return subscribers.map((s) =>
    defineJob({
      name: jobName(s.name),
      schema: EventJob,
      batchSize: s.batchSize ?? SUBSCRIBER_BATCH,
      async handler(ctx, { eventId }) {
        const row = await repo.findEvent(ctx.db, eventId);
        if (!row) throw new Error(`Event ${eventId} for subscriber ${s.name} does not exist`);
        const parsed = s.event.schema.safeParse(row.payload);
        if (!parsed.success) throw new EventPayloadError(s.name, row, parsed.error);
        await s.handler(ctx, { id: row.id, orgId: row.orgId, type: row.type, occurredAt: row.occurredAt, payload: parsed.data });
      },
    }),
  );
}

/**
 * Hands pending outbox events to their subscribers' jobs (`ctx.subscribers`) and marks them
 * dispatched, in one transaction; SKIP LOCKED lets replicas share the work. Returns how many
 * events it took.
 */
export async function dispatchEvents(ctx: AppContext, batch = 100): Promise<number> {
  if (ctx.database.kind === 'pglite') return dispatchEmbedded(ctx, batch);
  let total = 0;
  for (;;) {
    const sent = await ctx.db.transaction(async (tx) => {
      const events = await repo.claimPendingEvents(tx, batch);
      for (const e of events) await sendToSubscribers(ctx, e);
      await repo.markEventsDispatched(
        tx,
        events.map((e) => e.id),
        ctx.clock.now(),
      );
      return events.length;
    });
    total += sent;
    if (sent < batch) return total;
  }
}

async function sendToSubscribers(ctx: AppContext, e: { id: string; type: string }) {
  for (const s of ctx.subscribers) {
    if (s.event.type === e.type) await ctx.jobs.send({ name: jobName(s.name), schema: EventJob }, { eventId: e.id });
  }
}

/**
 * PGlite has one connection: a job queued inside the claiming transaction would wait for that
 * transaction forever. The embedded server is a single process, so it reads, queues, then marks
 * (at least once: a crash before the mark queues the jobs again; subscribers are idempotent).
 */
async function dispatchEmbedded(ctx: AppContext, batch: number): Promise<number> {
  let total = 0;
  for (;;) {
    const events = await ctx.db.transaction((tx) => repo.claimPendingEvents(tx, batch));
    for (const e of events) await sendToSubscribers(ctx, e);
    await ctx.db.transaction((tx) =>
      repo.markEventsDispatched(
        tx,
        events.map((e) => e.id),
        ctx.clock.now(),
      ),
    );
    total += events.length;
    if (events.length < batch) return total;
  }
}
