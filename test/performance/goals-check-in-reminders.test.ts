import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { notification, performanceSettings } from '../../src/server/db/schema/index.ts';
import { checkInWindowStart, runCheckInReminderSweep } from '../../src/server/modules/performance/goals/check-in-reminders.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { signInAs } from '../support/client.ts';
import { createDepartment, createOrg, createUser } from '../support/factories.ts';
import { createGoal, createPeriod } from '../support/goals.ts';
import { mailsTo } from '../support/mail.ts';

let t: TestApp;
// In the past of every other test's records: the sweep spans tenants, and on the shared
// PostgreSQL database it must find only the goals this file dated before its reminder moments.
beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date('2025-06-05T12:00:00Z')); // a Thursday
});

const LONG_AGO = new Date('2025-05-01T10:00:00Z');

const reminders = (orgId: string, personId: string) =>
  t.ctx.db
    .select()
    .from(notification)
    .where(and(eq(notification.orgId, orgId), eq(notification.personId, personId), eq(notification.kind, 'performance.check_in_reminder')));

describe('the check-in window', () => {
  it('starts at the latest reminder weekday at 09:00 UTC, the same day once the hour has come', () => {
    const thu = new Date('2025-06-05T12:00:00Z');
    expect(checkInWindowStart(thu, 5).toISOString()).toBe('2025-05-30T09:00:00.000Z'); // last Friday
    expect(checkInWindowStart(thu, 1).toISOString()).toBe('2025-06-02T09:00:00.000Z'); // this Monday
    expect(checkInWindowStart(thu, 4).toISOString()).toBe('2025-06-05T09:00:00.000Z'); // today, after 09:00
    expect(checkInWindowStart(new Date('2025-06-05T08:59:59Z'), 4).toISOString()).toBe('2025-05-29T09:00:00.000Z'); // before it: a week ago
    expect(checkInWindowStart(new Date('2025-06-08T23:00:00Z'), 7).toISOString()).toBe('2025-06-08T09:00:00.000Z'); // Sunday
  });
});

describe('check-in reminders', () => {
  it('reminds each owner of open goals once per interval, in-app and by email, across organisations', async () => {
    // Acme has no settings row: Friday. Beta reminds on Mondays.
    const acme = await createOrg(t);
    const beta = await createOrg(t);
    await t.ctx.db.insert(performanceSettings).values({ orgId: beta.id, checkInReminderWeekday: 1 });

    const alice = await createUser(t, acme.id);
    const bob = await createUser(t, acme.id);
    const carol = await createUser(t, acme.id);
    const gone = await createUser(t, acme.id, { status: 'inactive' });
    const dave = await createUser(t, beta.id);

    const open = await createPeriod(t, acme.id, { startsOn: '2025-04-01', endsOn: '2025-06-30' });
    const closed = await createPeriod(t, acme.id, { startsOn: '2025-01-01', endsOn: '2025-03-31', closedAt: new Date('2025-04-02T00:00:00Z') });
    const later = await createPeriod(t, acme.id, { startsOn: '2025-07-01', endsOn: '2025-09-30' });
    const sales = await createDepartment(t, acme.id, 'Sales');
    const owned = { ownerType: 'person' as const, createdAt: LONG_AGO };
    // Alice: two open goals (one in the open period) are due; done, dropped, missed, a closed period's and a future period's are not.
    const aliceDue = [
      await createGoal(t, acme.id, { ...owned, ownerPersonId: alice.person.id, title: 'Ship the beta' }),
      await createGoal(t, acme.id, { ...owned, ownerPersonId: alice.person.id, title: 'Hire two', periodId: open.id, status: 'at_risk' }),
    ];
    await createGoal(t, acme.id, { ...owned, ownerPersonId: alice.person.id, status: 'done', closedAt: LONG_AGO });
    await createGoal(t, acme.id, { ...owned, ownerPersonId: alice.person.id, status: 'dropped', closedAt: LONG_AGO });
    await createGoal(t, acme.id, { ...owned, ownerPersonId: alice.person.id, periodId: closed.id });
    await createGoal(t, acme.id, { ...owned, ownerPersonId: alice.person.id, periodId: later.id });
    // Bob checks in; Carol has only closed goals; an inactive owner and a department's goal remind nobody.
    const bobs = await createGoal(t, acme.id, { ...owned, ownerPersonId: bob.person.id, keyResults: [{ title: 'Calls' }] });
    await createGoal(t, acme.id, { ...owned, ownerPersonId: carol.person.id, status: 'missed', closedAt: LONG_AGO });
    await createGoal(t, acme.id, { ...owned, ownerPersonId: gone.person.id });
    await createGoal(t, acme.id, { ownerType: 'department', ownerDepartmentId: sales.id, createdAt: LONG_AGO });
    await createGoal(t, beta.id, { ...owned, ownerPersonId: dave.person.id });

    const asBob = await signInAs(t, bob);
    const kr = (await asBob.get(`goals/${bobs.id}`)).body.keyResults[0]!.id as string;
    expect((await asBob.post(`goals/${bobs.id}/check-ins`, { values: { [kr]: 3 }, confidence: 6 })).status).toBe(201);

    // Thursday: Acme's interval began last Friday, Beta's on Monday; one sweep reminds both.
    await runCheckInReminderSweep(t.ctx);
    await runCheckInReminderSweep(t.ctx);
    const [toAlice, ...moreToAlice] = await reminders(acme.id, alice.person.id);
    expect(moreToAlice).toHaveLength(0);
    expect(toAlice).toMatchObject({ title: 'Time to check in on 2 goals', link: '/goals' });
    expect(await reminders(beta.id, dave.person.id)).toMatchObject([{ title: 'Time to check in on 1 goal', link: '/goals' }]);
    for (const p of [bob, carol, gone]) expect(await reminders(acme.id, p.person.id)).toHaveLength(0);
    const acmeReminders = await t.ctx.db
      .select()
      .from(notification)
      .where(and(eq(notification.orgId, acme.id), eq(notification.kind, 'performance.check_in_reminder')));
    expect(acmeReminders).toHaveLength(1);

    // The email says the same and links to the goals page.
    const mails = await mailsTo(t, acme.id, alice.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe('Time to check in on 2 goals');
    expect(mails[0]!.text).toContain(`${t.ctx.config.publicUrl}/goals`);
    expect(await mailsTo(t, acme.id, gone.email)).toHaveLength(0);

    // Alice reads it where she reads her notifications.
    const asAlice = await signInAs(t, alice);
    expect((await asAlice.get('notifications')).body.data).toMatchObject([{ title: 'Time to check in on 2 goals', link: '/goals' }]);

    // Friday 08:00: still the same interval, nothing more.
    t.clock.set(new Date('2025-06-06T08:00:00Z'));
    await runCheckInReminderSweep(t.ctx);
    expect(await reminders(acme.id, alice.person.id)).toHaveLength(1);

    // Friday 09:30: Acme's next interval. Alice again; Bob checked in within the week before it.
    t.clock.set(new Date('2025-06-06T09:30:00Z'));
    await runCheckInReminderSweep(t.ctx);
    await runCheckInReminderSweep(t.ctx);
    expect(await reminders(acme.id, alice.person.id)).toHaveLength(2);
    expect(await reminders(acme.id, bob.person.id)).toHaveLength(0);
    expect(await reminders(beta.id, dave.person.id)).toHaveLength(1);
    expect(await mailsTo(t, acme.id, alice.email)).toHaveLength(2);

    // Monday: Beta's next interval; Acme's is unchanged.
    t.clock.set(new Date('2025-06-09T10:00:00Z'));
    await runCheckInReminderSweep(t.ctx);
    expect(await reminders(beta.id, dave.person.id)).toHaveLength(2);
    expect(await reminders(acme.id, alice.person.id)).toHaveLength(2);

    // A week on, Bob's check-in is more than an interval old: he is reminded too. Alice checks in on
    // both her goals the day before, so she is not.
    t.clock.set(new Date('2025-06-12T15:00:00Z'));
    const asAlice2 = await signInAs(t, alice);
    for (const g of aliceDue) expect((await asAlice2.post(`goals/${g.id}/check-ins`, { confidence: 8 })).status).toBe(201);
    t.clock.set(new Date('2025-06-13T09:30:00Z'));
    await runCheckInReminderSweep(t.ctx);
    expect(await reminders(acme.id, bob.person.id)).toMatchObject([{ title: 'Time to check in on 1 goal' }]);
    expect(await reminders(acme.id, alice.person.id)).toHaveLength(2);
    expect(await mailsTo(t, acme.id, bob.email)).toHaveLength(1);
  });
});
