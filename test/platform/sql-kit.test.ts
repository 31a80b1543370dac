import { readdirSync, readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { beforeAll, describe, expect, it } from 'vitest';
import { enrollmentStatuses, isOpenEnrollment, openEnrollment } from '../../src/server/db/schema/index.ts';
import { afterKey, beforeKey, escapeLike, iso, rows, withDates } from '../../src/server/platform/db/sql.ts';
import { decodeCursor, keysetPage } from '../../src/server/platform/http/openapi.ts';
import { createTestApp, type TestApp } from '../support/app.ts';

describe('escapeLike', () => {
  it('leaves plain text as it is', () => {
    expect(escapeLike('Ada Lovelace')).toBe('Ada Lovelace');
  });
  it('escapes the percent sign so it matches literally', () => {
    expect(escapeLike('100%')).toBe('100\\%');
  });
  it('escapes the underscore so it matches one underscore, not any character', () => {
    expect(escapeLike('a_b')).toBe('a\\_b');
  });
  it('escapes the backslash itself before the wildcards', () => {
    expect(escapeLike('c:\\%_')).toBe('c:\\\\\\%\\_');
  });
});

describe('iso', () => {
  it('keeps null and undefined as null', () => {
    expect(iso(null)).toBeNull();
    expect(iso(undefined)).toBeNull();
  });
  it('writes a Date in ISO form', () => {
    expect(iso(new Date(Date.UTC(2026, 0, 2, 3, 4, 5)))).toBe('2026-01-02T03:04:05.000Z');
  });
  it('normalises a database timestamp string to the same ISO form', () => {
    expect(iso('2026-01-02 03:04:05+00')).toBe('2026-01-02T03:04:05.000Z');
  });
});

describe('withDates', () => {
  it('turns the named timestamp strings into dates, keeping null and the other fields', () => {
    const row = withDates({ id: 'x', at: '2026-01-02 03:04:05+00' as string | Date, done: null as string | Date | null, n: 1 }, ['at', 'done']);
    expect(row).toEqual({ id: 'x', at: new Date(Date.UTC(2026, 0, 2, 3, 4, 5)), done: null, n: 1 });
  });
  it('leaves a Date a Date', () => {
    const at = new Date(Date.UTC(2026, 0, 2));
    expect(withDates({ at }, ['at']).at.getTime()).toBe(at.getTime());
  });
});

describe('afterKey and beforeKey', () => {
  const dialect = new PgDialect();
  it('give no condition for the first page', () => {
    expect(afterKey([sql`a`, sql`id`], undefined)).toBeUndefined();
    expect(beforeKey([sql`a`, sql`id`], undefined)).toBeUndefined();
  });
  it('compare the whole key as one row, each value a parameter', () => {
    expect(dialect.sqlToQuery(afterKey([sql`lower(name)`, sql`id`], ['ada', 'x'])!)).toMatchObject({ sql: '(lower(name), id) > ($1, $2)', params: ['ada', 'x'] });
    expect(dialect.sqlToQuery(beforeKey([sql`at`, sql`id`], ['2026-01-01T00:00:00.000Z', 'y'])!).sql).toBe('(at, id) < ($1, $2)');
  });
});

describe('keysetPage', () => {
  it('cuts the extra row and gives the cursor of the last row shown', () => {
    const page = keysetPage([{ k: 'a' }, { k: 'b' }, { k: 'c' }], 2, (r) => [r.k]);
    expect(page.data).toEqual([{ k: 'a' }, { k: 'b' }]);
    expect(decodeCursor(page.nextCursor!, z.tuple([z.string()]))).toEqual(['b']);
  });
  it('has no next cursor when nothing follows', () => {
    expect(keysetPage([{ k: 'a' }, { k: 'b' }], 2, (r) => [r.k])).toEqual({ data: [{ k: 'a' }, { k: 'b' }], nextCursor: null });
    expect(keysetPage([], 2, () => [])).toEqual({ data: [], nextCursor: null });
  });
});

describe('keyset pages on the database', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  // Ties on the name, so the id decides; the ids are uuids, compared as uuids.
  const table = sql`(values ('b', '00000000-0000-7000-8000-000000000003'::uuid), ('a', '00000000-0000-7000-8000-000000000002'::uuid),
    ('b', '00000000-0000-7000-8000-000000000001'::uuid), ('a', '00000000-0000-7000-8000-000000000009'::uuid),
    ('c', '00000000-0000-7000-8000-000000000004'::uuid)) v(name, id)`;
  type Row = { name: string; id: string };
  async function walk(order: 'asc' | 'desc') {
    const seen: Row[] = [];
    let key: [string, string] | undefined;
    for (let i = 0; i < 10; i++) {
      const cond = (order === 'asc' ? afterKey : beforeKey)([sql`v.name`, sql`v.id`], key) ?? sql`true`;
      const dir = sql.raw(order);
      const found = rows<Row>(await t.ctx.db.execute(sql`select v.name, v.id::text as id from ${table} where ${cond} order by v.name ${dir}, v.id ${dir} limit 3`));
      const page = keysetPage(found, 2, (r) => [r.name, r.id]);
      seen.push(...page.data);
      if (!page.nextCursor) return seen;
      key = decodeCursor(page.nextCursor, z.tuple([z.string(), z.string()]));
    }
    throw new Error('did not end');
  }
  it('walks ascending in pages of two, every row once, ties broken by the id', async () => {
    expect((await walk('asc')).map((r) => `${r.name}${r.id.slice(-1)}`)).toEqual(['a2', 'a9', 'b1', 'b3', 'c4']);
  });
  it('walks descending the same way', async () => {
    expect((await walk('desc')).map((r) => `${r.name}${r.id.slice(-1)}`)).toEqual(['c4', 'b3', 'b1', 'a9', 'a2']);
  });
});

describe('open enrolments', () => {
  it('are the statuses still to do', () => {
    expect(enrollmentStatuses.filter(isOpenEnrollment)).toEqual(['not_started', 'in_progress', 'failed']);
  });
  it('mean in the queries what the partial unique indexes of the migrations say', () => {
    const dir = 'src/server/db/migrations';
    const text = readdirSync(dir).filter((f) => f.endsWith('.sql')).map((f) => readFileSync(`${dir}/${f}`, 'utf8')).join('\n');
    const predicate = new PgDialect().sqlToQuery(openEnrollment).sql;
    for (const index of ['enrollment_open_course_uq', 'enrollment_open_program_uq']) {
      const created = text.split('\n').filter((l) => l.includes(`INDEX "${index}"`)).at(-1);
      expect(created).toContain(`WHERE ${index.includes('course') ? 'course_id' : 'program_id'} is not null and ${predicate};`);
    }
  });
});
