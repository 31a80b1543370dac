/**
 * Classical test theory for quiz items, from graded attempts. Pure functions: the report
 * service feeds them the submitted attempts of one quiz.
 */

export type GradedAttempt = { score: number; items: Array<{ questionId: string; correct: boolean }> };

export type ItemFlag = 'too_easy' | 'too_hard' | 'poor_discrimination';

export type ItemStats = {
  questionId: string;
  attempts: number;
  correct: number;
  /** Share of attempts answering correctly, 0–1 (the classical "difficulty" or p-value). */
  difficulty: number;
  /** Point-biserial correlation between the item and the attempt score; null below the minimum attempts or without variance. */
  discrimination: number | null;
  flags: ItemFlag[];
};

export const MIN_ATTEMPTS_FOR_DISCRIMINATION = 5;
export const TOO_EASY = 0.9;
export const TOO_HARD = 0.3;
export const POOR_DISCRIMINATION = 0.2;

const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * r_pb = (M1 − M0) / s · √(p·q): M1 and M0 the mean scores of attempts that got the item right
 * and wrong, s the (population) standard deviation of all scores, p the share right.
 */
export function pointBiserial(pairs: Array<{ correct: boolean; score: number }>): number | null {
  const n = pairs.length;
  if (n < 2) return null;
  const right = pairs.filter((x) => x.correct);
  const wrong = pairs.filter((x) => !x.correct);
  if (!right.length || !wrong.length) return null;
  const mean = pairs.reduce((s, x) => s + x.score, 0) / n;
  const sd = Math.sqrt(pairs.reduce((s, x) => s + (x.score - mean) ** 2, 0) / n);
  if (sd === 0) return null;
  const m1 = right.reduce((s, x) => s + x.score, 0) / right.length;
  const m0 = wrong.reduce((s, x) => s + x.score, 0) / wrong.length;
  const p = right.length / n;
  return ((m1 - m0) / sd) * Math.sqrt(p * (1 - p));
}

/** Per question, in the order questions first appear in the attempts. */
export function analyseItems(attempts: GradedAttempt[]): ItemStats[] {
  const byQuestion = new Map<string, Array<{ correct: boolean; score: number }>>();
  for (const a of attempts) {
    for (const item of a.items) {
      const list = byQuestion.get(item.questionId) ?? [];
      list.push({ correct: item.correct, score: a.score });
      byQuestion.set(item.questionId, list);
    }
  }
  return [...byQuestion.entries()].map(([questionId, pairs]) => {
    const correct = pairs.filter((x) => x.correct).length;
    const difficulty = correct / pairs.length;
    const r = pairs.length >= MIN_ATTEMPTS_FOR_DISCRIMINATION ? pointBiserial(pairs) : null;
    const flags: ItemFlag[] = [];
    if (pairs.length >= MIN_ATTEMPTS_FOR_DISCRIMINATION) {
      if (difficulty > TOO_EASY) flags.push('too_easy');
      if (difficulty < TOO_HARD) flags.push('too_hard');
      if (r !== null && r < POOR_DISCRIMINATION) flags.push('poor_discrimination');
    }
    return { questionId, attempts: pairs.length, correct, difficulty: round(difficulty), discrimination: r === null ? null : round(r), flags };
  });
}
