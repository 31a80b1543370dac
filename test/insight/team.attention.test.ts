import { describe, expect, it } from 'vitest';
import { cellGap, rollUp, signalsFor, strengthsOf, type AttentionInput } from '../../src/server/modules/insight/team/attention.ts';

const now = new Date('2026-06-30T12:00:00Z');
const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000);

const base = (over: Partial<AttentionInput> = {}): AttentionInput => ({
  personId: 'p1',
  firstName: 'Ana',
  learning: [],
  goals: [],
  lastOneOnOneAt: daysAgo(7),
  hasOneOnOne: true,
  hurdles: [],
  gaps: [],
  plannedSkillIds: new Set(),
  learningSkillIds: new Set(),
  recommended: new Map(),
  ...over,
});

describe('signalsFor', () => {
  it('raises nothing for a person with a recent 1:1 and no open issues', () => {
    expect(signalsFor(base(), now)).toEqual([]);
  });

  it('ranks by kind first, then by how far past the threshold', () => {
    const s = signalsFor(
      base({
        lastOneOnOneAt: daysAgo(35), // 7 days past 28 → 300 + 7
        learning: [
          { id: 'e1', title: 'Fire safety', compliance: true, open: true, dueAt: daysAgo(3) }, // 500 + 3
          { id: 'e2', title: 'Data protection', compliance: true, open: true, dueAt: daysAgo(10) }, // 500 + 10
          { id: 'e3', title: 'Elective', compliance: false, open: true, dueAt: daysAgo(30) }, // not compliance
          { id: 'e4', title: 'Done', compliance: true, open: false, dueAt: daysAgo(30) }, // completed
        ],
        goals: [
          { id: 'g1', title: 'Ship', status: 'off_track' }, // 400
          { id: 'g2', title: 'Grow', status: 'at_risk' },
        ],
        hurdles: [
          { id: 'h1', title: 'No laptop', openedAt: daysAgo(20) }, // 200 + 6
          { id: 'h2', title: 'New', openedAt: daysAgo(13) }, // under 14 days
        ],
        gaps: [
          { skillId: 's1', skillName: 'SQL', expected: 4, current: 3, profileId: 'jp' }, // 100 + 10
          { skillId: 's2', skillName: 'Go', expected: 3, current: null, profileId: 'jp' }, // 100 + 30 + 1
          { skillId: 's3', skillName: 'Rust', expected: 3, current: 1, profileId: 'jp' }, // planned
        ],
        plannedSkillIds: new Set(['s3']),
      }),
      now,
    );
    expect(s.map((x) => [x.kind, x.record.id, x.score])).toEqual([
      ['overdue_compliance', 'e2', 510],
      ['overdue_compliance', 'e1', 503],
      ['goal_off_track', 'g1', 400],
      ['no_recent_one_on_one', 'p1', 307],
      ['hurdle_open', 'h1', 206],
      ['gap_without_plan', 's2', 131],
      ['gap_without_plan', 's1', 110],
    ]);
    expect(s[0]!.message).toBe('Data protection is 10 days overdue (compliance)');
    expect(s[3]!.message).toBe('No 1:1 with Ana in 5 weeks');
  });

  it('caps lateness so a very late signal never passes the kind above it', () => {
    const s = signalsFor(base({ lastOneOnOneAt: daysAgo(400), goals: [{ id: 'g', title: 'G', status: 'off_track' }] }), now);
    expect(s.map((x) => [x.kind, x.score])).toEqual([
      ['goal_off_track', 400],
      ['no_recent_one_on_one', 399],
    ]);
  });

  it('counts a 1:1 never held as the longest quiet, and offers feedback when there is no series', () => {
    const [s] = signalsFor(base({ lastOneOnOneAt: null, hasOneOnOne: false }), now);
    expect(s).toMatchObject({ kind: 'no_recent_one_on_one', score: 399, message: 'No 1:1 held with Ana yet' });
    expect(s!.actions.map((a) => a.kind)).toEqual(['give_feedback']);
  });

  it('offers the recommended course for a gap with the reason pre-filled and linked to the profile', () => {
    const [s] = signalsFor(
      base({
        gaps: [{ skillId: 's1', skillName: 'SQL', expected: 4, current: 2.5, profileId: 'jp1' }],
        recommended: new Map([['s1', { type: 'course', id: 'c1', title: 'SQL basics' }]]),
      }),
      now,
    );
    expect(s!.score).toBe(115);
    expect(s!.actions[0]).toEqual({
      kind: 'assign_learning',
      label: 'Assign SQL basics',
      item: { type: 'course', id: 'c1', title: 'SQL basics' },
      reason: { type: 'skill_gap', recordType: 'job_profile', recordId: 'jp1', note: 'To reach level 4 in SQL (now 2.5)' },
    });
    expect(s!.actions.map((a) => a.kind)).toEqual(['assign_learning', 'add_plan_item']);
  });

  it('asks for a self-assessment where the skill was never assessed; skips a gap already being learned', () => {
    const s = signalsFor(
      base({
        gaps: [
          { skillId: 's1', skillName: 'SQL', expected: 2, current: null, profileId: 'jp' },
          { skillId: 's2', skillName: 'Go', expected: 2, current: 1, profileId: 'jp' },
        ],
        learningSkillIds: new Set(['s2']),
      }),
      now,
    );
    expect(s.map((x) => x.record.id)).toEqual(['s1']);
    expect(s[0]!.actions.map((a) => a.kind)).toEqual(['add_plan_item', 'ask_self_assessment']);
  });

  it('links the goal and the hurdle to the talking point it offers', () => {
    const s = signalsFor(base({ goals: [{ id: 'g1', title: 'Ship', status: 'off_track' }], hurdles: [{ id: 'h1', title: 'Tools', openedAt: daysAgo(14) }] }), now);
    expect(s[0]!.actions[0]).toMatchObject({ kind: 'add_talking_point', goalId: 'g1', text: 'Goal off track: Ship' });
    expect(s[1]!.actions[0]).toMatchObject({ kind: 'add_talking_point', hurdleId: 'h1' });
    expect(s[1]!.score).toBe(200);
  });
});

describe('strengths, heat map cells and roll-ups', () => {
  it('keeps skills at or above the expected level', () => {
    const skills = [
      { id: 'a', expected: 3, current: 3 },
      { id: 'b', expected: 3, current: 2.9 },
      { id: 'c', expected: null, current: 5 },
      { id: 'd', expected: 2, current: null },
    ];
    expect(strengthsOf(skills).map((s) => s.id)).toEqual(['a']);
  });

  it('computes the gap per cell', () => {
    expect(cellGap(4, 2.5)).toBe(-1.5);
    expect(cellGap(3, null)).toBe(-3);
    expect(cellGap(null, 4)).toBeNull();
    expect(cellGap(2, 4)).toBe(2);
  });

  it('rolls signals up per team', () => {
    const a = signalsFor(base({ goals: [{ id: 'g', title: 'G', status: 'off_track' }] }), now);
    const b = signalsFor(base(), now);
    const c = signalsFor(base({ lastOneOnOneAt: null, goals: [{ id: 'g2', title: 'G', status: 'off_track' }] }), now);
    expect(rollUp([a, b, c])).toMatchObject({ people: 3, needingAttention: 2, goal_off_track: 2, no_recent_one_on_one: 1, overdue_compliance: 0 });
  });
});
