import { createHash } from 'node:crypto';
import type { RecommendationEvidence } from '../../../db/schema/insight.ts';

/**
 * The pure decisions of recommendations: which courses and programs answer a person's gaps, how well, in
 * what order, and the sentence that says why. No database here: the repo loads the inputs for
 * a batch of people, this ranks them.
 */

export type GapKind = 'profile_gap' | 'aspiration_gap' | 'hurdle' | 'goal';
/**
 * How much a gap of each kind counts. A hurdle of category skill is the person saying the skill
 * is in their way now, so it counts most; a goal's skill is needed this period; the profile's
 * expectation is the standing bar; an aspiration is a step they may take.
 */
export const gapWeights: Record<GapKind, number> = { hurdle: 1.2, profile_gap: 1.0, goal: 0.9, aspiration_gap: 0.6 };

export type Gap = {
  kind: GapKind;
  skillId: string;
  /** Target level T. */
  expected: number;
  /** Current level C; null when never assessed (counts as 0). */
  current: number | null;
  assessmentId: string | null;
  /** Where the need comes from: a job profile (held or aspired to), a hurdle or a goal. */
  recordType: 'job_profile' | 'hurdle' | 'goal';
  recordId: string;
  /** False when the need named no level and `expected` was derived from the profile and the current level. */
  levelNamed?: boolean;
};

export type ItemKind = 'course' | 'program';

/** A course or a program that may be recommended. */
export type CandidateItem = {
  /** Default 'course'. */
  kind?: ItemKind;
  id: string;
  title: string;
  estimatedMinutes: number | null;
  /** Skill id → the level the learning brings a learner to. */
  teaches: ReadonlyMap<string, number>;
  /**
   * The title's place in the collation order of the items ranked together (`orderTitles`): equal
   * titles share one. Without it the titles are compared by the collator.
   */
  titleKey?: number;
};
export type CandidateCourse = CandidateItem;

/** The default locale's collation, as `localeCompare` without arguments, made once. */
const collator = new Intl.Collator();

/**
 * Gives each item its title's place in collation order (`titleKey`), so ranking a batch of
 * people compares two numbers where it would collate two titles (ties on score and minutes are
 * common: 2,000 bench people ranked in a median 98 ms collating, 88 ms with the keys). Items whose
 * titles collate equal share a place.
 */
export function orderTitles<T extends CandidateItem>(items: Iterable<T>): T[] {
  const list = [...items];
  const titles = [...new Set(list.map((i) => i.title))].sort(collator.compare);
  const place = new Map<string, number>();
  let key = 0;
  titles.forEach((t, i) => {
    if (i > 0 && collator.compare(titles[i - 1]!, t) !== 0) key += 1;
    place.set(t, key);
  });
  for (const item of list) item.titleKey = place.get(item.title)!;
  return list;
}

const compareTitles = (a: CandidateItem, b: CandidateItem): number =>
  a.titleKey !== undefined && b.titleKey !== undefined ? a.titleKey - b.titleKey : collator.compare(a.title, b.title);

export type Ranked = {
  itemType: ItemKind;
  itemId: string;
  rank: number;
  score: number;
  /** Strongest first. */
  evidence: RecommendationEvidence[];
  fingerprint: string;
  /** Dismissed with the same evidence: stored (so it can be restored) but not shown and not counted in the top N. */
  dismissed: boolean;
};

export const TOP_N = 10;

const round1 = (n: number) => Math.round(n * 10) / 10;

/** How much a course teaching `level` answers a gap: min(L, T) − C when L > C, else nothing. */
export function answered(gap: Pick<Gap, 'expected' | 'current'>, level: number): number {
  const c = gap.current ?? 0;
  if (level <= c || c >= gap.expected) return 0;
  return Math.min(level, gap.expected) - c;
}

/**
 * A program answers the gaps its courses answer: it teaches each skill to the highest level any
 * of its course steps does. Its minutes are given (the sum over all its course steps, which the
 * catalog knows); the courses here need only be those teaching something asked for.
 */
export function programCandidate(
  program: { id: string; title: string; estimatedMinutes: number | null },
  courses: ReadonlyArray<Pick<CandidateItem, 'teaches'>>,
): CandidateItem {
  const teaches = new Map<string, number>();
  for (const c of courses) for (const [skillId, level] of c.teaches) teaches.set(skillId, Math.max(level, teaches.get(skillId) ?? -Infinity));
  return { kind: 'program', id: program.id, title: program.title, estimatedMinutes: program.estimatedMinutes, teaches };
}

/**
 * A stable short hash of the evidence (skill, expected, current rounded, assessment): a dismissal
 * holds while it is the same, and a new level or assessment shows the item again.
 */
export function fingerprint(evidence: readonly Pick<RecommendationEvidence, 'skillId' | 'expected' | 'current' | 'assessmentId'>[]): string {
  const parts = evidence
    .map((e) => [e.skillId, e.expected, e.current == null ? null : round1(e.current), e.assessmentId ?? null] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 16);
}

type Picked = { gap: Gap; weighted: number; teaches: number };
type Scored = { item: CandidateItem; kind: ItemKind; score: number; picked: Picked[] };

/** The evidence of an item's picked gaps, strongest first: built only for the items kept. */
const evidenceOf = (picked: readonly Picked[]): RecommendationEvidence[] =>
  picked.map(({ gap, teaches }) => ({
    kind: gap.kind,
    skillId: gap.skillId,
    expected: gap.expected,
    current: gap.current,
    teaches,
    assessmentId: gap.assessmentId,
    recordType: gap.recordType,
    recordId: gap.recordId,
    ...(gap.levelNamed === false && { levelNamed: false }),
  }));

/**
 * Ranks the candidate courses and programs for one person's gaps, in one list. An item's score
 * is Σ weight × answered over the gaps it answers, each skill counted once per item with its
 * strongest gap (highest weight × answered; a profile gap before an aspiration gap on a tie).
 * Order: score desc, then fewer minutes (unknown last), then title, then a course before a
 * program, then id. Items in `excluded` (an open or completed enrolment; ids are unique across
 * courses and programs) never appear; `dismissed` (item id → fingerprint) hides an item while
 * its fingerprint is unchanged. The top `limit` shown ones are kept, plus the dismissed ones.
 */
export function rankItems(
  gaps: readonly Gap[],
  items: readonly CandidateItem[],
  opts: { excluded?: ReadonlySet<string>; dismissed?: ReadonlyMap<string, string>; limit?: number } = {},
): Ranked[] {
  const limit = opts.limit ?? TOP_N;
  // The gaps by skill, in their order: an item looks only at the few skills it teaches, where it
  // looked at every gap through a Map of its own (with the title keys, 2,000 bench people: a
  // median 103 ms before, 88 ms after).
  const gapsBySkill = new Map<string, Gap[]>();
  for (const gap of gaps) {
    const list = gapsBySkill.get(gap.skillId);
    if (list) list.push(gap);
    else gapsBySkill.set(gap.skillId, [gap]);
  }
  const scored: Scored[] = [];
  for (const item of items) {
    if (opts.excluded?.has(item.id)) continue;
    let picked: Picked[] | null = null;
    for (const [skillId, level] of item.teaches) {
      const skillGaps = gapsBySkill.get(skillId);
      if (!skillGaps) continue;
      let best: Picked | null = null;
      for (const gap of skillGaps) {
        const a = answered(gap, level);
        if (a <= 0) continue;
        const weighted = gapWeights[gap.kind] * a;
        if (!best || weighted > best.weighted || (weighted === best.weighted && gap.kind === 'profile_gap' && best.gap.kind !== 'profile_gap')) {
          best = { gap, weighted, teaches: level };
        }
      }
      if (best) (picked ??= []).push(best);
    }
    if (!picked) continue;
    picked.sort((a, b) => b.weighted - a.weighted || gapWeights[b.gap.kind] - gapWeights[a.gap.kind] || (a.gap.skillId < b.gap.skillId ? -1 : 1));
    scored.push({ item, kind: item.kind ?? 'course', score: round4(picked.reduce((s, p) => s + p.weighted, 0)), picked });
  }
  scored.sort(
    (a, b) =>
      b.score - a.score ||
      (a.item.estimatedMinutes ?? Number.MAX_SAFE_INTEGER) - (b.item.estimatedMinutes ?? Number.MAX_SAFE_INTEGER) ||
      compareTitles(a.item, b.item) ||
      (a.kind === b.kind ? 0 : a.kind === 'course' ? -1 : 1) ||
      (a.item.id < b.item.id ? -1 : 1),
  );
  const out: Ranked[] = [];
  let shown = 0;
  let rank = 0;
  const dismissals = opts.dismissed && opts.dismissed.size > 0 ? opts.dismissed : null;
  for (const s of scored) {
    // Past the top N only a dismissed item is kept: without dismissals nothing more to hash.
    if (shown >= limit && (!dismissals || !dismissals.has(s.item.id))) {
      if (!dismissals) break;
      continue;
    }
    const evidence = evidenceOf(s.picked);
    const fp = fingerprint(evidence);
    const dismissed = dismissals?.get(s.item.id) === fp;
    if (!dismissed && shown >= limit) continue;
    rank += 1;
    if (!dismissed) shown += 1;
    out.push({ itemType: s.kind, itemId: s.item.id, rank, score: s.score, evidence, fingerprint: fp, dismissed });
  }
  return out;
}

/** The course-only name the first tests used. */
export const rankCourses = rankItems;

const round4 = (n: number) => Math.round(n * 10_000) / 10_000;

// ---- explanations -----------------------------------------------------------------------------

/** What a sentence needs beyond the evidence: names and the named assessment. */
export type ExplanationFacts = {
  skillName: (skillId: string) => string;
  profileName: (profileId: string | null) => string | null;
  assessment: (assessmentId: string | null) => { source: string; assessedAt: Date } | null;
};

/** Who reads it: "your" for the person themselves, their first name otherwise; null: the neutral stored form. */
export type Viewer = { self: true } | { self: false; firstName: string } | null;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** "3 March" (UTC), with the year when it is not the year of `now`. */
export function dayMonth(d: Date, now?: Date): string {
  const base = `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
  return now && now.getUTCFullYear() !== d.getUTCFullYear() ? `${base} ${d.getUTCFullYear()}` : base;
}

const level = (n: number) => String(round1(n));

function possessive(viewer: Viewer): string {
  if (viewer === null) return 'the person’s';
  return viewer.self ? 'your' : `${viewer.firstName}’s`;
}

function sourcePhrase(source: string, viewer: Viewer): string {
  const their = possessive(viewer);
  switch (source) {
    case 'self':
      return `${their} self-assessment`;
    case 'manager':
      return `${their} manager’s rating`;
    case 'peer':
      return 'a peer’s rating';
    case 'review':
      return 'a performance review';
    case 'quiz':
      return 'a quiz';
    case 'checkpoint':
      return 'a checkpoint';
    default:
      return 'an imported record';
  }
}

function listAnd(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * One plain sentence naming the strongest evidence, e.g. "Negotiation is expected at 4 for
 * Account Manager; your current level is 2, from your manager’s rating on 3 March.", then
 * "It also builds Discovery (gap 1)." when the course answers more gaps.
 */
export function explain(evidence: readonly RecommendationEvidence[], facts: ExplanationFacts, viewer: Viewer, now?: Date): string {
  const [top, ...rest] = evidence;
  if (!top) return '';
  const skill = facts.skillName(top.skillId);
  let sentence: string;
  if (top.kind === 'hurdle' || top.kind === 'goal') {
    // The hurdle's or goal's own words stay out: the reader may not see that record.
    const whose = viewer === null ? 'the person’s' : viewer.self ? 'your' : `${viewer.firstName}’s`;
    sentence =
      top.kind === 'hurdle'
        ? `${skill} is what one of ${whose} open hurdles is about; `
        : `${skill} is needed${top.levelNamed === false ? '' : ` at ${top.expected}`} for one of ${whose} goals; `;
  } else {
    const profile = facts.profileName(top.recordId);
    const forWhat = profile
      ? top.kind === 'aspiration_gap'
        ? ` for ${profile}, the role ${viewer === null ? 'the person aspires' : viewer.self ? 'you aspire' : `${viewer.firstName} aspires`} to`
        : ` for ${profile}`
      : '';
    sentence = `${skill} is expected at ${top.expected}${forWhat}; `;
  }
  if (top.current == null) {
    const who = viewer === null ? 'the person has' : viewer.self ? 'you have' : `${viewer.firstName} has`;
    sentence += `${who} not been assessed on ${skill} yet.`;
  } else {
    const whose = viewer === null ? 'the current level' : viewer.self ? 'your current level' : `${viewer.firstName}’s current level`;
    const a = facts.assessment(top.assessmentId);
    sentence += `${whose} is ${level(top.current)}${a ? `, from ${sourcePhrase(a.source, viewer)} on ${dayMonth(a.assessedAt, now)}` : ''}.`;
  }
  if (rest.length > 0) {
    sentence += ` It also builds ${listAnd(rest.map((e) => `${facts.skillName(e.skillId)} (gap ${level(e.expected - (e.current ?? 0))})`))}.`;
  }
  return sentence;
}
