import type { RatingGuideline } from '../../../db/schema/index.ts';

/*
 * The distribution of final ratings against a guideline (docs/reviews-calibration.md). Pure.
 *
 * A guideline names the low end of each band and the share of subjects it aims at; a band runs
 * from its low end up to (not including) the next band's, the last one to the top of the scale.
 * Without a guideline the bands are the scale's anchors, with no target. A rating below the first
 * band's low end counts in the first band. Subjects without a final rating are counted apart
 * (`unrated`) and the shares are of the rated ones.
 */

export type DistributionBand = { from: number; to: number | null; count: number; share: number; target: number | null };
export type Distribution = { rated: number; unrated: number; bands: DistributionBand[] };

/** Problems with a guideline on this scale, as `{ path, message }`: empty when it is fine. */
export function guidelineProblems(guideline: RatingGuideline, scale: { min: number; max: number }): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  guideline.forEach((g, i) => {
    if (g.rating < scale.min || g.rating > scale.max) out.push({ path: `guideline.${i}.rating`, message: `Use a rating from ${scale.min} to ${scale.max}` });
    if (i > 0 && g.rating <= guideline[i - 1]!.rating) out.push({ path: `guideline.${i}.rating`, message: 'List the bands from the lowest rating up, each once' });
  });
  const total = guideline.reduce((a, g) => a + g.share, 0);
  if (guideline.length && Math.abs(total - 1) > 0.005) out.push({ path: 'guideline', message: 'The shares add up to 100%' });
  return out;
}

export function distribution(finals: readonly (number | null)[], bandStarts: readonly { rating: number; share: number | null }[]): Distribution {
  const starts = [...bandStarts].sort((a, b) => a.rating - b.rating);
  const counts = starts.map(() => 0);
  let rated = 0;
  let unrated = 0;
  for (const f of finals) {
    if (f === null || !Number.isFinite(f)) {
      unrated += 1;
      continue;
    }
    rated += 1;
    let i = 0;
    while (i + 1 < starts.length && f >= starts[i + 1]!.rating) i += 1;
    if (starts.length) counts[i]! += 1;
  }
  return {
    rated,
    unrated,
    bands: starts.map((s, i) => ({
      from: s.rating,
      to: starts[i + 1]?.rating ?? null,
      count: counts[i]!,
      share: rated ? counts[i]! / rated : 0,
      target: s.share,
    })),
  };
}

/** The bands of a session: its guideline's, or the scale's anchors without targets. */
export function bandsOf(guideline: RatingGuideline | null, anchors: readonly { value: number }[]): { rating: number; share: number | null }[] {
  if (guideline && guideline.length) return guideline.map((g) => ({ rating: g.rating, share: g.share }));
  return [...new Set(anchors.map((a) => a.value).filter((v) => Number.isFinite(v)))].sort((a, b) => a - b).map((rating) => ({ rating, share: null }));
}
