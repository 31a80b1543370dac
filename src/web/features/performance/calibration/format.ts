import type { Distribution, Figure, GridSubject, ScorePart, Session } from './api.ts';

export const sourceLabels: Record<ScorePart['source'], string> = { self: 'Self', manager: 'Manager', peer: 'Peers', upward: 'Upward', goals: 'Goals' };
export const performanceLabels: Record<NonNullable<GridSubject['performance']>, string> = { low: 'Low', mid: 'Moderate', high: 'High' };
export const potentialLabels: Record<1 | 2 | 3, string> = { 1: 'Low', 2: 'Moderate', 3: 'High' };

/** Who a session calibrates, in words. */
export const scopeText = (s: Pick<Session, 'scope'>) =>
  s.scope.type === 'department' ? `${s.scope.department?.name ?? 'A department'} and below` : `Everyone below ${s.scope.manager?.name ?? 'a manager'}`;

/** A rating as the grid shows it: two decimals, a dash for none. */
export const rating = (v: number | null | undefined) => (v === null || v === undefined ? '—' : v.toFixed(2));

/** A band edge or a scale point: at most two decimals, no trailing zeros (2.33, 4). */
export const point = (v: number) => String(Math.round(v * 100) / 100);

/** An offset with its sign (a true minus sign), two decimals: +0.50, −0.25, 0.00. */
export function signed(v: number | null): string {
  if (v === null) return '—';
  const r = Math.round(v * 100) / 100;
  if (r === 0) return '0.00';
  return `${r > 0 ? '+' : '−'}${Math.abs(r).toFixed(2)}`;
}

/** The server's rule (calibration.view.ts): a final differs from the proposed score at two decimals, or when there is no proposed score. */
export const differs = (final: number, proposed: number | null) => proposed === null || Math.abs(final - proposed) >= 0.005;

/**
 * A leniency figure in words. Below two ratings there is no spread and no interval, and one
 * offset says little about a rater: the text says so rather than showing a bare mean.
 */
export function leniencyText(f: Figure): { enough: boolean; text: string } {
  if (f.n === 0 || f.mean === null) return { enough: false, text: 'No ratings' };
  if (f.n < 2 || f.low === null || f.high === null) return { enough: false, text: `Too few ratings (n = ${f.n})` };
  return { enough: true, text: `${signed(f.mean)} (95% ${signed(f.low)} to ${signed(f.high)}, n = ${f.n})` };
}

export type SortKey = 'name' | 'manager' | 'proposed' | 'final' | 'potential' | 'box';
const sortValue: Record<SortKey, (s: GridSubject) => string | number | null> = {
  name: (s) => s.subject.name,
  manager: (s) => s.manager?.name ?? null,
  proposed: (s) => s.proposed.score,
  final: (s) => s.finalRating,
  potential: (s) => s.potential,
  box: (s) => s.box,
};

/** The grid sorted by a column; rows without a value go last either way, ties by name. */
export function sortSubjects(rows: readonly GridSubject[], key: SortKey, dir: 'asc' | 'desc'): GridSubject[] {
  const get = sortValue[key];
  const sign = dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = get(a);
    const y = get(b);
    if (x === null || y === null) {
      if (x !== y) return x === null ? 1 : -1;
    } else {
      const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
      if (c !== 0) return sign * c;
    }
    return a.subject.name.localeCompare(b.subject.name);
  });
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Rows whose person, job title, manager or department holds every word of the search (accents and case aside). */
export function searchSubjects(rows: readonly GridSubject[], q: string): GridSubject[] {
  const words = fold(q).split(/\s+/).filter(Boolean);
  if (!words.length) return [...rows];
  return rows.filter((s) => {
    const hay = fold([s.subject.name, s.subject.jobTitle, s.manager?.name, s.department?.name].filter(Boolean).join(' '));
    return words.every((w) => hay.includes(w));
  });
}

/** The 9-box drawn as people see it: high potential on top, performance rising to the right (box = (potential − 1) × 3 + band). */
export const NINE_BOX_ROWS = [
  [6, 7, 8],
  [3, 4, 5],
  [0, 1, 2],
] as const;

export function boxPosition(box: number): { performance: NonNullable<GridSubject['performance']>; potential: 1 | 2 | 3 } {
  return { performance: (['low', 'mid', 'high'] as const)[box % 3]!, potential: (Math.floor(box / 3) + 1) as 1 | 2 | 3 };
}

/** The people of each box (index 0–8), in name order; those without a box are left out. */
export function peopleByBox(rows: readonly GridSubject[]): GridSubject[][] {
  const boxes: GridSubject[][] = Array.from({ length: 9 }, () => []);
  for (const s of rows) if (s.box !== null && s.box >= 0 && s.box < 9) boxes[s.box]!.push(s);
  for (const b of boxes) b.sort((a, c) => a.subject.name.localeCompare(c.subject.name));
  return boxes;
}

/** A distribution band in words, with the scale's label when the band starts on one of its points. */
export function bandLabel(band: { from: number; to: number | null }, anchors: readonly { value: number; label: string }[] = []): string {
  const range = band.to === null ? `${point(band.from)} and above` : `${point(band.from)} to under ${point(band.to)}`;
  const anchor = anchors.find((a) => a.value === band.from);
  return anchor ? `${anchor.label} (${range})` : range;
}

/** Bars for the chart: each band's share of the rated finals and the guideline's target, in percent. */
export function chartRows(d: Distribution, anchors: readonly { value: number; label: string }[] = []) {
  return d.bands.map((b) => ({
    band: anchors.find((a) => a.value === b.from)?.label ?? point(b.from),
    Finals: Math.round(b.share * 1000) / 10,
    ...(b.target !== null && { Guideline: Math.round(b.target * 1000) / 10 }),
  }));
}

export type GuidelineRow = { rating: number | string; percent: number | string };

/**
 * The form's guideline rows (ratings and percentages) as the API takes them (shares of 1), or the
 * first problem to show. The server checks the bands against the cycle's scale.
 */
export function guidelineFromRows(rows: readonly GuidelineRow[]): { guideline: { rating: number; share: number }[] } | { error: string } {
  if (!rows.length) return { error: 'Add a band, or leave the guideline out' };
  const out: { rating: number; share: number }[] = [];
  for (const [i, r] of rows.entries()) {
    if (typeof r.rating !== 'number' || typeof r.percent !== 'number') return { error: `Band ${i + 1}: enter its rating and percentage` };
    if (i > 0 && r.rating <= out[i - 1]!.rating) return { error: 'List the bands from the lowest rating up, each once' };
    out.push({ rating: r.rating, share: Math.round(r.percent * 100) / 10_000 });
  }
  const total = rows.reduce((a, r) => a + (r.percent as number), 0);
  if (Math.abs(total - 100) > 0.5) return { error: `The percentages add up to ${point(total)}%, not 100%` };
  return { guideline: out };
}

/**
 * A starting guideline, one band per scale point: the usual bell (10, 20, 40, 20, 10) on a
 * five-point scale, otherwise even shares with what does not divide given to the middle band.
 */
export function defaultGuideline(points: readonly number[]): GuidelineRow[] {
  if (points.length === 5) return points.map((rating, i) => ({ rating, percent: [10, 20, 40, 20, 10][i]! }));
  if (!points.length) return [];
  const each = Math.floor(100 / points.length);
  const middle = Math.floor((points.length - 1) / 2);
  return points.map((rating, i) => ({ rating, percent: each + (i === middle ? 100 - each * points.length : 0) }));
}
