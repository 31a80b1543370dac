import { describe, expect, it } from 'vitest';
import {
  closureBy, decideGoal, decideLevels, followUpWindows, isLowClosure, loopClosure, nextStep, type DueFollowUp,
} from '../../src/server/modules/insight/follow-ups/loop.ts';

describe('loop closure (pure)', () => {
  it('rates improved over decided, counting asked with pending and cancelled nowhere', () => {
    // 3 improved, 1 not improved → 3 / 4 = 0.75; 2 pending + 1 asked = 3 waiting.
    expect(loopClosure({ improved: 3, not_improved: 1, pending: 2, asked: 1, cancelled: 5 })).toEqual({
      improved: 3, notImproved: 1, decided: 4, pending: 3, rate: 0.75,
    });
    expect(loopClosure({ pending: 2 })).toEqual({ improved: 0, notImproved: 0, decided: 0, pending: 2, rate: null });
  });

  it('groups counts by key and totals them', () => {
    const { by, total } = closureBy([
      { key: 'a', status: 'improved', n: 2 },
      { key: 'a', status: 'not_improved', n: 2 },
      { key: 'b', status: 'improved', n: 1 },
      { key: 'b', status: 'asked', n: 4 },
    ]);
    expect(by.get('a')!.rate).toBe(0.5); // 2 / 4
    expect(by.get('b')).toMatchObject({ decided: 1, pending: 4, rate: 1 });
    expect(total).toMatchObject({ improved: 3, notImproved: 2, decided: 5, pending: 4, rate: 0.6 }); // 3 / 5
  });

  it('flags a low rate only over enough decided follow-ups', () => {
    expect(isLowClosure(loopClosure({ improved: 2, not_improved: 8 }))).toBe(true); // 0.2 over 10
    expect(isLowClosure(loopClosure({ improved: 1, not_improved: 8 }))).toBe(false); // 9 decided: too few
    expect(isLowClosure(loopClosure({ improved: 3, not_improved: 7 }))).toBe(false); // 0.3 is not below 0.3
  });

  it('takes the organisation’s window per reason, 60 days otherwise, refusing nonsense', () => {
    const w = followUpWindows({ goal: 30, hurdle: 0, review: 2.5, compliance: 10 });
    expect(w).toEqual({ skill_gap: 60, aspiration: 60, goal: 30, hurdle: 60, one_on_one: 60, review: 60 });
  });

  it('decides skills on the levels assessed since completion (never assessed counts as 0)', () => {
    expect(decideLevels({ a: 2 }, { a: 3 })).toBe('improved');
    expect(decideLevels({ a: 2 }, { a: 2 })).toBe('not_improved');
    expect(decideLevels({ a: 3 }, { a: 2.5 })).toBe('not_improved');
    expect(decideLevels({ a: null }, { a: 1 })).toBe('improved');
    expect(decideLevels({ a: 2, b: 3 }, { b: 4 })).toBe('improved'); // b rose; a not assessed since
    expect(decideLevels({ a: 2 }, {})).toBeNull();
  });

  it('decides a goal on progress that rose or a status that went to on track or done', () => {
    expect(decideGoal({ goalProgress: 20, goalStatus: 'at_risk' }, { goalProgress: 50, goalStatus: 'at_risk' })).toBe('improved');
    expect(decideGoal({ goalProgress: 20, goalStatus: 'at_risk' }, { goalProgress: 20, goalStatus: 'on_track' })).toBe('improved');
    expect(decideGoal({ goalProgress: 20, goalStatus: 'on_track' }, { goalProgress: 20, goalStatus: 'on_track' })).toBe('not_improved');
    expect(decideGoal({ goalProgress: 40, goalStatus: 'on_track' }, { goalProgress: 40, goalStatus: 'done' })).toBe('improved');
    expect(decideGoal({ goalProgress: 40, goalStatus: 'at_risk' }, { goalProgress: 30, goalStatus: 'off_track' })).toBe('not_improved');
    expect(decideGoal({}, { goalProgress: 10, goalStatus: 'off_track' })).toBe('improved'); // no baseline: from 0
  });

  it('chooses the next step per reason type', () => {
    const base: DueFollowUp = { reasonType: 'skill_gap', personId: 'ana', before: { levels: { s: 2 } }, managerId: 'max' };
    expect(nextStep({ ...base, levelsSince: { s: 3 } })).toEqual({ kind: 'decide', status: 'improved', after: { levels: { s: 3 } } });
    expect(nextStep(base)).toEqual({ kind: 'ask', askedOf: 'max', via: 'rerate' });
    expect(nextStep({ ...base, managerId: null })).toEqual({ kind: 'ask', askedOf: 'ana', via: 'rerate' });
    expect(nextStep({ ...base, before: { levels: {} } })).toEqual({ kind: 'ask', askedOf: 'max', via: 'question' });
    expect(nextStep({ ...base, reasonType: 'goal', before: { goalProgress: 10 }, goal: null })).toEqual({ kind: 'cancel' });
    expect(nextStep({ ...base, reasonType: 'hurdle', before: {}, hurdleStatus: 'resolved' })).toMatchObject({ kind: 'decide', status: 'improved' });
    expect(nextStep({ ...base, reasonType: 'hurdle', before: {}, hurdleStatus: 'open' })).toEqual({ kind: 'ask', askedOf: 'ana', via: 'hurdle' });
    expect(nextStep({ ...base, reasonType: 'one_on_one', before: {}, organiserId: 'olga' })).toEqual({ kind: 'ask', askedOf: 'olga', via: 'one_on_one' });
    expect(nextStep({ ...base, reasonType: 'one_on_one', before: {}, organiserId: null })).toEqual({ kind: 'ask', askedOf: 'max', via: 'question' });
  });
});
