import { z } from '@hono/zod-openapi';
import { PageQuery } from '../../../platform/http/openapi.ts';
import { signalKinds } from './attention.ts';

/** Followed-up reasons that improved, did not, and are still waiting (insight/follow-ups `loopClosure`). */
export const LoopClosureSchema = z.object({
  improved: z.number().int(),
  notImproved: z.number().int(),
  decided: z.number().int(),
  pending: z.number().int(),
  rate: z.number().nullable().openapi({ description: 'improved / decided, 0–1; null with nothing decided' }),
});

export const TeamQuery = z
  .object({
    scope: z.enum(['direct', 'all']).default('direct').optional().openapi({ description: 'direct: your direct reports; all: everyone below you, a page at a time' }),
    ...PageQuery,
  })
  .strict();

export const Ref = z.object({ id: z.string(), name: z.string() });
export const Item = z.object({ type: z.enum(['course', 'program']), id: z.string(), title: z.string() });

const Action = z.object({
  kind: z.enum(['assign_learning', 'add_talking_point', 'add_plan_item', 'give_feedback', 'ask_self_assessment']),
  label: z.string(),
  reason: z.object({ type: z.enum(['skill_gap', 'goal', 'hurdle', 'compliance']), recordType: z.string(), recordId: z.string(), note: z.string() }).optional(),
  item: Item.optional(),
  text: z.string().optional(),
  goalId: z.string().optional(),
  hurdleId: z.string().optional(),
  skillId: z.string().optional(),
  targetLevel: z.number().optional(),
});

export const SignalSchema = z
  .object({
    kind: z.enum(signalKinds),
    score: z.number(),
    message: z.string(),
    record: z.object({ type: z.string(), id: z.string() }),
    actions: z.array(Action),
  })
  .openapi('TeamSignal');

export const Learning = z.object({
  id: z.string(),
  itemType: z.enum(['course', 'program']),
  itemId: z.string(),
  title: z.string(),
  status: z.string(),
  dueAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  compliance: z.boolean(),
  skillIds: z.array(z.string()),
  reason: z.object({ type: z.string(), label: z.string(), recordType: z.string().nullable(), recordId: z.string().nullable() }),
});

export const Skill = z.object({ skillId: z.string(), name: z.string(), expected: z.number().nullable(), current: z.number().nullable() });

/** What a card shows of an enrolment: its title, dates and why. */
const CardLearning = z.object({
  id: z.string(),
  title: z.string(),
  dueAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  compliance: z.boolean(),
  reason: z.object({ type: z.string(), label: z.string() }),
});

export const TeamMemberSchema = z
  .object({
    person: z.object({ id: z.string(), name: z.string(), firstName: z.string(), jobTitle: z.string().nullable(), manager: Ref.nullable(), direct: z.boolean() }),
    signals: z.array(SignalSchema).openapi({ description: 'What needs attention first, best first, each with the actions that answer it' }),
    aspirations: z.array(z.object({ id: z.string(), profile: Ref.nullable(), description: z.string().nullable(), timeFrame: z.string().nullable() })),
    strengths: z.array(Skill).openapi({ description: 'Skills at or above the level their job profile expects' }),
    gaps: z.array(
      z.object({ skillId: z.string(), name: z.string(), expected: z.number(), current: z.number().nullable(), planned: z.boolean(), recommended: Item.nullable() }),
    ),
    goals: z.array(z.object({ id: z.string(), title: z.string(), status: z.string(), progress: z.number(), visibility: z.string() })),
    hurdles: z.array(z.object({ id: z.string(), title: z.string(), category: z.string(), status: z.string(), openedAt: z.string() })),
    plan: z.array(z.object({ id: z.string(), title: z.string(), actionType: z.string(), skillId: z.string().nullable(), status: z.string(), dueDate: z.string().nullable() })),
    learning: z
      .object({
        overdue: z.array(CardLearning),
        inProgress: z.array(CardLearning),
        recentlyCompleted: z.array(CardLearning),
        counts: z.object({ overdue: z.number().int(), inProgress: z.number().int(), recentlyCompleted: z.number().int() }),
      })
      .openapi({ description: 'The first three of each list (soonest due first) and how many each holds; the whole lists are on the team learning page' }),
    oneOnOne: z.object({ seriesId: z.string().nullable(), lastHeldAt: z.string().nullable(), nextAt: z.string().nullable(), nextMeetingId: z.string().nullable() }),
    feedback: z.array(z.object({ id: z.string(), giver: Ref.nullable(), anonymous: z.boolean(), excerpt: z.string().nullable(), givenOn: z.string() })),
    praise: z.array(z.object({ id: z.string(), giver: Ref.nullable(), message: z.string(), createdAt: z.string() })),
    loopClosure: LoopClosureSchema.nullable().openapi({ description: 'Loop closure of the learning assigned to this person with a reason (follow-ups)' }),
  })
  .openapi('TeamMember');

const Counts = z.object({
  people: z.number().int(),
  needingAttention: z.number().int(),
  ...Object.fromEntries(signalKinds.map((k) => [k, z.number().int()])),
}) as unknown as z.ZodObject<{ people: z.ZodNumber; needingAttention: z.ZodNumber } & Record<(typeof signalKinds)[number], z.ZodNumber>>;

export const TeamSchema = z
  .object({
    scope: z.enum(['direct', 'all']),
    data: z.array(TeamMemberSchema),
    nextCursor: z.string().nullable(),
    heatMap: z.object({
      skills: z.array(Ref),
      rows: z.array(
        z.object({
          personId: z.string(),
          name: z.string(),
          cells: z.array(z.object({ skillId: z.string(), expected: z.number().nullable(), current: z.number().nullable(), gap: z.number().nullable() })),
        }),
      ),
    }),
    teams: z
      .array(z.object({ manager: Ref, counts: Counts }))
      .nullable()
      .openapi({ description: 'With scope all, on the first page: the signals of everyone below, counted per manager' }),
    loopClosure: LoopClosureSchema.nullable().openapi({ description: 'Loop closure across this page of the team (follow-ups); null with nobody on it' }),
  })
  .openapi('Team');
