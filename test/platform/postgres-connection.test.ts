import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/server/platform/db/sql.ts';
import { createTestApp, dbKind, type TestApp } from '../support/app.ts';

// PostgreSQL only: PGlite has no JIT compiler.
describe.skipIf(dbKind !== 'postgres')('connections to a PostgreSQL server', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });

  it('run without JIT compilation, which cost more than My team’s whole statement', async () => {
    // Several at once, so more than one connection of the pool answers.
    const settings = await Promise.all(
      Array.from({ length: 4 }, () => t.ctx.db.transaction(async (tx) => rows<{ jit: string }>(await tx.execute(sql`select current_setting('jit') as jit`))[0]!.jit)),
    );
    expect(settings).toEqual(['off', 'off', 'off', 'off']);
  });
});
