import { z } from '@hono/zod-openapi';
import { customFieldType, customFieldVisibility } from '../../db/schema/index.ts';

const Visibility = z.enum(customFieldVisibility).openapi({
  description:
    'Who may read the values: `everyone` in the organisation; `chain` the person, their manager chain and HR admins; `hr` HR admins only',
});

export const CustomFieldSchema = z
  .object({
    id: z.uuid(),
    key: z.string(),
    label: z.string(),
    type: z.enum(customFieldType),
    options: z.array(z.string()),
    visibility: Visibility,
  })
  .openapi('CustomField');

const Options = z
  .array(z.string().trim().min(1).max(100))
  .max(200)
  .refine((o) => new Set(o).size === o.length, { message: 'Options must be unique' });

export const CustomFieldCreate = z
  .strictObject({
    key: z
      .string()
      .max(50)
      .regex(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/, 'Use lower snake case, e.g. cost_center'),
    label: z.string().trim().min(1).max(100),
    type: z.enum(customFieldType),
    options: Options.optional(),
    visibility: Visibility.default('hr'),
  })
  .superRefine((v, ctx) => {
    if (v.type === 'choice' && !v.options?.length) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'A choice field needs at least one option' });
    }
    if (v.type !== 'choice' && v.options?.length) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'Only choice fields have options' });
    }
  })
  .openapi('CustomFieldCreate');

/** Key and type are fixed once people hold values; label, options and visibility may change. */
export const CustomFieldUpdate = z
  .strictObject({ label: z.string().trim().min(1).max(100).optional(), options: Options.optional(), visibility: Visibility.optional() })
  .openapi('CustomFieldUpdate');
