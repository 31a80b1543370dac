import { describe, expect, it } from 'vitest';
import type { ReviewTemplateBody } from '../../src/server/db/schema/index.ts';
import { finalScore, goalRating, raterRating, scaleOf, type ScoredReview } from '../../src/server/modules/performance/reviews/score.ts';

const q = (id: string, kind: 'rating' | 'text' | 'goals') => ({ id, kind, prompt: id, required: false, relationships: ['self', 'manager', 'peer', 'upward'] as const, visibleToSubject: true });

const template: ReviewTemplateBody = {
  scale: [1, 2, 3, 4, 5].map((value) => ({ value, label: String(value) })),
  sections: [
    { id: 's1', title: 'Results', questions: [q('q1', 'rating'), q('t1', 'text'), q('g1', 'goals')].map((x) => ({ ...x, relationships: [...x.relationships] })) },
    { id: 's2', title: 'How', questions: [{ ...q('q2', 'rating'), relationships: ['self', 'manager', 'peer', 'upward'] }] },
  ],
  formula: { parts: [{ source: 'manager', weight: 0.5 }, { source: 'peer', weight: 0.2 }, { source: 'goals', weight: 0.2 }, { source: 'self', weight: 0.1 }] },
};

const self: ScoredReview = { relationship: 'self', reviewerId: 's', answers: { q1: { rating: 4 }, q2: { rating: 5 }, t1: { text: 'fine' } } };
const manager: ScoredReview = { relationship: 'manager', reviewerId: 'm', answers: { q1: { rating: 3 }, q2: { rating: 4 }, g1: { goals: { a: 2, b: 4, c: 3 } } } };
// One peer answered one question, the other two: each peer's own mean first (5 and 2.5), then 3.75,
// not the mean of the three answers (3.33).
const peer1: ScoredReview = { relationship: 'peer', reviewerId: 'p1', answers: { q1: { rating: 5 } } };
const peer2: ScoredReview = { relationship: 'peer', reviewerId: 'p2', answers: { q1: { rating: 2 }, q2: { rating: 3 } } };

describe('review score', () => {
  it('weights each part: manager 3.5, peers 3.75 (each reviewer first), goals 3, self 4.5 → 3.55', () => {
    const r = finalScore(template, [self, manager, peer1, peer2]);
    expect(r.score).toBeCloseTo(3.55, 10);
    expect(r.reweighted).toBe(false);
    expect(r.parts.map(({ share, ...p }) => ({ ...p, share: Math.round(share * 1e9) / 1e9 }))).toEqual([
      { source: 'manager', weight: 0.5, value: 3.5, used: true, share: 0.5, reviews: 1 },
      { source: 'peer', weight: 0.2, value: 3.75, used: true, share: 0.2, reviews: 2 },
      { source: 'goals', weight: 0.2, value: 3, used: true, share: 0.2, reviews: 1 },
      { source: 'self', weight: 0.1, value: 4.5, used: true, share: 0.1, reviews: 1 },
    ]);
  });

  it('a part without answers drops out and the rest are re-weighted: no peers → 2.8 / 0.8 = 3.5', () => {
    const r = finalScore(template, [self, manager]);
    expect(r.score).toBeCloseTo(3.5, 10);
    expect(r.reweighted).toBe(true);
    const peer = r.parts.find((p) => p.source === 'peer')!;
    expect(peer).toEqual({ source: 'peer', weight: 0.2, value: null, used: false, share: 0, reviews: 0 });
    expect(r.parts.find((p) => p.source === 'manager')!.share).toBeCloseTo(0.625, 10);
  });

  it('the goals part reads only the manager reviews’ goal ratings', () => {
    const peerWithGoals: ScoredReview = { ...peer1, answers: { ...peer1.answers, g1: { goals: { a: 5 } } } };
    const r = finalScore({ ...template, formula: { parts: [{ source: 'goals', weight: 1 }] } }, [peerWithGoals]);
    expect(r).toMatchObject({ score: null, reweighted: true });
    expect(goalRating(template, manager.answers)).toBe(3);
  });

  it('no submitted review: no score, every part unused', () => {
    const r = finalScore(template, []);
    expect(r.score).toBeNull();
    expect(r.parts.every((p) => !p.used && p.value === null)).toBe(true);
  });

  it('ratings off the scale, non-numbers and answers to text questions count as no answer', () => {
    const odd = { q1: { rating: 7 }, q2: { rating: 2 }, t1: { rating: 5, text: 'x' } };
    expect(raterRating(template, odd)).toBe(2);
    expect(raterRating(template, { q1: { rating: Number.NaN } })).toBeNull();
    expect(raterRating(template, manager.answers)).toBe(3.5);
    expect(scaleOf(template)).toEqual({ min: 1, max: 5 });
  });

  it('a part with weight 0 is shown with its value but does not count', () => {
    const r = finalScore({ ...template, formula: { parts: [{ source: 'manager', weight: 1 }, { source: 'self', weight: 0 }] } }, [self, manager]);
    expect(r.score).toBe(3.5);
    expect(r.parts[1]).toEqual({ source: 'self', weight: 0, value: 4.5, used: false, share: 0, reviews: 1 });
    expect(r.reweighted).toBe(false);
  });

  it('two manager reviews (a reassigned manager): each one’s mean, then the mean of the two', () => {
    const second: ScoredReview = { relationship: 'manager', reviewerId: 'm2', answers: { q1: { rating: 5 }, g1: { goals: { a: 5, b: 4 } } } };
    const r = finalScore({ ...template, formula: { parts: [{ source: 'manager', weight: 3 }, { source: 'goals', weight: 1 }] } }, [manager, second]);
    // manager (3.5 + 5) / 2 = 4.25; goals (3 + 4.5) / 2 = 3.75; (3·4.25 + 3.75) / 4 = 4.125
    expect(r.score).toBeCloseTo(4.125, 10);
  });
});
