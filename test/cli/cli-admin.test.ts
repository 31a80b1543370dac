import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.ts';
import { buildContext } from '../../src/server/bootstrap.ts';
import { loadConfig } from '../../src/server/platform/config.ts';
import { openDatabase } from '../../src/server/platform/db/index.ts';
import { dbKind } from '../support/app.ts';
import { tandem } from './run.ts';

const dataDir = mkdtempSync(path.join(tmpdir(), 'tandem-cli-admin-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const run = (args: string[]) => tandem(dataDir, args);

/** Opens the data directory the commands wrote (after they exited) and calls the API in-process. */
async function withApp<T>(fn: (app: ReturnType<typeof createApp>) => Promise<T>): Promise<T> {
  const database = await openDatabase({ dataDir });
  try {
    // The commands' own configuration: tokens are hashed with the secret kept in the data directory.
    const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', NODE_ENV: 'test' });
    const ctx = await buildContext(config, { database, jobs: 'inline', migrate: false });
    return await fn(createApp(ctx));
  } finally {
    await database.close();
  }
}

describe.skipIf(dbKind === 'postgres')('tandem create-admin and create-token', () => {
  it('creates the organisation and its first admin, then a token that works once', async () => {
    const noOrg = await run(['create-admin', '--email', 'ada@globex.example', '--first-name', 'Ada', '--last-name', 'Lovelace']);
    expect(noOrg.code).toBe(1);
    expect(noOrg.stderr).toContain('--org-name');

    const created = await run([
      'create-admin', '--email', 'ada@globex.example', '--first-name', 'Ada', '--last-name', 'Lovelace', '--org-name', 'Globex',
    ]);
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    const password = /Password \(shown once[^)]*\): (\S+)/.exec(created.stdout)?.[1];
    expect(password, created.stdout).toBeTruthy();

    const token = await run(['create-token', '--email', 'ada@globex.example', '--name', 'HRIS sync', '--scopes', 'read', '--expires-in-days', '30']);
    expect(token.code).toBe(0);
    const secret = token.stdout.trim().split('\n').at(-1)!;
    expect(secret.length).toBeGreaterThan(20);

    const badScope = await run(['create-token', '--email', 'ada@globex.example', '--name', 'x', '--scopes', 'root']);
    expect(badScope.code).toBe(1);
    expect(badScope.stderr).toContain('read, write');

    await withApp(async (app) => {
      const signIn = await app.request('/api/v1/auth/sign-in', {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'http://localhost:3000' },
        body: JSON.stringify({ email: 'ada@globex.example', password }),
      });
      expect(signIn.status).toBe(200);
      const me = await app.request('/api/v1/auth/me', { headers: { authorization: `Bearer ${secret}` } });
      expect(me.status).toBe(200);
      expect(await me.json()).toMatchObject({ orgName: 'Globex', roles: ['admin'], via: 'token' });
      const forged = await app.request('/api/v1/auth/me', { headers: { authorization: `Bearer ${secret}x` } });
      expect(forged.status).toBe(401);
    });
  }, 120_000);
});
