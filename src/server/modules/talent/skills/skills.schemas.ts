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
    archivedAt: z.string().nullable(),
    mergedIntoId: z.uuid().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Skill');

export const SkillsQuery = z.object({
  ...PageQuery,
  q: z.string().trim().max(200).optional().openapi({ description: 'Search by name' }),
  category: z.string().trim().max(200).optional(),
  includeArchived: z.enum(['true', 'false']).optional().openapi({ description: 'List archived skills too' }),
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

export const SkillMerge = z.strictObject({ intoId: z.uuid() }).openapi('SkillMerge');
export const SkillMergeResult = z
  .object({
    skill: SkillSchema,
    moved: z.object({ courses: z.number().int(), expectations: z.number().int(), assessments: z.number().int(), planItems: z.number().int() }),
  })
  .openapi('SkillMergeResult');

export const SkillRescale = z
  .strictObject({
    maxLevel,
    mapping: z.array(z.number().int()).max(10).optional().openapi({ description: 'New level of each current level (index 0 = level 1); a proportional mapping when left out' }),
    apply: z.boolean().optional().openapi({ description: 'false (default): only show what would change' }),
  })
  .openapi('SkillRescale');
export const SkillRescalePlan = z
  .object({
    fromMaxLevel: z.number().int(),
    toMaxLevel: z.number().int(),
    applied: z.boolean(),
    levels: z.array(
      z.object({ from: z.number().int(), to: z.number().int(), assessments: z.number().int(), expectations: z.number().int(), courses: z.number().int() }),
    ),
  })
  .openapi('SkillRescalePlan');
