import type { FollowUpSignal, FollowUpStatus } from '../../../db/schema/insight.ts';
import type { ReasonType } from '../../../db/schema/learning.ts';

/**
 * The closed loop's decisions (DESIGN.md §2.1, §6 loop closure), pure: which reasons are followed
 * up and after how long, whether a reason's signal improved, and the loop-closure rate.
 */

/** Reasons with a signal to measure again; compliance, onboarding and self-chosen learning have none. */
export const FOLLOWED_REASONS = ['skill_gap', 'aspiration', 'goal', 'hurdle', 'one_on_one', 'review'] as const satisfies readonly ReasonType[];
export type FollowedReason = (typeof FOLLOWED_REASONS)[number];
export const isFollowedReason = (r: string): r is FollowedReason => (FOLLOWED_REASONS as readonly string[]).includes(r);

/** Reasons whose signal is the level of skills: the manager re-rates them (or a newer assessment answers). */
export const SKILL_REASONS = ['skill_gap', 'aspiration', 'review'] as const satisfies readonly FollowedReason[];
export const isSkillReason = (r: string) => (SKILL_REASONS as readonly string[]).includes(r);

/** 60 days: long enough to apply what was learnt, short enough to still remember why (DESIGN.md §6 says 60–90). */
export const DEFAULT_FOLLOW_UP_DAYS = 60;
export const MAX_FOLLOW_UP_DAYS = 365;

/** The window per followed reason, the organisation's setting where it has one. */
export function followUpWindows(settings: Partial<Record<string, number>> | null | undefined): Record<FollowedReason, number> {
  const out = {} as Record<FollowedReason, number>;
  for (const r of FOLLOWED_REASONS) {
    const d = settings?.[r];
    out[r] = typeof d === 'number' && Number.isInteger(d) && d >= 1 && d <= MAX_FOLLOW_UP_DAYS ? d : DEFAULT_FOLLOW_UP_DAYS;
  }
  return out;
}

export type Verdict = 'improved' | 'not_improved';

/**
 * Skills: improved when any skill assessed since the completion now stands above its level at
 * assignment (never assessed counts as 0, as a gap does), not improved when none rose. Skills not
 * assessed since (`after` has no key for them) say nothing; with none, there is nothing to decide (null).
 */
export function decideLevels(before: Record<string, number | null>, after: Record<string, number | null>): Verdict | null {
  const assessed = Object.keys(after).filter((k) => after[k] != null);
  if (assessed.length === 0) return null;
  return assessed.some((k) => (after[k] ?? 0) > (before[k] ?? 0)) ? 'improved' : 'not_improved';
}

/**
 * A goal: improved when its progress rose, or its status went to on track or done (a goal already
 * on track that did not move did not improve). Without a baseline, progress is measured from 0.
 */
export function decideGoal(before: Pick<FollowUpSignal, 'goalProgress' | 'goalStatus'>, now: { goalProgress: number; goalStatus: string }): Verdict {
  const rose = now.goalProgress > (before.goalProgress ?? 0);
  const wentWell = now.goalStatus === 'done' || (now.goalStatus === 'on_track' && before.goalStatus !== 'on_track');
  return rose || wentWell ? 'improved' : 'not_improved';
}

/** A hurdle is answered once resolved; otherwise the person is asked (null). */
export const decideHurdle = (status: string): Verdict | null => (status === 'resolved' ? 'improved' : null);

export type LoopClosure = {
  /** Decided follow-ups whose reason improved. */
  improved: number;
  notImproved: number;
  /** improved + notImproved: the denominator. */
  decided: number;
  /** Still waiting: the window has not ended, or someone was asked and has not answered. */
  pending: number;
  /** improved / decided, null with nothing decided. */
  rate: number | null;
};

/** Where a loop-closure rate is low enough, over enough decided follow-ups, to flag the learning to its admins. */
export const LOW_CLOSURE = { minDecided: 10, belowRate: 0.3 } as const;

/** The loop-closure rate over follow-ups counted by status (cancelled ones count nowhere). */
export function loopClosure(counts: Partial<Record<FollowUpStatus, number>>): LoopClosure {
  const improved = counts.improved ?? 0;
  const notImproved = counts.not_improved ?? 0;
  const decided = improved + notImproved;
  return { improved, notImproved, decided, pending: (counts.pending ?? 0) + (counts.asked ?? 0), rate: decided === 0 ? null : improved / decided };
}

export const isLowClosure = (c: LoopClosure): boolean => c.decided >= LOW_CLOSURE.minDecided && c.rate !== null && c.rate < LOW_CLOSURE.belowRate;

/** Counts of rows `{ key, status, n }` into one closure per key and the total. */
export function closureBy<K extends string>(rows: ReadonlyArray<{ key: K; status: FollowUpStatus; n: number }>): { by: Map<K, LoopClosure>; total: LoopClosure } {
  const counts = new Map<K, Partial<Record<FollowUpStatus, number>>>();
  const all: Partial<Record<FollowUpStatus, number>> = {};
  for (const r of rows) {
    const c = counts.get(r.key) ?? counts.set(r.key, {}).get(r.key)!;
    c[r.status] = (c[r.status] ?? 0) + r.n;
    all[r.status] = (all[r.status] ?? 0) + r.n;
  }
  return { by: new Map([...counts].map(([k, c]) => [k, loopClosure(c)])), total: loopClosure(all) };
}

/** What the sweep does with one due follow-up, from what it read. */
export type DueFollowUp = {
  reasonType: FollowedReason;
  personId: string;
  before: FollowUpSignal;
  /** Goal reasons: the goal now (null: gone). */
  goal?: { goalProgress: number; goalStatus: string } | null;
  /** Hurdle reasons: the hurdle's status now (null: gone). */
  hurdleStatus?: string | null;
  /** Skill reasons: the current level of each skill assessed since the completion. */
  levelsSince?: Record<string, number>;
  /** The person's manager, who re-rates skills. */
  managerId: string | null;
  /** One-on-one reasons: the series' organiser (null: no series). */
  organiserId?: string | null;
};

export type Step =
  | { kind: 'decide'; status: Verdict; after: FollowUpSignal }
  | { kind: 'ask'; askedOf: string; via: 'rerate' | 'hurdle' | 'one_on_one' | 'question' }
  | { kind: 'cancel' };

export function nextStep(f: DueFollowUp): Step {
  switch (f.reasonType) {
    case 'goal': {
      if (!f.goal) return { kind: 'cancel' };
      return { kind: 'decide', status: decideGoal(f.before, f.goal), after: { ...f.goal } };
    }
    case 'hurdle': {
      if (f.hurdleStatus == null) return { kind: 'cancel' };
      const v = decideHurdle(f.hurdleStatus);
      return v ? { kind: 'decide', status: v, after: { hurdleStatus: f.hurdleStatus } } : { kind: 'ask', askedOf: f.personId, via: 'hurdle' };
    }
    case 'one_on_one':
      return f.organiserId
        ? { kind: 'ask', askedOf: f.organiserId, via: 'one_on_one' }
        : { kind: 'ask', askedOf: f.managerId ?? f.personId, via: 'question' };
    default: {
      const levels = f.before.levels ?? {};
      const since = Object.fromEntries(Object.entries(f.levelsSince ?? {}).filter(([k]) => k in levels));
      const v = decideLevels(levels, since);
      if (v) return { kind: 'decide', status: v, after: { levels: since } };
      // No skill named: nothing to re-rate, so someone answers the question instead.
      if (Object.keys(levels).length === 0) return { kind: 'ask', askedOf: f.managerId ?? f.personId, via: 'question' };
      return { kind: 'ask', askedOf: f.managerId ?? f.personId, via: 'rerate' };
    }
  }
}
