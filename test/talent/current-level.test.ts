import { describe, expect, it } from 'vitest';
import { currentLevel, resolveSettings, type AssessmentInput } from '../../src/server/modules/talent/assessments/current-level.ts';

const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000);
let seq = 0;
const a = (source: AssessmentInput['source'], level: number, d: number, assessorId: string | null = null): AssessmentInput => ({
  id: `00000000-0000-0000-0000-${String(++seq).padStart(12, '0')}`,
  source,
  level,
  assessorId,
  assessedAt: day(d),
});

describe('the current-level rule', () => {
  it('is null without assessments', () => {
    expect(currentLevel([])).toBeNull();
  });

  it('one assessment is its own level and basis', () => {
    const self = a('self', 3, 0);
    expect(currentLevel([self])).toMatchObject({ level: 3, basisAssessmentId: self.id, assessmentCount: 1 });
  });

  it('weighs manager 3 and self 1 on the same day: (3·4 + 1·2) / 4 = 3.5', () => {
    const self = a('self', 2, 10);
    const mgr = a('manager', 4, 10);
    expect(currentLevel([self, mgr])).toMatchObject({ level: 3.5, basisAssessmentId: mgr.id, assessmentCount: 2 });
  });

  it('only the latest of each source counts, but every assessment is counted', () => {
    const old = a('self', 1, 0);
    const recent = a('self', 4, 5);
    const r = currentLevel([old, recent])!;
    expect(r.level).toBe(4);
    expect(r.basisAssessmentId).toBe(recent.id);
    expect(r.assessmentCount).toBe(2);
    expect(r.counted.map((c) => c.id)).toEqual([recent.id]);
  });

  it('halves the weight per half-life older than the newest assessment', () => {
    // manager 2 on day 0, self 5 on day 180: weights 3·0.5 = 1.5 and 1 → (1.5·2 + 1·5) / 2.5 = 3.2
    const mgr = a('manager', 2, 0);
    const self = a('self', 5, 180);
    expect(currentLevel([mgr, self])).toMatchObject({ level: 3.2, basisAssessmentId: mgr.id });
    // two half-lives: 3·0.25 = 0.75 < 1: self is the basis; (0.75·2 + 5) / 1.75 = 3.714… → 3.7
    const mgr2 = a('manager', 2, 0);
    const self2 = a('self', 5, 360);
    expect(currentLevel([mgr2, self2])).toMatchObject({ level: 3.7, basisAssessmentId: self2.id });
  });

  it('keeps the latest of each peer separately', () => {
    // peers p1 (3, then 5) and p2 (2): 1.5·5 + 1.5·2 = 10.5 / 3 = 3.5
    const r = currentLevel([a('peer', 3, 0, 'p1'), a('peer', 5, 1, 'p1'), a('peer', 2, 1, 'p2')])!;
    expect(r.level).toBe(3.5);
    expect(r.counted).toHaveLength(2);
  });

  it('breaks a tie of weights by the newer assessment', () => {
    // quiz 2 and checkpoint 2 on the same day: equal weights, the later-created wins the tie
    const quiz = a('quiz', 3, 20);
    const checkpoint = a('checkpoint', 4, 20);
    expect(currentLevel([checkpoint, quiz])).toMatchObject({ level: 3.5, basisAssessmentId: checkpoint.id });
    const later = { ...a('quiz', 1, 0), assessedAt: new Date(day(20).getTime() + 1000) };
    // 1 second newer: weights 2 vs 2·0.5^(1s/180d) ≈ 2 − ε; the newer quiz is heavier and the basis
    expect(currentLevel([checkpoint, later])!.basisAssessmentId).toBe(later.id);
  });

  it('uses the organisation’s weights and half-life over the defaults', () => {
    // self weight 3, manager default 3, half-life 30: manager on day 0 (3·0.5 = 1.5), self on day 30 (3)
    // → (1.5·1 + 3·4) / 4.5 = 3
    const settings = resolveSettings({ sourceWeights: { self: 3 }, halfLifeDays: 30 });
    expect(settings.sourceWeights.manager).toBe(3);
    const mgr = a('manager', 1, 0);
    const self = a('self', 4, 30);
    expect(currentLevel([mgr, self], settings)).toMatchObject({ level: 3, basisAssessmentId: self.id });
    // weight 0 drops a source entirely
    expect(currentLevel([mgr, self], resolveSettings({ sourceWeights: { self: 0 } }))!.level).toBe(1);
  });

  it('does not depend on the date it is computed (no drift)', () => {
    const xs = [a('manager', 3, 0), a('self', 4, 90)];
    expect(currentLevel(xs)).toEqual(currentLevel(xs));
    // (3·0.5^(90/180)·3 + 1·4) / (3·0.7071 + 1) = (6.364 + 4) / 3.1213 = 3.32 → 3.3
    expect(currentLevel(xs)!.level).toBe(3.3);
  });
});
