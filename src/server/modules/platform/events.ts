import type { AppContext } from '../../context.ts';
import * as repo from './platform.repo.ts';

export type DomainEvent = NonNullable<Awaited<ReturnType<typeof repo.findEvent>>>;
export type Subscriber = { eventType: string; name: string; handler: (ctx: AppContext, event: DomainEvent) => Promise<void> };

const subscribers = new Map<string, Subscriber>();

/**
 * Subscribes to domain events from the outbox (`'*'` for all). Each subscriber runs as its own
 * job (`event.<name>`), so a failing subscriber retries without holding up the others.
 */
export function subscribe(eventType: string, name: string, handler: Subscriber['handler']): void {
  subscribers.set(name, { eventType, name, handler });
}

export const jobName = (subscriberName: string) => `event.${subscriberName}`;

export function registerEventJobs(ctx: AppContext): void {
  for (const s of subscribers.values()) {
    ctx.jobs.register<{ eventId: string }>(jobName(s.name), async ({ eventId }) => {
      const event = await repo.findEvent(ctx.db, eventId);
      if (event) await s.handler(ctx, event);
    });
  }
}

/**
 * Hands pending outbox events to their subscribers' jobs and marks them dispatched, in one
 * transaction; SKIP LOCKED lets replicas share the work. Returns how many events it took.
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
  for (const s of subscribers.values()) {
    if (s.eventType === '*' || s.eventType === e.type) await ctx.jobs.send(jobName(s.name), { eventId: e.id });
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
