import type { MyReview, Phase, QuestionKind, Relationship, Review } from './api.ts';

export const phaseLabels: Record<Phase, string> = {
  draft: 'Draft',
  nomination: 'Nomination',
  writing: 'Writing',
  calibration: 'Calibration',
  sharing: 'Sharing',
  closed: 'Closed',
};
// Bare hues: a light badge of a bare hue gets the pale tint the dark text passes AA on.
export const phaseColors: Record<Phase, string> = {
  draft: 'gray',
  nomination: 'grape',
  writing: 'blue',
  calibration: 'orange',
  sharing: 'teal',
  closed: 'gray',
};

export const relationshipLabels: Record<Relationship, string> = { self: 'Self', manager: 'Manager', peer: 'Peer', upward: 'Upward (report)' };
/** What the reviewer of each relationship is to the subject, for "Your review of … as …". */
export const relationshipRoles: Record<Relationship, string> = { self: 'Self-review', manager: 'As their manager', peer: 'As a peer', upward: 'As their report' };

export const statusLabels: Record<MyReview['status'], string> = { not_started: 'Not started', draft: 'Draft', submitted: 'Submitted' };
export const statusColors: Record<MyReview['status'], string> = { not_started: 'gray', draft: 'yellow', submitted: 'teal' };

export const kindLabels: Record<QuestionKind, string> = {
  rating: 'Rating on the scale',
  text: 'Written answer',
  choice: 'Multiple choice',
  skills: 'Each skill of the job profile',
  goals: 'Each goal of the period',
};

export const scoreSourceLabels: Record<Relationship | 'goals', string> = { ...relationshipLabels, goals: 'Goals' };

/**
 * Each part's share of the final score as whole percentages that add up to 100 (largest
 * remainder: 1/3 each shows 33, 33, 34 rather than 33, 33, 33). Parts without a positive weight
 * count 0; no positive weight at all gives every part 0.
 */
export function formulaShares(weights: number[]): number[] {
  const w = weights.map((x) => (Number.isFinite(x) && x > 0 ? x : 0));
  const total = w.reduce((a, b) => a + b, 0);
  if (total <= 0) return w.map(() => 0);
  const exact = w.map((x) => (x / total) * 100);
  const floors = exact.map(Math.floor);
  let left = 100 - floors.reduce((a, b) => a + b, 0);
  // Largest fractional part first; ties go to the later part, so equal thirds read 33, 33, 34.
  const order = exact.map((x, i) => ({ i, frac: x - Math.floor(x) })).sort((a, b) => b.frac - a.frac || b.i - a.i);
  for (const { i } of order) {
    if (left <= 0) break;
    if (w[i]! > 0) {
      floors[i]! += 1;
      left -= 1;
    }
  }
  return floors;
}

/**
 * The phase "Move to next phase" takes a launched cycle to, as the server allows it (one step
 * forward; nomination only comes from launch); null for a draft (launched instead) and a closed cycle.
 */
export function nextPhase(phase: Phase): Phase | null {
  const next: Partial<Record<Phase, Phase>> = { nomination: 'writing', writing: 'calibration', calibration: 'sharing', sharing: 'closed' };
  return next[phase] ?? null;
}

/** The next free key for a new section or question (`q1`, `q2` …): the id its answers are stored under, so it never changes once made. */
export function nextKey(prefix: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  for (let n = 1; ; n++) if (!used.has(`${prefix}${n}`)) return `${prefix}${n}`;
}

/** The reviews I write, grouped by cycle in the order they came, each group with its due date. */
export function groupByCycle(reviews: MyReview[]): Array<{ cycleId: string; cycleName: string; phase: Phase; writingEndsOn: string; reviews: MyReview[] }> {
  const groups = new Map<string, { cycleId: string; cycleName: string; phase: Phase; writingEndsOn: string; reviews: MyReview[] }>();
  for (const r of reviews) {
    const g = groups.get(r.cycleId) ?? { cycleId: r.cycleId, cycleName: r.cycleName, phase: r.phase, writingEndsOn: r.writingEndsOn, reviews: [] };
    g.reviews.push(r);
    groups.set(r.cycleId, g);
  }
  return [...groups.values()];
}

/** Whether a question of the form has a value in the answer (what the server's submit asks of required ones). */
export function answered(q: Review['sections'][number]['questions'][number], a: Review['answers'][string] | undefined, review: Pick<Review, 'skills' | 'goals'>): boolean {
  if (!a) return false;
  switch (q.kind) {
    case 'rating':
      return a.rating !== undefined;
    case 'text':
      return !!a.text?.trim();
    case 'choice':
      return !!a.choices?.length;
    case 'skills':
      return review.skills.every((s) => a.skills?.[s.skillId] !== undefined);
    case 'goals':
      return review.goals.every((g) => a.goals?.[g.goalId] !== undefined);
    default:
      return true;
  }
}

export const dayLabel = (iso: string) => new Date(`${iso.slice(0, 10)}T12:00:00Z`).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
export const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
