import { iso } from '../../../platform/db/sql.ts';
import { reasonLabels } from '../../learning/index.ts';
import type { AspirationRow, FeedbackRow, LearningRow, PraiseRow, SkillStandingRow } from './team.repo.ts';

/*
 * How a person's records read on a card of the team view and on their one-page overview: the
 * same rows (the same fragments of talent, performance and learning) presented the same way.
 */

/** A skill the person's job profile expects or they hold, with its expected and current level. */
export function skillStanding(s: SkillStandingRow) {
  return {
    skillId: s.skill_id,
    name: s.skill_name,
    expected: s.expected === null ? null : Number(s.expected),
    current: s.current === null ? null : Number(s.current),
    profileId: s.profile_id,
  };
}
export type SkillStanding = ReturnType<typeof skillStanding>;

/** Below the level the job profile expects (never assessed counts as 0). */
export const isGap = (s: SkillStanding) => s.expected !== null && (s.current ?? 0) < s.expected;

/** Who a card or page is about: name, title and manager, as both show them. */
export const personBasics = (p: { id: string; first_name: string; last_name: string; job_title: string | null; manager_id: string | null; manager_name: string | null }) => ({
  id: p.id,
  name: `${p.first_name} ${p.last_name}`,
  firstName: p.first_name,
  jobTitle: p.job_title,
  manager: p.manager_id ? { id: p.manager_id, name: p.manager_name ?? '' } : null,
});

export const strengthItem = (s: SkillStanding) => ({ skillId: s.skillId, name: s.name, expected: s.expected, current: s.current });

/** A gap, whether something already answers it, and the best recommended item for it. */
export const gapItem = <R extends { id: string; title: string }>(g: SkillStanding, planned: boolean, recommended: R | null) => ({
  skillId: g.skillId,
  name: g.name,
  expected: g.expected!,
  current: g.current,
  planned,
  recommended,
});

/** An enrolment with its reason, named for people. */
export function learningItem(e: LearningRow) {
  return {
    id: e.id,
    itemType: e.item_type,
    itemId: e.item_id,
    title: e.title,
    status: e.status,
    dueAt: iso(e.due_at),
    completedAt: iso(e.completed_at),
    compliance: e.compliance,
    skillIds: e.skill_ids ?? [],
    reason: {
      type: e.reason_type,
      label: reasonLabels[e.reason_type as keyof typeof reasonLabels] ?? e.reason_type,
      recordType: e.reason_record_type,
      recordId: e.reason_record_id,
    },
  };
}
export type LearningItem = ReturnType<typeof learningItem>;

export const isOpenLearning = (status: string) => status === 'not_started' || status === 'in_progress';

/** Overdue (open past its due date), in progress (open otherwise) and recently completed. */
export function learningParts(items: readonly LearningItem[], now: Date) {
  const overdue = items.filter((e) => isOpenLearning(e.status) && e.dueAt && new Date(e.dueAt) < now);
  return {
    overdue,
    inProgress: items.filter((e) => isOpenLearning(e.status) && !overdue.includes(e)),
    recentlyCompleted: items.filter((e) => e.status === 'completed'),
  };
}

export const excerpt = (s: string | null) => (s == null ? null : s.length > 200 ? `${s.slice(0, 199)}…` : s);

type Named = (id: string | null) => { id: string; name: string } | null;

/** Feedback about the person: anonymous feedback never names its giver. */
export const feedbackItem = (f: FeedbackRow, person: Named) => ({
  id: f.id,
  giver: f.anonymous ? null : person(f.giver_id),
  anonymous: f.anonymous,
  excerpt: excerpt(f.body),
  givenOn: String(f.given_on).slice(0, 10),
});

export const praiseItem = (x: PraiseRow, person: Named) => ({ id: x.id, giver: person(x.giver_id), message: excerpt(x.message) ?? '', createdAt: iso(x.created_at)! });

/** An aspiration as both views show it: the profile aimed at, or the person's own words, and when. */
export const aspirationItem = (a: Omit<AspirationRow, 'person_id'>) => ({
  id: a.id,
  profile: a.profile_id ? { id: a.profile_id, name: a.profile_name ?? '' } : null,
  description: a.description,
  timeFrame: a.time_frame,
});
