import type { AttemptItem, AttemptQuestion, Quiz, QuizQuestion } from '../../../db/schema/index.ts';

/** Returns an integer in [0, n). Injected so tests can draw deterministically. */
export type Rng = (n: number) => number;

function shuffled<T>(items: T[], rng: Rng): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * Draws the questions of one attempt: `drawCount` at random from the pool (all when null), in
 * pool order unless questions are shuffled; option order shuffled when asked (true/false keeps
 * its natural order, where shuffling only confuses).
 */
export function drawQuestions(quiz: Quiz, rng: Rng): AttemptQuestion[] {
  const pool = quiz.questions;
  const count = quiz.drawCount == null ? pool.length : Math.min(Math.max(quiz.drawCount, 0), pool.length);
  let picked = pool;
  if (count < pool.length) {
    const chosen = new Set(shuffled(pool.map((_, i) => i), rng).slice(0, count));
    picked = pool.filter((_, i) => chosen.has(i));
  }
  if (quiz.shuffleQuestions) picked = shuffled(picked, rng);
  return picked.map((q) => ({
    questionId: q.id,
    optionOrder:
      quiz.shuffleOptions && q.kind !== 'true_false' ? shuffled(q.options.map((o) => o.id), rng) : q.options.map((o) => o.id),
  }));
}

/** Short answers match ignoring case, surrounding space and runs of inner whitespace. */
export const normalizeAnswer = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();

export type Answer = string | string[];
export type Answers = Record<string, Answer>;

function isCorrect(q: QuizQuestion, answer: Answer | undefined): boolean {
  if (answer === undefined) return false;
  const ids = new Set(q.options.map((o) => o.id));
  const correct = q.options.filter((o) => o.correct).map((o) => o.id);
  switch (q.kind) {
    case 'single':
    case 'true_false':
      return typeof answer === 'string' && ids.has(answer) && correct.length === 1 && correct[0] === answer;
    case 'multiple': {
      if (!Array.isArray(answer)) return false;
      const given = new Set(answer);
      // An option of another question, or a repeated id, makes the answer wrong, never right.
      if (given.size !== answer.length || answer.some((a) => !ids.has(a))) return false;
      return given.size === correct.length && correct.every((c) => given.has(c));
    }
    case 'short_answer':
      if (typeof answer !== 'string') return false;
      return q.acceptedAnswers.some((a) => normalizeAnswer(a) === normalizeAnswer(answer));
  }
}

export type Grade = { score: number; passed: boolean; items: AttemptItem[]; answers: Answers };

/**
 * Grades the drawn questions only: answers to questions that were not drawn are dropped.
 * `timedOut` scores nothing. The score is earned points over possible points, in percent.
 */
export function gradeAttempt(quiz: Quiz, drawn: AttemptQuestion[], given: Answers, opts: { timedOut?: boolean } = {}): Grade {
  const byId = new Map(quiz.questions.map((q) => [q.id, q]));
  const answers: Answers = {};
  const items: AttemptItem[] = [];
  for (const d of drawn) {
    const q = byId.get(d.questionId);
    if (!q) continue;
    const answer = opts.timedOut ? undefined : given[d.questionId];
    if (answer !== undefined) answers[d.questionId] = answer;
    const possible = q.points > 0 ? q.points : 1;
    const correct = isCorrect(q, answer);
    items.push({ questionId: q.id, correct, earned: correct ? possible : 0, possible });
  }
  const possible = items.reduce((s, i) => s + i.possible, 0);
  const earned = items.reduce((s, i) => s + i.earned, 0);
  const score = possible ? Math.round((earned / possible) * 100) : 0;
  return { score, passed: !opts.timedOut && score >= quiz.passMark, items, answers };
}

/** A question as the learner sees it during an attempt: no correct flags, accepted answers or feedback. */
export function publicQuestion(q: QuizQuestion, d: AttemptQuestion) {
  const options = new Map(q.options.map((o) => [o.id, o]));
  return {
    id: q.id,
    kind: q.kind,
    prompt: q.prompt,
    points: q.points,
    options: d.optionOrder.flatMap((id) => {
      const o = options.get(id);
      return o ? [{ id: o.id, text: o.text }] : [];
    }),
  };
}
