import type { NineBoxLabel } from '../../../db/schema/index.ts';

/*
 * The 9-box (docs/reviews-calibration.md): performance from the final rating, in thirds of the
 * template's scale, by potential 1–3. Pure.
 *
 * Performance bands split the scale's range [min, max] in three equal parts, each boundary
 * belonging to the band above: on a 1–5 scale low is below 2⅓, mid from 2⅓ to below 3⅔, high
 * from 3⅔ (so 2 is low, 3 mid, 4 high); on 1–4, low is below 2, mid 2 to below 3, high 3 and 4.
 * The comparison is 3·(rating − min) against the range, in exact arithmetic for whole ratings.
 *
 * Boxes are numbered 0–8, low performance and low potential first, performance varying fastest
 * (as `review_settings.nine_box` stores its labels): box = (potential − 1)·3 + band.
 */

export const performanceBands = ['low', 'mid', 'high'] as const;
export type PerformanceBand = (typeof performanceBands)[number];

/** 0 (low), 1 (mid) or 2 (high); null without a rating or for a scale without range. */
export function performanceBand(rating: number | null, scale: { min: number; max: number } | null): 0 | 1 | 2 | null {
  if (rating === null || !Number.isFinite(rating) || !scale) return null;
  const range = scale.max - scale.min;
  if (!(range > 0)) return null;
  const x = 3 * (rating - scale.min);
  return x < range ? 0 : x < 2 * range ? 1 : 2;
}

/** Where the two boundaries fall on this scale: a rating at or above `mid` is mid, at or above `high` high. */
export function bandBoundaries(scale: { min: number; max: number }): { mid: number; high: number } {
  const range = scale.max - scale.min;
  return { mid: scale.min + range / 3, high: scale.min + (2 * range) / 3 };
}

export const isPotential = (p: unknown): p is 1 | 2 | 3 => p === 1 || p === 2 || p === 3;

/** The box 0–8 of a band and a potential; null when either is missing. */
export function nineBoxIndex(band: 0 | 1 | 2 | null, potential: number | null): number | null {
  if (band === null || !isPotential(potential)) return null;
  return (potential - 1) * 3 + band;
}

/** The usual names of the 9-box, in box order (performance fastest, low potential first). */
export const defaultNineBox: readonly NineBoxLabel[] = [
  { name: 'Talent risk', description: 'Low performance, low potential: agree what must change, soon, and whether the role fits.' },
  { name: 'Effective employee', description: 'Meets expectations in the role with limited room to grow: keep engaged and recognised.' },
  { name: 'Trusted professional', description: 'Strong performance, limited growth beyond the role: a dependable expert to retain and reward.' },
  { name: 'Inconsistent player', description: 'Low performance with some potential: find what is in the way, with clear goals and support.' },
  { name: 'Core player', description: 'Solid performance and potential: the backbone of the team; stretch them to grow further.' },
  { name: 'High performer', description: 'High performance with moderate potential: widen their scope and develop towards the next step.' },
  { name: 'Rough diamond', description: 'High potential not yet shown in results: new in role or poorly placed; coach and give time.' },
  { name: 'High potential', description: 'High potential, good performance: stretch assignments and a development plan to the next role.' },
  { name: 'Star', description: 'High performance and high potential: plan their next move and make sure they stay.' },
];

export const NINE_BOX_NAME_MAX = 40;
export const NINE_BOX_DESCRIPTION_MAX = 300;

/**
 * Problems with nine custom labels, as `{ path, message }` (empty when they are fine): exactly
 * nine, each with a name of 1–40 characters (trimmed) and a description of at most 300, and no
 * two names alike regardless of case.
 */
export function nineBoxLabelProblems(labels: readonly NineBoxLabel[]): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  if (labels.length !== 9) out.push({ path: 'labels', message: 'Give nine labels, one per box' });
  const seen = new Map<string, number>();
  labels.forEach((l, i) => {
    const name = l.name.trim();
    if (!name) out.push({ path: `labels.${i}.name`, message: 'Enter a name' });
    else if (name.length > NINE_BOX_NAME_MAX) out.push({ path: `labels.${i}.name`, message: `At most ${NINE_BOX_NAME_MAX} characters` });
    if (l.description.trim().length > NINE_BOX_DESCRIPTION_MAX) {
      out.push({ path: `labels.${i}.description`, message: `At most ${NINE_BOX_DESCRIPTION_MAX} characters` });
    }
    const key = name.toLocaleLowerCase('en');
    if (name && seen.has(key)) out.push({ path: `labels.${i}.name`, message: `Box ${seen.get(key)! + 1} has this name already` });
    else if (name) seen.set(key, i);
  });
  return out;
}

/** The organisation's labels, or the defaults where none (or a malformed set) is stored. */
export function nineBoxLabels(stored: readonly NineBoxLabel[] | null | undefined): NineBoxLabel[] {
  return stored && stored.length === 9 ? stored.map((l) => ({ name: l.name, description: l.description })) : defaultNineBox.map((l) => ({ ...l }));
}
