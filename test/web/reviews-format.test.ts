import { describe, expect, it } from 'vitest';
import { answered, formulaShares, groupByCycle, nextKey, nextPhase } from '../../src/web/features/performance/reviews/format.ts';

// Pure: what the review pages decide from what the API answers. Only the fields read are given.
describe('the final-score preview', () => {
  it('turns weights into whole percentages that add up to 100', () => {
    expect(formulaShares([60, 30, 10])).toEqual([60, 30, 10]);
    expect(formulaShares([3, 1])).toEqual([75, 25]);
    // 1/3 each is 33.33…: the one left over goes to the last part, not to none.
    expect(formulaShares([1, 1, 1])).toEqual([33, 33, 34]);
    // 2/3 = 66.67 and 1/3 = 33.33: the larger remainder takes the point.
    expect(formulaShares([2, 1])).toEqual([67, 33]);
  });

  it('counts a weight not yet typed (or not above 0) as nothing', () => {
    expect(formulaShares([Number(''), 4])).toEqual([0, 100]);
    expect(formulaShares([-5, 1, 1])).toEqual([0, 50, 50]);
    expect(formulaShares([0, Number.NaN])).toEqual([0, 0]);
    expect(formulaShares([])).toEqual([]);
  });
});

describe('moving a cycle on', () => {
  it('goes one step forward as the server allows; a draft is launched, a closed cycle stays', () => {
    expect(nextPhase('nomination')).toBe('writing');
    expect(nextPhase('writing')).toBe('calibration');
    expect(nextPhase('calibration')).toBe('sharing');
    expect(nextPhase('sharing')).toBe('closed');
    expect(nextPhase('draft')).toBeNull();
    expect(nextPhase('closed')).toBeNull();
  });
});

describe('keys of new questions', () => {
  it('takes the first free number, so a removed question’s key is reused only once it is gone', () => {
    expect(nextKey('q', [])).toBe('q1');
    expect(nextKey('q', ['q1', 'q2', 'q4'])).toBe('q3');
    expect(nextKey('s', ['q1', 's1'])).toBe('s2');
  });
});

describe('the reviews I write', () => {
  const r = (id: string, cycleId: string) => ({ id, cycleId, cycleName: `Cycle ${cycleId}`, phase: 'writing', writingEndsOn: '2027-01-31' }) as never;
  it('are grouped by cycle in the order they came', () => {
    const groups = groupByCycle([r('a', '1'), r('b', '2'), r('c', '1')]);
    expect(groups.map((g) => [g.cycleId, g.reviews.map((x: { id: string }) => x.id)])).toEqual([
      ['1', ['a', 'c']],
      ['2', ['b']],
    ]);
  });
});

describe('what counts as answered', () => {
  const review = { skills: [{ skillId: 's1' }, { skillId: 's2' }], goals: [{ goalId: 'g1' }] } as never;
  const q = (kind: string) => ({ id: 'x', kind }) as never;
  it('asks a rating, a text with more than blanks, a choice, every skill and every goal', () => {
    expect(answered(q('rating'), { rating: 0 }, review)).toBe(true);
    expect(answered(q('rating'), {}, review)).toBe(false);
    expect(answered(q('text'), { text: '  ' }, review)).toBe(false);
    expect(answered(q('text'), { text: 'Led the launch' }, review)).toBe(true);
    expect(answered(q('choice'), { choices: [] }, review)).toBe(false);
    expect(answered(q('skills'), { skills: { s1: 3 } }, review)).toBe(false);
    expect(answered(q('skills'), { skills: { s1: 3, s2: 1 } }, review)).toBe(true);
    expect(answered(q('goals'), { goals: { g1: 4 } }, review)).toBe(true);
    expect(answered(q('text'), undefined, review)).toBe(false);
  });
});
