import { describe, expect, it } from 'vitest';
import { bandsOf, distribution, guidelineProblems } from '../../src/server/modules/performance/calibration/distribution.ts';
import {
  bandBoundaries, defaultNineBox, nineBoxIndex, nineBoxLabelProblems, nineBoxLabels, performanceBand,
} from '../../src/server/modules/performance/calibration/nine-box.ts';

const five = { min: 1, max: 5 };
const four = { min: 1, max: 4 };

describe('performance bands', () => {
  it('split a 1–5 scale at 2⅓ and 3⅔, each boundary in the band above', () => {
    expect([1, 2, 2.33, 2.34, 3, 3.66, 3.67, 4, 5].map((r) => performanceBand(r, five))).toEqual([0, 0, 0, 1, 1, 1, 2, 2, 2]);
    expect(bandBoundaries(five).mid).toBeCloseTo(7 / 3, 12);
    expect(bandBoundaries(five).high).toBeCloseTo(11 / 3, 12);
  });

  it('on a 1–4 scale 2 and 3 are boundaries exactly', () => {
    expect([1, 1.99, 2, 2.99, 3, 4].map((r) => performanceBand(r, four))).toEqual([0, 0, 1, 1, 2, 2]);
    expect(performanceBand(null, four)).toBeNull();
    expect(performanceBand(3, { min: 3, max: 3 })).toBeNull();
  });

  it('boxes run 0–8, performance fastest, low potential first', () => {
    expect(nineBoxIndex(0, 1)).toBe(0);
    expect(nineBoxIndex(2, 1)).toBe(2);
    expect(nineBoxIndex(0, 2)).toBe(3);
    expect(nineBoxIndex(2, 3)).toBe(8);
    expect(nineBoxIndex(1, null)).toBeNull();
    expect(nineBoxIndex(null, 2)).toBeNull();
    expect(nineBoxIndex(1, 4)).toBeNull();
    expect(defaultNineBox[0]!.name).toBe('Talent risk');
    expect(defaultNineBox[8]!.name).toBe('Star');
  });
});

describe('nine-box labels', () => {
  const labels = defaultNineBox.map((l) => ({ ...l }));
  it('accepts nine distinct labels; refuses eight, blanks, long names and names alike in case', () => {
    expect(nineBoxLabelProblems(labels)).toEqual([]);
    expect(nineBoxLabelProblems(labels.slice(0, 8))).toEqual([{ path: 'labels', message: 'Give nine labels, one per box' }]);
    const bad = labels.map((l) => ({ ...l }));
    bad[1]!.name = '  ';
    bad[2]!.name = 'x'.repeat(41);
    bad[5]!.name = 'star';
    bad[6]!.description = 'y'.repeat(301);
    expect(nineBoxLabelProblems(bad).map((p) => p.path)).toEqual(['labels.1.name', 'labels.2.name', 'labels.6.description', 'labels.8.name']);
  });
  it('the stored labels, or the defaults', () => {
    expect(nineBoxLabels(null)).toEqual(labels);
    const mine = labels.map((l, i) => ({ name: `Box ${i}`, description: '' }));
    expect(nineBoxLabels(mine)[4]!.name).toBe('Box 4');
  });
});

describe('distribution against a guideline', () => {
  const guideline = [
    { rating: 1, share: 0.1 },
    { rating: 2.5, share: 0.7 },
    { rating: 4, share: 0.2 },
  ];
  it('counts finals per band (low end included), apart from the unrated', () => {
    const d = distribution([1, 2.4, 2.5, 3.9, 4, 5, null, 0.5], guideline);
    expect(d.rated).toBe(7);
    expect(d.unrated).toBe(1);
    expect(d.bands).toEqual([
      { from: 1, to: 2.5, count: 3, share: 3 / 7, target: 0.1 },
      { from: 2.5, to: 4, count: 2, share: 2 / 7, target: 0.7 },
      { from: 4, to: null, count: 2, share: 2 / 7, target: 0.2 },
    ]);
  });
  it('without a guideline the bands are the scale’s anchors', () => {
    expect(bandsOf(null, [{ value: 3 }, { value: 1 }, { value: 2 }])).toEqual([
      { rating: 1, share: null },
      { rating: 2, share: null },
      { rating: 3, share: null },
    ]);
    expect(distribution([], bandsOf(null, [{ value: 1 }])).bands).toEqual([{ from: 1, to: null, count: 0, share: 0, target: null }]);
  });
  it('a guideline lists bands from the bottom up on the scale, with shares adding up to 1', () => {
    expect(guidelineProblems(guideline, { min: 1, max: 5 })).toEqual([]);
    expect(guidelineProblems([{ rating: 3, share: 0.5 }, { rating: 2, share: 0.4 }, { rating: 6, share: 0.1 }], { min: 1, max: 5 }).map((p) => p.path)).toEqual([
      'guideline.1.rating',
      'guideline.2.rating',
    ]);
    expect(guidelineProblems([{ rating: 1, share: 0.5 }], { min: 1, max: 5 })).toEqual([{ path: 'guideline', message: 'The shares add up to 100%' }]);
  });
});
