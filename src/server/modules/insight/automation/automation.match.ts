import type { AutomationEvent, ReasonType } from '../../../db/schema/index.ts';
import type { Action, Condition, EventCondition, PersonCondition } from './automation.schemas.ts';

// The pure decisions of the rules engine: which conditions an event can be tested on, whether a
// trigger passes a rule's event conditions, and the reason an enrolment made by a rule carries.

const personFields = new Set(['department', 'group', 'jobProfile', 'location', 'customField', 'hiredAfter']);

/** The event conditions each event can answer (the rest of its conditions are on the person). */
export const eventFieldsOf: Record<AutomationEvent, ReadonlyArray<EventCondition['field']>> = {
  person_hired: [],
  job_profile_changed: [],
  manager_changed: [],
  skill_assessment_recorded: ['skill'],
  check_in_blocker: ['skill', 'hurdleCategory'],
  goal_off_track: [],
  enrollment_overdue: ['course'],
  certificate_expiring: ['course'],
  review_released: [],
};

export const isPersonCondition = (c: Condition): c is PersonCondition => personFields.has(c.field);

/** What a trigger tells about its event, for the event conditions and the enrolment's reason. */
export type TriggerFacts = {
  personId: string;
  /** The record the event is about (an assessment, a hurdle, a goal, an enrolment, a certificate, the person). */
  recordType: string;
  recordId: string;
  skillId?: string | null;
  hurdleCategory?: string | null;
  courseId?: string | null;
  /** Every record the trigger came from, for the loop guard (e.g. the enrolment behind a certificate). */
  sourceIds?: string[];
};

/** Conditions that name a field the event cannot answer: refused when the rule is saved. */
export function impossibleConditions(event: AutomationEvent, conditions: readonly Condition[]): Array<{ index: number; field: string }> {
  const allowed = new Set<string>(eventFieldsOf[event]);
  return conditions.flatMap((c, index) => (isPersonCondition(c) || allowed.has(c.field) ? [] : [{ index, field: c.field }]));
}

/** Whether the trigger passes every event condition (conditions on the person are tested in SQL). */
export function eventConditionsPass(conditions: readonly Condition[], f: TriggerFacts): boolean {
  return conditions.every((c) => {
    switch (c.field) {
      case 'skill':
        return !!f.skillId && c.value.includes(f.skillId);
      case 'hurdleCategory':
        return !!f.hurdleCategory && (c.value as string[]).includes(f.hurdleCategory);
      case 'course':
        return !!f.courseId && c.value.includes(f.courseId);
      default:
        return true;
    }
  });
}

/**
 * The reason an enrolment made by a rule carries, linked to the record that triggered it
 * (principle 1: learning is assigned with its reason). A first run has no event: the person.
 */
export function enrollmentReason(event: AutomationEvent, f: TriggerFacts): { reasonType: ReasonType; reasonRecordType: string; reasonRecordId: string } {
  const linked = (reasonType: ReasonType) => ({ reasonType, reasonRecordType: f.recordType, reasonRecordId: f.recordId });
  switch (event) {
    case 'person_hired':
      return linked('onboarding');
    case 'manager_changed':
      return linked('onboarding');
    case 'job_profile_changed':
      return linked('skill_gap');
    case 'skill_assessment_recorded':
      return linked('skill_gap');
    case 'check_in_blocker':
      return linked('hurdle');
    case 'goal_off_track':
      return linked('goal');
    case 'enrollment_overdue':
    case 'certificate_expiring':
      return linked('compliance');
    case 'review_released':
      return linked('review');
  }
}

/** The trigger's own records or their sources were written by this rule: acting on them would loop. */
export function causedByRule(f: TriggerFacts, writtenByRule: ReadonlySet<string>): boolean {
  return [f.recordId, ...(f.sourceIds ?? [])].some((id) => writtenByRule.has(id));
}

/** Actions only learning admins' business (enrolments): they may manage such rules too. */
export const learningOnly = (actions: readonly Pick<Action, 'type'>[]): boolean => actions.every((a) => a.type === 'enroll');
