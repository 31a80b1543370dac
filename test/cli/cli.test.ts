import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildContext } from '../../src/server/bootstrap.ts';
import { testConfig } from '../../src/server/platform/config.ts';
import { migrateDatabase, openDatabase } from '../../src/server/platform/db/index.ts';
import { seedDemoIfEmpty } from '../../src/server/seed/demo.ts';
import { dbKind } from '../support/app.ts';
import { tandem } from './run.ts';

const dataDir = mkdtempSync(path.join(tmpdir(), 'tandem-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const run = (args: string[], env: Record<string, string> = {}) => tandem(dataDir, args, env);

// The command line is the same on both databases; it runs once, in the PGlite project.
describe.skipIf(dbKind === 'postgres')('tandem command line', () => {
  it('migrates, seeds the demo organisation once and prints the accounts', async () => {
    const migrated = await run(['migrate']);
    expect(migrated.stderr).toBe('');
    expect(migrated.code).toBe(0);
    expect(migrated.stdout).toContain('Database migrated');

    const seeded = await run(['seed', '--demo']);
    expect(seeded.code).toBe(0);
    expect(seeded.stdout).toMatch(/Seeded "Acme Corporation": \d{3} people/);
    expect(seeded.stdout).toMatch(/Learning: 1\d courses, 3 programs, \d+ live sessions, \d+ skills, \d{3,} enrolments/);
    for (const account of ['admin', 'hr', 'learning', 'manager', 'employee']) {
      expect(seeded.stdout).toContain(`${account}@acme.example`);
    }
    expect(seeded.stdout).toContain('tandem-demo');

    const again = await run(['seed', '--demo']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
    expect(again.stderr).not.toMatch(/\bat .*\.ts:\d+/); // a message, not a stack trace
  }, 120_000);

  it('explains a wrong configuration value and a missing option', async () => {
    const bad = await run(['migrate'], { PORT: 'eighty' });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('PORT');
    const noWhat = await run(['seed']);
    expect(noWhat.code).toBe(1);
    expect(noWhat.stderr).toContain('--demo');
  }, 60_000);
});

describe('seeding on first start', () => {
  it('seeds only a database without organisations', async () => {
    const database = await openDatabase({ dataDir: 'memory://' });
    try {
      await migrateDatabase(database);
      const ctx = await buildContext(testConfig(), { database, jobs: 'inline', migrate: false });
      expect(await seedDemoIfEmpty(ctx)).toBe(true);
      expect(await seedDemoIfEmpty(ctx)).toBe(false);
      const { rows } = await database.executeSql('select count(*)::int as n from organisation');
      expect(rows[0].n).toBe(1);
    } finally {
      await database.close();
    }
  }, 60_000);
});
