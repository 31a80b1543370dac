import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { mailMessage, notification, oneOnOneMeeting, performanceSettings } from '../../src/server/db/schema/index.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { runOneOnOneSweep } from '../../src/server/modules/performance/one-on-ones/index.ts';
import { createOrg, createUser } from '../support/factories.ts';
import { createSeries } from '../support/one-on-ones.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});

const HOUR = 3_600_000;

describe('1:1 reminders', () => {
  it('asks both participants once, N hours before, in-app and by email; tops up meetings of idle series', async () => {
    const org = await createOrg(t);
    await t.ctx.db.insert(performanceSettings).values({ orgId: org.id, oneOnOneReminderHours: 6 });
    const manager = await createUser(t, org.id);
    const emp = await createUser(t, org.id, { managerId: manager.person.id });
    const series = await createSeries(t, org.id, manager.person.id, emp.person.id, { startsAt: new Date(t.clock.now().getTime() + 10 * HOUR) });

    await runOneOnOneSweep(t.ctx);
    const mine = () => t.ctx.db.select().from(notification).where(and(eq(notification.orgId, org.id), eq(notification.kind, 'one_on_one.reminder')));
    expect(await mine()).toHaveLength(0);

    t.clock.advance(5 * HOUR); // 5 hours before: inside the 6-hour window
    await runOneOnOneSweep(t.ctx);
    await runOneOnOneSweep(t.ctx);
    const sent = await mine();
    expect(sent.map((n) => n.personId).sort()).toEqual([manager.person.id, emp.person.id].sort());
    expect(sent[0]!.link).toBe(`/one-on-ones/${series.id}`);
    const mails = await t.ctx.db.select().from(mailMessage).where(eq(mailMessage.orgId, org.id));
    expect(mails.length).toBe(2);

    // Months later, with nobody opening the series, the sweep materialises meetings and reminds again.
    t.clock.advance(60 * 24 * HOUR);
    await runOneOnOneSweep(t.ctx);
    const ahead = await t.ctx.db.select().from(oneOnOneMeeting).where(eq(oneOnOneMeeting.seriesId, series.id));
    expect(ahead.filter((m) => m.scheduledAt > t.clock.now()).length).toBeGreaterThanOrEqual(1);
  });
});
