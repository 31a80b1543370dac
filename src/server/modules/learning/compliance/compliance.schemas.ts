import { z } from '@hono/zod-openapi';
import { PageQuery } from '../../../platform/http/openapi.ts';

export const ComplianceAudience = z
  .discriminatedUnion('type', [
    z.strictObject({ type: z.literal('everyone') }),
    z.strictObject({ type: z.literal('group'), groupId: z.uuid() }),
    z.strictObject({ type: z.literal('department'), departmentId: z.uuid() }),
  ])
  .openapi('ComplianceAudience', { description: 'A department includes its sub-departments' });

export const ComplianceRuleSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    courseId: z.uuid().nullable(),
    programId: z.uuid().nullable(),
    targetTitle: z.string(),
    audience: z.object({ type: z.enum(['everyone', 'group', 'department']), id: z.uuid().nullable(), name: z.string().nullable() }),
    validForMonths: z.number().int(),
    reenrollDaysBefore: z.number().int(),
    dueDays: z.number().int(),
    escalateAfterDays: z.number().int().nullable(),
    active: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('ComplianceRule');

const name = z.string().trim().min(1, 'Enter a name').max(200);
const validForMonths = z.number().int().min(1, 'At least 1 month').max(120, 'At most 120 months');
const reenrollDaysBefore = z.number().int().min(0).max(365);
const dueDays = z.number().int().min(1, 'At least 1 day').max(365);
const escalateAfterDays = z.number().int().min(0).max(365).nullable();

export const ComplianceRuleCreate = z
  .strictObject({
    name,
    courseId: z.uuid().optional(),
    programId: z.uuid().optional(),
    audience: ComplianceAudience,
    validForMonths,
    reenrollDaysBefore: reenrollDaysBefore.default(30),
    dueDays: dueDays.default(30),
    escalateAfterDays: escalateAfterDays.optional(),
    active: z.boolean().default(true),
  })
  .superRefine((v, ctx) => {
    if (!v.courseId === !v.programId) {
      ctx.addIssue({ code: 'custom', path: ['courseId'], message: 'Choose a course or a program' });
    }
  })
  .openapi('ComplianceRuleCreate');

/** The course or program is fixed: completions already counted against it would change meaning. */
export const ComplianceRuleUpdate = z
  .strictObject({
    name: name.optional(),
    audience: ComplianceAudience.optional(),
    validForMonths: validForMonths.optional(),
    reenrollDaysBefore: reenrollDaysBefore.optional(),
    dueDays: dueDays.optional(),
    escalateAfterDays: escalateAfterDays.optional(),
    active: z.boolean().optional(),
  })
  .openapi('ComplianceRuleUpdate');

export const ComplianceRulesQuery = z.object({
  ...PageQuery,
  q: z.string().trim().max(200).optional(),
  active: z.enum(['true', 'false']).optional(),
});

export const complianceStatuses = ['compliant', 'expiring', 'in_progress', 'not_started', 'overdue'] as const;

export const DashboardQuery = z.object({ ruleId: z.uuid().optional() });

const counts = {
  people: z.number().int(),
  compliant: z.number().int(),
  compliantPct: z.number().openapi({ description: '0–100, one decimal' }),
  expiring: z.number().int().openapi({ description: 'Compliant, but the completion expires within 30 days' }),
  overdue: z.number().int(),
  inProgress: z.number().int(),
  notStarted: z.number().int(),
};

export const DashboardSchema = z
  .object({
    ruleId: z.uuid().nullable(),
    rules: z.array(z.object({ id: z.uuid(), name: z.string() })),
    asOf: z.string(),
    departments: z.array(z.object({ departmentId: z.uuid().nullable(), departmentName: z.string().nullable(), ...counts })),
    total: z.object(counts),
  })
  .openapi('ComplianceDashboard');

export const RulePeopleQuery = z.object({
  ...PageQuery,
  status: z.enum(complianceStatuses).optional(),
  departmentId: z
    .union([z.uuid(), z.literal('none')])
    .optional()
    .openapi({ description: 'People directly in this department; `none` for people without one' }),
});

export const RulePersonSchema = z
  .object({
    personId: z.uuid(),
    name: z.string(),
    email: z.string(),
    jobTitle: z.string().nullable(),
    departmentId: z.uuid().nullable(),
    departmentName: z.string().nullable(),
    status: z.enum(complianceStatuses),
    validUntil: z.string().nullable(),
    enrollmentId: z.uuid().nullable(),
    dueAt: z.string().nullable(),
  })
  .openapi('CompliancePerson');

export const ComplianceRuleSaved = ComplianceRuleSchema.extend({
  enrolled: z.number().int().openapi({ description: 'People enrolled by this change' }),
}).openapi('ComplianceRuleSaved');
