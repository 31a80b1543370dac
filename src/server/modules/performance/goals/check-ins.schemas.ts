import { z } from '@hono/zod-openapi';
import { goalStatuses, hurdleCategories } from '../../../db/schema/index.ts';
import { PageQuery } from '../../../platform/http/openapi.ts';

const text = (max: number) => z.string().trim().max(max, `At most ${max} characters`);

/**
 * Key result id → new value. Values are checked by the service, so a value that is not a number
 * is named by its key result in a 422 rather than refused as a malformed body.
 */
const values = z
  .record(z.uuid(), z.unknown())
  .openapi({ description: 'Key result id → its new value (a number; 0 or 1 for done/not done)', additionalProperties: { type: 'number' } });

const fields = {
  values,
  confidence: z.number().int('Confidence is a whole number from 1 to 10').min(1, 'Confidence is 1 to 10').max(10, 'Confidence is 1 to 10'),
  note: text(5000).nullable().optional(),
  blockers: text(5000).nullable().optional(),
  status: z.enum(goalStatuses).optional().openapi({ description: 'The goal’s status from now on (its current one by default)' }),
};

export const CheckInCreate = z
  .strictObject({
    ...fields,
    values: values.optional(),
    raiseHurdle: z
      .strictObject({
        title: text(2000).min(1).optional().openapi({ description: 'The blockers by default' }),
        category: z.enum(hurdleCategories).optional(),
        description: text(4000).nullable().optional(),
      })
      .optional()
      .openapi({ description: 'Raise the blockers as a hurdle linked to the goal, in the same step' }),
    addToNextOneOnOne: z
      .strictObject({
        withPersonId: z.uuid().optional().openapi({ description: 'The other participant; your manager by default' }),
        body: text(2000).min(1).optional().openapi({ description: 'A summary of the check-in by default' }),
        private: z.boolean().optional(),
      })
      .optional()
      .openapi({ description: 'Put this check-in on the agenda of the next 1:1, in the same step' }),
  })
  .openapi('CheckInCreate');

export const CheckInUpdate = z
  .strictObject({ ...fields, values: values.optional(), confidence: fields.confidence.optional() })
  .openapi('CheckInUpdate');

export const CheckInSchema = z
  .object({
    id: z.uuid(),
    goalId: z.uuid(),
    authorId: z.uuid().nullable(),
    authorName: z.string().nullable(),
    confidence: z.number(),
    status: z.enum(goalStatuses),
    progress: z.number(),
    note: z.string().nullable(),
    blockers: z.string().nullable(),
    values: z.record(z.string(), z.number()),
    correctedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('CheckIn');

export const CheckInResult = z
  .object({
    checkIn: CheckInSchema,
    hurdleId: z.uuid().nullable(),
    talkingPoint: z.object({ agendaItemId: z.uuid(), seriesId: z.uuid(), meetingId: z.uuid() }).nullable(),
  })
  .openapi('CheckInResult');

export const CheckInsQuery = z.object({ ...PageQuery });
