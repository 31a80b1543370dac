import { z } from '@hono/zod-openapi';
import { assessmentSources } from '../../../db/schema/talent.ts';
import { PageQuery } from '../../../platform/http/openapi.ts';

const httpUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((s) => {
    try {
      const u = new URL(s);
      return u.protocol === 'http:' || u.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'Use a link starting with http:// or https://');

export const AssessmentCreate = z
  .strictObject({
    personId: z.uuid(),
    skillId: z.uuid(),
    level: z.number().int('Use a whole level').min(1, 'At least level 1').max(10, 'At most level 10'),
    source: z.enum(['self', 'manager']),
    note: z.string().trim().max(4000).nullable().optional(),
    evidenceUrl: httpUrl.nullable().optional(),
  })
  .openapi('SkillAssessmentCreate');

export const AssessmentSchema = z
  .object({
    id: z.uuid(),
    personId: z.uuid(),
    skillId: z.uuid(),
    skillName: z.string().optional(),
    level: z.number().int(),
    source: z.enum(assessmentSources),
    assessorId: z.uuid().nullable(),
    assessorName: z.string().nullable(),
    assessedAt: z.string(),
    note: z.string().nullable(),
    evidenceUrl: z.string().nullable(),
    sourceRecordType: z.string().nullable(),
    sourceRecordId: z.uuid().nullable(),
  })
  .openapi('SkillAssessment');

export const AssessmentCreated = AssessmentSchema.extend({
  currentLevel: z.number().nullable().openapi({ description: 'The person’s current level of the skill after this assessment' }),
}).openapi('SkillAssessmentCreated');

export const AssessmentsQuery = z.object({
  ...PageQuery,
  personId: z.uuid(),
  skillId: z.uuid().optional(),
});

export const PersonSkillIdParams = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
  skillId: z.uuid().openapi({ param: { name: 'skillId', in: 'path' } }),
});

const Basis = z.object({
  assessmentId: z.uuid(),
  source: z.enum(assessmentSources),
  level: z.number().int(),
  assessedAt: z.string(),
  assessorName: z.string().nullable(),
});

export const PersonSkillsSchema = z
  .object({
    profile: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    canSelfAssess: z.boolean(),
    canRateAsManager: z.boolean(),
    skills: z.array(
      z.object({
        skill: z.object({
          id: z.uuid(),
          name: z.string(),
          category: z.string().nullable(),
          maxLevel: z.number().int(),
          levels: z.array(z.string()),
          archived: z.boolean(),
        }),
        expectedLevel: z.number().int().nullable(),
        currentLevel: z.number().nullable(),
        gap: z.number().nullable().openapi({ description: 'Expected − current, when positive' }),
        basis: Basis.nullable(),
        latestSelfLevel: z.number().int().nullable(),
        latestManagerLevel: z.number().int().nullable(),
        assessmentCount: z.number().int(),
      }),
    ),
  })
  .openapi('PersonSkills');

export const SkillHistorySchema = z
  .object({
    skill: z.object({ id: z.uuid(), name: z.string(), maxLevel: z.number().int(), levels: z.array(z.string()) }),
    expectedLevel: z.number().int().nullable(),
    points: z.array(AssessmentSchema.extend({ currentLevelAfter: z.number().nullable() })),
  })
  .openapi('SkillHistory');

const weight = z.number().min(0, 'At least 0').max(10, 'At most 10');
export const TalentSettingsSchema = z
  .object({
    sourceWeights: z.object(Object.fromEntries(assessmentSources.map((s) => [s, z.number()])) as Record<(typeof assessmentSources)[number], z.ZodNumber>),
    halfLifeDays: z.number().int(),
    defaults: z.object({
      sourceWeights: z.object(Object.fromEntries(assessmentSources.map((s) => [s, z.number()])) as Record<(typeof assessmentSources)[number], z.ZodNumber>),
      halfLifeDays: z.number().int(),
    }),
  })
  .openapi('TalentSettings');

export const TalentSettingsUpdate = z
  .strictObject({
    sourceWeights: z.strictObject(Object.fromEntries(assessmentSources.map((s) => [s, weight.optional()])) as Record<(typeof assessmentSources)[number], z.ZodOptional<typeof weight>>),
    halfLifeDays: z.number().int('Use whole days').min(7, 'At least 7 days').max(3650, 'At most 3650 days'),
  })
  .openapi('TalentSettingsUpdate');
