import type { AttemptItem, AttemptQuestion, Quiz, QuizQuestion } from '../../../db/schema/index.ts';
import type { Answer } from './quiz.grading.ts';

/**
 * Whether the learner may see a quiz's key (the right options, accepted answers, feedback that
 * names them): once they passed it, or once no attempt is left. Before that a review says right
 * or wrong per question only, or the next attempt is a copy of the key. An open attempt means
 * the learner is still answering, whatever the count.
 */
export function mayShowKey(quiz: Pick<Quiz, 'attemptsAllowed'>, attempts: Array<{ submittedAt: Date | null; passed: boolean | null }>): boolean {
  if (attempts.some((a) => a.submittedAt && a.passed)) return true;
  if (quiz.attemptsAllowed == null || attempts.some((a) => !a.submittedAt)) return false;
  return attempts.length >= quiz.attemptsAllowed;
}

/**
 * A graded question with the learner's own answer. With the key: which options were right, the
 * accepted answers and all feedback. Without it: right or wrong, the points, the learner's
 * choices, and the question's feedback only where the learner was right (it cannot tell them
 * more than their own answer does).
 */
export function reviewQuestion(
  q: QuizQuestion,
  d: AttemptQuestion,
  item: AttemptItem | undefined,
  answer: Answer | undefined,
  showKey: boolean,
) {
  const chosen = new Set(Array.isArray(answer) ? answer : typeof answer === 'string' ? [answer] : []);
  const options = new Map(q.options.map((o) => [o.id, o]));
  const correct = item?.correct ?? false;
  return {
    id: q.id,
    kind: q.kind,
    prompt: q.prompt,
    correct,
    earned: item?.earned ?? 0,
    possible: item?.possible ?? q.points,
    answer: answer ?? null,
    options: d.optionOrder.flatMap((id) => {
      const o = options.get(id);
      if (!o) return [];
      return [{ id: o.id, text: o.text, selected: chosen.has(o.id), correct: showKey ? o.correct : null, feedback: showKey ? (o.feedback ?? null) : null }];
    }),
    acceptedAnswers: showKey && q.kind === 'short_answer' ? q.acceptedAnswers : [],
    feedback: (correct ? q.feedbackCorrect : showKey ? q.feedbackIncorrect : null) ?? null,
  };
}
