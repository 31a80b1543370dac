/*
 * Rater leniency (docs/reviews-calibration.md): how far a rater's ratings sit from the calibrated
 * finals of the same subjects and from the other raters of the same subjects. Pure.
 *
 * A rater's rating of a subject is their mean over the review's rating questions (score.ts
 * `raterRating`); one rater with two reviews of one subject counts once, with the mean of the two.
 * Self reviews are left out on both sides: they measure how people see themselves, and everyone
 * has one, so they would add one offset of another kind to every figure.
 *
 * Each figure is {n, mean, sd, low, high}: the mean offset over n subjects, the sample standard
 * deviation of the offsets and a 95% Student t interval of the mean (mean ± t(0.975, n−1)·sd/√n).
 * With n < 2 there is no spread and no interval (`sd`, `low`, `high` null): one rating says
 * nothing about a habit.
 */

export type RaterRating = { raterId: string; subjectId: string; rating: number };

export type OffsetFigure = { n: number; mean: number | null; sd: number | null; low: number | null; high: number | null };

export type RaterLeniency = { raterId: string; fromFinal: OffsetFigure; fromPeers: OffsetFigure };

/** The part of a figure that pools exactly: count, mean and spread. */
export type OffsetSummary = { n: number; mean: number | null; sd: number | null };

// ---- Student t ----------------------------------------------------------------------------------

function logGamma(x: number): number {
  // Lanczos approximation (g = 7, n = 9), accurate to about 15 digits for x > 0.
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
    -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let a = c[0]!;
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += c[i]! / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Continued fraction of the regularized incomplete beta function (modified Lentz). */
function betaFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < 1e-15) break;
  }
  return h;
}

function incompleteBeta(a: number, b: number, x: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  return x < (a + 1) / (a + b + 2) ? (front * betaFraction(a, b, x)) / a : 1 - (front * betaFraction(b, a, 1 - x)) / b;
}

/** P(T ≤ t) for Student's t with `df` degrees of freedom. */
export function studentTCdf(t: number, df: number): number {
  const tail = 0.5 * incompleteBeta(df / 2, 0.5, df / (df + t * t));
  return t >= 0 ? 1 - tail : tail;
}

/** The `p` quantile of Student's t with `df` degrees of freedom (bisection on the CDF: exact to 1e-12). */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1) || !(df > 0)) throw new RangeError('studentTQuantile: p in (0, 1), df > 0');
  if (p < 0.5) return -studentTQuantile(1 - p, df);
  let lo = 0;
  let hi = 1;
  while (studentTCdf(hi, df) < p) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-12; i++) {
    const mid = (lo + hi) / 2;
    if (studentTCdf(mid, df) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

// ---- figures ------------------------------------------------------------------------------------

/** Count, mean and sample standard deviation (null below two values) of a list of offsets. */
export function summarize(xs: readonly number[]): OffsetSummary {
  const n = xs.length;
  if (!n) return { n: 0, mean: null, sd: null };
  const m = xs.reduce((a, b) => a + b, 0) / n;
  if (n < 2) return { n, mean: m, sd: null };
  const ss = xs.reduce((a, x) => a + (x - m) ** 2, 0);
  return { n, mean: m, sd: Math.sqrt(ss / (n - 1)) };
}

/** The 95% t interval of a summary's mean; none below two values. */
export function withInterval(s: OffsetSummary): OffsetFigure {
  if (s.n < 2 || s.mean === null || s.sd === null) return { ...s, sd: s.n < 2 ? null : s.sd, low: null, high: null };
  const half = (studentTQuantile(0.975, s.n - 1) * s.sd) / Math.sqrt(s.n);
  return { n: s.n, mean: s.mean, sd: s.sd, low: s.mean - half, high: s.mean + half };
}

/**
 * Each rater's offsets in one cycle. `ratings` are the non-self ratings of the cycle (the caller
 * leaves self reviews out); `finals` the calibrated final of each subject that has one. Raters
 * come back in the order they first appear.
 */
export function cycleLeniency(ratings: readonly RaterRating[], finals: ReadonlyMap<string, number>): RaterLeniency[] {
  // One rating per rater and subject: the mean of that rater's reviews of the subject.
  const byPair = new Map<string, { raterId: string; subjectId: string; sum: number; count: number }>();
  for (const r of ratings) {
    if (!Number.isFinite(r.rating)) continue;
    const key = `${r.raterId}\u0000${r.subjectId}`;
    const got = byPair.get(key);
    if (got) {
      got.sum += r.rating;
      got.count += 1;
    } else byPair.set(key, { raterId: r.raterId, subjectId: r.subjectId, sum: r.rating, count: 1 });
  }
  const bySubject = new Map<string, { raterId: string; rating: number }[]>();
  const raters: string[] = [];
  const seen = new Set<string>();
  for (const p of byPair.values()) {
    const list = bySubject.get(p.subjectId) ?? [];
    list.push({ raterId: p.raterId, rating: p.sum / p.count });
    bySubject.set(p.subjectId, list);
    if (!seen.has(p.raterId)) raters.push(p.raterId), seen.add(p.raterId);
  }
  const fromFinal = new Map<string, number[]>(raters.map((r) => [r, []]));
  const fromPeers = new Map<string, number[]>(raters.map((r) => [r, []]));
  for (const [subjectId, list] of bySubject) {
    const final = finals.get(subjectId);
    const total = list.reduce((a, x) => a + x.rating, 0);
    for (const x of list) {
      if (final !== undefined && Number.isFinite(final)) fromFinal.get(x.raterId)!.push(x.rating - final);
      if (list.length > 1) fromPeers.get(x.raterId)!.push(x.rating - (total - x.rating) / (list.length - 1));
    }
  }
  return raters.map((raterId) => ({
    raterId,
    fromFinal: withInterval(summarize(fromFinal.get(raterId)!)),
    fromPeers: withInterval(summarize(fromPeers.get(raterId)!)),
  }));
}

/**
 * One figure over several cycles, exactly as if every offset of every cycle were summarized at
 * once: N = Σnᵢ, mean = Σnᵢ·meanᵢ / N, and the sum of squares Σ((nᵢ−1)·sdᵢ² + nᵢ·(meanᵢ − mean)²)
 * gives sd = √(SS / (N−1)). A cycle with one offset has no sd and adds only its mean term.
 */
export function poolLeniency(cycles: readonly OffsetSummary[]): OffsetFigure {
  const parts = cycles.filter((c) => c.n > 0 && c.mean !== null && Number.isFinite(c.mean));
  const n = parts.reduce((a, c) => a + c.n, 0);
  if (!n) return { n: 0, mean: null, sd: null, low: null, high: null };
  const m = parts.reduce((a, c) => a + c.n * c.mean!, 0) / n;
  if (n < 2) return { n, mean: m, sd: null, low: null, high: null };
  const ss = parts.reduce((a, c) => a + (c.n - 1) * (c.sd ?? 0) ** 2 + c.n * (c.mean! - m) ** 2, 0);
  return withInterval({ n, mean: m, sd: Math.sqrt(ss / (n - 1)) });
}
