import { describe, expect, it } from 'vitest';
import { DATABASE_ANALYZE_JOB, scheduleMaintenanceJobs } from '../../src/server/modules/platform/index.ts';
import { createTestApp, dbKind } from '../support/app.ts';
import { createOrg, createPerson } from '../support/factories.ts';

const analyzeCount = async (t: Awaited<ReturnType<typeof createTestApp>>) => {
  const { rows } = await t.ctx.database.executeSql(`select analyze_count::int as n from pg_stat_user_tables where relname = 'person'`);
  return Number(rows[0]?.n ?? 0);
};

describe('database maintenance', () => {
  it('the planner-statistics job analyses the tables the product writes', async () => {
    const t = await createTestApp();
    const org = await createOrg(t);
    for (let i = 0; i < 3; i++) await createPerson(t, org.id);
    const before = await analyzeCount(t);
    await t.ctx.jobs.send(DATABASE_ANALYZE_JOB, {});
    await t.ctx.jobs.drain();
    expect(await analyzeCount(t)).toBeGreaterThan(before);
  });

  it(`is scheduled hourly only where no autovacuum runs (${dbKind})`, async () => {
    const t = await createTestApp();
    const scheduled: Array<{ name: string; cron: string }> = [];
    const jobs = { ...t.ctx.jobs, schedule: async (job: { name: string }, cron: string) => void scheduled.push({ name: job.name, cron }) };
    await scheduleMaintenanceJobs({ ...t.ctx, jobs });
    expect(scheduled).toEqual(dbKind === 'pglite' ? [{ name: DATABASE_ANALYZE_JOB.name, cron: '7 * * * *' }] : []);
  });
});
