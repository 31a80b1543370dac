import type { ReviewAnswer, ReviewRelationship, ReviewTemplateBody, ScorePart } from '../../../db/schema/index.ts';

/*
 * A subject's final score (docs/reviews-calibration.md). Pure: the template as the cycle launched
 * it, and the subject's submitted reviews.
 *
 * - A relationship's part is the mean over that relationship's reviewers of each reviewer's own
 *   mean of their `rating` answers, so a peer who answered ten questions weighs as much as one who
 *   answered three.
 * - The `goals` part is the mean, over the manager reviews, of each one's mean goal rating (all
 *   the ratings of its `goals` answers).
 * - The score is sum(weight × part) / sum(weight) over the parts that have a value: a part without
 *   answers drops out and the others are re-weighted (`reweighted` says so), never counted as 0.
 *
 * A rating outside the template's scale, or not a finite number, counts as no answer: the writing
 * form cannot produce one, and a stray value must not move a score.
 */

export type ScoredReview = { relationship: ReviewRelationship; reviewerId: string; answers: Record<string, ReviewAnswer> };

export type ScorePartResult = {
  source: ScorePart['source'];
  weight: number;
  /** The part's value on the template's scale, null when nobody answered it. */
  value: number | null;
  /** Whether the part counted: it has a value and a weight above 0. */
  used: boolean;
  /** Its weight's share of the weights used (0 when unused): what it really counted for. */
  share: number;
  /** How many reviews the value is the mean of. */
  reviews: number;
};

export type ScoreResult = {
  score: number | null;
  parts: ScorePartResult[];
  /** True when a part of the formula with weight had no answers, so the others were re-weighted. */
  reweighted: boolean;
};

type Scale = { min: number; max: number };

/** The lowest and highest value of the template's scale (null for a template without anchors). */
export function scaleOf(template: Pick<ReviewTemplateBody, 'scale'>): Scale | null {
  const values = template.scale.map((a) => a.value).filter((v) => Number.isFinite(v));
  if (!values.length) return null;
  return { min: Math.min(...values), max: Math.max(...values) };
}

const onScale = (v: unknown, scale: Scale | null): v is number =>
  typeof v === 'number' && Number.isFinite(v) && (!scale || (v >= scale.min && v <= scale.max));

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

function questionIds(template: ReviewTemplateBody, kind: 'rating' | 'goals'): string[] {
  return template.sections.flatMap((s) => s.questions.filter((q) => q.kind === kind).map((q) => q.id));
}

/** One reviewer's mean over their answers to the template's `rating` questions; null when they rated none. */
export function raterRating(template: ReviewTemplateBody, answers: Record<string, ReviewAnswer>): number | null {
  const scale = scaleOf(template);
  return mean(questionIds(template, 'rating').flatMap((id) => (onScale(answers[id]?.rating, scale) ? [answers[id]!.rating!] : [])));
}

/** One review's mean over every goal rating of its `goals` answers; null when it rated no goal. */
export function goalRating(template: ReviewTemplateBody, answers: Record<string, ReviewAnswer>): number | null {
  const scale = scaleOf(template);
  return mean(questionIds(template, 'goals').flatMap((id) => Object.values(answers[id]?.goals ?? {}).filter((v) => onScale(v, scale))));
}

/** The final score of one subject and each part of it, as HR sees them. */
export function finalScore(template: ReviewTemplateBody, reviews: readonly ScoredReview[]): ScoreResult {
  const partValue = (source: ScorePart['source']): { value: number | null; reviews: number } => {
    const values =
      source === 'goals'
        ? reviews.filter((r) => r.relationship === 'manager').map((r) => goalRating(template, r.answers))
        : reviews.filter((r) => r.relationship === source).map((r) => raterRating(template, r.answers));
    const present = values.filter((v): v is number => v !== null);
    return { value: mean(present), reviews: present.length };
  };
  const computed = template.formula.parts.map((p) => {
    const weight = Number.isFinite(p.weight) && p.weight > 0 ? p.weight : 0;
    const { value, reviews: n } = partValue(p.source);
    return { source: p.source, weight, value, used: value !== null && weight > 0, reviews: n };
  });
  const total = computed.reduce((s, p) => s + (p.used ? p.weight : 0), 0);
  const score = total > 0 ? computed.reduce((s, p) => s + (p.used ? p.weight * p.value! : 0), 0) / total : null;
  return {
    score,
    parts: computed.map((p) => ({ ...p, share: p.used ? p.weight / total : 0 })),
    reweighted: computed.some((p) => p.weight > 0 && !p.used),
  };
}
