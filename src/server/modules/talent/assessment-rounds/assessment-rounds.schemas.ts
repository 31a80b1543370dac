import { z } from '@hono/zod-openapi';
import { IsoDateTime, PageQuery } from '../../../platform/http/openapi.ts';

export const RoundCreate = z
  .strictObject({
    title: z.string().trim().min(1, 'Enter a title').max(200, 'At most 200 characters'),
    dueAt: IsoDateTime().nullable().optional().openapi({ description: 'When the ratings are due; in the future' }),
    personIds: z
      .array(z.uuid())
      .min(1, 'Choose at least one person')
      .max(500, 'At most 500 people in one round')
      .optional()
      .openapi({
        description:
          'Who rates themselves: people below you in the reporting chain (anyone for HR admins), each holding a job profile with skills. Left out: your active direct reports who hold one (the others are listed in `skipped`).',
      }),
  })
  .openapi('AssessmentRoundCreate');

export const RoundRatings = z
  .strictObject({
    ratings: z
      .array(
        z.strictObject({
          skillId: z.uuid(),
          level: z.number().int('Use a whole level').min(1, 'At least level 1').max(10, 'At most level 10'),
          note: z.string().trim().max(4000, 'At most 4000 characters').nullable().optional(),
        }),
      )
      .min(1, 'Rate the skills of the profile')
      .max(100),
  })
  .openapi('AssessmentRoundRatings');

export const RoundsQuery = z.object({
  ...PageQuery,
  status: z.enum(['open', 'closed']).optional(),
});

export const RoundMemberParams = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
  personId: z.uuid().openapi({ param: { name: 'personId', in: 'path' } }),
});

const Progress = z.object({
  members: z.number().int(),
  selfSubmitted: z.number().int(),
  managerSubmitted: z.number().int(),
});

export const RoundSummarySchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    status: z.enum(['open', 'closed']),
    dueAt: z.string().nullable(),
    createdAt: z.string(),
    closedAt: z.string().nullable(),
    manager: z.object({ id: z.uuid(), name: z.string() }),
    progress: Progress,
  })
  .openapi('AssessmentRoundSummary');

export const RoundSkillSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  maxLevel: z.number().int(),
  levels: z.array(z.string()),
  expectedLevel: z.number().int(),
  selfLevel: z.number().int().nullable().openapi({ description: 'The member’s rating in this round' }),
  managerLevel: z.number().int().nullable().openapi({ description: 'The manager’s rating in this round' }),
});

export const RoundMemberSchema = z
  .object({
    personId: z.uuid(),
    name: z.string(),
    jobTitle: z.string().nullable(),
    profile: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    selfSubmittedAt: z.string().nullable(),
    managerSubmittedAt: z.string().nullable(),
    skills: z.array(RoundSkillSchema),
    canSubmitSelf: z.boolean(),
    canSubmitManager: z.boolean(),
  })
  .openapi('AssessmentRoundMember');

export const RoundSchema = RoundSummarySchema.extend({
  members: z.array(RoundMemberSchema).openapi({ description: 'The rows the caller may see: all for the round’s manager and HR admins, their own for a member' }),
  canClose: z.boolean(),
}).openapi('AssessmentRound');

export const RoundCreated = RoundSchema.extend({
  skipped: z
    .array(z.object({ personId: z.uuid(), name: z.string(), reason: z.string() }))
    .openapi({ description: 'Direct reports left out of a round started without `personIds`, and why' }),
}).openapi('AssessmentRoundCreated');

export const MyRoundSchema = RoundSummarySchema.omit({ progress: true })
  .extend({ me: RoundMemberSchema })
  .openapi('MyAssessmentRound');

export const RoundCandidateSchema = z
  .object({
    personId: z.uuid(),
    name: z.string(),
    jobTitle: z.string().nullable(),
    profile: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    directReport: z.boolean(),
    eligible: z.boolean().openapi({ description: 'Holds a job profile that expects skills' }),
    reason: z.string().nullable().openapi({ description: 'Why not, when not eligible' }),
  })
  .openapi('AssessmentRoundCandidate');
