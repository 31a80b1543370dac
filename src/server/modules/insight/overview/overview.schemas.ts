import { z } from '@hono/zod-openapi';
import { ItemSchema as Item, LearningItemSchema as Learning, LoopClosureSchema, RefSchema as Ref, SkillSchema as Skill } from '../team/index.ts';

/*
 * The one-page person. Each part is null when the viewer may not see it (DESIGN.md §5), so a
 * client tells "hidden" from "empty"; each carries the actions the viewer may take there.
 */

const hidden = (what: string) => ({ description: `${what}; null when the viewer may not see it` });

const GoalsPart = z.object({
  items: z.array(z.object({ id: z.string(), title: z.string(), status: z.string(), progress: z.number(), visibility: z.string() })),
  actions: z.object({ addTalkingPoint: z.boolean(), giveFeedback: z.boolean() }),
});

const SkillsPart = z.object({
  jobProfile: Ref.nullable(),
  strengths: z.array(Skill).openapi({ description: 'Skills at or above the level the job profile expects' }),
  gaps: z.array(
    z.object({
      skillId: z.string(),
      name: z.string(),
      expected: z.number(),
      current: z.number().nullable(),
      planned: z.boolean().openapi({ description: 'An open plan item or enrolment serves the skill' }),
      recommended: Item.nullable(),
    }),
  ),
  actions: z.object({ assignLearning: z.boolean(), addPlanItem: z.boolean(), askSelfAssessment: z.boolean(), rateSkill: z.boolean(), selfAssess: z.boolean() }),
});

const AspirationsPart = z.object({
  items: z.array(z.object({ id: z.string(), profile: Ref.nullable(), description: z.string().nullable(), timeFrame: z.string().nullable() })),
  actions: z.object({ edit: z.boolean() }),
});

const HurdlesPart = z.object({
  items: z.array(z.object({ id: z.string(), title: z.string(), category: z.string(), status: z.string(), openedAt: z.string(), goalId: z.string().nullable(), skillId: z.string().nullable() })),
  actions: z.object({ raiseHurdle: z.boolean(), addTalkingPoint: z.boolean(), assignLearning: z.boolean() }),
});

const PlanPart = z.object({
  items: z.array(z.object({ id: z.string(), title: z.string(), actionType: z.string(), skillId: z.string().nullable(), status: z.string(), dueDate: z.string().nullable() })),
  actions: z.object({ addPlanItem: z.boolean() }),
});

const LearningPart = z.object({
  overdue: z.array(Learning),
  inProgress: z.array(Learning),
  recentlyCompleted: z.array(Learning),
  loopClosure: LoopClosureSchema.openapi({ description: 'Did the learning answer its reason: followed-up reasons improved, not improved, pending' }),
  actions: z.object({ assignLearning: z.boolean() }),
});

const FeedbackPart = z.object({
  feedback: z.array(z.object({ id: z.string(), giver: Ref.nullable(), anonymous: z.boolean(), excerpt: z.string().nullable(), givenOn: z.string() })),
  praise: z.array(z.object({ id: z.string(), giver: Ref.nullable(), message: z.string(), createdAt: z.string() })),
  actions: z.object({ giveFeedback: z.boolean(), requestFeedback: z.boolean() }),
});

const OneOnOnePart = z.object({
  with: Ref.nullable().openapi({ description: "The other participant: the viewer, or for the person themself their manager" }),
  seriesId: z.string().nullable(),
  lastHeldAt: z.string().nullable(),
  nextAt: z.string().nullable(),
  nextMeetingId: z.string().nullable(),
  actions: z.object({ addTalkingPoint: z.boolean(), startSeries: z.boolean() }),
});

export const OverviewSchema = z
  .object({
    person: z.object({
      id: z.string(),
      name: z.string(),
      firstName: z.string(),
      jobTitle: z.string().nullable(),
      email: z.string(),
      status: z.string(),
      hireDate: z.string().nullable(),
      department: Ref.nullable(),
      manager: Ref.nullable(),
      self: z.boolean().openapi({ description: 'The viewer is the person' }),
      viewerIsManager: z.boolean().openapi({ description: 'The viewer is above the person in the reporting chain' }),
    }),
    goals: GoalsPart.openapi({ description: 'Open goals of the person the viewer may read (per goal visibility)' }),
    aspirations: AspirationsPart.nullable().openapi(hidden('The person, their manager chain and HR admins')),
    skills: SkillsPart.nullable().openapi(hidden('Strengths and gaps against the job profile: the person, their manager chain and HR admins')),
    hurdles: HurdlesPart.nullable().openapi(hidden('Open hurdles: the person, their manager chain and HR admins')),
    plan: PlanPart.nullable().openapi(hidden('Development-plan items still to do: the person, their manager chain and HR admins')),
    learning: LearningPart.nullable().openapi(hidden('The person, their manager chain, learning and HR admins')),
    feedback: FeedbackPart.nullable().openapi(hidden('Feedback and praise the viewer may read: the person and their manager chain (feedback their giver allowed the chain)')),
    oneOnOne: OneOnOnePart.nullable().openapi(hidden("The viewer's own 1:1 series with the person (dates only): its participants")),
  })
  .openapi('PersonOverview');
