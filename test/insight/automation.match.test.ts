import { describe, expect, it } from 'vitest';
import { causedByRule, enrollmentReason, eventConditionsPass, impossibleConditions, learningOnly } from '../../src/server/modules/insight/automation/automation.match.ts';
import type { Condition } from '../../src/server/modules/insight/automation/automation.schemas.ts';

const S1 = '00000000-0000-4000-8000-000000000001';
const S2 = '00000000-0000-4000-8000-000000000002';
const facts = { personId: 'p', recordType: 'hurdle', recordId: 'h1', skillId: S1, hurdleCategory: 'skill' };

describe('automation rule matching', () => {
  it('names the conditions an event cannot answer, by index', () => {
    const conditions: Condition[] = [
      { field: 'location', op: 'equals', value: 'Lyon' },
      { field: 'course', op: 'in', value: [S1] },
      { field: 'skill', op: 'in', value: [S1] },
    ];
    expect(impossibleConditions('person_hired', conditions)).toEqual([{ index: 1, field: 'course' }, { index: 2, field: 'skill' }]);
    expect(impossibleConditions('check_in_blocker', conditions)).toEqual([{ index: 1, field: 'course' }]);
    expect(impossibleConditions('enrollment_overdue', conditions)).toEqual([{ index: 2, field: 'skill' }]);
  });

  it('passes a trigger only when every event condition holds; person conditions are left to SQL', () => {
    expect(eventConditionsPass([{ field: 'skill', op: 'in', value: [S1, S2] }, { field: 'hurdleCategory', op: 'in', value: ['skill'] }], facts)).toBe(true);
    expect(eventConditionsPass([{ field: 'skill', op: 'in', value: [S2] }], facts)).toBe(false);
    expect(eventConditionsPass([{ field: 'hurdleCategory', op: 'in', value: ['time', 'tools'] }], facts)).toBe(false);
    expect(eventConditionsPass([{ field: 'course', op: 'in', value: [S1] }], facts)).toBe(false);
    expect(eventConditionsPass([{ field: 'location', op: 'equals', value: 'anywhere' }], facts)).toBe(true);
  });

  it('gives the enrolment the reason of its event, linked to the triggering record', () => {
    expect(enrollmentReason('check_in_blocker', facts)).toEqual({ reasonType: 'hurdle', reasonRecordType: 'hurdle', reasonRecordId: 'h1' });
    expect(enrollmentReason('goal_off_track', { personId: 'p', recordType: 'goal', recordId: 'g' }).reasonType).toBe('goal');
    expect(enrollmentReason('person_hired', { personId: 'p', recordType: 'person', recordId: 'p' }).reasonType).toBe('onboarding');
    expect(enrollmentReason('certificate_expiring', { personId: 'p', recordType: 'certificate', recordId: 'c' }).reasonType).toBe('compliance');
  });

  it('sees a trigger caused by the rule through its record or any source record', () => {
    const written = new Set(['e1']);
    expect(causedByRule({ personId: 'p', recordType: 'enrollment', recordId: 'e1' }, written)).toBe(true);
    expect(causedByRule({ personId: 'p', recordType: 'certificate', recordId: 'c1', sourceIds: ['e1'] }, written)).toBe(true);
    expect(causedByRule({ personId: 'p', recordType: 'certificate', recordId: 'c2', sourceIds: ['e2'] }, written)).toBe(false);
  });

  it('counts a rule as learning-only when every action enrols', () => {
    expect(learningOnly([{ type: 'enroll' }, { type: 'enroll' }])).toBe(true);
    expect(learningOnly([{ type: 'enroll' }, { type: 'notify' }])).toBe(false);
  });
});
