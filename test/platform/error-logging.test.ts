import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { defineJob } from '../../src/server/modules/platform/index.ts';
import { InlineJobQueue } from '../../src/server/platform/jobs.ts';
import { createLogger, redactedError } from '../../src/server/platform/log.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { client, signInAs } from '../support/client.ts';
import { createOrg, createUser } from '../support/factories.ts';

// Database errors with the request's values among their parameters: the department lookup runs a
// query PostgreSQL refuses, with the name (a secret here) as its parameter.
const SECRET = 'secret-9f3c@example.test';
vi.mock('../../src/server/modules/org/departments.repo.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/server/modules/org/departments.repo.ts')>();
  return {
    ...real,
    findDepartmentByName: async (db: any, orgId: string, name: string) => {
      if (name.startsWith('fn:')) await db.execute(sql`select tandem_no_such_function(${name}, ${orgId})`);
      if (name.startsWith('int:')) await db.execute(sql`select ${name}::integer`);
      return real.findDepartmentByName(db, orgId, name);
    },
  };
});

let t: TestApp;
const lines: string[] = [];
beforeAll(async () => {
  t = await createTestApp();
  t.ctx.log = createLogger('info', { write: (line: string) => void lines.push(line) });
});

const errorsLogged = () => lines.map((l) => JSON.parse(l)).filter((e) => e.level >= 50);


describe('error logs', () => {
  it('log a failed query with its SQL, code and stack, never its parameters or the values PostgreSQL quotes', async () => {
    const org = await createOrg(t);
    const admin = await signInAs(t, await createUser(t, org.id, { roles: ['admin'] }));
    lines.length = 0;
    const res = await admin.post('departments', { name: `fn:${SECRET}` });
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ error: { code: 'internal', message: 'Something went wrong on our side' } });

    const all = lines.join('\n');
    expect(all).not.toContain('secret-9f3c');
    expect(all).not.toContain(org.id);
    expect(all).not.toMatch(/params/i);
    const [entry] = errorsLogged();
    expect(entry.msg).toBe('unhandled error');
    expect(entry.err).toMatchObject({ type: 'DrizzleQueryError', query: expect.stringContaining('tandem_no_such_function($1, $2)'), cause: { code: '42883' } });
    expect(entry.err.stack).toContain('departments.service.ts');
  });

  it('warn of a value the database refused (answered 400) with PostgreSQL’s message, its quoted value masked', async () => {
    const org = await createOrg(t);
    const admin = await signInAs(t, await createUser(t, org.id, { roles: ['admin'] }));
    lines.length = 0;
    const res = await admin.post('departments', { name: `int:${SECRET}` });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(lines.join('\n')).not.toContain('secret-9f3c');
    const warning = lines.map((l) => JSON.parse(l)).find((e) => e.level === 40);
    expect(warning.err.cause).toMatchObject({ code: '22P02', message: 'invalid input syntax for type integer: "…"' });
  });

  it('log a failed job the same way', async () => {
    const jobs = new InlineJobQueue(createLogger('error', { write: (line: string) => void lines.push(line) }));
    const job = defineJob({
      name: 'test.fails',
      schema: z.object({ email: z.string() }),
      handler: async (ctx, data) => {
        await ctx.db.execute(sql`select ${data.email}::uuid`);
      },
    });
    jobs.register(t.ctx, [job]);
    lines.length = 0;
    await jobs.send(job, { email: SECRET });
    await expect(jobs.drain()).rejects.toThrow();
    const all = lines.join('\n');
    expect(all).not.toContain('secret-9f3c');
    expect(errorsLogged()[0]).toMatchObject({ msg: 'inline job failed', job: 'test.fails', err: { query: expect.stringContaining('::uuid'), cause: { code: '22P02' } } });
  });

  it('show a sign-in link’s route in the request log, not its token', async () => {
    lines.length = 0;
    await client(t).get('auth/links/tok-7a1b2c3d4e');
    const requests = lines.map((l) => JSON.parse(l)).filter((e) => e.msg === 'request');
    expect(requests.map((r) => r.path)).toEqual(['/api/v1/auth/links/:token']);
    expect(lines.join('\n')).not.toContain('tok-7a1b2c3d4e');
  });

  it('leave the parameters out of the error a failed pg-boss job is stored with', async () => {
    const failure = await t.ctx.db.execute(sql`select ${SECRET}::uuid`).catch((e: unknown) => e);
    const stored = redactedError(failure);
    expect(`${stored.message}\n${stored.stack}`).not.toContain('secret-9f3c');
    expect(stored.stack).toContain('error-logging.test.ts');
  });
});
