import type { AppContext } from '../../../context.ts';
import { iso } from '../../../platform/db/sql.ts';
import { notFound } from '../../../platform/http/errors.ts';
import type { Actor } from '../../../platform/http/types.ts';
import { canManageEnrollments } from '../../learning/index.ts';
import { canRateAsManagerFound, canReadTalentOfFound, canSelfAssess, canStartRoundForAnyone } from '../../talent/index.ts';
import { loopSummaryFor } from '../follow-ups/index.ts';
import { aspirationItem, feedbackItem, gapItem, isGap, isOpenLearning, learningItem, learningParts, personBasics, praiseItem, skillStanding, strengthItem, strengthsOf } from '../team/index.ts';
import * as repo from './overview.repo.ts';

const DAY = 86_400_000;
/** Learning completed and praise received this recently show; feedback over a longer window. */
const RECENT_DAYS = 30;
const FEEDBACK_DAYS = 90;
/** Feedback and praise shown. */
const RECENT_N = 5;
const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * One person on one page (DESIGN.md §2.2): basics and the goals the viewer may read for everyone
 * in the organisation; skills, aspirations, plan and hurdles for the person, their chain and HR
 * admins; learning also for learning admins; feedback for the person and their chain; the 1:1
 * part is the viewer's own series with the person (the person sees theirs with their manager).
 * A part the viewer may not see is null. An unknown id or a person of another organisation: 404.
 */
export async function getOverview(ctx: AppContext, actor: Actor, personId: string) {
  const p = await repo.personForViewer(ctx.db, actor, personId);
  if (!p) throw notFound('Person');
  const now = ctx.clock.now();
  const self = actor.personId === personId;
  const above = p.viewer_above;
  const active = p.status === 'active';
  // The policies' own answers, from what the one statement above fetched.
  const personal = canReadTalentOfFound(actor, personId, above);
  const learningVisible = personal || canManageEnrollments(actor);
  // Feedback: the receiver and their chain (performance.policy canReadFeedback); HR admins are not readers.
  const feedbackVisible = self || above;
  const assignLearning = active && !self && (canManageEnrollments(actor) || above);
  const oneOnOneWith = self ? p.manager_id : actor.personId;

  const since = new Date(now.getTime() - RECENT_DAYS * DAY);
  const [r, loop] = await Promise.all([
    repo.recordsOf(ctx.db, actor, personId, { talent: personal, learning: learningVisible, feedback: feedbackVisible, oneOnOneWith }, {
      now,
      since,
      today: day(now),
      sinceDay: day(new Date(now.getTime() - FEEDBACK_DAYS * DAY)),
    }),
    learningVisible ? loopSummaryFor(ctx, actor.orgId, [personId]) : null,
  ]);
  const named = (id: string | null) => (id ? { id, name: r.names.get(id) ?? 'Someone' } : null);

  const one = r.oneOnOne;
  const talkingPoint = active && !!one?.next_meeting_id;
  const oneOnOne =
    one || (oneOnOneWith && (self || above))
      ? {
          with: oneOnOneWith ? { id: oneOnOneWith, name: self ? (p.manager_name ?? '') : 'You' } : null,
          seriesId: one?.series_id ?? null,
          lastHeldAt: iso(one?.last_held_at),
          nextAt: iso(one?.next_at),
          nextMeetingId: one?.next_meeting_id ?? null,
          actions: { addTalkingPoint: talkingPoint, startSeries: active && !self && !one?.series_id },
        }
      : null;

  const learning = r.learning ? r.learning.map(learningItem) : null;
  const standing = r.skills ? r.skills.map(skillStanding) : null;
  const planned = new Set([
    ...(r.plan ?? []).flatMap((i) => (i.skill_id ? [i.skill_id] : [])),
    ...(learning ?? []).filter((e) => isOpenLearning(e.status)).flatMap((e) => e.skillIds),
  ]);
  const recommended = new Map((r.recommended ?? []).map((x) => [x.skill_id, { type: x.item_type, id: x.item_id, title: x.title }] as const));

  return {
    person: {
      ...personBasics(p),
      email: p.email,
      status: p.status,
      hireDate: p.hire_date ? String(p.hire_date).slice(0, 10) : null,
      department: p.department_id ? { id: p.department_id, name: p.department_name ?? '' } : null,
      self,
      viewerIsManager: above,
    },
    goals: {
      items: r.goals.map((g) => ({ id: g.id, title: g.title, status: g.status, progress: Number(g.progress), visibility: g.visibility })),
      actions: { addTalkingPoint: talkingPoint, giveFeedback: active && !self },
    },
    aspirations: r.aspirations && {
      items: r.aspirations.map(aspirationItem),
      actions: { edit: personal },
    },
    skills: standing && {
      jobProfile: p.job_profile_id ? { id: p.job_profile_id, name: p.job_profile_name ?? '' } : null,
      strengths: strengthsOf(standing).map(strengthItem),
      gaps: standing.filter(isGap).map((g) => gapItem(g, planned.has(g.skillId), recommended.get(g.skillId) ?? null)),
      actions: {
        assignLearning,
        addPlanItem: active && personal,
        askSelfAssessment: active && !self && (canStartRoundForAnyone(actor) || above),
        rateSkill: active && canRateAsManagerFound(actor, personId, above),
        selfAssess: active && canSelfAssess(actor, personId),
      },
    },
    hurdles: r.hurdles && {
      items: r.hurdles.map((h) => ({ id: h.id, title: h.title, category: h.category, status: h.status, openedAt: iso(h.created_at)!, goalId: h.goal_id, skillId: h.skill_id })),
      actions: { raiseHurdle: active && personal, addTalkingPoint: talkingPoint, assignLearning },
    },
    plan: r.plan && {
      items: r.plan.map((i) => ({ id: i.id, title: i.title, actionType: i.action_type, skillId: i.skill_id, status: i.status, dueDate: i.due_date })),
      actions: { addPlanItem: active && personal },
    },
    learning: learning && {
      ...learningParts(learning, now),
      loopClosure: loop!.total,
      actions: { assignLearning },
    },
    feedback: r.feedback && {
      feedback: r.feedback.slice(0, RECENT_N).map((f) => feedbackItem(f, named)),
      praise: (r.praise ?? []).slice(0, RECENT_N).map((x) => praiseItem(x, named)),
      actions: { giveFeedback: active && !self, requestFeedback: active && (self || above) },
    },
    oneOnOne,
  };
}
