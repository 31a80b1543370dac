import { z } from '@hono/zod-openapi';
import { aspirationTimeFrames } from '../../../db/schema/talent.ts';

export const AspirationSchema = z
  .object({
    id: z.uuid(),
    personId: z.uuid(),
    targetProfileId: z.uuid().nullable(),
    targetProfileName: z.string().nullable(),
    description: z.string().nullable(),
    timeFrame: z.enum(aspirationTimeFrames).nullable(),
    willingToChangeTeam: z.boolean(),
    willingToRelocate: z.boolean(),
    interests: z.array(z.string()),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Aspiration');

const interests = z
  .array(z.string().trim().min(1, 'Enter an interest').max(60, 'At most 60 characters'))
  .max(20, 'At most 20 interests');
const description = z.string().trim().max(2000).nullable().optional();

const fields = {
  targetProfileId: z.uuid().nullable().optional().openapi({ description: 'A job profile of the organisation the person aims for' }),
  description: description.openapi({ description: 'Where the person wants to go, in their own words' }),
  timeFrame: z.enum(aspirationTimeFrames).nullable().optional(),
  willingToChangeTeam: z.boolean().optional(),
  willingToRelocate: z.boolean().optional(),
  interests: interests.optional(),
};

export const AspirationCreate = z
  .strictObject(fields)
  .superRefine((v, ctx) => {
    if (!v.targetProfileId && !v.description) {
      ctx.addIssue({ code: 'custom', path: ['targetProfileId'], message: 'Choose a target profile or describe the aspiration' });
    }
  })
  .openapi('AspirationCreate');

export const AspirationUpdate = z.strictObject(fields).openapi('AspirationUpdate');
