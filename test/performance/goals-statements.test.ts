import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { createTestApp, dbKind, type TestApp } from '../support/app.ts';
import { signInAs } from '../support/client.ts';
import { createOrg, createUser } from '../support/factories.ts';
import { createSeries } from '../support/one-on-ones.ts';
import { dispatchEvents } from '../../src/server/modules/platform/index.ts';

// How many statements the hot requests send (issue 11's targets are bound by round trips): counted
// at node-postgres's client, so PostgreSQL only; begin and commit count too.

let t: TestApp;
const original = pg.Client.prototype.query;
let log: string[] | null = null;
beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date('2026-11-16T09:00:00Z'));
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const q = args[0] as string | { text?: string; name?: string };
    log?.push(typeof q === 'string' ? q : (q.name ?? q.text ?? '?'));
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
});
afterEach(() => {
  log = null;
});

async function counted<T>(fn: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  log = [];
  const result = await fn();
  const statements = log;
  log = null;
  return { result, statements };
}

describe.skipIf(dbKind !== 'postgres')('statements per hot request', () => {
  it('a check-in on a goal aligned under two more', async () => {
    const org = await createOrg(t);
    const hr = await createUser(t, org.id, { roles: ['hr_admin'] });
    const manager = await createUser(t, org.id);
    const emp = await createUser(t, org.id, { managerId: manager.person.id });
    const as = { hr: await signInAs(t, hr), emp: await signInAs(t, emp) };
    const company = await as.hr.post('goals', { title: 'Company', owner: { type: 'company' } });
    expect(company.status).toBe(201);
    const team = await as.hr.post('goals', { title: 'Team', owner: { type: 'person', personId: manager.person.id }, parentId: company.body.id });
    expect(team.status).toBe(201);
    const mine = await as.emp.post('goals', { title: 'Mine', parentId: team.body.id, keyResults: [{ title: 'A', kind: 'number', targetValue: 10 }, { title: 'B', kind: 'number', targetValue: 10 }] });
    expect(mine.status).toBe(201);
    const [a, b] = mine.body.keyResults.map((k: { id: string }) => k.id) as [string, string];
    let n = 0;
    for (const value of [3, 6]) {
      const { result, statements } = await counted(() => as.emp.post(`goals/${mine.body.id}/check-ins`, { values: { [a]: value, [b]: 1 }, confidence: 6 }));
      expect(result.status).toBe(201);
      console.log(`check-in: ${statements.length} statements\n  ${statements.map((s) => s.replace(/\s+/g, ' ').slice(0, 110)).join('\n  ')}`);
      n = statements.length;
    }
    // begin, the goal read, the write, the audit and its event, commit: the goals above are left
    // to the check-in's event.
    expect(n).toBeLessThanOrEqual(6);
    expect((await as.emp.get(`goals/${mine.body.id}`)).body.progress).toBe(35);
    // (60 + 10) / 2 = 35, rolled up through the team goal to the company's once the event runs
    // (polled: another test file's dispatcher on the shared database may take the event and run it).
    await dispatchEvents(t.ctx);
    await t.ctx.jobs.drain();
    for (const g of [team, company]) await expect.poll(async () => (await as.emp.get(`goals/${g.body.id}`)).body.progress).toBe(35);
  });

  it('opening a 1:1: the series and its current meeting', async () => {
    const org = await createOrg(t);
    const manager = await createUser(t, org.id);
    const emp = await createUser(t, org.id, { managerId: manager.person.id });
    const s = await createSeries(t, org.id, manager.person.id, emp.person.id);
    const as = await signInAs(t, manager);
    await as.get(`one-on-ones/${s.id}`);
    const series = await counted(() => as.get(`one-on-ones/${s.id}`));
    expect(series.result.status).toBe(200);
    const meeting = await counted(() => as.get(`one-on-ones/meetings/${series.result.body.current!.id}`));
    expect(meeting.result.status).toBe(200);
    for (const [what, c] of [['series', series], ['meeting', meeting]] as const) {
      console.log(`${what}: ${c.statements.length} statements\n  ${c.statements.map((x) => x.replace(/\s+/g, ' ').slice(0, 110)).join('\n  ')}`);
    }
    // Named prepared statements: each connection plans them once.
    expect(series.statements).toEqual(['one_on_one_series_view', 'one_on_one_meeting_view']);
    expect(meeting.statements).toEqual(['one_on_one_meeting_view']);
  });
});
