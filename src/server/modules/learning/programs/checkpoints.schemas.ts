import { z } from '@hono/zod-openapi';
import { PageQuery } from '../../../platform/http/openapi.ts';
import { SubmissionSchema } from './programs.schemas.ts';

export const SubmissionCreate = z
  .strictObject({
    text: z.string().trim().min(1, 'Write something or leave it out').max(20_000).optional(),
    url: z
      .url({ protocol: /^https$/, message: 'Use a link starting with https://' })
      .max(2000)
      .optional(),
    fileId: z.uuid().optional().openapi({ description: 'A file uploaded with purpose evidence' }),
  })
  .openapi('CheckpointSubmissionCreate');

export const SubmissionParams = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
  stepId: z.uuid().openapi({ param: { name: 'stepId', in: 'path' } }),
});

export const QueueQuery = z.object({
  ...PageQuery,
  status: z.enum(['submitted', 'approved', 'returned', 'all']).default('submitted').optional(),
});

export const QueueItemSchema = SubmissionSchema.extend({
  learner: z.object({ id: z.uuid(), name: z.string(), jobTitle: z.string().nullable() }),
  program: z.object({ id: z.uuid(), title: z.string() }),
  step: z.object({ id: z.uuid(), title: z.string().nullable(), instructions: z.string().nullable(), evidenceKinds: z.array(z.string()).nullable() }),
}).openapi('CheckpointQueueItem');

export const ApproveBody = z
  .strictObject({ comment: z.string().trim().max(5000).optional() })
  .openapi('CheckpointApprove');

export const ReturnBody = z
  .strictObject({ comment: z.string().trim().min(1, 'Say what to change').max(5000) })
  .openapi('CheckpointReturn');
