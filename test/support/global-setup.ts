import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrateDatabase, openDatabase } from '../../src/server/platform/db/index.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresUrl: string | null;
  }
}

/**
 * Migrates once per run: a PGlite dump each test file starts from, and (when
 * TEST_DATABASE_URL is set) a fresh database of this run's own on the PostgreSQL server.
 * Names carry the process id so parallel runs on one machine do not collide.
 */
export default async function setup(project: TestProject) {
  const templatePath = path.resolve(`.tmp/pglite-template-${process.pid}.tar.gz`);
  mkdirSync(path.dirname(templatePath), { recursive: true });
  const lite = await openDatabase({ dataDir: 'memory://' });
  await migrateDatabase(lite);
  const dump = await lite.pglite!.dumpDataDir('gzip');
  writeFileSync(templatePath, Buffer.from(await dump.arrayBuffer()));
  await lite.close();
  project.provide('pgliteTemplate', templatePath);

  const url = process.env.TEST_DATABASE_URL;
  const name = `tandem_test_${process.pid}`;
  let testUrl: string | null = null;
  if (url) {
    await adminQuery(url, `drop database if exists ${name} with (force)`);
    await adminQuery(url, `create database ${name}`);
    const u = new URL(url);
    u.pathname = `/${name}`;
    testUrl = u.toString();
    const db = await openDatabase({ databaseUrl: testUrl, poolSize: 2 });
    await migrateDatabase(db);
    await db.close();
  }
  project.provide('postgresUrl', testUrl);

  return async () => {
    rmSync(templatePath, { force: true });
    if (url) await adminQuery(url, `drop database if exists ${name} with (force)`);
  };
}

async function adminQuery(url: string, text: string) {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(text);
  } finally {
    await admin.end();
  }
}
