import { z } from '@hono/zod-openapi';
import { peerNominationStatuses, reviewCyclePhases, reviewRelationships, reviewStatuses } from '../../../db/schema/index.ts';

const AnswerInput = z
  .strictObject({
    rating: z.number().finite().optional(),
    text: z.string().max(20_000, 'At most 20,000 characters').optional(),
    choices: z.array(z.string().max(120)).max(20).optional(),
    skills: z.record(z.uuid(), z.number().int()).optional(),
    goals: z.record(z.uuid(), z.number().finite()).optional(),
  })
  .openapi('ReviewAnswer');

export const AnswersBody = z
  .strictObject({ answers: z.record(z.string().max(40), AnswerInput).refine((a) => Object.keys(a).length <= 200, 'At most 200 answers') })
  .openapi('ReviewAnswers');

const Person = z.object({ id: z.uuid(), name: z.string() });

export const ReviewListItem = z
  .object({
    id: z.uuid(),
    cycleId: z.uuid(),
    cycleName: z.string(),
    phase: z.enum(reviewCyclePhases),
    writingEndsOn: z.string(),
    subject: Person,
    relationship: z.enum(reviewRelationships),
    status: z.enum(reviewStatuses),
    submittedAt: z.string().nullable(),
  })
  .openapi('ReviewListItem');

export const ReviewsQuery = z.object({ cycleId: z.uuid().optional() });

const AnswerOut = z.object({
  rating: z.number().optional(),
  text: z.string().optional(),
  choices: z.array(z.string()).optional(),
  skills: z.record(z.string(), z.number()).optional(),
  goals: z.record(z.string(), z.number()).optional(),
});

export const ReviewSchema = z
  .object({
    id: z.uuid(),
    cycle: z.object({ id: z.uuid(), name: z.string(), phase: z.enum(reviewCyclePhases), writingEndsOn: z.string(), periodStartsOn: z.string(), periodEndsOn: z.string() }),
    subject: Person,
    reviewer: Person.nullable().openapi({ description: 'Null for readers who may not know who wrote an anonymous review' }),
    relationship: z.enum(reviewRelationships),
    status: z.enum(reviewStatuses),
    /** Whether the caller may write it now (their own review, in a phase that takes answers). */
    editable: z.boolean(),
    anonymous: z.boolean(),
    scale: z.array(z.object({ value: z.number(), label: z.string(), description: z.string().optional() })),
    sections: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        description: z.string().optional(),
        questions: z.array(
          z.object({
            id: z.string(),
            kind: z.string(),
            prompt: z.string(),
            help: z.string().optional(),
            required: z.boolean(),
            options: z.array(z.string()).optional(),
            multiple: z.boolean().optional(),
            visibleToSubject: z.boolean(),
          }),
        ),
      }),
    ),
    skills: z.array(z.object({ skillId: z.uuid(), name: z.string(), expected: z.number().nullable(), max: z.number() })),
    goals: z.array(z.object({ goalId: z.uuid(), title: z.string(), status: z.string(), progress: z.number() })),
    answers: z.record(z.string(), AnswerOut),
    submittedAt: z.string().nullable(),
    updatedAt: z.string(),
  })
  .openapi('Review');

export const ReassignBody = z.strictObject({ reviewerId: z.uuid() }).openapi('ReviewReassign');

export const NominationSchema = z
  .object({
    id: z.uuid(),
    subjectId: z.uuid(),
    reviewer: z.object({ id: z.uuid(), name: z.string(), jobTitle: z.string().nullable() }),
    status: z.enum(peerNominationStatuses),
    decidedAt: z.string().nullable(),
  })
  .openapi('PeerNomination');
export const NominationsQuery = z.object({ subjectId: z.uuid().optional().openapi({ description: 'Me by default' }) });
export const NominateBody = z
  .strictObject({ subjectId: z.uuid().optional().openapi({ description: 'Me by default' }), reviewerIds: z.array(z.uuid()).min(1, 'Choose a peer').max(20) })
  .openapi('PeerNominate');
export const DecideBody = z.strictObject({ status: z.enum(['approved', 'declined']) }).openapi('PeerNominationDecision');
export const NominationsResult = z
  .object({ data: z.array(NominationSchema), min: z.number().int(), max: z.number().int(), phase: z.enum(reviewCyclePhases) })
  .openapi('PeerNominations');

export const SubjectParams = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
  personId: z.uuid().openapi({ param: { name: 'personId', in: 'path' } }),
});

const SharedAnswer = z.object({ relationship: z.enum(reviewRelationships), author: Person.nullable(), answer: AnswerOut });
export const ResultSchema = z
  .object({
    cycle: z.object({ id: z.uuid(), name: z.string(), phase: z.enum(reviewCyclePhases) }),
    subject: Person,
    view: z.enum(['overseer', 'subject']).openapi({ description: 'overseer: the chain and HR, every answer with its author; subject: the shared view' }),
    releasedAt: z.string().nullable(),
    acknowledgedAt: z.string().nullable(),
    subjectComment: z.string().nullable(),
    scale: z.array(z.object({ value: z.number(), label: z.string() })),
    skills: z.array(z.object({ skillId: z.uuid(), name: z.string(), expected: z.number().nullable(), max: z.number() })),
    goals: z.array(z.object({ goalId: z.uuid(), title: z.string() })),
    reviews: z
      .array(z.object({ id: z.uuid(), relationship: z.enum(reviewRelationships), reviewer: Person, status: z.enum(reviewStatuses), submittedAt: z.string().nullable() }))
      .openapi({ description: 'Overseers only: every review of the subject and where it stands' }),
    sections: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        questions: z.array(z.object({ id: z.string(), prompt: z.string(), kind: z.string(), answers: z.array(SharedAnswer), withheld: z.array(z.object({ relationship: z.enum(reviewRelationships), reason: z.string() })) })),
      }),
    ),
  })
  .openapi('ReviewResult');

export const AcknowledgeBody = z.strictObject({ comment: z.string().trim().max(5000).nullable().optional() }).openapi('ReviewAcknowledge');
export const ReleaseBody = z
  .strictObject({ personIds: z.array(z.uuid()).min(1).max(10_000).optional().openapi({ description: 'Everyone not yet released by default' }) })
  .openapi('ReviewRelease');
export const ReleaseResult = z.object({ released: z.number().int(), assessments: z.number().int() }).openapi('ReviewReleaseResult');

export const SharedListItem = z
  .object({ cycleId: z.uuid(), cycleName: z.string(), releasedAt: z.string(), acknowledgedAt: z.string().nullable() })
  .openapi('SharedReview');

export const EvidenceSchema = z
  .object({
    period: z.object({ startsOn: z.string(), endsOn: z.string() }),
    goals: z.array(z.object({ id: z.uuid(), title: z.string(), status: z.string(), progress: z.number(), checkIns: z.number().int(), lastConfidence: z.number().nullable() })),
    feedback: z.array(z.object({ id: z.uuid(), from: z.string(), body: z.string(), givenOn: z.string() })),
    praise: z.array(z.object({ id: z.uuid(), from: z.string(), message: z.string(), at: z.string() })),
    learning: z.array(z.object({ id: z.uuid(), title: z.string(), completedAt: z.string(), reason: z.string() })),
    oneOnOneNotes: z.array(z.object({ id: z.uuid(), seriesId: z.uuid(), heldAt: z.string(), body: z.string() })),
  })
  .openapi('ReviewEvidence');

export const ParticipantsQuery = z.object({
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50).optional(),
  cursor: z.string().max(500).optional(),
});
export const ParticipantSchema = z
  .object({
    person: z.object({ id: z.uuid(), name: z.string(), jobTitle: z.string().nullable() }),
    manager: z.string().nullable(),
    reviews: z.number().int(),
    submitted: z.number().int(),
    releasedAt: z.string().nullable(),
    acknowledgedAt: z.string().nullable(),
  })
  .openapi('ReviewParticipant');
export const MyCycleSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    phase: z.enum(reviewCyclePhases),
    nominationEndsOn: z.string().nullable(),
    writingEndsOn: z.string(),
    peers: z.object({ min: z.number().int(), max: z.number().int() }).nullable(),
    releasedAt: z.string().nullable(),
    acknowledgedAt: z.string().nullable(),
  })
  .openapi('MyReviewCycle');
