import { z } from '@hono/zod-openapi';
import { reviewCyclePhases } from '../../../db/schema/index.ts';
import { NINE_BOX_DESCRIPTION_MAX, NINE_BOX_NAME_MAX } from './nine-box.ts';

const name = z.string().trim().min(1, 'Enter a name').max(120, 'At most 120 characters');
const text = (max: number) => z.string().trim().max(max, `At most ${max} characters`);
// Ratings are stored as real (float4), which refuses values far below its precision: a rating has
// at most two decimals (what the grid shows), within what any scale uses.
const rating = z
  .number({ error: 'Enter a number' })
  .finite('Enter a number')
  .min(-1000)
  .max(1000)
  .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, 'Use at most two decimals');

const Ref = z.object({ id: z.uuid(), name: z.string() });

export const GuidelineBand = z.strictObject({ rating, share: z.number().finite().min(0, 'A share is 0 to 1').max(1, 'A share is 0 to 1') });

export const SessionCreate = z
  .strictObject({
    cycleId: z.uuid(),
    name,
    scope: z.discriminatedUnion('type', [
      z.strictObject({ type: z.literal('department'), departmentId: z.uuid() }),
      z.strictObject({ type: z.literal('manager'), managerId: z.uuid() }),
    ]),
    calibratorIds: z.array(z.uuid()).max(50, 'At most 50 calibrators').default([]),
    guideline: z.array(GuidelineBand).min(1).max(20).nullable().optional(),
  })
  .openapi('CalibrationSessionCreate');

export const SessionsQuery = z.object({ cycleId: z.uuid().openapi({ description: 'The review cycle whose sessions to list' }) });

export const SessionSchema = z
  .object({
    id: z.uuid(),
    cycle: z.object({ id: z.uuid(), name: z.string(), phase: z.enum(reviewCyclePhases) }),
    name: z.string(),
    scope: z.object({ type: z.enum(['department', 'manager']), department: Ref.nullable(), manager: Ref.nullable() }),
    calibrators: z.array(Ref),
    guideline: z.array(z.object({ rating: z.number(), share: z.number() })).nullable(),
    locked: z.boolean(),
    lockedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('CalibrationSession');

const Figure = z.object({
  n: z.number().int(),
  mean: z.number().nullable(),
  sd: z.number().nullable().openapi({ description: 'Sample standard deviation; null below two ratings' }),
  low: z.number().nullable().openapi({ description: '95% t interval of the mean; null below two ratings' }),
  high: z.number().nullable(),
});
const Leniency = z.object({ fromFinal: Figure, fromPeers: Figure });

const ScorePartSchema = z.object({
  source: z.enum(['self', 'manager', 'peer', 'upward', 'goals']),
  weight: z.number(),
  value: z.number().nullable(),
  used: z.boolean(),
  share: z.number(),
  reviews: z.number().int(),
});

const DistributionSchema = z.object({
  rated: z.number().int(),
  unrated: z.number().int(),
  bands: z.array(z.object({ from: z.number(), to: z.number().nullable(), count: z.number().int(), share: z.number(), target: z.number().nullable() })),
});

export const GridSubjectSchema = z
  .object({
    subject: z.object({ id: z.uuid(), name: z.string(), jobTitle: z.string().nullable() }),
    manager: Ref.nullable(),
    department: Ref.nullable(),
    proposed: z.object({ score: z.number().nullable(), reweighted: z.boolean(), parts: z.array(ScorePartSchema) }),
    finalRating: z.number().nullable(),
    adjusted: z.boolean(),
    reason: z.string().nullable(),
    notes: z.string().nullable(),
    potential: z.number().int().nullable(),
    performance: z.enum(['low', 'mid', 'high']).nullable(),
    box: z.number().int().nullable(),
    boxName: z.string().nullable(),
    editable: z.boolean(),
    calibratedInOtherSession: z.boolean(),
    adjustedBy: Ref.nullable(),
    adjustedAt: z.string().nullable(),
  })
  .openapi('CalibrationEntry');

export const GridSchema = z
  .object({
    session: SessionSchema,
    scale: z.object({ min: z.number().nullable(), max: z.number().nullable(), anchors: z.array(z.object({ value: z.number(), label: z.string() })) }),
    performanceBands: z
      .object({ mid: z.number().nullable(), high: z.number().nullable() })
      .nullable()
      .openapi({ description: 'A final rating at or above `mid` is mid performance, at or above `high` high' }),
    formula: z.array(z.object({ source: ScorePartSchema.shape.source, weight: z.number() })),
    nineBox: z.array(z.object({ box: z.number().int(), name: z.string(), description: z.string() })),
    distribution: DistributionSchema,
    subjects: z.array(GridSubjectSchema),
    managers: z.array(
      z.object({
        manager: Ref.nullable(),
        subjects: z.number().int(),
        meanProposed: z.number().nullable(),
        meanFinal: z.number().nullable(),
        distribution: DistributionSchema,
        leniency: z
          .object({ thisSession: Leniency.nullable(), pastCycles: Leniency.extend({ cycles: z.number().int() }) })
          .nullable()
          .openapi({ description: 'The manager as a rater: in this session against the finals as they stand, and pooled over earlier locked cycles' }),
      }),
    ),
  })
  .openapi('CalibrationGrid');

export const EntryUpdate = z
  .strictObject({
    finalRating: rating.nullable().optional().openapi({ description: 'null: back to the proposed score' }),
    reason: text(1000).nullable().optional().openapi({ description: 'Required when the final rating differs from the proposed score' }),
    potential: z.union([z.literal(1), z.literal(2), z.literal(3)]).nullable().optional(),
    notes: text(2000).nullable().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'Change the final rating, potential or notes')
  .openapi('CalibrationEntryUpdate');

export const SubjectParam = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
  subjectId: z.uuid().openapi({ param: { name: 'subjectId', in: 'path' } }),
});

export const LeniencyQuery = z.object({ raterId: z.uuid() });

export const RaterLeniencySchema = z
  .object({
    rater: Ref,
    cycles: z.array(Leniency.extend({ cycle: Ref, computedAt: z.string() })),
    pooled: Leniency.extend({ cycles: z.number().int() }),
  })
  .openapi('RaterLeniency');

const NineBoxLabelInput = z.strictObject({
  name: z.string().trim().min(1, 'Enter a name').max(NINE_BOX_NAME_MAX, `At most ${NINE_BOX_NAME_MAX} characters`),
  description: text(NINE_BOX_DESCRIPTION_MAX).default(''),
});

export const NineBoxUpdate = z
  .strictObject({
    labels: z
      .array(NineBoxLabelInput)
      .length(9, 'Give nine labels, one per box')
      .nullable()
      .openapi({ description: 'Nine labels, low performance and low potential first, performance varying fastest; null restores the defaults' }),
  })
  .openapi('NineBoxUpdate');

export const NineBoxSchema = z
  .object({ custom: z.boolean(), labels: z.array(z.object({ box: z.number().int(), name: z.string(), description: z.string() })) })
  .openapi('NineBox');
