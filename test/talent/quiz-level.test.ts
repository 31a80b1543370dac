import { describe, expect, it } from 'vitest';
import { MASTERY_SCORE, quizLevel } from '../../src/server/modules/talent/assessments/quiz-level.ts';

const scale = { min: 1, max: 5 };

describe('the level a quiz result shows', () => {
  it('gives the taught level for a pass at or above the mastery score', () => {
    expect(MASTERY_SCORE).toBe(90);
    expect(quizLevel({ taughtLevel: 4, score: 95, passed: true, scale })).toBe(4);
    expect(quizLevel({ taughtLevel: 4, score: 90, passed: true, scale })).toBe(4);
    expect(quizLevel({ taughtLevel: 3, score: 100, passed: true, scale })).toBe(3);
  });

  it('gives one level less for a pass below the mastery score', () => {
    expect(quizLevel({ taughtLevel: 4, score: 89, passed: true, scale })).toBe(3);
    expect(quizLevel({ taughtLevel: 4, score: 80, passed: true, scale })).toBe(3);
    expect(quizLevel({ taughtLevel: 3, score: 75, passed: true, scale })).toBe(2);
  });

  it('never goes below the bottom of the scale', () => {
    expect(quizLevel({ taughtLevel: 1, score: 75, passed: true, scale })).toBe(1);
    expect(quizLevel({ taughtLevel: 2, score: 60, passed: true, scale: { min: 2, max: 7 } })).toBe(2);
  });

  it('holds the taught level inside the skill’s scale first', () => {
    // A course linked at 5 to a skill since rescaled to 1–3: a mastery pass shows 3, a plain pass 2.
    expect(quizLevel({ taughtLevel: 5, score: 95, passed: true, scale: { min: 1, max: 3 } })).toBe(3);
    expect(quizLevel({ taughtLevel: 5, score: 80, passed: true, scale: { min: 1, max: 3 } })).toBe(2);
    expect(quizLevel({ taughtLevel: 0, score: 95, passed: true, scale })).toBe(1);
  });

  it('shows nothing for a failed quiz or a completion without a score', () => {
    expect(quizLevel({ taughtLevel: 4, score: 60, passed: false, scale })).toBeNull();
    // Failed stays failed whatever the number says (a pass mark above 90).
    expect(quizLevel({ taughtLevel: 4, score: 92, passed: false, scale })).toBeNull();
    expect(quizLevel({ taughtLevel: 4, score: null, passed: true, scale })).toBeNull();
    expect(quizLevel({ taughtLevel: 4, score: Number.NaN, passed: true, scale })).toBeNull();
  });
});
