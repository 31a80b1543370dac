import type { ReviewAnswer, ReviewQuestion, ReviewRelationship, ReviewTemplateBody } from '../../../db/schema/index.ts';

/** What a review rates besides its questions, fixed at launch. */
export type ReviewFrame = { relationship: ReviewRelationship; skills: { skillId: string; expected: number | null; max: number }[]; goalIds: string[] };
export type AnswerIssue = { path: string; message: string };

/** The questions this relationship answers, in form order. */
export const questionsFor = (body: ReviewTemplateBody, relationship: ReviewRelationship): ReviewQuestion[] =>
  body.sections.flatMap((s) => s.questions.filter((q) => q.relationships.includes(relationship)));

const isEmpty = (a: ReviewAnswer | undefined, q: ReviewQuestion, frame: ReviewFrame): boolean => {
  if (!a) return true;
  switch (q.kind) {
    case 'rating':
      return a.rating === undefined;
    case 'text':
      return !a.text?.trim();
    case 'choice':
      return !a.choices?.length;
    case 'skills':
      return frame.skills.some((s) => a.skills?.[s.skillId] === undefined);
    case 'goals':
      return frame.goalIds.some((g) => a.goals?.[g] === undefined);
  }
};

/**
 * Checks a draft: every answer belongs to a question this relationship answers, and holds a value
 * the question takes (a point of the scale, an option, a level of the skill's scale, a rating of
 * one of the review's goals). A draft may be incomplete; `complete` also asks every required question.
 */
export function checkAnswers(body: ReviewTemplateBody, frame: ReviewFrame, answers: Record<string, ReviewAnswer>, complete = false): AnswerIssue[] {
  const issues: AnswerIssue[] = [];
  const mine = new Map(questionsFor(body, frame.relationship).map((q) => [q.id, q]));
  const points = new Set(body.scale.map((a) => a.value));
  const skills = new Map(frame.skills.map((s) => [s.skillId, s]));
  const goals = new Set(frame.goalIds);
  for (const [id, a] of Object.entries(answers)) {
    const q = mine.get(id);
    const at = `answers.${id}`;
    if (!q) {
      issues.push({ path: at, message: 'No such question for this review' });
      continue;
    }
    const keys = Object.keys(a).filter((k) => a[k as keyof ReviewAnswer] !== undefined);
    const expected = { rating: 'rating', text: 'text', choice: 'choices', skills: 'skills', goals: 'goals' }[q.kind];
    if (keys.some((k) => k !== expected)) issues.push({ path: at, message: `Answer this question with ${expected}` });
    if (q.kind === 'rating' && a.rating !== undefined && !points.has(a.rating)) issues.push({ path: `${at}.rating`, message: 'Choose a point of the scale' });
    if (q.kind === 'choice' && a.choices) {
      if (a.choices.some((c) => !q.options?.includes(c))) issues.push({ path: `${at}.choices`, message: 'Choose among the options' });
      if (!q.multiple && a.choices.length > 1) issues.push({ path: `${at}.choices`, message: 'Choose one option' });
    }
    if (q.kind === 'skills' && a.skills)
      for (const [skillId, level] of Object.entries(a.skills)) {
        const s = skills.get(skillId);
        if (!s) issues.push({ path: `${at}.skills.${skillId}`, message: 'This skill is not rated in this review' });
        else if (!Number.isInteger(level) || level < 1 || level > s.max) issues.push({ path: `${at}.skills.${skillId}`, message: `Choose a level from 1 to ${s.max}` });
      }
    if (q.kind === 'goals' && a.goals)
      for (const [goalId, rating] of Object.entries(a.goals)) {
        if (!goals.has(goalId)) issues.push({ path: `${at}.goals.${goalId}`, message: 'This goal is not rated in this review' });
        else if (!points.has(rating)) issues.push({ path: `${at}.goals.${goalId}`, message: 'Choose a point of the scale' });
      }
  }
  if (complete)
    for (const q of mine.values())
      if (q.required && isEmpty(answers[q.id], q, frame)) issues.push({ path: `answers.${q.id}`, message: q.kind === 'skills' ? 'Rate every skill' : q.kind === 'goals' ? 'Rate every goal' : 'Answer this question' });
  return issues;
}
