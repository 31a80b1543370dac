import type { NineBoxLabel, RatingGuideline, ReviewCyclePhase, ReviewTemplateBody } from '../../../db/schema/index.ts';
import { finalScore, raterRating, scaleOf, type ScoreResult } from '../reviews/index.ts';
import type { LeniencyRow, SessionRow, SubjectRow, SubmittedReviewRow } from './calibration.repo.ts';
import { bandsOf, distribution } from './distribution.ts';
import { cycleLeniency, poolLeniency, type OffsetFigure } from './leniency.ts';
import { bandBoundaries, nineBoxIndex, performanceBand, performanceBands } from './nine-box.ts';

/*
 * Rows to the grid's answer. Pure. Ratings come back from `real` (float4) columns with seven
 * significant digits; every figure of the answer is rounded to four decimals.
 */

export const round4 = (v: number | null | undefined): number | null => (v == null || !Number.isFinite(v) ? null : Math.round(v * 1e4) / 1e4);

/** A final rating differs from the proposed score when they differ at two decimals (the grid shows two). */
export const differsFromProposed = (final: number, proposed: number | null) => proposed === null || Math.abs(final - proposed) >= 0.005;

const figure = (f: OffsetFigure) => ({ n: f.n, mean: round4(f.mean), sd: round4(f.sd), low: round4(f.low), high: round4(f.high) });

export type SessionNames = { department: { id: string; name: string } | null; manager: { id: string; name: string } | null; calibrators: { id: string; name: string }[] };

export function sessionDto(s: SessionRow, cycle: { id: string; name: string; phase: ReviewCyclePhase }, names: SessionNames) {
  return {
    id: s.id,
    cycle: { id: cycle.id, name: cycle.name, phase: cycle.phase },
    name: s.name,
    scope: { type: s.scopeType, department: names.department, manager: names.manager },
    calibrators: names.calibrators,
    guideline: s.guideline ?? null,
    locked: s.lockedAt !== null,
    lockedAt: s.lockedAt ? s.lockedAt.toISOString() : null,
    createdAt: s.createdAt.toISOString(),
  };
}

const scoreDto = (s: ScoreResult) => ({
  score: round4(s.score),
  reweighted: s.reweighted,
  parts: s.parts.map((p) => ({ source: p.source, weight: p.weight, value: round4(p.value), used: p.used, share: round4(p.share)!, reviews: p.reviews })),
});

function pushTo<T>(m: Map<string, T[]>, key: string, value: T): void {
  const list = m.get(key);
  if (list) list.push(value);
  else m.set(key, [value]);
}

/** Each subject's proposed score from their submitted reviews. */
export function proposedScores(template: ReviewTemplateBody, reviews: readonly SubmittedReviewRow[]): Map<string, ScoreResult> {
  const bySubject = new Map<string, SubmittedReviewRow[]>();
  for (const r of reviews) pushTo(bySubject, r.subjectId, r);
  const out = new Map<string, ScoreResult>();
  for (const [subjectId, list] of bySubject) out.set(subjectId, finalScore(template, list));
  return out;
}

/** The non-self ratings of a list of reviews, as leniency reads them. */
export function ratingsOf(template: ReviewTemplateBody, reviews: readonly SubmittedReviewRow[]) {
  return reviews.flatMap((r) => {
    if (r.relationship === 'self') return [];
    const rating = raterRating(template, r.answers);
    return rating === null ? [] : [{ raterId: r.reviewerId, subjectId: r.subjectId, rating }];
  });
}

export type GridInput = {
  session: SessionRow;
  template: ReviewTemplateBody;
  subjects: readonly SubjectRow[];
  reviews: readonly SubmittedReviewRow[];
  history: readonly LeniencyRow[];
  labels: readonly NineBoxLabel[];
};

export function subjectRowDto(row: SubjectRow, input: Pick<GridInput, 'session' | 'template' | 'labels'>, proposed: ScoreResult | undefined) {
  const scale = scaleOf(input.template);
  const proposal = proposed ?? finalScore(input.template, []);
  const finalRating = row.finalRating ?? proposal.score;
  const band = performanceBand(finalRating, scale);
  const box = nineBoxIndex(band, row.potential);
  const mine = row.entrySessionId === null || row.entrySessionId === input.session.id;
  return {
    subject: { id: row.subjectId, name: `${row.firstName} ${row.lastName}`.trim(), jobTitle: row.jobTitle },
    manager: row.managerId ? { id: row.managerId, name: row.managerName ?? '' } : null,
    department: row.departmentId ? { id: row.departmentId, name: row.departmentName ?? '' } : null,
    proposed: scoreDto(proposal),
    finalRating: round4(finalRating),
    adjusted: row.finalRating !== null && differsFromProposed(row.finalRating, proposal.score),
    reason: row.reason,
    notes: row.notes,
    potential: row.potential,
    performance: band === null ? null : performanceBands[band],
    box,
    boxName: box === null ? null : (input.labels[box]?.name ?? null),
    /** False once the session is locked, or where another session of the cycle calibrates this subject. */
    editable: mine && input.session.lockedAt === null,
    calibratedInOtherSession: !mine,
    adjustedBy: row.adjustedBy ? { id: row.adjustedBy, name: row.adjustedByName ?? '' } : null,
    adjustedAt: row.adjustedAt ? row.adjustedAt.toISOString() : null,
  };
}

export type GridSubject = ReturnType<typeof subjectRowDto>;

export function buildGrid(input: GridInput) {
  const { template, session } = input;
  const scale = scaleOf(template);
  const scores = proposedScores(template, input.reviews);
  const subjects = input.subjects.map((row) => subjectRowDto(row, input, scores.get(row.subjectId)));
  const bands = bandsOf((session.guideline as RatingGuideline | null) ?? null, template.scale);
  const finals = new Map(subjects.flatMap((s) => (s.finalRating === null ? [] : [[s.subject.id, s.finalRating] as const])));

  // This session's leniency of every rater, from the finals as they stand.
  const live = new Map(cycleLeniency(ratingsOf(template, input.reviews), finals).map((l) => [l.raterId, l]));
  const pastOf = new Map<string, LeniencyRow[]>();
  for (const h of input.history) pushTo(pastOf, h.raterId, h);

  const groups = new Map<string, GridSubject[]>();
  for (const s of subjects) pushTo(groups, s.manager?.id ?? '', s);
  const mean = (xs: (number | null)[]) => {
    const v = xs.filter((x): x is number => x !== null);
    return v.length ? round4(v.reduce((a, b) => a + b, 0) / v.length) : null;
  };
  const managers = [...groups.entries()].map(([managerId, list]) => {
    const past = pastOf.get(managerId) ?? [];
    const now = live.get(managerId);
    return {
      manager: list[0]!.manager,
      subjects: list.length,
      meanProposed: mean(list.map((s) => s.proposed.score)),
      meanFinal: mean(list.map((s) => s.finalRating)),
      distribution: distribution(list.map((s) => s.finalRating), bands),
      leniency: managerId
        ? {
            thisSession: now ? { fromFinal: figure(now.fromFinal), fromPeers: figure(now.fromPeers) } : null,
            pastCycles: {
              cycles: past.length,
              fromFinal: figure(poolLeniency(past.map((p) => ({ n: p.ratings, mean: p.offsetFromFinal, sd: p.finalSd })))),
              fromPeers: figure(poolLeniency(past.map((p) => ({ n: p.coRated, mean: p.offsetFromPeers, sd: p.peersSd })))),
            },
          }
        : null,
    };
  });
  managers.sort((a, b) => (a.manager?.name ?? '\uffff').localeCompare(b.manager?.name ?? '\uffff'));

  return {
    scale: { min: scale?.min ?? null, max: scale?.max ?? null, anchors: template.scale.map((a) => ({ value: a.value, label: a.label })) },
    performanceBands: scale ? { mid: round4(bandBoundaries(scale).mid), high: round4(bandBoundaries(scale).high) } : null,
    formula: template.formula.parts.map((p) => ({ source: p.source, weight: p.weight })),
    nineBox: input.labels.map((l, box) => ({ box, name: l.name, description: l.description })),
    distribution: distribution(subjects.map((s) => s.finalRating), bands),
    subjects,
    managers,
  };
}
