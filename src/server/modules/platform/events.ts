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
  let total = 0;
  for (;;) {
    const sent = await ctx.db.transaction(async (tx) => {
      const events = await repo.claimPendingEvents(tx, batch);
      for (const e of events) {
        for (const s of subscribers.values()) {
          if (s.eventType === '*' || s.eventType === e.type) await ctx.jobs.send(jobName(s.name), { eventId: e.id });
        }
      }
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
