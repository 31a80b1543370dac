import { describe, expect, it } from 'vitest';
import type { ReviewTemplateBody } from '../../src/server/db/schema/index.ts';
import { canMovePhase, launchPhase, phaseAllows } from '../../src/server/modules/performance/reviews/cycle.phases.ts';
import { checkAnswers, type ReviewFrame } from '../../src/server/modules/performance/reviews/review.answers.ts';
import { sharedView, type SubmittedReview } from '../../src/server/modules/performance/reviews/review.sharing.ts';

const body: ReviewTemplateBody = {
  scale: [1, 2, 3].map((value) => ({ value, label: `P${value}` })),
  sections: [
    {
      id: 's',
      title: 'S',
      questions: [
        { id: 'r', kind: 'rating', prompt: 'Rate', required: true, relationships: ['manager', 'peer'], visibleToSubject: true },
        { id: 'c', kind: 'choice', prompt: 'Pick', required: false, options: ['a', 'b'], relationships: ['manager'], visibleToSubject: true },
        { id: 'g', kind: 'goals', prompt: 'Goals', required: true, relationships: ['manager'], visibleToSubject: false },
        { id: 'k', kind: 'skills', prompt: 'Skills', required: true, relationships: ['manager'], visibleToSubject: true },
      ],
    },
  ],
  formula: { parts: [{ source: 'manager', weight: 1 }] },
};
const frame: ReviewFrame = { relationship: 'manager', skills: [{ skillId: 'sk', expected: 3, max: 4 }], goalIds: ['g1', 'g2'] };

describe('checking answers', () => {
  it('accepts a partial draft of values the questions take', () => {
    expect(checkAnswers(body, frame, { r: { rating: 2 }, k: { skills: { sk: 4 } } })).toEqual([]);
  });
  it('names each answer that does not fit', () => {
    expect(
      checkAnswers(body, frame, { r: { rating: 2.5 }, c: { choices: ['a', 'b'] }, g: { goals: { g3: 1, g1: 9 } }, k: { skills: { sk: 5 } }, r2: { rating: 1 }, x: { text: 'a' } }),
    ).toEqual([
      { path: 'answers.r.rating', message: 'Choose a point of the scale' },
      { path: 'answers.c.choices', message: 'Choose one option' },
      { path: 'answers.g.goals.g3', message: 'This goal is not rated in this review' },
      { path: 'answers.g.goals.g1', message: 'Choose a point of the scale' },
      { path: 'answers.k.skills.sk', message: 'Choose a level from 1 to 4' },
      { path: 'answers.r2', message: 'No such question for this review' },
      { path: 'answers.x', message: 'No such question for this review' },
    ]);
  });
  it('a question of another relationship, or the wrong kind of value, is refused', () => {
    expect(checkAnswers(body, { ...frame, relationship: 'peer' }, { c: { choices: ['a'] } })).toEqual([{ path: 'answers.c', message: 'No such question for this review' }]);
    expect(checkAnswers(body, frame, { r: { text: 'great' } })).toEqual([{ path: 'answers.r', message: 'Answer this question with rating' }]);
  });
  it('to submit, every required question is answered and every goal and skill rated', () => {
    expect(checkAnswers(body, frame, { r: { rating: 1 }, g: { goals: { g1: 2 } } }, true)).toEqual([
      { path: 'answers.g', message: 'Rate every goal' },
      { path: 'answers.k', message: 'Rate every skill' },
    ]);
    expect(checkAnswers(body, frame, { r: { rating: 1 }, g: { goals: { g1: 2, g2: 3 } }, k: { skills: { sk: 1 } } }, true)).toEqual([]);
  });
});

describe('what the subject reads', () => {
  const reviews: SubmittedReview[] = [
    { relationship: 'manager', reviewerId: 'm', reviewerName: 'Mia', answers: { r: { rating: 2 }, g: { goals: { g1: 1 } } } },
    { relationship: 'peer', reviewerId: 'p2', reviewerName: 'Quinn', answers: { r: { rating: 3 } } },
    { relationship: 'peer', reviewerId: 'p1', reviewerName: 'Pat', answers: { r: { rating: 1 } } },
  ];
  it('leaves out hidden questions, names the manager, lists anonymous peers by content without authors', () => {
    const view = sharedView(body, reviews, { peerAnonymous: true, upwardAnonymous: true, anonymityMinimum: 2 });
    expect(view[0]!.questions.map((q) => q.id)).toEqual(['r', 'c', 'k']);
    expect(view[0]!.questions[0]!.answers).toEqual([
      { relationship: 'manager', author: { id: 'm', name: 'Mia' }, answer: { rating: 2 } },
      { relationship: 'peer', author: null, answer: { rating: 1 } },
      { relationship: 'peer', author: null, answer: { rating: 3 } },
    ]);
  });
  it('withholds anonymous answers below the minimum, and names peers when the cycle is not anonymous', () => {
    const hidden = sharedView(body, reviews, { peerAnonymous: true, upwardAnonymous: true, anonymityMinimum: 3 });
    expect(hidden[0]!.questions[0]!.answers.map((a) => a.relationship)).toEqual(['manager']);
    expect(hidden[0]!.questions[0]!.withheld).toEqual([{ relationship: 'peer', reason: 'Fewer than 3 peers answered, so their answers stay hidden' }]);
    const named = sharedView(body, reviews, { peerAnonymous: false, upwardAnonymous: true, anonymityMinimum: 3 });
    expect(named[0]!.questions[0]!.answers.map((a) => a.author?.name)).toEqual(['Mia', 'Quinn', 'Pat']);
  });
});

describe('cycle phases', () => {
  it('launch goes to nomination only when peers review; phases go forward one step', () => {
    expect(launchPhase(true)).toBe('nomination');
    expect(launchPhase(false)).toBe('writing');
    expect(canMovePhase('nomination', 'writing', true)).toBe(true);
    expect(canMovePhase('writing', 'calibration', false)).toBe(true);
    expect(canMovePhase('writing', 'sharing', false)).toBe(false);
    expect(canMovePhase('calibration', 'writing', false)).toBe(false);
    expect(canMovePhase('writing', 'nomination', true)).toBe(false);
    expect(canMovePhase('draft', 'writing', false)).toBe(false);
    expect(canMovePhase('sharing', 'closed', false)).toBe(true);
  });
  it('each phase allows its own actions', () => {
    expect(phaseAllows('nomination', 'write')).toBe(false);
    expect(phaseAllows('writing', 'write')).toBe(true);
    expect(phaseAllows('calibration', 'write')).toBe(true);
    expect(phaseAllows('sharing', 'release')).toBe(true);
    expect(phaseAllows('writing', 'release')).toBe(false);
    expect(phaseAllows('closed', 'acknowledge')).toBe(true);
  });
});
