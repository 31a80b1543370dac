import { z } from '@hono/zod-openapi';
import { PageQuery } from '../../../platform/http/openapi.ts';

const name = z.string().trim().min(1, 'Enter a name').max(80, 'At most 80 characters');
const description = z.string().trim().max(500, 'At most 500 characters');

export const CompanyValueSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string().nullable(),
    position: z.number().int(),
    archived: z.boolean(),
    /** How many praises and feedbacks name it: a used value is archived, never deleted. */
    used: z.boolean(),
  })
  .openapi('CompanyValue');

export const CompanyValueCreate = z
  .strictObject({ name, description: description.nullable().optional(), position: z.number().int().min(0).max(10_000).optional() })
  .openapi('CompanyValueCreate');

export const CompanyValueUpdate = z
  .strictObject({
    name: name.optional(),
    description: description.nullable().optional(),
    position: z.number().int().min(0).max(10_000).optional(),
    archived: z.boolean().optional(),
  })
  .openapi('CompanyValueUpdate');

export const CompanyValuesQuery = z.object({
  includeArchived: z
    .enum(['true', 'false'])
    .optional()
    .openapi({ description: 'Also list archived values (HR admins choose among them on the admin page)' }),
});

const PersonRef = z.object({ id: z.uuid(), name: z.string(), jobTitle: z.string().nullable() });
const NamedRef = z.object({ id: z.uuid(), name: z.string() });

export const PraiseCommentSchema = z
  .object({ id: z.uuid(), author: PersonRef.nullable(), body: z.string(), createdAt: z.string(), mine: z.boolean() })
  .openapi('PraiseComment');

export const PraiseSchema = z
  .object({
    id: z.uuid(),
    giver: PersonRef.nullable(),
    recipients: z.array(PersonRef),
    message: z.string(),
    visibility: z.enum(['public', 'private']),
    values: z.array(NamedRef),
    skills: z.array(NamedRef),
    reactions: z.array(z.object({ emoji: z.string(), count: z.number().int(), mine: z.boolean() })),
    commentCount: z.number().int(),
    createdAt: z.string(),
  })
  .openapi('Praise');

export const PraiseDetailSchema = PraiseSchema.extend({ comments: z.array(PraiseCommentSchema) }).openapi('PraiseDetail');

export const PraiseCreate = z
  .strictObject({
    recipientIds: z.array(z.uuid()).min(1, 'Choose at least one person').max(50, 'At most 50 people'),
    message: z.string().trim().min(1, 'Say what they did').max(2000, 'At most 2,000 characters'),
    visibility: z.enum(['public', 'private']).default('public'),
    valueIds: z.array(z.uuid()).max(10, 'At most 10 values').default([]),
    skillIds: z.array(z.uuid()).max(10, 'At most 10 skills').default([]),
  })
  .openapi('PraiseCreate');

// One emoji (with its modifiers and joiners): a short string of symbols, never words.
export const ReactionBody = z
  .strictObject({
    emoji: z
      .string()
      .min(1)
      .max(16)
      .regex(/^[\p{Extended_Pictographic}\p{Emoji_Component}\u200d\ufe0f]+$/u, 'Use one emoji'),
  })
  .openapi('PraiseReaction');

export const CommentBody = z
  .strictObject({ body: z.string().trim().min(1, 'Write a comment').max(1000, 'At most 1,000 characters') })
  .openapi('PraiseCommentCreate');

export const PraiseFeedQuery = z.object({ ...PageQuery });
