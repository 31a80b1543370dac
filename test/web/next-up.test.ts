import { describe, expect, it } from 'vitest';
import { nextUpItems } from '../../src/web/features/home/next-up.ts';

// Pure: the home's to-do list from what the four endpoints answer. Only the fields it reads are given.
const now = new Date('2026-12-03T09:00:00Z');
const enrolment = (id: string, dueAt: string | null, o: { overdue?: boolean; progress?: number; parent?: string } = {}) =>
  ({ id, title: `Course ${id}`, dueAt, overdue: o.overdue ?? false, progress: o.progress ?? 0, parentEnrollmentId: o.parent ?? null }) as never;
const goal = (id: string, lastCheckInAt: string | null, o: { closedAt?: string; ownerType?: string } = {}) =>
  ({ id, title: `Goal ${id}`, lastCheckInAt, closedAt: o.closedAt ?? null, ownerType: o.ownerType ?? 'person' }) as never;
const series = (id: string, nextMeetingAt: string | null) => ({ id, with: { id: 'p', name: 'Kwame Lund' }, nextMeetingAt }) as never;
const invitation = (id: string, status = 'pending') =>
  ({ id, status, request: { requester: { id: 'r', name: 'Ana Silva' }, subject: { id: 'r', name: 'Ana Silva' } } }) as never;

describe('next up on the home page', () => {
  it('puts overdue learning first, then what is dated soonest, then undated asks, then goals waiting longest for a check-in', () => {
    const items = nextUpItems(
      {
        learning: {
          assigned: [
            enrolment('late', '2026-11-30T00:00:00Z', { overdue: true }),
            enrolment('far', '2027-01-30T00:00:00Z'), // beyond 14 days: not next
            enrolment('undated', null),
            enrolment('step', '2026-12-04T00:00:00Z', { parent: 'program' }), // shows through its program
          ],
          inProgress: [enrolment('soon', '2026-12-10T00:00:00Z', { progress: 40 })],
          completed: [],
        },
        goals: [
          goal('fresh', '2026-12-01T10:00:00Z'), // checked in 2 days ago: not due
          goal('stale', '2026-11-20T10:00:00Z'),
          goal('never', null),
          goal('closed', null, { closedAt: '2026-11-01T00:00:00Z' }),
          goal('team', null, { ownerType: 'department' }),
        ],
        series: [series('tomorrow', '2026-12-04T14:00:00Z'), series('next-month', '2027-01-04T14:00:00Z'), series('none', null)],
        invitations: [invitation('ask'), invitation('done', 'answered')],
        followUps: [
          { id: 'rerate', status: 'asked', item: { title: 'Data literacy' }, person: { name: 'Camille Becker' } },
          { id: 'decided', status: 'improved', item: { title: 'SQL' }, person: { name: 'Camille Becker' } },
        ] as never,
      },
      now,
    );
    expect(items.map((i) => `${i.kind}:${i.id}`)).toEqual([
      'learning:late',
      'one_on_one:tomorrow',
      'learning:soon',
      'feedback:ask',
      'follow_up:rerate',
      'check_in:never',
      'check_in:stale',
    ]);
    expect(items[0]).toMatchObject({ urgent: true, to: '/learning/enrollments/$id', params: { id: 'late' } });
    expect(items[0]!.detail).toMatch(/^Overdue since /);
    expect(items[2]!.detail).toMatch(/· 40% done$/);
    expect(items[3]).toMatchObject({ title: 'Feedback for Ana Silva', to: '/feedback', search: { tab: 'to-answer' } });
    expect(items[4]).toMatchObject({ title: 'Did “Data literacy” help Camille Becker?', to: '/follow-ups' });
    expect(items[5]!.detail).toBe('No check-in yet');
  });

  it('is empty when nothing is due, and never longer than eight', () => {
    const empty = { assigned: [], inProgress: [], completed: [] } as never;
    expect(nextUpItems({ learning: empty, goals: [], series: [], invitations: [] }, now)).toEqual([]);
    const many = Array.from({ length: 12 }, (_, i) => goal(`g${i}`, null));
    expect(nextUpItems({ learning: empty, goals: many, series: [], invitations: [] }, now)).toHaveLength(8);
  });
});
