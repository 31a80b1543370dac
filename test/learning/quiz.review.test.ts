import { describe, expect, it } from 'vitest';
import type { QuizQuestion } from '../../src/shared/course-content.ts';
import { mayShowKey, reviewQuestion } from '../../src/server/modules/learning/player/quiz.review.ts';

const at = new Date('2027-03-01T10:00:00Z');
const failed = { submittedAt: at, passed: false };
const passed = { submittedAt: at, passed: true };
const open = { submittedAt: null, passed: null };

describe('when a learner may see the quiz key (pure)', () => {
  it('withholds it while attempts remain', () => {
    expect(mayShowKey({ attemptsAllowed: 3 }, [failed])).toBe(false);
    expect(mayShowKey({ attemptsAllowed: 3 }, [failed, failed])).toBe(false);
    expect(mayShowKey({ attemptsAllowed: null }, [failed, failed, failed, failed])).toBe(false);
    expect(mayShowKey({ attemptsAllowed: 1 }, [])).toBe(false);
  });

  it('shows it once the quiz is passed, with or without a limit', () => {
    expect(mayShowKey({ attemptsAllowed: 3 }, [failed, passed])).toBe(true);
    expect(mayShowKey({ attemptsAllowed: null }, [passed])).toBe(true);
  });

  it('shows it once every attempt is used and submitted, not while the last one is still open', () => {
    expect(mayShowKey({ attemptsAllowed: 2 }, [failed, failed])).toBe(true);
    expect(mayShowKey({ attemptsAllowed: 1 }, [failed])).toBe(true);
    expect(mayShowKey({ attemptsAllowed: 2 }, [failed, open])).toBe(false);
    // An open attempt marked passed cannot exist, but only a submitted pass counts.
    expect(mayShowKey({ attemptsAllowed: null }, [{ submittedAt: null, passed: true }])).toBe(false);
  });
});

const single: QuizQuestion = {
  id: 'q1',
  kind: 'single',
  prompt: 'What should you do with a suspicious email?',
  options: [
    { id: 'a', text: 'Report it', correct: true, feedback: 'Yes: reporting warns others.' },
    { id: 'b', text: 'Forward it', correct: false, feedback: 'That spreads it; report it instead.' },
  ],
  acceptedAnswers: [],
  feedbackCorrect: 'Well spotted.',
  feedbackIncorrect: 'The answer is: report it.',
  points: 2,
};
const short: QuizQuestion = {
  id: 'q2',
  kind: 'short_answer',
  prompt: 'What does MFA stand for?',
  options: [],
  acceptedAnswers: ['multi-factor authentication'],
  feedbackCorrect: null,
  feedbackIncorrect: 'It is multi-factor authentication.',
  points: 1,
};
const drawn = (q: QuizQuestion, order = q.options.map((o) => o.id)) => ({ questionId: q.id, optionOrder: order });

describe('a reviewed question (pure)', () => {
  it('says right or wrong and shows the learner’s choice, but no key, while it is withheld', () => {
    const r = reviewQuestion(single, drawn(single, ['b', 'a']), { questionId: 'q1', correct: false, earned: 0, possible: 2 }, 'b', false);
    expect(r).toEqual({
      id: 'q1',
      kind: 'single',
      prompt: single.prompt,
      correct: false,
      earned: 0,
      possible: 2,
      answer: 'b',
      options: [
        { id: 'b', text: 'Forward it', selected: true, correct: null, feedback: null },
        { id: 'a', text: 'Report it', selected: false, correct: null, feedback: null },
      ],
      acceptedAnswers: [],
      feedback: null,
    });
    const s = reviewQuestion(short, drawn(short), { questionId: 'q2', correct: false, earned: 0, possible: 1 }, 'password', false);
    expect(s).toMatchObject({ correct: false, answer: 'password', acceptedAnswers: [], feedback: null });
    expect(JSON.stringify([r, s])).not.toMatch(/report it\.|multi-factor/i);
  });

  it('keeps the question’s feedback for a right answer, which tells nothing the answer did not', () => {
    const r = reviewQuestion(single, drawn(single), { questionId: 'q1', correct: true, earned: 2, possible: 2 }, 'a', false);
    expect(r).toMatchObject({ correct: true, earned: 2, feedback: 'Well spotted.' });
    expect(r.options.map((o) => o.correct)).toEqual([null, null]);
  });

  it('gives the key, accepted answers and all feedback once allowed', () => {
    const r = reviewQuestion(single, drawn(single), { questionId: 'q1', correct: false, earned: 0, possible: 2 }, 'b', true);
    expect(r.options).toEqual([
      { id: 'a', text: 'Report it', selected: false, correct: true, feedback: 'Yes: reporting warns others.' },
      { id: 'b', text: 'Forward it', selected: true, correct: false, feedback: 'That spreads it; report it instead.' },
    ]);
    expect(r.feedback).toBe('The answer is: report it.');
    const s = reviewQuestion(short, drawn(short), undefined, undefined, true);
    expect(s).toMatchObject({ correct: false, earned: 0, possible: 1, answer: null, acceptedAnswers: ['multi-factor authentication'] });
  });
});
