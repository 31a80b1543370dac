/**
 * What needs a manager's attention first, for one person of their team: the signals their
 * records raise, each with the action that answers it, ranked. Pure: the team service reads the
 * records set-based and hands them here.
 *
 * The order is by kind first (a compliance deadline that has passed can cost the organisation;
 * a goal off track is the person's work going wrong; a missing 1:1 and an old hurdle are where
 * help is not reaching them; a gap without a plan is growth left to chance), then by how far past
 * its threshold each signal is, so two of a kind show the oldest or largest first.
 */

export const DAY_MS = 86_400_000;
/** No 1:1 held with the person for this long raises a signal. */
export const ONE_ON_ONE_QUIET_DAYS = 28;
/** A hurdle open (or in progress) this long raises a signal. */
export const HURDLE_OLD_DAYS = 14;

export const signalKinds = ['overdue_compliance', 'goal_off_track', 'no_recent_one_on_one', 'hurdle_open', 'gap_without_plan'] as const;
export type SignalKind = (typeof signalKinds)[number];

/** Base score per kind: far enough apart that no amount of lateness moves a signal past the kind above. */
const BASE: Record<SignalKind, number> = {
  overdue_compliance: 500,
  goal_off_track: 400,
  no_recent_one_on_one: 300,
  hurdle_open: 200,
  gap_without_plan: 100,
};
/** How far past the threshold counts, capped below the distance between two kinds. */
const MAX_EXTRA = 99;

export type ActionKind = 'assign_learning' | 'add_talking_point' | 'add_plan_item' | 'give_feedback' | 'ask_self_assessment';

/** An action a signal offers, with what its dialog opens with. */
export type SignalAction = {
  kind: ActionKind;
  label: string;
  /** For assign_learning: the reason, linked to the record that caused it, and the recommended item if any. */
  reason?: { type: 'skill_gap' | 'goal' | 'hurdle' | 'compliance'; recordType: string; recordId: string; note: string };
  item?: { type: 'course' | 'program'; id: string; title: string };
  /** For add_talking_point: the text, and the goal or hurdle it links. */
  text?: string;
  goalId?: string;
  hurdleId?: string;
  /** For add_plan_item and ask_self_assessment: the skill. */
  skillId?: string;
  targetLevel?: number;
};

export type Signal = {
  kind: SignalKind;
  score: number;
  /** What the signal says, in a sentence, naming the record. */
  message: string;
  record: { type: string; id: string };
  actions: SignalAction[];
};

/** The records of one person the signals are read from. */
export type AttentionInput = {
  personId: string;
  firstName: string;
  learning: Array<{ id: string; title: string; compliance: boolean; open: boolean; dueAt: Date | null }>;
  goals: Array<{ id: string; title: string; status: string }>;
  /** The last 1:1 held between the person and their manager; null: none ever. */
  lastOneOnOneAt: Date | null;
  /** Whether the person has a running 1:1 series with the manager (a talking point has somewhere to go). */
  hasOneOnOne: boolean;
  hurdles: Array<{ id: string; title: string; openedAt: Date }>;
  gaps: Array<{ skillId: string; skillName: string; expected: number; current: number | null; profileId: string }>;
  /** Skills an open development-plan item serves. */
  plannedSkillIds: ReadonlySet<string>;
  /** Skills the person holds an open enrolment for (a plan of a kind already). */
  learningSkillIds: ReadonlySet<string>;
  /** The best recommended item per gap skill. */
  recommended: ReadonlyMap<string, { type: 'course' | 'program'; id: string; title: string }>;
};

const days = (from: Date, to: Date) => Math.floor((to.getTime() - from.getTime()) / DAY_MS);
const extra = (n: number) => Math.max(0, Math.min(MAX_EXTRA, n));

/** Every signal of the person at `now`, best first (ties: by kind order, then by record id, so the order is stable). */
export function signalsFor(input: AttentionInput, now: Date): Signal[] {
  const out: Signal[] = [];
  const who = input.firstName;
  const talkingPoint = (text: string, link: { goalId?: string; hurdleId?: string } = {}): SignalAction => ({
    kind: 'add_talking_point',
    label: 'Add a 1:1 talking point',
    text,
    ...link,
  });

  for (const e of input.learning) {
    if (!e.compliance || !e.open || !e.dueAt || e.dueAt.getTime() >= now.getTime()) continue;
    const late = Math.max(1, days(e.dueAt, now));
    out.push({
      kind: 'overdue_compliance',
      score: BASE.overdue_compliance + extra(late),
      message: `${e.title} is ${late} ${late === 1 ? 'day' : 'days'} overdue (compliance)`,
      record: { type: 'enrollment', id: e.id },
      actions: [talkingPoint(`Overdue compliance training: ${e.title}`)],
    });
  }

  for (const g of input.goals) {
    if (g.status !== 'off_track') continue;
    out.push({
      kind: 'goal_off_track',
      score: BASE.goal_off_track,
      message: `Goal “${g.title}” is off track`,
      record: { type: 'goal', id: g.id },
      actions: [
        talkingPoint(`Goal off track: ${g.title}`, { goalId: g.id }),
        { kind: 'give_feedback', label: 'Give feedback' },
      ],
    });
  }

  const quiet = input.lastOneOnOneAt ? days(input.lastOneOnOneAt, now) : null;
  if (quiet === null || quiet >= ONE_ON_ONE_QUIET_DAYS) {
    out.push({
      kind: 'no_recent_one_on_one',
      // Never held counts as the longest quiet there is.
      score: BASE.no_recent_one_on_one + (quiet === null ? MAX_EXTRA : extra(quiet - ONE_ON_ONE_QUIET_DAYS)),
      message: quiet === null ? `No 1:1 held with ${who} yet` : `No 1:1 with ${who} in ${Math.floor(quiet / 7)} weeks`,
      record: { type: 'person', id: input.personId },
      actions: input.hasOneOnOne ? [talkingPoint('Catch up: how are things going?')] : [{ kind: 'give_feedback', label: 'Give feedback' }],
    });
  }

  for (const h of input.hurdles) {
    const open = days(h.openedAt, now);
    if (open < HURDLE_OLD_DAYS) continue;
    out.push({
      kind: 'hurdle_open',
      score: BASE.hurdle_open + extra(open - HURDLE_OLD_DAYS),
      message: `Hurdle “${h.title}” open for ${open} days`,
      record: { type: 'hurdle', id: h.id },
      actions: [talkingPoint(`Hurdle: ${h.title}`, { hurdleId: h.id })],
    });
  }

  for (const g of input.gaps) {
    if (input.plannedSkillIds.has(g.skillId) || input.learningSkillIds.has(g.skillId)) continue;
    const size = g.expected - (g.current ?? 0);
    const item = input.recommended.get(g.skillId);
    const actions: SignalAction[] = [];
    if (item) {
      actions.push({
        kind: 'assign_learning',
        label: `Assign ${item.title}`,
        item,
        reason: {
          type: 'skill_gap',
          recordType: 'job_profile',
          recordId: g.profileId,
          note: `To reach level ${g.expected} in ${g.skillName} (now ${g.current === null ? 'not assessed' : fmt(g.current)})`,
        },
      });
    }
    actions.push({ kind: 'add_plan_item', label: 'Add a plan item', skillId: g.skillId, targetLevel: g.expected });
    if (g.current === null) actions.push({ kind: 'ask_self_assessment', label: 'Ask for a self-assessment', skillId: g.skillId });
    out.push({
      kind: 'gap_without_plan',
      // A whole level counts ten, so a gap of 3 comes before a gap of 1; never assessed adds a little.
      score: BASE.gap_without_plan + extra(Math.round(size * 10) + (g.current === null ? 1 : 0)),
      message: `${g.skillName}: ${g.current === null ? 'not assessed' : `level ${fmt(g.current)}`}, expected ${g.expected}, no plan`,
      record: { type: 'skill', id: g.skillId },
      actions,
    });
  }

  const order = (k: SignalKind) => signalKinds.indexOf(k);
  return out.sort((a, b) => b.score - a.score || order(a.kind) - order(b.kind) || a.record.id.localeCompare(b.record.id));
}

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/** Strengths: skills at or above the level the person's job profile expects. */
export function strengthsOf<T extends { expected: number | null; current: number | null }>(skills: readonly T[]): T[] {
  return skills.filter((s) => s.expected !== null && s.current !== null && s.current >= s.expected);
}

/** The heat map's cell: how far the current level is from the expected one (negative: below). Null where nothing is expected. */
export function cellGap(expected: number | null, current: number | null): number | null {
  if (expected === null) return null;
  return Math.round(((current ?? 0) - expected) * 10) / 10;
}

/** Counts per kind over many people's signals: what a manager of managers sees per team. */
export function rollUp(signals: ReadonlyArray<readonly Signal[]>): Record<SignalKind, number> & { people: number; needingAttention: number } {
  const out = Object.fromEntries(signalKinds.map((k) => [k, 0])) as Record<SignalKind, number>;
  let needing = 0;
  for (const list of signals) {
    if (list.length) needing += 1;
    for (const s of list) out[s.kind] += 1;
  }
  return { ...out, people: signals.length, needingAttention: needing };
}
