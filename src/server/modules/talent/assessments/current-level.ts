import type { AssessmentSource } from '../../../db/schema/talent.ts';

/**
 * The current-level rule (docs/skills.md): from one person's assessments of one skill, per source
 * the latest one counts (for `peer`, the latest of each assessor), weighted by
 * sourceWeight × 0.5^(days older than the newest assessment of the skill / halfLifeDays).
 * Current level = Σ w·level / Σ w, rounded to one decimal; the basis is the heaviest (ties: newest).
 */

export const DEFAULT_SOURCE_WEIGHTS: Record<AssessmentSource, number> = {
  manager: 3,
  review: 3,
  checkpoint: 2,
  quiz: 2,
  import: 2,
  peer: 1.5,
  self: 1,
};
export const DEFAULT_HALF_LIFE_DAYS = 180;

export type LevelSettings = { sourceWeights: Record<AssessmentSource, number>; halfLifeDays: number };

/** The organisation's settings over the defaults (a missing row or key keeps the default). */
export function resolveSettings(row?: { sourceWeights?: Partial<Record<AssessmentSource, number>> | null; halfLifeDays?: number | null } | null): LevelSettings {
  return {
    sourceWeights: { ...DEFAULT_SOURCE_WEIGHTS, ...(row?.sourceWeights ?? {}) },
    halfLifeDays: row?.halfLifeDays ?? DEFAULT_HALF_LIFE_DAYS,
  };
}

export type AssessmentInput = {
  id: string;
  level: number;
  source: AssessmentSource;
  assessorId: string | null;
  assessedAt: Date;
};

export type CurrentLevel = {
  level: number;
  basisAssessmentId: string;
  assessmentCount: number;
  /** The assessments that counted, with their weights (explanations, tests). */
  counted: { id: string; weight: number }[];
};

const DAY_MS = 86_400_000;
const newer = (a: AssessmentInput, b: AssessmentInput) =>
  a.assessedAt.getTime() - b.assessedAt.getTime() || (a.id > b.id ? 1 : a.id < b.id ? -1 : 0);

/** Null when there are no assessments (or every counted weight is zero). */
export function currentLevel(assessments: readonly AssessmentInput[], settings: LevelSettings = resolveSettings()): CurrentLevel | null {
  if (!assessments.length) return null;
  const latest = new Map<string, AssessmentInput>();
  for (const a of assessments) {
    const key = a.source === 'peer' ? `peer:${a.assessorId ?? ''}` : a.source;
    const prev = latest.get(key);
    if (!prev || newer(a, prev) > 0) latest.set(key, a);
  }
  // Recency is measured against the newest assessment of the skill, not against now: a stored
  // level then depends only on the assessments, so it never drifts as days pass without a new one
  // (and needs no nightly recompute); an old rating still loses weight once a newer one arrives.
  const newest = Math.max(...assessments.map((a) => a.assessedAt.getTime()));
  let sumW = 0;
  let sumWL = 0;
  let basis: { a: AssessmentInput; w: number } | undefined;
  const counted: CurrentLevel['counted'] = [];
  for (const a of latest.values()) {
    const ageDays = (newest - a.assessedAt.getTime()) / DAY_MS;
    const w = (settings.sourceWeights[a.source] ?? 0) * 0.5 ** (ageDays / settings.halfLifeDays);
    counted.push({ id: a.id, weight: w });
    sumW += w;
    sumWL += w * a.level;
    if (!basis || w > basis.w + 1e-12 || (Math.abs(w - basis.w) <= 1e-12 && newer(a, basis.a) > 0)) basis = { a, w };
  }
  if (!basis || sumW <= 0) return null;
  return {
    level: Math.round((sumWL / sumW) * 10) / 10,
    basisAssessmentId: basis.a.id,
    assessmentCount: assessments.length,
    counted,
  };
}
