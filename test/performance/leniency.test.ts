import { describe, expect, it } from 'vitest';
import {
  cycleLeniency, poolLeniency, studentTQuantile, summarize, withInterval, type RaterRating,
} from '../../src/server/modules/performance/calibration/leniency.ts';

const r = (raterId: string, subjectId: string, rating: number): RaterRating => ({ raterId, subjectId, rating });

describe('Student t quantiles', () => {
  it('match the tables', () => {
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(12.7062047, 6);
    expect(studentTQuantile(0.975, 2)).toBeCloseTo(4.3026527, 6);
    expect(studentTQuantile(0.975, 4)).toBeCloseTo(2.7764451, 6);
    expect(studentTQuantile(0.975, 9)).toBeCloseTo(2.2621572, 6);
    expect(studentTQuantile(0.975, 30)).toBeCloseTo(2.0422725, 6);
    expect(studentTQuantile(0.975, 1000)).toBeCloseTo(1.9623391, 6);
    expect(studentTQuantile(0.025, 4)).toBeCloseTo(-2.7764451, 6);
  });
});

describe('leniency in one cycle', () => {
  // Finals A 3, B 4, C 2. R1 rated A 4, B 4.5; R2 A 3, B 3.5, C 2; R3 A 2.5; R4 C 3.
  const ratings = [r('R1', 'A', 4), r('R1', 'B', 4.5), r('R2', 'A', 3), r('R2', 'B', 3.5), r('R2', 'C', 2), r('R3', 'A', 2.5), r('R4', 'C', 3)];
  const finals = new Map([['A', 3], ['B', 4], ['C', 2]]);
  const byRater = new Map(cycleLeniency(ratings, finals).map((x) => [x.raterId, x]));

  it('R1: +1 and +0.5 from the finals, +1.25 and +1 from the co-raters, with t(1) intervals', () => {
    const { fromFinal, fromPeers } = byRater.get('R1')!;
    expect(fromFinal.n).toBe(2);
    expect(fromFinal.mean).toBeCloseTo(0.75, 10);
    expect(fromFinal.sd).toBeCloseTo(0.3535534, 6);
    expect(fromFinal.low).toBeCloseTo(-2.4265512, 5); // 0.75 − 12.7062047 · 0.25
    expect(fromFinal.high).toBeCloseTo(3.9265512, 5);
    // A: others 3 and 2.5 → 2.75, so +1.25; B: the other 3.5, so +1
    expect(fromPeers.n).toBe(2);
    expect(fromPeers.mean).toBeCloseTo(1.125, 10);
    expect(fromPeers.sd).toBeCloseTo(0.1767767, 6);
    expect(fromPeers.low).toBeCloseTo(-0.4632756, 5); // 1.125 − 12.7062047 · 0.125
    expect(fromPeers.high).toBeCloseTo(2.7132756, 5);
  });

  it('R2: 0, −0.5, 0 from the finals; −0.25, −1, −1 from the co-raters, with t(2) intervals', () => {
    const { fromFinal, fromPeers } = byRater.get('R2')!;
    expect(fromFinal).toMatchObject({ n: 3 });
    expect(fromFinal.mean).toBeCloseTo(-1 / 6, 10);
    expect(fromFinal.sd).toBeCloseTo(Math.sqrt(1 / 12), 10);
    expect(fromFinal.low).toBeCloseTo(-1 / 6 - 4.3026527 / 6, 6);
    expect(fromFinal.high).toBeCloseTo(-1 / 6 + 4.3026527 / 6, 6);
    expect(fromPeers.n).toBe(3);
    expect(fromPeers.mean).toBeCloseTo(-0.75, 10);
    expect(fromPeers.sd).toBeCloseTo(Math.sqrt(0.1875), 10);
    expect(fromPeers.low).toBeCloseTo(-0.75 - 4.3026527 * 0.25, 6);
    expect(fromPeers.high).toBeCloseTo(-0.75 + 4.3026527 * 0.25, 6);
  });

  it('one rating: the offset, no spread and no interval', () => {
    expect(byRater.get('R3')).toEqual({
      raterId: 'R3',
      fromFinal: { n: 1, mean: -0.5, sd: null, low: null, high: null },
      fromPeers: { n: 1, mean: -1, sd: null, low: null, high: null },
    });
    expect(byRater.get('R4')!.fromPeers.mean).toBe(1);
  });

  it('a subject without a final or without other raters adds nothing to that figure', () => {
    const [only] = cycleLeniency([r('R1', 'X', 4)], new Map());
    expect(only).toEqual({
      raterId: 'R1',
      fromFinal: { n: 0, mean: null, sd: null, low: null, high: null },
      fromPeers: { n: 0, mean: null, sd: null, low: null, high: null },
    });
  });

  it('two reviews of one subject by one rater count once, with their mean', () => {
    const got = cycleLeniency([r('R1', 'A', 4), r('R1', 'A', 5), r('R2', 'A', 3)], new Map([['A', 4]]));
    expect(got[0]!.fromFinal).toMatchObject({ n: 1, mean: 0.5 });
    expect(got[0]!.fromPeers).toMatchObject({ n: 1, mean: 1.5 });
    expect(got[1]!.fromPeers).toMatchObject({ n: 1, mean: -1.5 });
  });
});

describe('leniency across cycles', () => {
  it('pools per-cycle counts, means and spreads exactly as the offsets of both at once', () => {
    // Cycle 1 offsets 1, 0.5; cycle 2 offsets 0, −0.5, 0. All five: mean 0.2, SS 1.3, sd √0.325.
    const pooled = poolLeniency([summarize([1, 0.5]), summarize([0, -0.5, 0])]);
    expect(pooled.n).toBe(5);
    expect(pooled.mean).toBeCloseTo(0.2, 12);
    expect(pooled.sd).toBeCloseTo(Math.sqrt(0.325), 12);
    expect(pooled.low).toBeCloseTo(0.2 - (2.7764451 * Math.sqrt(0.325)) / Math.sqrt(5), 6);
    expect(pooled.high).toBeCloseTo(0.2 + (2.7764451 * Math.sqrt(0.325)) / Math.sqrt(5), 6);
    const direct = withInterval(summarize([1, 0.5, 0, -0.5, 0]));
    expect(pooled.low).toBeCloseTo(direct.low!, 12);
  });

  it('cycles of one offset pool by their means; an empty cycle adds nothing', () => {
    const pooled = poolLeniency([{ n: 1, mean: -0.5, sd: null }, { n: 0, mean: null, sd: null }, { n: 1, mean: 1, sd: null }]);
    expect(pooled.n).toBe(2);
    expect(pooled.mean).toBeCloseTo(0.25, 12);
    expect(pooled.sd).toBeCloseTo(Math.sqrt(1.125), 12);
    expect(poolLeniency([])).toEqual({ n: 0, mean: null, sd: null, low: null, high: null });
    expect(poolLeniency([{ n: 1, mean: 0.3, sd: null }])).toEqual({ n: 1, mean: 0.3, sd: null, low: null, high: null });
  });
});
