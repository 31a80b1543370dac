import { z } from '@hono/zod-openapi';
import { careerPathKinds } from '../../../db/schema/index.ts';
import { PageQuery } from '../../../platform/http/openapi.ts';

const name = z.string().trim().min(1, 'Enter a name').max(200);
const text = (max: number) => z.string().trim().max(max).nullable().optional();

export const ExpectedSkillInput = z.strictObject({
  skillId: z.uuid(),
  level: z.number().int('Use a whole level').min(1, 'At least level 1').max(10, 'At most level 10'),
});

const skills = z.array(ExpectedSkillInput).max(100).superRefine((list, ctx) => {
  const seen = new Set<string>();
  list.forEach((s, i) => {
    if (seen.has(s.skillId)) ctx.addIssue({ code: 'custom', path: [i, 'skillId'], message: 'This skill is already in the list' });
    seen.add(s.skillId);
  });
});

export const JobProfileCreate = z
  .strictObject({ name, family: text(200), description: text(4000), skills: skills.optional() })
  .openapi('JobProfileCreate');
export const JobProfileUpdate = z
  .strictObject({ name: name.optional(), family: text(200), description: text(4000), skills: skills.optional() })
  .openapi('JobProfileUpdate');

export const JobProfilesQuery = z.object({
  ...PageQuery,
  q: z.string().trim().max(200).optional().openapi({ description: 'Search by name' }),
  family: z.string().trim().max(200).optional(),
  includeArchived: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true')
    .openapi({ description: 'Archived profiles too' }),
});

export const ExpectedSkillSchema = z
  .object({ skillId: z.uuid(), name: z.string(), category: z.string().nullable(), maxLevel: z.number().int(), levels: z.array(z.string()), level: z.number().int() })
  .openapi('ExpectedSkill');

export const ProfileRefSchema = z.object({ id: z.uuid(), name: z.string(), family: z.string().nullable(), archived: z.boolean() });

export const JobProfileSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    family: z.string().nullable(),
    description: z.string().nullable(),
    archivedAt: z.string().nullable(),
    skillCount: z.number().int(),
    holderCount: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('JobProfile');

export const CareerStepSchema = z
  .object({
    id: z.uuid(),
    fromProfileId: z.uuid(),
    toProfileId: z.uuid(),
    kind: z.enum(careerPathKinds),
    note: z.string().nullable(),
    from: ProfileRefSchema,
    to: ProfileRefSchema,
    createdAt: z.string(),
  })
  .openapi('CareerStep');

export const JobProfileDetailSchema = JobProfileSchema.extend({
  skills: z.array(ExpectedSkillSchema),
  nextSteps: z.array(CareerStepSchema),
  previousSteps: z.array(CareerStepSchema),
}).openapi('JobProfileDetail');

export const CareerPathsQuery = z.object({ profileId: z.uuid().optional().openapi({ description: 'Steps from or to this profile' }) });
export const CareerPathCreate = z
  .strictObject({ fromProfileId: z.uuid(), toProfileId: z.uuid(), kind: z.enum(careerPathKinds), note: text(1000) })
  .openapi('CareerPathCreate');

export const PersonJobProfileBody = z.strictObject({ jobProfileId: z.uuid().nullable() }).openapi('PersonJobProfileSet');
export const PersonIdParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });

export const PersonJobProfileSchema = z
  .object({
    personId: z.uuid(),
    profile: ProfileRefSchema.extend({ description: z.string().nullable() }).nullable(),
    skills: z.array(ExpectedSkillSchema),
  })
  .openapi('PersonJobProfile');

export const ComparisonQuery = z.object({
  profileId: z.uuid().optional().openapi({ description: "The profile to compare with; the person's own by default" }),
});
export const ComparisonSchema = z
  .object({
    personId: z.uuid(),
    profile: ProfileRefSchema.nullable(),
    isOwnProfile: z.boolean(),
    rows: z.array(
      z.object({
        skillId: z.uuid(),
        name: z.string(),
        category: z.string().nullable(),
        maxLevel: z.number().int(),
        expectedLevel: z.number().int(),
        currentLevel: z.number().nullable().openapi({ description: 'Null when never assessed' }),
        gap: z.number().openapi({ description: 'Expected minus current (current 0 when never assessed); 0 when met or above' }),
      }),
    ),
    summary: z.object({ met: z.number().int(), gaps: z.number().int(), notAssessed: z.number().int(), totalGap: z.number() }),
  })
  .openapi('ProfileComparison');
