import type { KeyResultKind } from '../../../db/schema/index.ts';

// The goal rules that need no database: progress, the roll-up, alignment cycles, default periods.

export type KeyResultValues = { kind: KeyResultKind; startValue: number; targetValue: number; currentValue: number; weight: number };

const clamp = (x: number) => Math.min(100, Math.max(0, x));

/**
 * A key result's progress 0–100: how far current has come from start towards target (either
 * direction: a target below the start is a reduction), capped at both ends. A binary result is
 * done (1) or not (0); a result whose target equals its start is done once current reaches it.
 */
export function keyResultProgress(kr: Omit<KeyResultValues, 'weight'>): number {
  if (kr.kind === 'binary') return kr.currentValue >= 1 ? 100 : 0;
  const span = kr.targetValue - kr.startValue;
  if (span === 0) return kr.currentValue === kr.targetValue ? 100 : 0;
  return clamp(((kr.currentValue - kr.startValue) / span) * 100);
}

/**
 * The weighted mean of the parts' progress; null with no parts. Weights of zero or less count as
 * nothing; when every weight is zero the parts count equally (a weight of 0 everywhere means
 * "no preference", not "no progress").
 */
export function weightedProgress(parts: ReadonlyArray<{ progress: number; weight: number }>): number | null {
  if (!parts.length) return null;
  const total = parts.reduce((s, p) => s + Math.max(0, p.weight), 0);
  if (total <= 0) return round(parts.reduce((s, p) => s + p.progress, 0) / parts.length);
  return round(parts.reduce((s, p) => s + p.progress * Math.max(0, p.weight), 0) / total);
}

const round = (x: number) => Math.round(x * 100) / 100;

/**
 * A goal's progress: from its weighted key results, or with none from its weighted children
 * (every child, done, missed and dropped included, and those the viewer cannot see); null when it
 * has neither (the goal keeps what it has).
 */
export function goalProgress(keyResults: readonly KeyResultValues[], children: ReadonlyArray<{ progress: number; weight: number }>): number | null {
  if (keyResults.length) return weightedProgress(keyResults.map((k) => ({ progress: keyResultProgress(k), weight: k.weight })));
  return weightedProgress(children);
}

/** How far up the alignment a progress change rolls (bounded, so bad data with a cycle ends). */
export const ROLL_UP_DEPTH = 100;

/** A goal above a changed one, with what its progress rolls up from (its key results, or with none its children). */
export type RollUpNode = { id: string; progress: number; keyResults: readonly KeyResultValues[]; children: ReadonlyArray<{ id: string; progress: number; weight: number }> };

/**
 * The goals above a changed one whose progress moves: `above` nearest first (each the parent of
 * the one before), each recomputed from its key results or, with none, from its children with the
 * new progress of those below it in the chain. Every goal of the chain is recomputed (a goal that
 * does not move still gets the ones above it right, when an earlier roll-up left them behind), and
 * the walk ends at a goal met twice (a cycle in bad data). Recomputing a second time from what the
 * first wrote moves nothing.
 */
export function rollUpChain(above: readonly RollUpNode[]): Array<{ id: string; progress: number }> {
  const known = new Map<string, number>();
  const seen = new Set<string>();
  const out: Array<{ id: string; progress: number }> = [];
  for (const node of above) {
    if (seen.has(node.id)) break;
    seen.add(node.id);
    // With neither key results nor children (its last child went), a goal keeps what it has.
    const p = goalProgress(node.keyResults, node.children.map((c) => ({ progress: known.get(c.id) ?? c.progress, weight: c.weight }))) ?? node.progress;
    known.set(node.id, p);
    if (p !== node.progress) out.push({ id: node.id, progress: p });
  }
  return out;
}

/**
 * Why `parentId` cannot be the parent of `goalId`, or null when it can: itself, or one of its
 * descendants (then `parentAncestors`, the ids above the proposed parent, nearest first, pass
 * through the goal).
 */
export function alignmentProblem(goalId: string | null, parentId: string, parentAncestors: readonly string[]): 'self' | 'descendant' | null {
  if (goalId === null) return null;
  if (parentId === goalId) return 'self';
  return parentAncestors.includes(goalId) ? 'descendant' : null;
}

export type PeriodDraft = { name: string; kind: 'quarter' | 'year'; startsOn: string; endsOn: string };

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate(); // m is 1-based

function quarter(year: number, q: number): PeriodDraft {
  const first = (q - 1) * 3 + 1;
  const last = first + 2;
  return { name: `Q${q} ${year}`, kind: 'quarter', startsOn: `${year}-${pad(first)}-01`, endsOn: `${year}-${pad(last)}-${pad(lastDay(year, last))}` };
}

/** The periods an organisation starts with: the current and next quarter and the current year (calendar, UTC date). */
export function defaultPeriods(today: string): PeriodDraft[] {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const q = Math.floor((m - 1) / 3) + 1;
  const next = q === 4 ? quarter(y + 1, 1) : quarter(y, q + 1);
  return [quarter(y, q), next, { name: `FY ${y}`, kind: 'year', startsOn: `${y}-01-01`, endsOn: `${y}-12-31` }];
}

/** The status a goal still open when its period closes ends with: done when it got there, missed otherwise. */
export const statusAtClose = (progress: number): 'done' | 'missed' => (progress >= 100 ? 'done' : 'missed');

/**
 * The part of a tree a search keeps: the nodes whose text matches and every ancestor of one
 * (so each match is shown where it sits). Nodes are the fetched tree, parents before children.
 */
export function pruneToMatches<T extends { id: string; parentId: string | null }>(nodes: readonly T[], matches: (n: T) => boolean): T[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const keep = new Set<string>();
  for (const n of nodes) {
    if (!matches(n)) continue;
    let cur: T | undefined = n;
    while (cur && !keep.has(cur.id)) {
      keep.add(cur.id);
      cur = cur.parentId ? byId.get(cur.parentId) : undefined;
    }
  }
  return nodes.filter((n) => keep.has(n.id));
}
