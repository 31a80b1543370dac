import { z } from '@hono/zod-openapi';
import type { AppContext } from '../../../context.ts';
import { iso } from '../../../platform/db/sql.ts';
import { decodeCursor, keysetPage } from '../../../platform/http/openapi.ts';
import type { Actor } from '../../../platform/http/types.ts';
import { cellGap, rollUp, signalsFor, strengthsOf, type Signal } from './attention.ts';
import { loopSummaryFor, type LoopClosure } from '../follow-ups/index.ts';
import * as repo from './team.repo.ts';
import { aspirationItem, feedbackItem, gapItem, isGap, isOpenLearning, learningItem, learningParts, personBasics, praiseItem, skillStanding, strengthItem, type LearningItem } from './present.ts';

/** Learning completed, feedback and praise given this recently show on a card. */
const RECENT_DAYS = 30;
const FEEDBACK_DAYS = 90;
/** Feedback and praise per card. */
const RECENT_N = 3;
/** Enrolments shown per learning list on a card. */
const LEARNING_N = 3;
/** People per statement when the roll-up reads a whole subtree. */
const ROLLUP_BATCH = 1000;
const ROLLUP_PARALLEL = 3;

const NameCursor = z.tuple([z.string(), z.string(), z.uuid()]);
const day = (d: Date) => d.toISOString().slice(0, 10);
const DAY = 86_400_000;

export type TeamQuery = { scope: 'direct' | 'all'; limit?: number; cursor?: string };

/**
 * The signed-in person's team: their direct reports (or, with scope all, everyone below them, a
 * page at a time, with a roll-up per manager). Nobody reports to an employee, so they get an empty
 * team: who is on it is the reporting chain, never a role, so no one sees anyone outside their chain.
 */
export async function getTeam(ctx: AppContext, actor: Actor, q: TeamQuery) {
  const limit = q.limit ?? 50;
  const now = ctx.clock.now();
  const page = await repo.teamPage(ctx.db, actor.orgId, actor.personId, q.scope, limit, decodeCursor(q.cursor, NameCursor));
  const { data: people, nextCursor } = keysetPage(page, limit, (last) => [last.last_name, last.first_name, last.id]);
  // The roll-up per team reads the whole subtree (only what the signals need), on the first page only.
  const [cards, loop, teams] = await Promise.all([
    people.length ? cardsOf(ctx, actor, people, now, true) : [],
    people.length ? loopSummaryFor(ctx, actor.orgId, people.map((p) => p.id)) : null,
    q.scope === 'all' && !q.cursor ? teamsBelow(ctx, actor, now) : null,
  ]);
  const loopOf = new Map((loop?.people ?? []).map(({ personId, ...c }) => [personId, c]));

  const skillNames = new Map<string, string>();
  for (const c of cards) for (const s of c.skillStandings) if (s.expected !== null) skillNames.set(s.skillId, s.name);
  const heatMap = {
    skills: [...skillNames].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)),
    rows: cards.map((c) => ({
      personId: c.person.id,
      name: c.person.name,
      cells: c.skillStandings
        .filter((s) => skillNames.has(s.skillId))
        .map((s) => ({ skillId: s.skillId, expected: s.expected, current: s.current, gap: cellGap(s.expected, s.current) })),
    })),
  };


  return {
    scope: q.scope,
    data: cards.map(({ skillStandings: _, ...c }) => ({ ...c, loopClosure: loopOf.get(c.person.id) ?? null })),
    nextCursor,
    heatMap,
    teams,
    /** The loop closure of the learning these people were assigned with a reason (this page's people). */
    loopClosure: loop?.total ?? null,
  };
}

type Card = Awaited<ReturnType<typeof cardsOf>>[number];

async function cardsOf(ctx: AppContext, actor: Actor, people: readonly repo.TeamPersonRow[], now: Date, detail: boolean) {
  const ids = people.map((p) => p.id);
  // A direct report's 1:1 is with the viewer; further down, with the person's own manager.
  const counterparts = people.map((p) => p.manager_id ?? actor.personId);
  const since = new Date(now.getTime() - RECENT_DAYS * DAY);
  const r = await repo.recordsOf(ctx.db, actor, ids, counterparts, {
    now,
    since,
    today: day(now),
    sinceDay: day(new Date(now.getTime() - FEEDBACK_DAYS * DAY)),
    detail,
  });
  const by = <T extends { person_id: string }>(list: T[]) => {
    const m = new Map<string, T[]>();
    for (const x of list) (m.get(x.person_id) ?? m.set(x.person_id, []).get(x.person_id)!).push(x);
    return m;
  };
  const skills = by(r.skills), hurdles = by(r.hurdles), plan = by(r.plan), goals = by(r.goals), learning = by(r.learning);
  const aspirations = by(r.aspirations), feedback = by(r.feedback), praise = by(r.praise), recs = by(r.recommended);
  const ones = new Map(r.oneOnOnes.map((o) => [o.person_id, o]));
  const person = (id: string | null) => (id ? { id, name: r.names.get(id) ?? 'Someone' } : null);

  return people.map((p) => {
    const standing = (skills.get(p.id) ?? []).map(skillStanding);
    const gaps = standing.filter(isGap);
    const myPlan = plan.get(p.id) ?? [];
    const myLearning = (learning.get(p.id) ?? []).map(learningItem);
    const open = isOpenLearning;
    const one = ones.get(p.id);
    const recommended = new Map((recs.get(p.id) ?? []).map((x) => [x.skill_id, { type: x.item_type, id: x.item_id, title: x.title }] as const));
    const plannedSkillIds = new Set(myPlan.flatMap((i) => (i.skill_id ? [i.skill_id] : [])));
    const learningSkillIds = new Set(myLearning.filter((e) => open(e.status)).flatMap((e) => e.skillIds));
    const myHurdles = hurdles.get(p.id) ?? [];
    const myGoals = goals.get(p.id) ?? [];
    const signals: Signal[] = signalsFor(
      {
        personId: p.id,
        firstName: p.first_name,
        learning: myLearning.map((e) => ({ id: e.id, title: e.title, compliance: e.compliance, open: open(e.status), dueAt: e.dueAt ? new Date(e.dueAt) : null })),
        goals: myGoals.map((g) => ({ id: g.id, title: g.title, status: g.status })),
        lastOneOnOneAt: one?.last_held_at ? new Date(one.last_held_at) : null,
        hasOneOnOne: !!one?.series_id,
        hurdles: myHurdles.map((h) => ({ id: h.id, title: h.title, openedAt: new Date(h.created_at) })),
        gaps: gaps.map((g) => ({ skillId: g.skillId, skillName: g.name, expected: g.expected!, current: g.current, profileId: g.profileId! })),
        plannedSkillIds,
        learningSkillIds,
        recommended,
      },
      now,
    );
    return {
      person: { ...personBasics(p), direct: p.manager_id === actor.personId },
      signals,
      aspirations: (aspirations.get(p.id) ?? []).map(aspirationItem),
      strengths: strengthsOf(standing).map(strengthItem),
      gaps: gaps.map((g) => gapItem(g, plannedSkillIds.has(g.skillId) || learningSkillIds.has(g.skillId), recommended.get(g.skillId) ?? null)),
      goals: myGoals.map((g) => ({ id: g.id, title: g.title, status: g.status, progress: Number(g.progress), visibility: g.visibility })),
      hurdles: myHurdles.map((h) => ({ id: h.id, title: h.title, category: h.category, status: h.status, openedAt: iso(h.created_at)! })),
      plan: myPlan.map((i) => ({ id: i.id, title: i.title, actionType: i.action_type, skillId: i.skill_id, status: i.status, dueDate: i.due_date })),
      learning: cardLearning(learningParts(myLearning, now)),
      oneOnOne: { seriesId: one?.series_id ?? null, lastHeldAt: iso(one?.last_held_at), nextAt: iso(one?.next_at), nextMeetingId: one?.next_meeting_id ?? null },
      feedback: (feedback.get(p.id) ?? []).slice(0, RECENT_N).map((f) => feedbackItem(f, person)),
      praise: (praise.get(p.id) ?? []).slice(0, RECENT_N).map((x) => praiseItem(x, person)),
      loopClosure: null as LoopClosure | null,
      skillStandings: standing,
    };
  });
}

/** A card's learning: the first few of each list, each with its title, dates and why, and how many each list holds (a card was 10 KB of full lists). */
function cardLearning(parts: ReturnType<typeof learningParts>) {
  const shown = (list: LearningItem[]) =>
    list.slice(0, LEARNING_N).map((e) => ({ id: e.id, title: e.title, dueAt: e.dueAt, completedAt: e.completedAt, compliance: e.compliance, reason: { type: e.reason.type, label: e.reason.label } }));
  return {
    overdue: shown(parts.overdue),
    inProgress: shown(parts.inProgress),
    recentlyCompleted: shown(parts.recentlyCompleted),
    counts: { overdue: parts.overdue.length, inProgress: parts.inProgress.length, recentlyCompleted: parts.recentlyCompleted.length },
  };
}

/** The signals of everyone below, counted per manager (their direct reports), busiest team first. */
async function teamsBelow(ctx: AppContext, actor: Actor, now: Date) {
  const everyone = await repo.everyoneBelow(ctx.db, actor.orgId, actor.personId);
  const byManager = new Map<string, { manager: { id: string; name: string }; signals: Signal[][] }>();
  const batches: Array<readonly repo.TeamPersonRow[]> = [];
  for (let i = 0; i < everyone.length; i += ROLLUP_BATCH) batches.push(everyone.slice(i, i + ROLLUP_BATCH));
  // A few batches at once: each is one statement, and the server has more than one core to run them.
  const results: Card[][] = [];
  for (let i = 0; i < batches.length; i += ROLLUP_PARALLEL) {
    results.push(...(await Promise.all(batches.slice(i, i + ROLLUP_PARALLEL).map((b) => cardsOf(ctx, actor, b, now, false)))));
  }
  for (const c of results.flat()) {
    const m = c.person.manager!;
    const entry = byManager.get(m.id) ?? byManager.set(m.id, { manager: { id: m.id, name: m.id === actor.personId ? 'You' : m.name }, signals: [] }).get(m.id)!;
    entry.signals.push(c.signals);
  }
  return [...byManager.values()]
    .map((t) => ({ manager: t.manager, counts: rollUp(t.signals) }))
    .sort((a, b) => b.counts.needingAttention - a.counts.needingAttention || a.manager.name.localeCompare(b.manager.name));
}
