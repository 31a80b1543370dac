import { z } from '@hono/zod-openapi';
import { oneOnOneCadences, oneOnOneMeetingStatuses, talkingPointCategories } from '../../../db/schema/performance.ts';
import { IsoDateTime, PageQuery } from '../../../platform/http/openapi.ts';
import { IsoDate, TimeZone } from '../../org/index.ts';

const text = (max: number, what: string) => z.string().trim().min(1, `Enter ${what}`).max(max, `At most ${max} characters`);

export const AgendaItemSchema = z
  .object({
    id: z.uuid(),
    seriesId: z.uuid(),
    meetingId: z.uuid(),
    firstMeetingId: z.uuid().nullable(),
    authorId: z.uuid().nullable(),
    authorName: z.string().nullable(),
    body: z.string(),
    private: z.boolean(),
    topicId: z.uuid().nullable(),
    sourceRecordType: z.string().nullable(),
    sourceRecordId: z.uuid().nullable(),
    goalId: z.uuid().nullable(),
    goalTitle: z.string().nullable(),
    hurdleId: z.uuid().nullable(),
    hurdleTitle: z.string().nullable(),
    position: z.number(),
    discussedAt: z.string().nullable(),
    carriedOverCount: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('AgendaItem');

export const ActionItemSchema = z
  .object({
    id: z.uuid(),
    seriesId: z.uuid(),
    meetingId: z.uuid().nullable(),
    meetingAt: z.string().nullable(),
    agendaItemId: z.uuid().nullable(),
    /** The talking point it came from, when the viewer may read it. */
    agendaItemBody: z.string().nullable(),
    title: z.string(),
    assigneeId: z.uuid().nullable(),
    assigneeName: z.string().nullable(),
    dueOn: z.string().nullable(),
    doneAt: z.string().nullable(),
    createdBy: z.uuid().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('ActionItem');

export const NoteSchema = z
  .object({ id: z.uuid(), meetingId: z.uuid(), authorId: z.uuid().nullable(), private: z.boolean(), body: z.string(), updatedAt: z.string() })
  .openapi('OneOnOneNote');

export const MeetingSchema = z
  .object({
    id: z.uuid(),
    seriesId: z.uuid(),
    scheduledAt: z.string(),
    status: z.enum(oneOnOneMeetingStatuses),
    heldAt: z.string().nullable(),
    agenda: z.array(AgendaItemSchema),
    actions: z.array(ActionItemSchema),
    sharedNote: NoteSchema.nullable(),
    privateNote: NoteSchema.nullable(),
  })
  .openapi('OneOnOneMeeting');

const PersonRef = z.object({ id: z.uuid(), name: z.string() });

export const SeriesSchema = z
  .object({
    id: z.uuid(),
    organiser: PersonRef,
    attendee: PersonRef,
    /** The other participant, seen from the viewer. */
    with: PersonRef,
    cadence: z.enum(oneOnOneCadences),
    startsAt: z.string(),
    durationMinutes: z.number().int(),
    timeZone: z.string(),
    location: z.string().nullable(),
    endedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('OneOnOneSeries');

export const SeriesListItemSchema = SeriesSchema.extend({
  nextMeetingId: z.uuid().nullable(),
  nextMeetingAt: z.string().nullable(),
  lastHeldAt: z.string().nullable(),
}).openapi('OneOnOneSeriesListItem');

export const SeriesDetailSchema = SeriesSchema.extend({
  meetings: z.array(z.object({ id: z.uuid(), scheduledAt: z.string(), status: z.enum(oneOnOneMeetingStatuses), heldAt: z.string().nullable(), agendaCount: z.number().int() })),
  /** The next meeting times by the cadence rule (materialised or not). */
  nextDates: z.array(z.string()),
  current: MeetingSchema.nullable(),
}).openapi('OneOnOneSeriesDetail');

export const SeriesCreate = z
  .strictObject({
    withPersonId: z.uuid().openapi({ description: 'The other participant (a report, a manager, a colleague)' }),
    cadence: z.enum(oneOnOneCadences),
    startsAt: IsoDateTime().openapi({ description: 'The first meeting' }),
    durationMinutes: z.number().int().min(5).max(480).optional(),
    timeZone: TimeZone.optional().openapi({ description: "Time zone of the cadence (default: the creator's, else UTC)" }),
    location: z.string().trim().max(500).nullable().optional(),
  })
  .openapi('OneOnOneSeriesCreate');

export const SeriesListQuery = z.object({ ...PageQuery, includeEnded: z.enum(['true', 'false']).optional() });

export const AgendaItemCreate = z
  .strictObject({ body: text(2000, 'a talking point'), private: z.boolean().optional(), topicId: z.uuid().nullable().optional() })
  .openapi('AgendaItemCreate');

export const AgendaItemUpdate = z
  .strictObject({ body: text(2000, 'a talking point').optional(), private: z.boolean().optional(), discussed: z.boolean().optional() })
  .openapi('AgendaItemUpdate');

export const AgendaOrder = z.strictObject({ ids: z.array(z.uuid()).min(1).max(500) }).openapi('AgendaOrder');

export const ActionItemCreate = z
  .strictObject({
    title: text(500, 'an action'),
    assigneeId: z.uuid().nullable().optional(),
    dueOn: IsoDate.nullable().optional(),
    agendaItemId: z.uuid().nullable().optional(),
  })
  .openapi('ActionItemCreate');

export const ActionItemUpdate = z
  .strictObject({ title: text(500, 'an action').optional(), assigneeId: z.uuid().nullable().optional(), dueOn: IsoDate.nullable().optional(), done: z.boolean().optional() })
  .openapi('ActionItemUpdate');

export const NoteWrite = z.strictObject({ body: z.string().max(20000, 'At most 20,000 characters') }).openapi('OneOnOneNoteWrite');

export const LinkRecord = z
  .strictObject({ goalId: z.uuid().nullable().optional(), hurdleId: z.uuid().nullable().optional() })
  .openapi('AgendaItemLink');

export const AssignFromOneOnOne = z
  .strictObject({
    courseId: z.uuid().optional(),
    programId: z.uuid().optional(),
    /** The participant to enrol; by default the other one. */
    personId: z.uuid().optional(),
    dueAt: IsoDateTime().nullable().optional(),
  })
  .refine((v) => !!v.courseId !== !!v.programId, { path: ['courseId'], message: 'Choose a course or a program' })
  .openapi('AssignFromOneOnOne');

export const PlanItemFromOneOnOne = z
  .strictObject({
    title: text(300, 'a title'),
    actionType: z.enum(['course', 'program', 'mentoring', 'project', 'stretch_assignment', 'other']).optional(),
    courseId: z.uuid().optional(),
    programId: z.uuid().optional(),
    skillId: z.uuid().optional(),
    dueDate: IsoDate.optional(),
    personId: z.uuid().optional(),
  })
  .openapi('PlanItemFromOneOnOne');

export const TopicSchema = z
  .object({ id: z.uuid(), category: z.enum(talkingPointCategories), text: z.string(), position: z.number().int(), archived: z.boolean() })
  .openapi('TalkingPointTopic');

export const TopicCreate = z
  .strictObject({ category: z.enum(talkingPointCategories), text: text(300, 'a topic'), position: z.number().int().min(0).max(10000).optional() })
  .openapi('TalkingPointTopicCreate');

export const TopicUpdate = z
  .strictObject({
    category: z.enum(talkingPointCategories).optional(),
    text: text(300, 'a topic').optional(),
    position: z.number().int().min(0).max(10000).optional(),
    /** false restores an archived topic (DELETE archives it). */
    archived: z.boolean().optional(),
  })
  .openapi('TalkingPointTopicUpdate');

export const CadenceQuery = z.object({ ...PageQuery, weeks: z.coerce.number().int().min(1).max(52).default(4).optional() });

export const CadenceRowSchema = z
  .object({
    personId: z.uuid(),
    name: z.string(),
    managerId: z.uuid().nullable(),
    managerName: z.string().nullable(),
    lastHeldAt: z.string().nullable(),
    hasActiveSeries: z.boolean(),
  })
  .openapi('OneOnOneCadenceRow');
