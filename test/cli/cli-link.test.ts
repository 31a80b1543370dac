import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.ts';
import { buildContext } from '../../src/server/bootstrap.ts';
import { ManualClock } from '../../src/server/platform/clock.ts';
import { loadConfig } from '../../src/server/platform/config.ts';
import { openDatabase } from '../../src/server/platform/db/index.ts';
import { dbKind } from '../support/app.ts';
import { client, signInAs, type Client } from '../support/client.ts';
import { tandem } from './run.ts';

const dataDir = mkdtempSync(path.join(tmpdir(), 'tandem-cli-link-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const PUBLIC_URL = 'https://tandem.globex.example';
const run = (args: string[]) => tandem(dataDir, args, { PUBLIC_URL });

/** Opens the data directory the commands wrote (after they exited) and calls the API in-process. */
async function withApi<T>(fn: (anonymous: Client, signIn: (email: string, password: string) => Promise<Client>) => Promise<T>): Promise<T> {
  const database = await openDatabase({ dataDir });
  try {
    // The commands' own configuration: link tokens are hashed with the secret kept in the data directory.
    const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', NODE_ENV: 'test' });
    const ctx = await buildContext(config, { database, jobs: 'inline', migrate: false });
    const t = { app: createApp(ctx), ctx, clock: new ManualClock() };
    return await fn(client(t), (email, password) => signInAs(t, { email }, password));
  } finally {
    await database.close();
  }
}

const linkIn = (stdout: string) => {
  const url = stdout.trim().split('\n').at(-1)!;
  return { url, token: new URL(url).searchParams.get('token')! };
};

describe.skipIf(dbKind === 'postgres')('tandem link', () => {
  it('prints a fresh single-use sign-in link: an invitation first, a password reset once a password is set, audited as the CLI', async () => {
    const admin = await run([
      'create-admin', '--email', 'ada@globex.example', '--first-name', 'Ada', '--last-name', 'Lovelace', '--org-name', 'Globex', '--password', 'ada-password-1',
    ]);
    expect(admin.code, admin.stderr).toBe(0);
    await withApi(async (_, signIn) => {
      const asAdmin = await signIn('ada@globex.example', 'ada-password-1');
      expect((await asAdmin.post('people', { email: 'grace@globex.example', firstName: 'Grace', lastName: 'Hopper' })).status).toBe(201);
    });

    const unknown = await run(['link', '--email', 'nobody@globex.example']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Nobody in this organisation has the email nobody@globex.example');
    const notYet = await run(['link', '--email', 'grace@globex.example', '--kind', 'reset']);
    expect(notYet.code).toBe(1);
    expect(notYet.stderr).toContain('has no password yet');

    const older = linkIn((await run(['link', '--email', 'grace@globex.example'])).stdout);
    const first = await run(['link', '--email', 'Grace@Globex.example']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('Invitation link for grace@globex.example in "Globex"');
    const invitation = linkIn(first.stdout);
    expect(invitation.url.startsWith(`${PUBLIC_URL}/accept-invitation?token=`)).toBe(true);

    await withApi(async (anonymous, signIn) => {
      // Only the newest link works.
      expect((await anonymous.get(`auth/links/${older.token}`)).status).toBe(404);
      expect((await anonymous.get(`auth/links/${invitation.token}`)).body).toMatchObject({ kind: 'invitation', email: 'grace@globex.example' });
      const done = await anonymous.post(`auth/links/${invitation.token}/complete`, { password: 'grace-password-1' });
      expect(done.status).toBe(200);
      expect((await anonymous.post(`auth/links/${invitation.token}/complete`, { password: 'grace-password-2' })).status).toBe(404);
      await signIn('grace@globex.example', 'grace-password-1');
    });

    const second = await run(['link', '--email', 'grace@globex.example', '--kind', 'reset']);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain('Password reset link for grace@globex.example');
    const reset = linkIn(second.stdout);
    expect(reset.url.startsWith(`${PUBLIC_URL}/reset-password?token=`)).toBe(true);

    await withApi(async (anonymous, signIn) => {
      expect((await anonymous.get(`auth/links/${reset.token}`)).body).toMatchObject({ kind: 'password_reset' });
      expect((await anonymous.post(`auth/links/${reset.token}/complete`, { password: 'grace-password-3' })).status).toBe(200);
      await signIn('grace@globex.example', 'grace-password-3');

      const asAdmin = await signIn('ada@globex.example', 'ada-password-1');
      const log = await asAdmin.get('audit-events?q=cli%20link');
      const actions = (log.body.data as Array<{ action: string; actorLabel: string; actor: unknown; after: { email: string; via: string } }>)
        .filter((e) => e.actorLabel === 'cli link')
        .map((e) => [e.action, e.actor, e.after.email, e.after.via]);
      expect(actions).toEqual([
        ['account.password_reset_link_created', null, 'grace@globex.example', 'cli'],
        ['account.invited', null, 'grace@globex.example', 'cli'],
        ['account.invited', null, 'grace@globex.example', 'cli'],
      ]);
    });
  }, 300_000);
});
