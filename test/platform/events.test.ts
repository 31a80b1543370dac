import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { domainEvent } from '../../src/server/db/schema/index.ts';
import { GROUP_MEMBERS_CHANGED } from '../../src/server/modules/org/index.ts';
import {
  defineEvent,
  defineJob,
  defineSubscriber,
  dispatchEvents,
  emit,
  EventPayloadError,
  recordChange,
  subscriberJobs,
  systemRef,
} from '../../src/server/modules/platform/index.ts';
import { insertEvents } from '../../src/server/modules/platform/platform.repo.ts';
import { InlineJobQueue, JobDataError } from '../../src/server/platform/jobs.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { createOrg } from '../support/factories.ts';

const TALLIED = defineEvent('test.tallied', z.object({ count: z.number().int(), who: z.array(z.uuid()) }));
const seen: Array<{ count: number; who: string[] }> = [];
const tally = defineSubscriber({
  event: TALLIED,
  name: 'test.tally',
  async handler(_ctx, event) {
    seen.push({ count: event.payload.count, who: event.payload.who });
  },
});

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({}, { subscribers: [tally] });
});

/** An outbox row written past `recordChange`, as a producer out of step (or an older release) would leave it. */
async function insertRawEvent(orgId: string, type: string, payload: Record<string, unknown>) {
  await insertEvents(t.ctx.db, [{ orgId, type, payload: { recordType: 'test', recordId: null, actorPersonId: null, ...payload } }]);
  const [row] = await t.ctx.db.select().from(domainEvent).where(eq(domainEvent.orgId, orgId));
  return row!;
}

describe('typed events', () => {
  it('hands a subscriber the payload its definition describes', async () => {
    const org = await createOrg(t);
    const who = [crypto.randomUUID()];
    await t.ctx.db.transaction((tx) =>
      recordChange(tx, systemRef(org.id), { action: 'test.tallied', recordType: 'test', recordId: null, emits: emit(TALLIED, { count: 3, who }) }),
    );
    seen.length = 0;
    await dispatchEvents(t.ctx);
    await t.ctx.jobs.drain();
    expect(seen).toEqual([{ count: 3, who }]);
  });

  it('fails the subscriber’s job, and logs why, when a stored payload does not match its event', async () => {
    const org = await createOrg(t);
    const bad = await insertRawEvent(org.id, TALLIED.type, { count: 'three', who: ['not-a-uuid'] });
    const errors = vi.spyOn(t.ctx.log, 'error');
    seen.length = 0;
    try {
      await dispatchEvents(t.ctx);
      const failure = await t.ctx.jobs.drain().catch((err: unknown) => err);
      expect(failure).toBeInstanceOf(EventPayloadError);
      expect((failure as Error).message).toContain(bad.id);
      expect((failure as Error).message).toMatch(/count: .*who\.0: /);
      expect(seen).toEqual([]);
      expect(errors).toHaveBeenCalledWith(expect.objectContaining({ job: 'event.test.tally', err: failure }), 'inline job failed');
    } finally {
      errors.mockRestore();
      await t.ctx.jobs.drain(); // whatever else the dispatch queued
    }
  });

  it('fails a module’s subscribers too: a group event without its member lists is not read as "nobody joined"', async () => {
    const org = await createOrg(t);
    const bad = await insertRawEvent(org.id, GROUP_MEMBERS_CHANGED.type, { groupId: crypto.randomUUID() });
    await dispatchEvents(t.ctx);
    const failures: string[] = [];
    for (let i = 0; i < 10; i++) {
      const failure = await t.ctx.jobs.drain().catch((err: unknown) => err);
      if (!failure) break;
      expect(failure).toBeInstanceOf(EventPayloadError);
      failures.push((failure as Error).message);
    }
    expect(failures.filter((m) => m.includes(bad.id)).sort()).toEqual([
      `Event group.members_changed ${bad.id} does not match its schema for subscriber learning.compliance-group-newcomers: added: Invalid input: expected array, received undefined; removed: Invalid input: expected array, received undefined`,
      `Event group.members_changed ${bad.id} does not match its schema for subscriber learning.enroll-group-newcomers: added: Invalid input: expected array, received undefined; removed: Invalid input: expected array, received undefined`,
    ]);
  });
});

describe('typed jobs', () => {
  const runs: string[] = [];
  const greet = defineJob({
    name: 'test.greet',
    schema: z.object({ personId: z.uuid(), at: z.iso.datetime() }),
    async handler(_ctx, data) {
      runs.push(data.personId);
    },
  });

  it('runs a job with data its schema accepts, as the queue stores it (JSON)', async () => {
    const queue = new InlineJobQueue();
    queue.register(t.ctx, [greet]);
    const id = crypto.randomUUID();
    await queue.send(greet, { personId: id, at: new Date(0).toISOString() });
    await queue.drain();
    expect(runs).toEqual([id]);
  });

  it('fails a job whose data does not match its schema, with the reason in the log', async () => {
    const error = vi.fn();
    const queue = new InlineJobQueue({ error } as never);
    queue.register(t.ctx, [greet]);
    runs.length = 0;
    // What a sender of another shape (or a job queued by an older release) hands over.
    await queue.send(greet, { personId: 'nobody' } as never);
    const failure = await queue.drain().catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(JobDataError);
    expect((failure as Error).message).toBe('Job test.greet got data that does not match its schema: personId: Invalid UUID; at: Invalid input: expected string, received undefined');
    expect(runs).toEqual([]);
    expect(error).toHaveBeenCalledWith({ err: failure, job: 'test.greet' }, 'inline job failed');
  });

  it('refuses two jobs of one name', () => {
    const queue = new InlineJobQueue();
    expect(() => queue.register(t.ctx, [greet, { ...greet }])).toThrow('Job test.greet is registered twice');
  });
});

/**
 * Producers, subscribers and senders are typed by one definition: each line below is a
 * disagreement that must not compile (`npx tsc --noEmit` fails if one does).
 */
export function disagreementsThatDoNotCompile(queue: InlineJobQueue) {
  // @ts-expect-error the event says who left too
  emit(GROUP_MEMBERS_CHANGED, { groupId: crypto.randomUUID(), added: [] });
  // @ts-expect-error member ids are strings
  emit(GROUP_MEMBERS_CHANGED, { groupId: crypto.randomUUID(), added: [1], removed: [] });
  defineSubscriber({
    event: GROUP_MEMBERS_CHANGED,
    name: 'test.mistaken',
    async handler(_ctx, event) {
      // @ts-expect-error a group event carries no enrolments
      void event.payload.enrollmentIds;
    },
  });
  // @ts-expect-error a change emits a definition's event, not a hand-made one
  void recordChange(t.ctx.db, systemRef(''), { action: 'x', recordType: 'x', recordId: null, emits: { type: 'x', payload: {} } });
  const greet = defineJob({ name: 'test.typed', schema: z.object({ personId: z.uuid() }), handler: async () => {} });
  // @ts-expect-error the job's data is typed by its schema
  void queue.send(greet, { person: 'x' });
}

describe('subscriber jobs', () => {
  it('take events in batches (pg-boss waits 2 s after each fetch), or as many as the subscriber names', () => {
    const named = defineSubscriber({ event: TALLIED, name: 'test.named', batchSize: 50, handler: async () => {} });
    expect(subscriberJobs([tally, named]).map((j) => [j.name, j.batchSize])).toEqual([
      ['event.test.tally', 20],
      ['event.test.named', 50],
    ]);
  });
});
