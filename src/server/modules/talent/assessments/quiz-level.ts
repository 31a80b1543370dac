/**
 * The level a quiz result shows, for one skill a course teaches.
 *
 * A course teaches a skill to a level (`course_skill.level`). A learner who passed its quiz with
 * a mastery score (90% or more) is assessed at that level; one who passed with less (at least
 * the pass mark, below 90%) one level lower, never below the bottom of the skill's scale; a
 * failed quiz, or a completion without any quiz score, shows nothing and records nothing. The
 * taught level is first held inside the skill's scale, so a course that was linked before a
 * rescale cannot assess outside it.
 *
 * Worked examples (a skill on 1–5): taught 4, passed with 95 → 4; taught 4, passed with 80 → 3;
 * taught 1, passed with 75 → 1 (the scale's bottom); taught 4, 60 and failed → none.
 */
export const MASTERY_SCORE = 90;

export type QuizResult = {
  /** The level the course teaches the skill to. */
  taughtLevel: number;
  /** The score in percent (0–100), or null when the completion carried none. */
  score: number | null;
  /** Whether the quiz was passed (the score reached its pass mark). */
  passed: boolean;
  scale: { min: number; max: number };
};

export function quizLevel(r: QuizResult): number | null {
  if (!r.passed || r.score === null || !Number.isFinite(r.score)) return null;
  const taught = Math.max(r.scale.min, Math.min(r.scale.max, Math.round(r.taughtLevel)));
  if (r.score >= MASTERY_SCORE) return taught;
  return Math.max(r.scale.min, taught - 1);
}
