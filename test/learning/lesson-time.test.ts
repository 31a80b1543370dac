import { describe, expect, it } from 'vitest';
import { countableSeconds, MAX_REPORT_SECONDS } from '../../src/server/modules/learning/player/lesson-time.ts';

const since = new Date('2027-03-01T10:00:00Z');
const after = (ms: number) => new Date(since.getTime() + ms);

describe('time a progress report may add (pure)', () => {
  it('counts what the learner reports when that much time has passed', () => {
    expect(countableSeconds({ reported: 60, now: after(60_000), since })).toBe(60);
    expect(countableSeconds({ reported: 45, now: after(60_000), since })).toBe(45);
  });

  it('never counts more than the time since time was last counted', () => {
    expect(countableSeconds({ reported: 86_400, now: after(900), since })).toBe(0);
    expect(countableSeconds({ reported: 86_400, now: since, since })).toBe(0);
    expect(countableSeconds({ reported: 86_400, now: after(10 * 60_000), since })).toBe(600);
  });

  it('rounds the elapsed time down, so reports in quick succession gain nothing', () => {
    expect(countableSeconds({ reported: 60, now: after(59_950), since })).toBe(59);
    expect(countableSeconds({ reported: 1, now: after(999), since })).toBe(0);
  });

  it('caps a report at an hour, and counts nothing without a start or with a clock going back', () => {
    expect(countableSeconds({ reported: 86_400, now: after(24 * 3_600_000), since })).toBe(MAX_REPORT_SECONDS);
    expect(countableSeconds({ reported: 120, now: after(24 * 3_600_000), since, max: 100 })).toBe(100);
    expect(countableSeconds({ reported: 60, now: after(60_000), since: null })).toBe(0);
    expect(countableSeconds({ reported: 60, now: after(-60_000), since })).toBe(0);
  });
});
