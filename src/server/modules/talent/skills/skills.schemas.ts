import { z } from '@hono/zod-openapi';
import { PageQuery } from '../../../platform/http/openapi.ts';

export const SkillSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    category: z.string().nullable(),
    description: z.string().nullable(),
    maxLevel: z.number().int(),
    levels: z.array(z.string()).openapi({ description: 'Descriptor of each level; index 0 is level 1' }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Skill');

export const SkillsQuery = z.object({
  ...PageQuery,
  q: z.string().trim().max(200).optional().openapi({ description: 'Search by name' }),
  category: z.string().trim().max(200).optional(),
});

const name = z.string().trim().min(1, 'Enter a name').max(200);
const text = (max: number) => z.string().trim().max(max).nullable().optional();
const maxLevel = z.number().int().min(1, 'At least 1 level').max(10, 'At most 10 levels');
const levels = z.array(z.string().trim().max(1000)).max(10);

function levelsFit(v: { maxLevel?: number; levels?: string[] }, ctx: z.RefinementCtx) {
  if (v.levels && v.levels.length > (v.maxLevel ?? 5)) {
    ctx.addIssue({ code: 'custom', path: ['levels'], message: `At most ${v.maxLevel ?? 5} level descriptors` });
  }
}

export const SkillCreate = z
  .strictObject({ name, category: text(200), description: text(4000), maxLevel: maxLevel.optional(), levels: levels.optional() })
  .superRefine(levelsFit)
  .openapi('SkillCreate');

export const SkillUpdate = z
  .strictObject({ name: name.optional(), category: text(200), description: text(4000), maxLevel: maxLevel.optional(), levels: levels.optional() })
  .openapi('SkillUpdate');
