import { describe, expect, it } from 'vitest';
import {
  answered,
  explain,
  fingerprint,
  programCandidate,
  rankCourses,
  rankItems,
  type CandidateCourse,
  type ExplanationFacts,
  type Gap,
} from '../../src/server/modules/insight/recommendations/ranking.ts';

const gap = (skillId: string, expected: number, current: number | null, kind: Gap['kind'] = 'profile_gap', assessmentId: string | null = null): Gap => ({
  kind,
  skillId,
  expected,
  current,
  assessmentId,
  ...(kind === 'hurdle' ? { recordType: 'hurdle', recordId: 'h1' } : kind === 'goal' ? { recordType: 'goal', recordId: 'g1' } : { recordType: 'job_profile', recordId: kind === 'profile_gap' ? 'am' : 'lead' }),
});
const course = (id: string, teaches: Record<string, number>, estimatedMinutes: number | null = 60, title = id): CandidateCourse => ({
  id,
  title,
  estimatedMinutes,
  teaches: new Map(Object.entries(teaches)),
});

describe('answered', () => {
  it('is min(L, T) − C when the course teaches above the current level', () => {
    expect(answered({ expected: 4, current: 2 }, 3)).toBe(1);
    expect(answered({ expected: 4, current: 2 }, 5)).toBe(2);
    expect(answered({ expected: 4, current: null }, 2)).toBe(2);
    expect(answered({ expected: 4, current: 2 }, 2)).toBe(0);
    expect(answered({ expected: 3, current: 2.5 }, 4)).toBe(0.5);
  });
});

describe('rankCourses', () => {
  // Negotiation expected 4, current 2; Discovery expected 3, current 2; Closing expected 3, never assessed;
  // the aspired Team Lead profile expects Coaching at 3 (current 1) and Negotiation at 5.
  const gaps = [
    gap('neg', 4, 2),
    gap('disc', 3, 2),
    gap('close', 3, null),
    gap('coach', 3, 1, 'aspiration_gap'),
    gap('neg', 5, 2, 'aspiration_gap'),
  ];

  it('scores Σ weight × answered, a skill once per course with its strongest gap, and orders by score, minutes, title', () => {
    const ranked = rankCourses(gaps, [
      course('a', { neg: 4, disc: 3 }), // neg: profile 1×2=2 vs aspiration 0.6×2=1.2 → 2; disc 1 → 3
      course('b', { neg: 5 }), // profile 1×2=2 vs aspiration 0.6×3=1.8 → 2
      course('c', { close: 3 }, 30), // 1×3 = 3, shorter than a
      course('d', { coach: 3 }), // 0.6×2 = 1.2
      course('e', { disc: 2 }), // teaches at the current level: nothing
      course('f', { neg: 5 }, 60, 'Alpha'), // same as b, earlier title
    ]);
    expect(ranked.map((r) => [r.itemId, r.score, r.rank])).toEqual([
      ['c', 3, 1],
      ['a', 3, 2],
      ['f', 2, 3],
      ['b', 2, 4],
      ['d', 1.2, 5],
    ]);
    expect(ranked[1]!.evidence.map((e) => [e.skillId, e.kind, e.teaches])).toEqual([
      ['neg', 'profile_gap', 4],
      ['disc', 'profile_gap', 3],
    ]);
  });

  it('takes the aspiration gap when it answers more after weighting', () => {
    const r = rankCourses([gap('neg', 2, 1), gap('neg', 5, 1, 'aspiration_gap')], [course('x', { neg: 5 })]);
    // profile 1×1 = 1 against aspiration 0.6×4 = 2.4
    expect(r[0]!.score).toBe(2.4);
    expect(r[0]!.evidence[0]!.kind).toBe('aspiration_gap');
  });

  it('weighs a skill hurdle above the profile, a goal below it, and keeps where each need came from', () => {
    // SQL: profile expects 3 (current 1) → 1×2 = 2; an open hurdle about it, target 2 → 1.2×1 = 1.2;
    // a goal needs it at 4 → 0.9×3 = 2.7. The course teaching 4 takes the goal; one teaching 2 the hurdle.
    const needs = [gap('sql', 3, 1), gap('sql', 2, 1, 'hurdle'), gap('sql', 4, 1, 'goal')];
    const r = rankCourses(needs, [course('deep', { sql: 4 }), course('basics', { sql: 2 })]);
    expect(r.map((x) => [x.itemId, x.score, x.evidence[0]!.kind])).toEqual([
      ['deep', 2.7, 'goal'],
      ['basics', 1.2, 'hurdle'],
    ]);
    expect(r[0]!.evidence[0]).toMatchObject({ recordType: 'goal', recordId: 'g1', expected: 4, current: 1, teaches: 4 });
    expect(r[1]!.evidence[0]).toMatchObject({ recordType: 'hurdle', recordId: 'h1' });
    // With hurdle and profile gap alike in size, the hurdle's weight wins: 1.2×2 against 1×2.
    const tie = rankCourses([gap('sql', 3, 1), gap('sql', 3, 1, 'hurdle')], [course('x', { sql: 3 })]);
    expect(tie[0]!.score).toBe(2.4);
    expect(tie[0]!.evidence[0]!.kind).toBe('hurdle');
  });

  it('leaves out enrolled courses, hides dismissed ones while their fingerprint holds, keeps the top 10', () => {
    const many = Array.from({ length: 14 }, (_, i) => course(`c${String(i).padStart(2, '0')}`, { neg: 4 }, 10 + i));
    const first = rankCourses(gaps, many);
    expect(first).toHaveLength(10);
    const dismissed = new Map([['c01', first[1]!.fingerprint], ['c02', 'stale-fingerprint']]);
    const next = rankCourses(gaps, many, { excluded: new Set(['c00']), dismissed });
    const shown = next.filter((r) => !r.dismissed).map((r) => r.itemId);
    expect(shown).toEqual(['c02', 'c03', 'c04', 'c05', 'c06', 'c07', 'c08', 'c09', 'c10', 'c11']);
    expect(next.filter((r) => r.dismissed).map((r) => r.itemId)).toEqual(['c01']);
  });
});

describe('programs', () => {
  // Negotiation expected 4, current 2; Discovery expected 3, current 2; Closing expected 3, never assessed.
  const gaps = [gap('neg', 4, 2), gap('disc', 3, 2), gap('close', 3, null)];

  it('a program teaches each skill to the highest level any of its courses does', () => {
    const p = programCandidate({ id: 'p', title: 'Path', estimatedMinutes: 150 }, [
      course('a', { neg: 3, disc: 2 }),
      course('b', { neg: 4 }),
      course('c', { close: 2 }),
    ]);
    expect(p.kind).toBe('program');
    expect(p.estimatedMinutes).toBe(150);
    expect(Object.fromEntries(p.teaches)).toEqual({ neg: 4, disc: 2, close: 2 });
  });

  it('ranks programs with the courses by the same score: the gaps its courses answer, each skill once', () => {
    const fundamentals = course('fund', { neg: 4, disc: 3 }, 90); // neg 2 + disc 1 = 3
    const closing = course('close', { close: 3 }, 30); // 3
    const path = programCandidate({ id: 'path', title: 'Sales path', estimatedMinutes: 120 }, [fundamentals, closing]); // 2 + 1 + 3 = 6
    const twin = programCandidate({ id: 'twin', title: 'Closing Deals', estimatedMinutes: 30 }, [closing]); // 3, same minutes and title as the course
    const low = programCandidate({ id: 'low', title: 'Basics path', estimatedMinutes: null }, [course('basics', { neg: 2, close: 1 })]); // neg 0, close 1 = 1
    const ranked = rankItems(gaps, [{ ...closing, title: 'Closing Deals' }, fundamentals, path, twin, low]);
    expect(ranked.map((r) => [r.itemType, r.itemId, r.score, r.rank])).toEqual([
      ['program', 'path', 6, 1],
      ['course', 'close', 3, 2], // a course before a program on a full tie
      ['program', 'twin', 3, 3],
      ['course', 'fund', 3, 4], // more minutes
      ['program', 'low', 1, 5],
    ]);
    // Its evidence: every skill its courses answer, strongest first, with the level the program teaches.
    expect(ranked[0]!.evidence.map((e) => [e.skillId, e.teaches, e.expected, e.current])).toEqual([
      ['close', 3, 3, null],
      ['neg', 4, 4, 2],
      ['disc', 3, 3, 2],
    ]);
  });

  it('leaves out a held program and keeps a dismissed one hidden, as for courses', () => {
    const path = programCandidate({ id: 'path', title: 'Sales path', estimatedMinutes: 120 }, [course('fund', { neg: 4 })]);
    const other = programCandidate({ id: 'other', title: 'Other path', estimatedMinutes: 60 }, [course('c', { close: 3 })]);
    expect(rankItems(gaps, [path, other], { excluded: new Set(['path']) }).map((r) => r.itemId)).toEqual(['other']);
    const fp = rankItems(gaps, [other])[0]!.fingerprint;
    const r = rankItems(gaps, [path, other], { dismissed: new Map([['other', fp]]) });
    expect(r.map((x) => [x.itemId, x.dismissed])).toEqual([
      ['other', true],
      ['path', false],
    ]);
  });
});

describe('fingerprint', () => {
  const ev = { skillId: 's', expected: 4, current: 2, assessmentId: 'a1' };
  it('is stable, ignores order and tiny drift, and changes with the level or the assessment', () => {
    const other = { skillId: 't', expected: 3, current: null, assessmentId: null };
    expect(fingerprint([ev, other])).toBe(fingerprint([other, ev]));
    expect(fingerprint([ev])).toBe(fingerprint([{ ...ev, current: 2.01 }]));
    expect(fingerprint([ev])).not.toBe(fingerprint([{ ...ev, current: 3 }]));
    expect(fingerprint([ev])).not.toBe(fingerprint([{ ...ev, assessmentId: 'a2' }]));
    expect(fingerprint([ev])).toHaveLength(16);
  });
});

describe('explain', () => {
  const facts: ExplanationFacts = {
    skillName: (id) => ({ neg: 'Negotiation', disc: 'Discovery', close: 'Closing', coach: 'Coaching' })[id] ?? id,
    profileName: (id) => ({ am: 'Account Manager', lead: 'Team Lead' })[id ?? ''] ?? null,
    assessment: (id) => (id === 'm1' ? { source: 'manager', assessedAt: new Date('2026-03-03T10:00:00Z') } : null),
  };
  const now = new Date('2026-06-01T00:00:00Z');
  const ranked = rankCourses([gap('neg', 4, 2, 'profile_gap', 'm1'), gap('disc', 3, 2)], [course('a', { neg: 4, disc: 3 })]);

  it('names the strongest evidence, to the person and to someone else', () => {
    expect(explain(ranked[0]!.evidence, facts, { self: true }, now)).toBe(
      'Negotiation is expected at 4 for Account Manager; your current level is 2, from your manager’s rating on 3 March. It also builds Discovery (gap 1).',
    );
    expect(explain(ranked[0]!.evidence, facts, { self: false, firstName: 'Sam' }, now)).toBe(
      'Negotiation is expected at 4 for Account Manager; Sam’s current level is 2, from Sam’s manager’s rating on 3 March. It also builds Discovery (gap 1).',
    );
  });

  it('says when the skill was never assessed, names an aspired role, and lists several more', () => {
    const r = rankCourses(
      [gap('close', 3, null), gap('coach', 3, 1, 'aspiration_gap'), gap('disc', 3, 2)],
      [course('a', { close: 3, coach: 3, disc: 3 })],
    );
    expect(explain(r[0]!.evidence, facts, { self: true }, now)).toBe(
      'Closing is expected at 3 for Account Manager; you have not been assessed on Closing yet. It also builds Coaching (gap 2) and Discovery (gap 1).',
    );
    const asp = rankCourses([gap('coach', 3, 1.5, 'aspiration_gap', 'm1')], [course('b', { coach: 3 })]);
    expect(explain(asp[0]!.evidence, facts, { self: false, firstName: 'Sam' }, new Date('2027-01-01T00:00:00Z'))).toBe(
      'Coaching is expected at 3 for Team Lead, the role Sam aspires to; Sam’s current level is 1.5, from Sam’s manager’s rating on 3 March 2026.',
    );
  });

  it('says a hurdle or a goal needs the skill without their words, which the reader may not see', () => {
    const h = rankCourses([gap('neg', 3, 2, 'hurdle', 'm1')], [course('a', { neg: 3 })]);
    expect(explain(h[0]!.evidence, facts, { self: true }, now)).toBe(
      'Negotiation is what one of your open hurdles is about; your current level is 2, from your manager’s rating on 3 March.',
    );
    expect(explain(h[0]!.evidence, facts, { self: false, firstName: 'Sam' }, now)).toBe(
      'Negotiation is what one of Sam’s open hurdles is about; Sam’s current level is 2, from Sam’s manager’s rating on 3 March.',
    );
    const g = rankCourses([gap('close', 4, null, 'goal'), gap('disc', 3, 2)], [course('b', { close: 4, disc: 3 })]);
    expect(explain(g[0]!.evidence, facts, { self: true }, now)).toBe(
      'Closing is needed at 4 for one of your goals; you have not been assessed on Closing yet. It also builds Discovery (gap 1).',
    );
    expect(explain(g[0]!.evidence, facts, null, now)).toBe(
      'Closing is needed at 4 for one of the person’s goals; the person has not been assessed on Closing yet. It also builds Discovery (gap 1).',
    );
    // A goal that names no level: the derived target stays out of the sentence.
    const unnamed = rankCourses([{ ...gap('close', 1, null, 'goal'), levelNamed: false }], [course('c', { close: 3 })]);
    expect(unnamed[0]!.evidence[0]!.levelNamed).toBe(false);
    expect(explain(unnamed[0]!.evidence, facts, { self: true }, now)).toBe('Closing is needed for one of your goals; you have not been assessed on Closing yet.');
  });
});
