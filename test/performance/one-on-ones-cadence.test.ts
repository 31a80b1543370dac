import { describe, expect, it } from 'vitest';
import { nextOccurrences, occurrence } from '../../src/server/modules/performance/one-on-ones/cadence.ts';

const at = (s: string) => new Date(s);

describe('1:1 cadence', () => {
  it('keeps the local time across a DST change (Berlin, spring and autumn)', () => {
    // 09:00 in Berlin: 08:00Z in winter, 07:00Z in summer (DST began 2027-03-28).
    const weekly = { startsAt: at('2027-03-22T08:00:00Z'), cadence: 'weekly' as const, timeZone: 'Europe/Berlin' };
    expect(occurrence(weekly, 1).toISOString()).toBe('2027-03-29T07:00:00.000Z');
    const autumn = { startsAt: at('2027-10-25T07:00:00Z'), cadence: 'weekly' as const, timeZone: 'Europe/Berlin' };
    expect(occurrence(autumn, 1).toISOString()).toBe('2027-11-01T08:00:00.000Z');
  });

  it('every two weeks, and monthly on the same day clamped to short months without drifting', () => {
    const biweekly = { startsAt: at('2027-01-04T15:30:00Z'), cadence: 'biweekly' as const, timeZone: 'UTC' };
    expect([1, 2].map((k) => occurrence(biweekly, k).toISOString())).toEqual(['2027-01-18T15:30:00.000Z', '2027-02-01T15:30:00.000Z']);
    const monthly = { startsAt: at('2027-01-31T14:00:00Z'), cadence: 'monthly' as const, timeZone: 'America/New_York' };
    // 09:00 in New York: EST (−5) in winter, EDT (−4) from 14 March.
    expect([1, 2, 3].map((k) => occurrence(monthly, k).toISOString())).toEqual([
      '2027-02-28T14:00:00.000Z',
      '2027-03-31T13:00:00.000Z',
      '2027-04-30T13:00:00.000Z',
    ]);
  });

  it('a wall-clock time skipped by spring-forward is taken an hour later', () => {
    const s = { startsAt: at('2027-03-21T01:30:00Z'), cadence: 'weekly' as const, timeZone: 'Europe/Berlin' }; // 02:30 CET
    expect(occurrence(s, 1).toISOString()).toBe('2027-03-28T01:30:00.000Z'); // 03:30 CEST
  });

  it('the next meetings from a moment: the first at or after it', () => {
    const s = { startsAt: at('2027-01-04T09:00:00Z'), cadence: 'weekly' as const, timeZone: 'UTC' };
    expect(nextOccurrences(s, at('2026-12-01T00:00:00Z'), 2).map((d) => d.toISOString())).toEqual(['2027-01-04T09:00:00.000Z', '2027-01-11T09:00:00.000Z']);
    expect(nextOccurrences(s, at('2027-01-11T09:00:00Z'), 1)[0]!.toISOString()).toBe('2027-01-11T09:00:00.000Z');
    expect(nextOccurrences(s, at('2027-12-30T10:00:00Z'), 1)[0]!.toISOString()).toBe('2028-01-03T09:00:00.000Z');
  });
});
