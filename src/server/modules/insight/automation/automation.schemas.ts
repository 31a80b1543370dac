import { z } from '@hono/zod-openapi';
import { automationEvents, automationRuleStatuses } from '../../../db/schema/index.ts';
import { hurdleCategories } from '../../../db/schema/performance.ts';
import { planActionTypes } from '../../../db/schema/development.ts';
import { IsoDate } from '../../org/index.ts';
import { PageQuery } from '../../../platform/http/openapi.ts';

const ids = (what: string) => z.array(z.uuid()).min(1, `Choose at least one ${what}`).max(100);
const text = (max: number, empty: string) => z.string().trim().min(1, empty).max(max);
const IsoDay = IsoDate;

/**
 * What a rule's conditions may test. On the subject person: department (with sub-departments),
 * group, job profile, location, a custom field, hired after a date. On the event: the skill it is
 * about, the hurdle's category, the course of an enrolment or certificate.
 */
export const Condition = z
  .discriminatedUnion('field', [
    z.strictObject({ field: z.literal('department'), op: z.literal('in'), value: ids('department') }),
    z.strictObject({ field: z.literal('group'), op: z.literal('in'), value: ids('group') }),
    z.strictObject({ field: z.literal('jobProfile'), op: z.literal('in'), value: ids('job profile') }),
    z.strictObject({ field: z.literal('location'), op: z.literal('equals'), value: text(200, 'Enter a location') }),
    z.strictObject({
      field: z.literal('customField'),
      op: z.literal('equals'),
      value: z.strictObject({ key: text(100, 'Choose a custom field'), value: text(500, 'Enter a value') }),
    }),
    z.strictObject({ field: z.literal('hiredAfter'), op: z.literal('after'), value: IsoDay }),
    z.strictObject({ field: z.literal('skill'), op: z.literal('in'), value: ids('skill') }),
    z.strictObject({ field: z.literal('hurdleCategory'), op: z.literal('in'), value: z.array(z.enum(hurdleCategories)).min(1).max(10) }),
    z.strictObject({ field: z.literal('course'), op: z.literal('in'), value: ids('course') }),
  ])
  .openapi('AutomationCondition');
export type Condition = z.infer<typeof Condition>;
export type PersonCondition = Extract<Condition, { field: 'department' | 'group' | 'jobProfile' | 'location' | 'customField' | 'hiredAfter' }>;
export type EventCondition = Extract<Condition, { field: 'skill' | 'hurdleCategory' | 'course' }>;

export const NotifyTo = z.enum(['person', 'manager', 'someone']);

export const Action = z
  .discriminatedUnion('type', [
    z
      .strictObject({
        type: z.literal('enroll'),
        courseId: z.uuid().optional(),
        programId: z.uuid().optional(),
        dueDays: z.number().int().min(1).max(365).optional(),
      })
      .refine((a) => !!a.courseId !== !!a.programId, { message: 'Choose a course or a program', path: ['courseId'] }),
    z.strictObject({ type: z.literal('talkingPoint'), body: text(2000, 'Enter the talking point') }),
    z.strictObject({
      type: z.literal('planItem'),
      title: text(200, 'Enter a title'),
      actionType: z.enum(planActionTypes.filter((t) => t !== 'course' && t !== 'program') as ['mentoring', 'project', 'stretch_assignment', 'other']),
      skillId: z.uuid().optional(),
    }),
    z.strictObject({ type: z.literal('selfAssessment'), skillIds: z.array(z.uuid()).max(50).optional() }),
    z.strictObject({ type: z.literal('notify'), to: NotifyTo, personId: z.uuid().optional(), message: text(1000, 'Enter the message') }),
  ])
  .openapi('AutomationAction');
export type Action = z.infer<typeof Action>;

export const RuleBody = z
  .strictObject({
    name: text(200, 'Enter a name'),
    description: z.string().trim().max(2000).nullable().optional(),
    event: z.enum(automationEvents),
    conditions: z.array(Condition).max(20).default([]),
    actions: z.array(Action).min(1, 'Add at least one action').max(10),
  })
  .openapi('AutomationRuleCreate');
export type RuleBody = z.infer<typeof RuleBody>;

export const RulePatch = z
  .strictObject({
    name: text(200, 'Enter a name').optional(),
    description: z.string().trim().max(2000).nullable().optional(),
    event: z.enum(automationEvents).optional(),
    conditions: z.array(Condition).max(20).optional(),
    actions: z.array(Action).min(1, 'Add at least one action').max(10).optional(),
  })
  .openapi('AutomationRulePatch');

export const RuleSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    event: z.enum(automationEvents),
    conditions: z.array(Condition),
    actions: z.array(Action),
    status: z.enum(automationRuleStatuses),
    lastError: z.string().nullable(),
    failedAt: z.string().nullable(),
    activatedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    runs: z.object({ done: z.number().int(), skipped: z.number().int(), failed: z.number().int() }),
  })
  .openapi('AutomationRule');

export const RunSchema = z
  .object({
    id: z.string(),
    triggerKey: z.string(),
    person: z.object({ id: z.string(), name: z.string() }).nullable(),
    status: z.enum(['done', 'skipped', 'failed']),
    detail: z.array(z.record(z.string(), z.unknown())),
    error: z.string().nullable(),
    ranAt: z.string(),
  })
  .openapi('AutomationRun');

export const PreviewSchema = z
  .object({
    count: z.number().int(),
    people: z.array(z.object({ id: z.string(), name: z.string(), jobTitle: z.string().nullable() })),
  })
  .openapi('AutomationPreview', { description: 'The active people the conditions on the person select now, and the first of them by name' });

export const RunsQuery = z.object({ ...PageQuery });

/**
 * Switching on acts on new events only, unless `actNow`: then it also acts at once on everyone the
 * conditions select now (the first run). Off by default, so "when a person is hired" does not
 * treat the whole company as new hires.
 */
export const ActivateBody = z
  .strictObject({ actNow: z.boolean().optional().openapi({ description: 'Also act now on everyone the conditions select (default false)' }) })
  .openapi('AutomationRuleActivate');
