import { z } from '@hono/zod-openapi';
import { reviewCyclePhases, reviewRelationships, reviewStatuses } from '../../../db/schema/index.ts';
import { IsoDate } from '../../org/index.ts';

const name = z.string().trim().min(1, 'Enter a name').max(120, 'At most 120 characters');

export const ParticipantRuleInput = z
  .strictObject({
    departmentIds: z.array(z.uuid()).max(200).default([]),
    groupIds: z.array(z.uuid()).max(200).default([]),
    hiredBefore: IsoDate.nullable().default(null),
    excludePersonIds: z.array(z.uuid()).max(5000).default([]),
  })
  .openapi({ description: 'Everyone active, narrowed to departments (with sub-departments), groups and people hired before a date, minus exclusions' });

export const RelationshipsInput = z
  .strictObject({
    self: z.boolean().default(true),
    manager: z.boolean().default(true),
    upward: z.boolean().default(false),
    peers: z
      .strictObject({ min: z.number().int().min(0).max(20), max: z.number().int().min(1).max(20) })
      .refine((p) => p.min <= p.max, { path: ['max'], message: 'The most peers is at least the fewest' })
      .nullable()
      .default(null),
  })
  .refine((r) => r.self || r.manager || r.upward || r.peers, { message: 'Choose who writes reviews' });

const dates = {
  periodStartsOn: IsoDate,
  periodEndsOn: IsoDate,
  nominationEndsOn: IsoDate.nullable().optional(),
  writingEndsOn: IsoDate,
  calibrationEndsOn: IsoDate.nullable().optional(),
  sharingStartsOn: IsoDate.nullable().optional(),
};

type Dated = { periodStartsOn?: string; periodEndsOn?: string; nominationEndsOn?: string | null; writingEndsOn?: string; calibrationEndsOn?: string | null; sharingStartsOn?: string | null };

/** Dates go in order: the period's start before its end; nomination, writing, calibration, sharing one after another. */
export function dateIssues(d: Dated): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  if (d.periodStartsOn && d.periodEndsOn && d.periodEndsOn < d.periodStartsOn) issues.push({ path: 'periodEndsOn', message: 'The period ends after it starts' });
  const steps = (['nominationEndsOn', 'writingEndsOn', 'calibrationEndsOn', 'sharingStartsOn'] as const).filter((k) => d[k]);
  for (let i = 1; i < steps.length; i++)
    if (d[steps[i]!]! < d[steps[i - 1]!]!) issues.push({ path: steps[i]!, message: 'Phases follow one another: this date comes after the one before' });
  return issues;
}

const anonymity = {
  peerAnonymous: z.boolean().default(true),
  upwardAnonymous: z.boolean().default(true),
  anonymityMinimum: z.number().int().min(1).max(20).default(3),
};

export const CycleCreate = z
  .strictObject({ name, templateId: z.uuid(), ...dates, participants: ParticipantRuleInput.default({ departmentIds: [], groupIds: [], hiredBefore: null, excludePersonIds: [] }), relationships: RelationshipsInput, ...anonymity })
  .superRefine((v, ctx) => dateIssues(v).forEach((i) => ctx.addIssue({ code: 'custom', path: [i.path], message: i.message })))
  .openapi('ReviewCycleCreate');

export const CycleUpdate = z
  .strictObject({
    name: name.optional(),
    templateId: z.uuid().optional(),
    periodStartsOn: IsoDate.optional(),
    periodEndsOn: IsoDate.optional(),
    nominationEndsOn: IsoDate.nullable().optional(),
    writingEndsOn: IsoDate.optional(),
    calibrationEndsOn: IsoDate.nullable().optional(),
    sharingStartsOn: IsoDate.nullable().optional(),
    participants: ParticipantRuleInput.optional(),
    relationships: RelationshipsInput.optional(),
    peerAnonymous: z.boolean().optional(),
    upwardAnonymous: z.boolean().optional(),
    anonymityMinimum: z.number().int().min(1).max(20).optional(),
  })
  .openapi('ReviewCycleUpdate');

export const CycleSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    templateId: z.uuid(),
    templateName: z.string(),
    templateVersion: z.number().int().nullable(),
    phase: z.enum(reviewCyclePhases),
    periodStartsOn: z.string(),
    periodEndsOn: z.string(),
    nominationEndsOn: z.string().nullable(),
    writingEndsOn: z.string(),
    calibrationEndsOn: z.string().nullable(),
    sharingStartsOn: z.string().nullable(),
    participants: z.object({ departmentIds: z.array(z.uuid()), groupIds: z.array(z.uuid()), hiredBefore: z.string().nullable(), excludePersonIds: z.array(z.uuid()) }),
    relationships: z.object({ self: z.boolean(), manager: z.boolean(), upward: z.boolean(), peers: z.object({ min: z.number(), max: z.number() }).nullable() }),
    peerAnonymous: z.boolean(),
    upwardAnonymous: z.boolean(),
    anonymityMinimum: z.number().int(),
    launchedAt: z.string().nullable(),
    counts: z.object({ participants: z.number().int(), reviews: z.number().int(), submitted: z.number().int(), released: z.number().int(), acknowledged: z.number().int() }),
    createdAt: z.string(),
  })
  .openapi('ReviewCycle');

export const CyclesQuery = z.object({ phase: z.enum(reviewCyclePhases).optional() });

export const LaunchBody = z.strictObject({ dryRun: z.boolean().optional() }).openapi('ReviewCycleLaunch');
export const LaunchResult = z
  .object({
    dryRun: z.boolean(),
    alreadyLaunched: z.boolean(),
    participants: z.number().int().openapi({ description: 'Subjects added (a dry run: who would take part)' }),
    reviews: z.number().int().openapi({ description: 'Reviews created; launching again creates none' }),
    sample: z.array(z.object({ id: z.uuid(), name: z.string() })).openapi({ description: 'Up to 20 of the participants, for a dry run' }),
    cycle: CycleSchema.nullable(),
  })
  .openapi('ReviewCycleLaunchResult');

export const PhaseBody = z.strictObject({ phase: z.enum(reviewCyclePhases) }).openapi('ReviewCyclePhaseChange');

const Count = z.object({ total: z.number().int(), ...Object.fromEntries(reviewStatuses.map((s) => [s, z.number().int()])) as Record<(typeof reviewStatuses)[number], z.ZodNumber> });
export const ProgressQuery = z.object({ by: z.enum(['manager', 'department']).default('manager') });
export const ProgressSchema = z
  .object({
    by: z.enum(['manager', 'department']),
    overall: Count,
    byRelationship: z.array(z.object({ relationship: z.enum(reviewRelationships) }).extend(Count.shape)),
    groups: z.array(z.object({ id: z.uuid().nullable(), name: z.string(), participants: z.number().int() }).extend(Count.shape)),
  })
  .openapi('ReviewCycleProgress');
