import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { migrateDatabase, openDatabase } from '../../src/server/platform/db/index.ts';

export const templatePath = path.resolve('.tmp/pglite-template.tar.gz');

/**
 * Migrates once per run: a PGlite dump each test file starts from, and (when
 * TEST_DATABASE_URL is set) a fresh `tandem_test` database on the PostgreSQL server.
 */
export default async function setup() {
  mkdirSync(path.dirname(templatePath), { recursive: true });
  const lite = await openDatabase({ dataDir: 'memory://' });
  await migrateDatabase(lite);
  const dump = await lite.pglite!.dumpDataDir('gzip');
  writeFileSync(templatePath, Buffer.from(await dump.arrayBuffer()));
  await lite.close();

  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query('drop database if exists tandem_test with (force)');
    await admin.query('create database tandem_test');
    await admin.end();
    const db = await openDatabase({ databaseUrl: testDatabaseUrl(url), poolSize: 2 });
    await migrateDatabase(db);
    await db.close();
  }
}

export function testDatabaseUrl(url: string): string {
  const u = new URL(url);
  u.pathname = '/tandem_test';
  return u.toString();
}
