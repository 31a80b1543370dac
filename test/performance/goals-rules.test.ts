import { describe, expect, it } from 'vitest';
import {
  alignmentProblem,
  defaultPeriods,
  goalProgress,
  keyResultProgress,
  pruneToMatches,
  rollUpChain,
  statusAtClose,
  weightedProgress,
} from '../../src/server/modules/performance/goals/goals.rules.ts';

const kr = (kind: 'number' | 'percentage' | 'currency' | 'binary', startValue: number, targetValue: number, currentValue: number, weight = 1) => ({
  kind,
  startValue,
  targetValue,
  currentValue,
  weight,
});

describe('goal rules', () => {
  it('key result progress: share of the way from start to target, capped, reductions too, binary done or not', () => {
    expect(keyResultProgress(kr('number', 10, 30, 15))).toBe(25);
    expect(keyResultProgress(kr('currency', 0, 1000, 1500))).toBe(100);
    expect(keyResultProgress(kr('percentage', 50, 20, 35))).toBe(50); // churn from 50 % down to 20 %
    expect(keyResultProgress(kr('number', 10, 30, 5))).toBe(0);
    expect(keyResultProgress(kr('binary', 0, 1, 1))).toBe(100);
    expect(keyResultProgress(kr('binary', 0, 1, 0))).toBe(0);
    expect(keyResultProgress(kr('number', 5, 5, 5))).toBe(100);
  });

  it('weighted roll-up: equal weights by default, heavier parts count more, all-zero weights count equally', () => {
    expect(weightedProgress([])).toBeNull();
    expect(weightedProgress([{ progress: 20, weight: 1 }, { progress: 80, weight: 1 }])).toBe(50);
    expect(weightedProgress([{ progress: 20, weight: 3 }, { progress: 80, weight: 1 }])).toBe(35);
    expect(weightedProgress([{ progress: 10, weight: 0 }, { progress: 40, weight: 0 }])).toBe(25);
    expect(weightedProgress([{ progress: 100, weight: 1 }, { progress: 0, weight: 2 }])).toBe(33.33);
  });

  it('a goal rolls up from its key results, or with none from its children, or keeps its own', () => {
    // (25 × 1 + 100 × 2) / 3 = 75
    expect(goalProgress([kr('number', 10, 30, 15), kr('binary', 0, 1, 1, 2)], [{ progress: 0, weight: 1 }])).toBe(75);
    expect(goalProgress([], [{ progress: 60, weight: 1 }, { progress: 0, weight: 1 }, { progress: 30, weight: 1 }])).toBe(30);
    expect(goalProgress([], [])).toBeNull();
  });

  it('alignment refuses the goal itself and its descendants as parent', () => {
    expect(alignmentProblem('a', 'a', [])).toBe('self');
    // a → b → c: c's ancestors are b, a; making c the parent of a is a cycle.
    expect(alignmentProblem('a', 'c', ['b', 'a'])).toBe('descendant');
    expect(alignmentProblem('c', 'a', [])).toBeNull();
    expect(alignmentProblem(null, 'a', [])).toBeNull();
  });

  it('default periods: this quarter, the next (across the year end) and this year', () => {
    expect(defaultPeriods('2026-12-02')).toEqual([
      { name: 'Q4 2026', kind: 'quarter', startsOn: '2026-10-01', endsOn: '2026-12-31' },
      { name: 'Q1 2027', kind: 'quarter', startsOn: '2027-01-01', endsOn: '2027-03-31' },
      { name: 'FY 2026', kind: 'year', startsOn: '2026-01-01', endsOn: '2026-12-31' },
    ]);
    expect(defaultPeriods('2028-02-29').slice(0, 2)).toEqual([
      { name: 'Q1 2028', kind: 'quarter', startsOn: '2028-01-01', endsOn: '2028-03-31' },
      { name: 'Q2 2028', kind: 'quarter', startsOn: '2028-04-01', endsOn: '2028-06-30' },
    ]);
  });

  it('a goal open at the period close is done at 100 %, missed below', () => {
    expect(statusAtClose(100)).toBe('done');
    expect(statusAtClose(99.99)).toBe('missed');
  });

  it('a tree search keeps the matches and their ancestors', () => {
    const nodes = [
      { id: 'co', parentId: null, t: 'Grow' },
      { id: 'd1', parentId: 'co', t: 'Sales' },
      { id: 'p1', parentId: 'd1', t: 'Close deals' },
      { id: 'd2', parentId: 'co', t: 'Support' },
    ];
    expect(pruneToMatches(nodes, (n) => n.t.includes('deals')).map((n) => n.id)).toEqual(['co', 'd1', 'p1']);
    expect(pruneToMatches(nodes, () => false)).toEqual([]);
  });
});

describe('rollUpChain', () => {
  it('recomputes each goal above from its children, with the new progress of the one below it, nearest first', () => {
    const above = [
      // team: children mine (50, weight 1) and a sibling at 80 (weight 3): (50 + 240) / 4 = 72.5
      { id: 'team', progress: 65, keyResults: [], children: [{ id: 'mine', progress: 50, weight: 1 }, { id: 'sib', progress: 80, weight: 3 }] },
      // company: team (now 72.5, stored 65) and another at 10, equal weights: 41.25
      { id: 'co', progress: 37.5, keyResults: [], children: [{ id: 'team', progress: 65, weight: 1 }, { id: 'other', progress: 10, weight: 1 }] },
    ];
    expect(rollUpChain(above)).toEqual([
      { id: 'team', progress: 72.5 },
      { id: 'co', progress: 41.25 },
    ]);
    // Run again on what the first run wrote: nothing moves.
    const written = [
      { ...above[0]!, progress: 72.5 },
      { ...above[1]!, progress: 41.25, children: [{ id: 'team', progress: 72.5, weight: 1 }, { id: 'other', progress: 10, weight: 1 }] },
    ];
    expect(rollUpChain(written)).toEqual([]);
  });

  it('goes on past a goal that does not move (one with its own key results, or already right) to fix the ones above', () => {
    const own = { id: 'team', progress: 40, keyResults: [kr('number', 0, 10, 4)], children: [{ id: 'mine', progress: 90, weight: 1 }] };
    // The company still shows 0 though its only child is at 40 (an earlier roll-up left it behind).
    const co = { id: 'co', progress: 0, keyResults: [], children: [{ id: 'team', progress: 40, weight: 1 }] };
    expect(rollUpChain([own, co])).toEqual([{ id: 'co', progress: 40 }]);
    const still = { id: 'team', progress: 50, keyResults: [], children: [{ id: 'mine', progress: 50, weight: 1 }] };
    expect(rollUpChain([still, { ...co, children: [{ id: 'team', progress: 50, weight: 1 }] }])).toEqual([{ id: 'co', progress: 50 }]);
  });

  it('keeps the progress of a goal left with neither key results nor children', () => {
    const empty = { id: 'team', progress: 30, keyResults: [], children: [] };
    const co = { id: 'co', progress: 10, keyResults: [], children: [{ id: 'team', progress: 30, weight: 1 }, { id: 'x', progress: 0, weight: 1 }] };
    expect(rollUpChain([empty, co])).toEqual([{ id: 'co', progress: 15 }]);
  });

  it('ends at a goal met twice (a cycle in bad data)', () => {
    const a = { id: 'a', progress: 0, keyResults: [], children: [{ id: 'mine', progress: 30, weight: 1 }] };
    const mine = { id: 'mine', progress: 30, keyResults: [], children: [{ id: 'a', progress: 0, weight: 1 }] };
    expect(rollUpChain([a, mine, a])).toEqual([{ id: 'a', progress: 30 }]);
  });
});
