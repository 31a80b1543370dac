import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { agendaItem, auditEvent, domainEvent } from '../../src/server/db/schema/index.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { addToNextOneOnOne } from '../../src/server/modules/performance/index.ts';
import { AppError } from '../../src/server/platform/http/errors.ts';
import { createOrg, createUser } from '../support/factories.ts';
import { actorOf, createSeries } from '../support/one-on-ones.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});

describe('addToNextOneOnOne', () => {
  it('puts the point on the next meeting with the manager by default, or with the person named', async () => {
    const org = await createOrg(t);
    const manager = await createUser(t, org.id);
    const emp = await createUser(t, org.id, { managerId: manager.person.id });
    const series = await createSeries(t, org.id, manager.person.id, emp.person.id, { startsAt: new Date(t.clock.now().getTime() + 3_600_000) });
    const sourceRecordId = '0190f0f0-0000-7000-8000-000000000001';

    const added = await t.ctx.db.transaction((tx) =>
      addToNextOneOnOne(t.ctx, tx, actorOf(emp), { body: 'Blocked on the API keys', sourceRecordType: 'check_in', sourceRecordId }),
    );
    expect(added.seriesId).toBe(series.id);
    const [row] = await t.ctx.db.select().from(agendaItem).where(eq(agendaItem.id, added.agendaItemId));
    expect(row).toMatchObject({ meetingId: added.meetingId, authorId: emp.person.id, private: false, sourceRecordType: 'check_in', sourceRecordId });

    // The manager's side names the report; a private point stays out of the audit log's text.
    const mine = await t.ctx.db.transaction((tx) =>
      addToNextOneOnOne(t.ctx, tx, actorOf(manager), { withPersonId: emp.person.id, body: 'Promotion case', private: true, sourceRecordType: 'goal', sourceRecordId }),
    );
    expect(mine.meetingId).toBe(added.meetingId);
    const [audit] = await t.ctx.db.select().from(auditEvent).where(and(eq(auditEvent.orgId, org.id), eq(auditEvent.recordId, mine.agendaItemId)));
    expect(JSON.stringify(audit!.after)).not.toContain('Promotion case');
    const events = await t.ctx.db.select().from(domainEvent).where(and(eq(domainEvent.orgId, org.id), eq(domainEvent.type, 'one_on_one.point_added')));
    expect(events).toHaveLength(2);
  });

  it('moves to the following meeting once the next one is over, materialising meetings as needed', async () => {
    const org = await createOrg(t);
    const manager = await createUser(t, org.id);
    const emp = await createUser(t, org.id, { managerId: manager.person.id });
    await createSeries(t, org.id, manager.person.id, emp.person.id, { startsAt: new Date(t.clock.now().getTime() + 3_600_000) });
    const src = { sourceRecordType: 'check_in', sourceRecordId: '0190f0f0-0000-7000-8000-000000000002' };
    const first = await t.ctx.db.transaction((tx) => addToNextOneOnOne(t.ctx, tx, actorOf(emp), { body: 'a', ...src }));
    t.clock.advance(30 * 86_400_000);
    const later = await t.ctx.db.transaction((tx) => addToNextOneOnOne(t.ctx, tx, actorOf(emp), { body: 'b', ...src }));
    expect(later.meetingId).not.toBe(first.meetingId);
  });

  it('answers 409 no_one_on_one without a manager, without a series, or with an ended one', async () => {
    const org = await createOrg(t);
    const manager = await createUser(t, org.id);
    const emp = await createUser(t, org.id, { managerId: manager.person.id });
    const loner = await createUser(t, org.id);
    const src = { body: 'x', sourceRecordType: 'check_in', sourceRecordId: '0190f0f0-0000-7000-8000-000000000003' };
    for (const [who, input] of [
      [emp, src],
      [loner, src],
      [manager, { ...src, withPersonId: loner.person.id }],
    ] as const) {
      const err = await t.ctx.db.transaction((tx) => addToNextOneOnOne(t.ctx, tx, actorOf(who), input)).catch((e) => e);
      expect(err).toBeInstanceOf(AppError);
      expect(err.code).toBe('no_one_on_one');
      expect(err.status).toBe(409);
    }
  });
});
