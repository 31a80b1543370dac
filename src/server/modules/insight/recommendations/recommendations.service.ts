import type { AppContext } from '../../../context.ts';
import type { RecommendationEvidence } from '../../../db/schema/insight.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';
import { notFound } from '../../../platform/http/errors.ts';
import type { Actor } from '../../../platform/http/types.ts';
import { iso } from '../../../platform/db/sql.ts';
import { actorRef, recordChange } from '../../platform/index.ts';
import { canReadTalentOfFound, talentChainMatters } from '../../talent/index.ts';
import { explain, orderTitles, programCandidate, rankItems, TOP_N, type CandidateItem, type ExplanationFacts, type Gap, type Ranked, type Viewer } from './ranking.ts';
import * as repo from './recommendations.repo.ts';

/** People per batch of a recompute: every input is one statement per batch. */
export const BATCH = 2000;

/** A recompute's phases, each batch's milliseconds reported to `recomputeObserver.phase` when one is set. */
export type RecomputePhase = 'read' | 'rank' | 'facts' | 'write';
/**
 * Set by the bench (bench/talent.ts) to see where a whole recompute's time goes, per batch and
 * phase, and what the write did; null in the product, where nothing is timed.
 */
export const recomputeObserver: { phase: ((phase: RecomputePhase, ms: number) => void) | null; wrote: ((counts: repo.ReplaceCounts) => void) | null } = {
  phase: null,
  wrote: null,
};

/**
 * Recomputes the recommendations of the people (or of every active person of the organisation)
 * at `now`, in the caller's transaction: for each batch of people, the gaps, the candidate
 * courses and programs on the gap skills, the held learning and the dismissals are read with one
 * statement each, ranked in memory, and the batch's rows replaced. A recompute is a replace, so
 * running it again gives the same rows (ids are derived from person and item).
 */
export async function recomputeForPeople(tx: DbOrTx, orgId: string, personIds: readonly string[] | 'all', now: Date): Promise<void> {
  if (personIds === 'all') {
    let after: string | null = null;
    for (;;) {
      const ids = await repo.personIdsAfter(tx, orgId, after, BATCH);
      if (ids.length === 0) return;
      await recomputeBatch(tx, orgId, ids, now);
      after = ids[ids.length - 1]!;
    }
  }
  const unique = [...new Set(personIds)];
  for (let i = 0; i < unique.length; i += BATCH) await recomputeBatch(tx, orgId, unique.slice(i, i + BATCH), now);
}

async function recomputeBatch(tx: DbOrTx, orgId: string, personIds: readonly string[], now: Date): Promise<void> {
  const observe = recomputeObserver.phase;
  let mark = observe ? performance.now() : 0;
  const lap = (phase: RecomputePhase) => {
    if (!observe) return;
    const t = performance.now();
    observe(phase, t - mark);
    mark = t;
  };
  const gapRows = await repo.gapsOf(tx, orgId, personIds);
  const skillIds = [...new Set(gapRows.map((g) => g.skill_id))];
  const [courseRows, programRows, held, dismissals] = [
    await repo.coursesTeaching(tx, orgId, skillIds),
    await repo.programsTeaching(tx, orgId, skillIds),
    await repo.heldLearning(tx, orgId, personIds),
    await repo.dismissalsOf(tx, orgId, personIds),
  ];
  lap('read');

  // Courses and programs once, and an index skill → items so each person only looks at the items of their gap skills.
  const courses = new Map<string, CandidateItem & { teaches: Map<string, number> }>();
  const bySkill = new Map<string, Set<CandidateItem>>();
  const index = (skillId: string, item: CandidateItem) => {
    let set = bySkill.get(skillId);
    if (!set) bySkill.set(skillId, (set = new Set()));
    set.add(item);
  };
  for (const r of courseRows) {
    let c = courses.get(r.course_id);
    if (!c) courses.set(r.course_id, (c = { kind: 'course', id: r.course_id, title: r.title, estimatedMinutes: r.estimated_minutes, teaches: new Map() }));
    c.teaches.set(r.skill_id, r.level);
    index(r.skill_id, c);
  }
  // A program answers what its (published) course steps answer.
  for (const [programId, steps] of group(programRows, (r) => r.program_id)) {
    const stepCourses = steps.map((s) => courses.get(s.course_id)).filter((c) => c !== undefined);
    if (stepCourses.length === 0) continue;
    const program = programCandidate({ id: programId, title: steps[0]!.title, estimatedMinutes: steps[0]!.estimated_minutes }, stepCourses);
    for (const skillId of program.teaches.keys()) index(skillId, program);
  }
  // Titles collated once for the batch: the ranking's tie-break then compares numbers.
  orderTitles(new Set([...bySkill.values()].flatMap((set) => [...set])));
  const gapsByPerson = group(gapRows, (g) => g.person_id);
  const excludedByPerson = new Map<string, Set<string>>();
  for (const e of held) (excludedByPerson.get(e.person_id) ?? excludedByPerson.set(e.person_id, new Set()).get(e.person_id)!).add(e.item_id);
  const dismissedByPerson = new Map<string, Map<string, string>>();
  for (const d of dismissals) {
    (dismissedByPerson.get(d.person_id) ?? dismissedByPerson.set(d.person_id, new Map()).get(d.person_id)!).set(d.item_id, d.fingerprint);
  }

  const ranked: Array<{ personId: string; r: Ranked }> = [];
  for (const [personId, rowsOfPerson] of gapsByPerson) {
    const gaps: Gap[] = rowsOfPerson.map((g) => ({
      kind: g.kind,
      skillId: g.skill_id,
      expected: g.expected,
      current: g.current,
      assessmentId: g.basis_assessment_id,
      recordType: g.record_type,
      recordId: g.record_id,
      levelNamed: g.level_named ?? true,
    }));
    const candidates = new Set<CandidateItem>();
    for (const g of gaps) for (const item of bySkill.get(g.skillId) ?? []) candidates.add(item);
    for (const r of rankItems(gaps, [...candidates], { excluded: excludedByPerson.get(personId), dismissed: dismissedByPerson.get(personId) })) {
      ranked.push({ personId, r });
    }
  }

  lap('rank');

  // The stored explanation is the neutral form; answers phrase it for the viewer (`your` / a first name).
  const facts = await factsFor(tx, orgId, ranked.map((x) => x.r.evidence));
  const recs = ranked.map(({ personId, r }) => ({
    personId,
    itemType: r.itemType,
    itemId: r.itemId,
    rank: r.rank,
    score: r.score,
    skillId: r.evidence[0]?.skillId ?? null,
    explanation: explain(r.evidence, facts.explanation, null, now),
    evidence: r.evidence,
    fingerprint: r.fingerprint,
  }));
  lap('facts');
  const counts = await repo.replaceFor(tx, orgId, personIds, recs, now);
  lap('write');
  recomputeObserver.wrote?.(counts);
}

function group<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = out.get(k);
    if (list) list.push(it);
    else out.set(k, [it]);
  }
  return out;
}

/** Names of the skills and profiles, the assessments the evidence refers to (and the items' titles): one statement for any number. */
async function factsFor(
  db: DbOrTx,
  orgId: string,
  evidence: ReadonlyArray<readonly RecommendationEvidence[]>,
  items: { courseIds?: string[]; programIds?: string[] } = {},
) {
  const skillIds = new Set<string>();
  const profileIds = new Set<string>();
  const assessmentIds = new Set<string>();
  for (const list of evidence)
    for (const e of list) {
      skillIds.add(e.skillId);
      if (e.recordId && (e.recordType ?? 'job_profile') === 'job_profile') profileIds.add(e.recordId);
      if (e.assessmentId) assessmentIds.add(e.assessmentId);
    }
  const found = await repo.factsOf(db, orgId, { skillIds: [...skillIds], profileIds: [...profileIds], assessmentIds: [...assessmentIds], ...items });
  return { names: { skills: found.skills, profiles: found.profiles }, assessments: found.assessments, items: found.items, explanation: explanationFacts(found) };
}

/** What `explain` looks up, over the facts a statement found. */
function explanationFacts(found: repo.Facts): ExplanationFacts {
  return {
    skillName: (id) => found.skills.get(id) ?? 'A skill',
    profileName: (id) => (id ? (found.profiles.get(id) ?? null) : null),
    assessment: (id) => {
      const a = id ? found.assessments.get(id) : undefined;
      return a ? { source: a.source, assessedAt: new Date(a.assessed_at) } : null;
    },
  };
}

// ---- use cases --------------------------------------------------------------------------------

/** The person's recommendations, phrased for the reader: "your" to the person, their first name to others. */
export async function listRecommendations(ctx: AppContext, actor: Actor, personId: string) {
  // One statement: the person, their rows and what the rows name; the chain only for a reader neither the person nor HR.
  const p = await repo.recommendationsPageOf(ctx.db, actor.orgId, personId, TOP_N, {
    personId: actor.personId,
    chainMatters: talentChainMatters(actor, personId),
  });
  if (!p || !canReadTalentOfFound(actor, personId, p.viewerAbove)) throw notFound('Person');
  const recs = p.recs;
  if (recs.length === 0) return { data: [] };
  const facts = p.facts;
  const explanation = explanationFacts(facts);
  // An item gone since the recompute (deleted) is left out until the next one drops its row.
  const list = recs.flatMap((r) => {
    const i = facts.items.get(r.item_id);
    return i ? [{ ...r, title: i.title, summary: i.summary, estimated_minutes: i.estimated_minutes == null ? null : Number(i.estimated_minutes) }] : [];
  });
  const viewer: Viewer = actor.personId === personId ? { self: true } : { self: false, firstName: p.first_name };
  const now = ctx.clock.now();
  return {
    data: list.map((r) => ({
      id: r.id,
      itemType: r.item_type,
      kind: r.item_type,
      courseId: r.item_type === 'course' ? r.item_id : null,
      programId: r.item_type === 'program' ? r.item_id : null,
      item: { id: r.item_id, title: r.title, summary: r.summary, estimatedMinutes: r.estimated_minutes },
      rank: r.rank,
      score: r.score,
      explanation: explain(r.evidence, explanation, viewer, now),
      evidence: r.evidence.map((e) => {
        const a = e.assessmentId ? facts.assessments.get(e.assessmentId) : undefined;
        const profileName = e.recordId ? facts.profiles.get(e.recordId) : undefined;
        return {
          kind: e.kind,
          skill: { id: e.skillId, name: facts.skills.get(e.skillId) ?? '' },
          expected: e.expected,
          current: e.current,
          teaches: e.teaches,
          assessment: a
            ? { id: a.id, source: a.source, level: Number(a.level), assessedAt: iso(a.assessed_at)!, assessorName: a.assessor_name }
            : null,
          profile: e.recordId && profileName !== undefined ? { id: e.recordId, name: profileName } : null,
        };
      }),
      computedAt: iso(r.computed_at)!,
    })),
  };
}
export type RecommendationDto = Awaited<ReturnType<typeof listRecommendations>>['data'][number];

/**
 * Only the person dismisses or restores their own recommendations: their manager and HR see
 * them but get 404 here, as for a record that is not theirs to change. The person's list is
 * recomputed in the same transaction, so another item fills the top 10 (or makes room).
 */
async function ownRecommendation(ctx: AppContext, actor: Actor, id: string) {
  const rec = await repo.findRecommendation(ctx.db, actor.orgId, id);
  if (!rec || rec.person_id !== actor.personId) throw notFound('Recommendation');
  return rec;
}

export async function dismissRecommendation(ctx: AppContext, actor: Actor, id: string, requestId?: string): Promise<void> {
  const rec = await ownRecommendation(ctx, actor, id);
  await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    await repo.upsertDismissal(tx, actor.orgId, { personId: rec.person_id, itemType: rec.item_type, itemId: rec.item_id, fingerprint: rec.fingerprint }, now);
    await recordChange(tx, actorRef(actor, requestId), {
      action: 'recommendation.dismissed',
      recordType: 'recommendation',
      recordId: rec.id,
      after: { itemType: rec.item_type, itemId: rec.item_id, fingerprint: rec.fingerprint },
    });
    await recomputeForPeople(tx, actor.orgId, [rec.person_id], now);
  });
}

export async function restoreRecommendation(ctx: AppContext, actor: Actor, id: string, requestId?: string): Promise<void> {
  const rec = await ownRecommendation(ctx, actor, id);
  await ctx.db.transaction(async (tx) => {
    const removed = await repo.deleteDismissal(tx, actor.orgId, { personId: rec.person_id, itemType: rec.item_type, itemId: rec.item_id });
    if (!removed) return; // not dismissed: nothing to undo
    await recordChange(tx, actorRef(actor, requestId), {
      action: 'recommendation.restored',
      recordType: 'recommendation',
      recordId: rec.id,
      before: { itemType: rec.item_type, itemId: rec.item_id, fingerprint: rec.fingerprint },
    });
    await recomputeForPeople(tx, actor.orgId, [rec.person_id], ctx.clock.now());
  });
}
