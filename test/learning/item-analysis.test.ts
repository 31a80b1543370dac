import { describe, expect, it } from 'vitest';
import { analyseItems, pointBiserial } from '../../src/server/modules/learning/reports/item-analysis.ts';

const attempt = (score: number, right: Record<string, boolean>) => ({
  score,
  items: Object.entries(right).map(([questionId, correct]) => ({ questionId, correct })),
});

describe('quiz item analysis', () => {
  it('computes the point-biserial correlation as textbook', () => {
    // Scores 100, 75, 50, 25, 0; the item is right for the top two.
    const pairs = [100, 75, 50, 25, 0].map((score, i) => ({ score, correct: i < 2 }));
    // M1 = 87.5, M0 = 25, s = √1250 ≈ 35.355, p = 0.4: r = 62.5 / 35.355 · √0.24 ≈ 0.866
    expect(pointBiserial(pairs)).toBeCloseTo(0.866, 3);
    // Everyone right, or no spread of scores: undefined.
    expect(pointBiserial(pairs.map((x) => ({ ...x, correct: true })))).toBeNull();
    expect(pointBiserial(pairs.map((x) => ({ ...x, score: 50 })))).toBeNull();
  });

  it('reports difficulty per question and flags easy, hard and poorly discriminating items', () => {
    const attempts = [
      attempt(100, { easy: true, hard: true, good: true, noise: false }),
      attempt(75, { easy: true, hard: false, good: true, noise: true }),
      attempt(50, { easy: true, hard: false, good: true, noise: true }),
      attempt(50, { easy: true, hard: false, good: false, noise: true }),
      attempt(25, { easy: true, hard: false, good: false, noise: true }),
      attempt(0, { easy: true, hard: false, good: false, noise: true }),
    ];
    const stats = Object.fromEntries(analyseItems(attempts).map((s) => [s.questionId, s]));
    expect(Object.keys(stats)).toEqual(['easy', 'hard', 'good', 'noise']);
    expect(stats.easy).toMatchObject({ attempts: 6, correct: 6, difficulty: 1, discrimination: null, flags: ['too_easy'] });
    expect(stats.hard!.difficulty).toBeCloseTo(0.167, 3);
    expect(stats.hard!.flags).toContain('too_hard');
    expect(stats.good!.discrimination).toBeGreaterThan(0.7);
    expect(stats.good!.flags).toEqual([]);
    // Right mostly for the weak attempts: a negative correlation.
    expect(stats.noise!.discrimination).toBeLessThan(0);
    expect(stats.noise!.flags).toEqual(['poor_discrimination']);
  });

  it('leaves discrimination and flags out with fewer than five attempts', () => {
    const stats = analyseItems([attempt(100, { q: true }), attempt(0, { q: false }), attempt(50, { q: false }), attempt(20, { q: false })]);
    expect(stats).toEqual([{ questionId: 'q', attempts: 4, correct: 1, difficulty: 0.25, discrimination: null, flags: [] }]);
    expect(analyseItems([])).toEqual([]);
  });
});
