import { and, eq } from 'drizzle-orm';
import {
  calibrationEntry,
  calibrationSession,
  peerNomination,
  personSkill,
  review,
  reviewCycle,
  reviewParticipant,
  reviewTemplate,
  type ReviewAnswer,
  type ReviewTemplateBody,
} from '../../../db/schema/index.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';
import { writeCycleLeniency } from '../../../modules/performance/calibration/index.ts';
import { finalScore, launchIn, movePhaseIn } from '../../../modules/performance/reviews/index.ts';
import { systemRef } from '../../../modules/platform/index.ts';
import { recordAssessments, type SystemAssessment } from '../../../modules/talent/assessments/index.ts';
import { createRandom, type Random } from '../random.ts';
import type { DemoPerformanceInput } from './index.ts';

const DAY = 86_400_000;

const all = ['self', 'manager', 'peer'] as const;
export const demoTemplateBody: ReviewTemplateBody = {
  scale: [
    { value: 1, label: 'Well below expectations' },
    { value: 2, label: 'Below expectations' },
    { value: 3, label: 'Meets expectations' },
    { value: 4, label: 'Exceeds expectations' },
    { value: 5, label: 'Far exceeds expectations' },
  ],
  sections: [
    {
      id: 'results',
      title: 'Results',
      description: 'What was delivered this period, against the goals and the role.',
      questions: [
        { id: 'overall', kind: 'rating', prompt: 'How well did they deliver on their goals and responsibilities?', required: true, relationships: [...all], visibleToSubject: true },
        { id: 'goals', kind: 'goals', prompt: 'Rate each goal of the period', required: true, relationships: ['manager'], visibleToSubject: true },
      ],
    },
    {
      id: 'how',
      title: 'How they work',
      questions: [
        { id: 'keep', kind: 'text', prompt: 'What should they keep doing?', required: true, relationships: [...all], visibleToSubject: true },
        { id: 'change', kind: 'text', prompt: 'What could they do differently?', required: false, relationships: [...all], visibleToSubject: true },
      ],
    },
    { id: 'skills', title: 'Skills of the role', questions: [{ id: 'skills', kind: 'skills', prompt: 'Rate each skill their job profile expects', required: true, relationships: ['manager'], visibleToSubject: true }] },
    {
      id: 'growth',
      title: 'Growth',
      questions: [
        { id: 'next', kind: 'text', prompt: 'What would help them grow over the next year?', required: true, relationships: ['self', 'manager'], visibleToSubject: true },
        { id: 'hr_note', kind: 'text', prompt: 'Anything HR should know (not shared with them)', required: false, relationships: ['manager'], visibleToSubject: false },
      ],
    },
  ],
  formula: { parts: [{ source: 'manager', weight: 50 }, { source: 'goals', weight: 20 }, { source: 'peer', weight: 20 }, { source: 'self', weight: 10 }] },
};

const keep = [
  'Keeps the team calm when a release goes sideways, and writes up what we learnt.',
  'Prepares every customer call thoroughly; people leave knowing what happens next.',
  'Reviews others’ work quickly and kindly, with concrete suggestions.',
  'Takes on the unglamorous work nobody asked for and finishes it.',
  'Shares what they know: the onboarding notes are used by the whole department.',
  'Asks the question everyone was thinking, early, before it becomes expensive.',
];
const change = [
  'Say no more often: too many side requests delayed the main goal.',
  'Bring problems up sooner rather than solving them alone late at night.',
  'Write decisions down; several were lost between meetings.',
  'Delegate more of the routine work so they can lead the bigger pieces.',
  '',
];
const next = [
  'Lead a project end to end, with a mentor from another team.',
  'A course on negotiation and a stretch assignment on the renewal desk.',
  'More time with customers, and presenting our results at the all-hands.',
  'Pairing with a senior colleague on system design.',
];

const clamp = (v: number) => Math.max(1, Math.min(5, Math.round(v)));
const pick = <T>(rnd: Random, list: readonly T[]): T => list[Math.floor(rnd.next() * list.length)]!;

type ReviewRow = typeof review.$inferSelect;

/** Answers of one review: the rater's bias moves their ratings, not what the person did. */
function answersFor(rnd: Random, r: ReviewRow, truth: number, bias: number, levels: Map<string, number>): Record<string, ReviewAnswer> {
  const rating = clamp(truth + bias + (rnd.next() - 0.5));
  const a: Record<string, ReviewAnswer> = {
    overall: { rating },
    keep: { text: pick(rnd, keep) },
  };
  const c = pick(rnd, change);
  if (c) a.change = { text: c };
  if (r.relationship === 'self' || r.relationship === 'manager') a.next = { text: pick(rnd, next) };
  if (r.relationship === 'manager') {
    a.goals = { goals: Object.fromEntries(r.subjectGoalIds.map((g) => [g, clamp(truth + bias + (rnd.next() - 0.5))])) };
    // The manager rates skills where they stand today, so the demo's current levels stay as the talent seed made them.
    a.skills = { skills: Object.fromEntries((r.subjectSkills as { skillId: string }[]).map((s) => [s.skillId, Math.max(1, Math.round(levels.get(`${r.subjectId}:${s.skillId}`) ?? 2))])) };
    if (truth <= 2) a.hr_note = { text: 'Workload was heavy this year; worth a conversation about support.' };
  }
  return a;
}

/**
 * Acme's review cycles, in the demo manager's top-level department: last year's annual review,
 * finished (peers nominated and approved, everyone written, calibrated with a 9-box and locked so
 * leniency is measured, shared, and acknowledged by most: the demo employee still has to), and
 * this year's in the writing phase (the demo employee's self-review and peer review to write, the
 * demo manager's reviews of their team partly drafted). Launched and moved through their phases
 * by the same cores as HR's actions; the writing itself is filled in here.
 */
export async function seedDemoReviews(tx: DbOrTx, { orgId, org }: DemoPerformanceInput, today: Date): Promise<void> {
  const manager = org.people.find((p) => p.demoRole === 'manager');
  const employee = org.people.find((p) => p.demoRole === 'employee');
  const hr = org.people.find((p) => p.demoRole === 'hr');
  if (!manager || !employee || !hr || !manager.departmentId) return;
  const top = org.departments.find((d) => d.id === manager.departmentId)!.topLevel;
  const topDept = org.departments.find((d) => d.name === top && d.parentId === null);
  if (!topDept) return;
  const rnd = createRandom(20_261_207);
  const by = systemRef(orgId, 'demo seed');
  const at = (daysAgo: number) => new Date(today.getTime() - daysAgo * DAY);
  const date = (daysAgo: number) => at(daysAgo).toISOString().slice(0, 10);
  const year = today.getUTCFullYear();

  const [template] = await tx
    .insert(reviewTemplate)
    .values({ orgId, name: 'Annual performance review', description: 'Results, how they work, the skills of their role and where they grow next.', body: demoTemplateBody, createdBy: hr.id, createdAt: at(400), updatedAt: at(400) })
    .returning();
  const byId = new Map(org.people.map((p) => [p.id, p]));
  // Each person's "true" performance and each rater's leniency: fixed by the seed, so the demo's calibration tells a story.
  const truth = new Map(org.people.map((p) => [p.id, 2 + Math.floor(rnd.next() * 4)]));
  truth.set(employee.id, 4);
  const bias = new Map(org.people.map((p) => [p.id, p.level <= 3 ? [-0.8, 0, 0, 0.4, 1][Math.floor(rnd.next() * 5)]! : (rnd.next() - 0.5) * 0.6]));
  bias.set(manager.id, 0.9);
  const levelRows = await tx.select({ personId: personSkill.personId, skillId: personSkill.skillId, level: personSkill.level }).from(personSkill).where(eq(personSkill.orgId, orgId));
  const levels = new Map(levelRows.map((l) => [`${l.personId}:${l.skillId}`, l.level]));

  const makeCycle = async (name: string, days: { period: [string, string]; nomination: number; writing: number; calibration: number; sharing: number }) => {
    const [c] = await tx
      .insert(reviewCycle)
      .values({
        orgId,
        name,
        templateId: template!.id,
        periodStartsOn: days.period[0],
        periodEndsOn: days.period[1],
        nominationEndsOn: date(days.nomination),
        writingEndsOn: date(days.writing),
        calibrationEndsOn: date(days.calibration),
        sharingStartsOn: date(days.sharing),
        participantRule: { departmentIds: [topDept.id], groupIds: [], hiredBefore: null, excludePersonIds: [] },
        relationships: { self: true, manager: true, upward: false, peers: { min: 1, max: 3 } },
        anonymityMinimum: 2,
        createdBy: hr.id,
        createdAt: at(days.nomination + 14),
        updatedAt: at(days.nomination + 14),
      })
      .returning();
    await launchIn(tx, by, c!, template!, at(days.nomination + 14));
    return (await tx.select().from(reviewCycle).where(eq(reviewCycle.id, c!.id)))[0]!;
  };

  /** Two teammates (or the manager's peers) nominated by each subject and approved by their manager. */
  const nominate = async (cycleId: string, subjects: string[], share: number, when: Date) => {
    const values = subjects.flatMap((s) => {
      const p = byId.get(s)!;
      const mates = org.people.filter((x) => x.id !== s && x.managerId === p.managerId && subjects.includes(x.id));
      if (!mates.length || rnd.next() > share) return [];
      // Round the team, so each person writes about two peer reviews, not the first teammate all of them.
      const start = mates.length > 1 ? Math.floor(rnd.next() * mates.length) : 0;
      const chosen = [mates[start]!, ...(mates.length > 1 ? [mates[(start + 1) % mates.length]!] : [])];
      return chosen.map((m) => ({ orgId, cycleId, subjectId: s, reviewerId: m.id, status: 'approved' as const, decidedBy: p.managerId, decidedAt: when, createdAt: when }));
    });
    if (values.length) await tx.insert(peerNomination).values(values).onConflictDoNothing();
  };

  const subjectIds = async (cycleId: string) =>
    (await tx.select({ id: reviewParticipant.personId }).from(reviewParticipant).where(eq(reviewParticipant.cycleId, cycleId))).map((r) => r.id);
  const reviewsOf = (cycleId: string) => tx.select().from(review).where(eq(review.cycleId, cycleId));
  const write = async (r: ReviewRow, status: 'draft' | 'submitted', when: Date) => {
    await tx
      .update(review)
      .set({ answers: answersFor(rnd, r, truth.get(r.subjectId) ?? 3, bias.get(r.reviewerId) ?? 0, levels), status, submittedAt: status === 'submitted' ? when : null, updatedAt: when })
      .where(eq(review.id, r.id));
  };

  // ---- last year's annual review: finished ----
  const past = await makeCycle(`Annual review ${year - 1}`, { period: [`${year - 1}-01-01`, `${year - 1}-12-31`], nomination: 330, writing: 316, calibration: 305, sharing: 300 });
  const pastSubjects = await subjectIds(past.id);
  await nominate(past.id, pastSubjects, 0.9, at(331));
  await movePhaseIn(tx, by, past, 'writing', at(329));
  for (const r of await reviewsOf(past.id)) await write(r, 'submitted', at(318 + Math.floor(rnd.next() * 10)));
  await movePhaseIn(tx, by, { ...past, phase: 'writing' }, 'calibration', at(315));
  const [session] = await tx
    .insert(calibrationSession)
    .values({ orgId, cycleId: past.id, name: `${top} calibration`, scopeType: 'department', departmentId: topDept.id, calibratorIds: [manager.managerId].filter((x): x is string => !!x), guideline: [{ rating: 1, share: 0.05 }, { rating: 2, share: 0.15 }, { rating: 3, share: 0.5 }, { rating: 4, share: 0.2 }, { rating: 5, share: 0.1 }], createdAt: at(312) })
    .returning();
  const submitted = await reviewsOf(past.id);
  const entries = pastSubjects.map((s, i) => {
    const score = finalScore(demoTemplateBody, submitted.filter((r) => r.subjectId === s)).score;
    const rounded = score === null ? null : clamp(score);
    // Calibration pulls the most lenient manager's team back, as the meeting would.
    const lenient = byId.get(s)?.managerId === manager.id && rounded !== null && rounded >= 4 && i % 2 === 0;
    // Unadjusted finals are the formula's score as it stands (two decimals, as the API stores them).
    const finalRating = lenient ? rounded - 1 : score === null ? null : Math.round(score * 100) / 100;
    // Potential follows performance loosely (2 → low, 3–4 → moderate, 5 → high), with some spread, so every row of the 9-box has people.
    const potential = Math.max(1, Math.min(3, Math.round(((truth.get(s) ?? 3) - 2) / 1.5 + 1 + (rnd.next() - 0.5))));
    return {
      orgId,
      cycleId: past.id,
      subjectId: s,
      sessionId: session!.id,
      proposedScore: score,
      finalRating,
      potential,
      reason: lenient ? 'Calibrated against peers with similar results across the department' : null,
      adjustedBy: lenient ? hr.id : null,
      adjustedAt: lenient ? at(306) : null,
    };
  });
  if (entries.length) await tx.insert(calibrationEntry).values(entries);
  await tx.update(calibrationSession).set({ lockedAt: at(305), lockedBy: hr.id }).where(eq(calibrationSession.id, session!.id));
  await writeCycleLeniency(tx, orgId, past.id, demoTemplateBody, at(305));
  await movePhaseIn(tx, by, { ...past, phase: 'calibration' }, 'sharing', at(300));
  const ratings: SystemAssessment[] = submitted.flatMap((r) =>
    r.relationship !== 'manager'
      ? []
      : Object.entries(r.answers.skills?.skills ?? {}).map(([skillId, level]) => ({
          personId: r.subjectId, skillId, level, source: 'review' as const, assessorId: r.reviewerId, assessedAt: at(300),
          note: `From the review cycle ${past.name}`, sourceRecordType: 'review', sourceRecordId: r.id,
        })),
  );
  await recordAssessments(tx, orgId, ratings, { now: today, record: false });
  await tx.update(reviewParticipant).set({ releasedAt: at(300), releasedBy: hr.id }).where(eq(reviewParticipant.cycleId, past.id));
  // Most acknowledged, some with a comment; the demo employee has not yet.
  for (const s of pastSubjects) {
    if (s === employee.id || rnd.next() > 0.8) continue;
    await tx
      .update(reviewParticipant)
      .set({ acknowledgedAt: at(296), subjectComment: rnd.next() < 0.3 ? 'Thanks, a fair summary of the year.' : null })
      .where(and(eq(reviewParticipant.cycleId, past.id), eq(reviewParticipant.personId, s)));
  }
  await movePhaseIn(tx, by, { ...past, phase: 'sharing' }, 'closed', at(280));

  // ---- this year's review: writing ----
  const current = await makeCycle(`Annual review ${year}`, { period: [`${year}-01-01`, `${year}-12-31`], nomination: 6, writing: -14, calibration: -24, sharing: -30 });
  const currentSubjects = await subjectIds(current.id);
  await nominate(current.id, currentSubjects, 0.7, at(8));
  // The demo employee is asked by a teammate, so they have a peer review to write too.
  const mate = org.people.find((p) => p.managerId === employee.managerId && p.id !== employee.id && currentSubjects.includes(p.id));
  if (mate) await tx.insert(peerNomination).values({ orgId, cycleId: current.id, subjectId: mate.id, reviewerId: employee.id, status: 'approved', decidedBy: manager.id, decidedAt: at(7), createdAt: at(8) }).onConflictDoNothing();
  await movePhaseIn(tx, by, current, 'writing', at(5));
  const open = await reviewsOf(current.id);
  for (const r of open) {
    const mine = r.reviewerId === employee.id || (r.reviewerId === manager.id && r.subjectId === employee.id);
    if (mine) continue;
    const roll = rnd.next();
    if (r.reviewerId === manager.id) await write(r, roll < 0.5 ? 'draft' : 'submitted', at(2));
    else if (roll < 0.45) await write(r, 'submitted', at(1 + Math.floor(rnd.next() * 4)));
    else if (roll < 0.6) await write(r, 'draft', at(1));
  }
}
