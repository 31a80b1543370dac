import { z } from '@hono/zod-openapi';
import { PageQuery } from '../../platform/http/openapi.ts';
import { PersonSchema } from './org.schemas.ts';
import { SmartGroupRuleSchema } from './smart-rule.ts';

export const GroupSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string().nullable(),
    kind: z.enum(['static', 'smart']),
    rule: SmartGroupRuleSchema.nullable().openapi({
      description: 'Null for a static group, and for a smart group whose rule reads a custom field the caller may not read of everyone',
    }),
    memberCount: z.number().int(),
    refreshedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Group');

export const GroupsQuery = z.object({
  ...PageQuery,
  q: z.string().trim().max(200).optional().openapi({ description: 'Search by name' }),
  kind: z.enum(['static', 'smart']).optional(),
});

const name = z.string().trim().min(1, 'Enter a name').max(200);
const description = z.string().trim().max(2000).nullable().optional();

export const GroupCreate = z
  .strictObject({ name, description, kind: z.enum(['static', 'smart']), rule: SmartGroupRuleSchema.optional() })
  .superRefine((v, ctx) => {
    if (v.kind === 'smart' && !v.rule) ctx.addIssue({ code: 'custom', path: ['rule'], message: 'A smart group needs a rule' });
    if (v.kind === 'static' && v.rule) ctx.addIssue({ code: 'custom', path: ['rule'], message: 'A static group has no rule' });
  })
  .openapi('GroupCreate');

/** The kind is fixed: a static group's hand-picked members would be lost by becoming smart. */
export const GroupUpdate = z
  .strictObject({ name: name.optional(), description, rule: SmartGroupRuleSchema.optional() })
  .openapi('GroupUpdate');

export const MembersAdd = z
  .strictObject({ personIds: z.array(z.uuid()).min(1).max(1000) })
  .openapi('GroupMembersAdd');

export const MemberParams = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
  personId: z.uuid().openapi({ param: { name: 'personId', in: 'path' } }),
});

export const PreviewBody = z.strictObject({ rule: SmartGroupRuleSchema }).openapi('GroupPreviewRequest');

export const PreviewSchema = z
  .object({ count: z.number().int(), sample: z.array(PersonSchema) })
  .openapi('GroupPreview');
