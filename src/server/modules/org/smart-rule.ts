import { z } from '@hono/zod-openapi';
import type { SmartGroupRule } from '../../db/schema/index.ts';
import { IsoDate } from './fields.ts';

const text = z.string().trim().min(1, 'Enter a value').max(200);

const Condition = z.discriminatedUnion('field', [
  z.strictObject({
    field: z.literal('department'),
    op: z.literal('in'),
    value: z.array(z.uuid()).min(1, 'Pick at least one department').max(100),
  }),
  z.strictObject({ field: z.literal('jobTitle'), op: z.literal('contains'), value: text }),
  z.strictObject({ field: z.literal('location'), op: z.literal('equals'), value: text }),
  z.strictObject({ field: z.literal('hireDate'), op: z.enum(['before', 'after']), value: IsoDate }),
  z.strictObject({ field: z.literal('reportsTo'), op: z.enum(['directly', 'chain']), value: z.uuid() }),
  z.strictObject({ field: z.literal('customField'), key: z.string().min(1).max(50), op: z.literal('equals'), value: text }),
]);

/** The smart group rule: people matching all (or any) of the conditions. */
export const SmartGroupRuleSchema = z
  .strictObject({
    match: z.enum(['all', 'any']),
    conditions: z.array(Condition).min(1, 'Add at least one condition').max(20),
  })
  .openapi('SmartGroupRule') satisfies z.ZodType<SmartGroupRule>;
