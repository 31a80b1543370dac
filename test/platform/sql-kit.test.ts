import { describe, expect, it } from 'vitest';
import { escapeLike, iso } from '../../src/server/platform/db/sql.ts';

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
