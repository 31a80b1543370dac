import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { createdAt, id, orgId, updatedAt } from './columns.ts';
import { department, group, organisation, person } from './org.ts';
import { skill } from './talent.ts';

// Performance (DESIGN.md §3): goals with key results and check-ins, 1:1s, feedback and praise.
// Hurdles belong to talent but live in this file because they point at goals and check-ins,
// and talent's schema is imported by this one.

/** Per-organisation settings of the performance side (no row: the defaults). */
export const performanceSettings = pgTable('performance_settings', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => organisation.id, { onDelete: 'cascade' }),
  /** Whether feedback may be given anonymously at all. */
  anonymousFeedback: boolean('anonymous_feedback').notNull().default(true),
  /** ISO weekday (1 = Monday) on which goal owners are reminded to check in. */
  checkInReminderWeekday: smallint('check_in_reminder_weekday').notNull().default(5),
  /** Hours before a 1:1 that both sides are asked to add talking points. */
  oneOnOneReminderHours: integer('one_on_one_reminder_hours').notNull().default(24),
  updatedAt: updatedAt(),
});

// ---- goals ----------------------------------------------------------------------------------

export const goalPeriodKinds = ['quarter', 'year', 'custom'] as const;

/** A time box goals belong to (Q1 2027, FY 2027); a closed period takes no more check-ins. */
export const goalPeriod = pgTable(
  'goal_period',
  {
    id: id(),
    orgId: orgId().references(() => organisation.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    kind: text('kind', { enum: goalPeriodKinds }).notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('goal_period_org_name_uq').on(t.orgId, sql`lower(${t.name})`), index('goal_period_dates_idx').on(t.orgId, t.startsOn)],
);

export const goalOwnerTypes = ['person', 'department', 'group', 'company'] as const;
export type GoalOwnerType = (typeof goalOwnerTypes)[number];
export const goalVisibilities = ['public', 'team', 'private'] as const;
export type GoalVisibility = (typeof goalVisibilities)[number];
/** Open goals are on track, at risk or off track; at the period's end a goal is done, missed or dropped (kept, still counted). */
export const goalStatuses = ['on_track', 'at_risk', 'off_track', 'done', 'missed', 'dropped'] as const;
export type GoalStatus = (typeof goalStatuses)[number];
export const closedGoalStatuses = ['done', 'missed', 'dropped'] as const satisfies readonly GoalStatus[];

/** An objective owned by a person, a team (department or group) or the company. */
export const goal = pgTable(
  'goal',
  {
    id: id(),
    orgId: orgId().references(() => organisation.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description'),
    ownerType: text('owner_type', { enum: goalOwnerTypes }).notNull(),
    /** Exactly one owner column is set for person, department and group goals; none for company goals. */
    ownerPersonId: uuid('owner_person_id').references(() => person.id, { onDelete: 'cascade' }),
    ownerDepartmentId: uuid('owner_department_id').references(() => department.id, { onDelete: 'cascade' }),
    ownerGroupId: uuid('owner_group_id').references(() => group.id, { onDelete: 'cascade' }),
    /** The goal this one supports (alignment); never itself or one of its descendants. */
    parentId: uuid('parent_id').references((): AnyPgColumn => goal.id, { onDelete: 'set null' }),
    periodId: uuid('period_id').references(() => goalPeriod.id, { onDelete: 'restrict' }),
    visibility: text('visibility', { enum: goalVisibilities }).notNull().default('public'),
    status: text('status', { enum: goalStatuses }).notNull().default('on_track'),
    /** Progress 0–100 from the weighted key results (or, with none, from the weighted children). */
    progress: real('progress').notNull().default(0),
    /** Weight among its parent's children (equal by default). */
    weight: real('weight').notNull().default(1),
    /** The template it was assigned from, if any. */
    templateId: uuid('template_id'),
    /** Set when several people got the goal in one bulk assignment. */
    assignmentId: uuid('assignment_id'),
    createdBy: uuid('created_by').references(() => person.id, { onDelete: 'set null' }),
    lastCheckInAt: timestamp('last_check_in_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('goal_parent_idx').on(t.orgId, t.parentId),
    index('goal_owner_person_idx').on(t.orgId, t.ownerPersonId).where(sql`owner_person_id is not null`),
    index('goal_owner_department_idx').on(t.orgId, t.ownerDepartmentId).where(sql`owner_department_id is not null`),
    index('goal_owner_group_idx').on(t.orgId, t.ownerGroupId).where(sql`owner_group_id is not null`),
    index('goal_period_idx').on(t.orgId, t.periodId, t.status),
    // The alignment tree starts from a period's roots (goals supporting nothing).
    index('goal_period_root_idx').on(t.orgId, t.periodId).where(sql`parent_id is null`),
  ],
);

export const keyResultKinds = ['number', 'percentage', 'currency', 'binary'] as const;
export type KeyResultKind = (typeof keyResultKinds)[number];

/** A measurable result of a goal: from start to target, binary ones from 0 (not done) to 1 (done). */
export const keyResult = pgTable(
  'key_result',
  {
    id: id(),
    orgId: orgId().references(() => organisation.id, { onDelete: 'cascade' }),
    goalId: uuid('goal_id')
      .notNull()
      .references(() => goal.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    kind: text('kind', { enum: keyResultKinds }).notNull(),
    /** Currency code (EUR) for currency results, a free unit (deals, NPS points) for numbers. */
    unit: text('unit'),
    startValue: doublePrecision('start_value').notNull().default(0),
    targetValue: doublePrecision('target_value').notNull(),
    currentValue: doublePrecision('current_value').notNull().default(0),
    weight: real('weight').notNull().default(1),
    position: integer('position').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('key_result_goal_idx').on(t.goalId, t.position)],
);

/** The skills a goal needs (recommendations use them); level is the level it needs, where known. */
export const goalSkill = pgTable(
  'goal_skill',
  {
    orgId: orgId(),
    goalId: uuid('goal_id')
      .notNull()
      .references(() => goal.id, { onDelete: 'cascade' }),
    skillId: uuid('skill_id')
      .notNull()
      .references(() => skill.id, { onDelete: 'cascade' }),
    level: smallint('level'),
  },
  (t) => [primaryKey({ columns: [t.goalId, t.skillId] }), index('goal_skill_skill_idx').on(t.orgId, t.skillId)],
);

/** A progress update on a goal: the key results' new values, confidence 1–10, a note, blockers. */
export const checkIn = pgTable(
  'check_in',
  {
    id: id(),
    orgId: orgId().references(() => organisation.id, { onDelete: 'cascade' }),
    goalId: uuid('goal_id')
      .notNull()
      .references(() => goal.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => person.id, { onDelete: 'set null' }),
    confidence: smallint('confidence').notNull(),
    /** The goal's status and progress as of this check-in (the history chart reads them). */
    status: text('status', { enum: goalStatuses }).notNull(),
    progress: real('progress').notNull(),
    note: text('note'),
    blockers: text('blockers'),
    /** Each key result's value at this check-in (key result id → value). */
    values: jsonb('values').$type<Record<string, number>>().notNull().default({}),
    correctedAt: timestamp('corrected_at', { withTimezone: true }),
    correctedBy: uuid('corrected_by').references(() => person.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('check_in_goal_idx').on(t.orgId, t.goalId, t.createdAt)],
);

export const goalComment = pgTable(
  'goal_comment',
  {
    id: id(),
    orgId: orgId().references(() => organisation.id, { onDelete: 'cascade' }),
    goalId: uuid('goal_id')
      .notNull()
      .references(() => goal.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => person.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('goal_comment_goal_idx').on(t.orgId, t.goalId, t.createdAt)],
);

export type GoalTemplateKeyResult = { title: string; kind: KeyResultKind; unit?: string | null; startValue?: number; targetValue: number; weight?: number };

/** A reusable goal (title, key results, skills) for bulk assignment to people, groups and departments. */
export const goalTemplate = pgTable(
  'goal_template',
  {
    id: id(),
    orgId: orgId().references(() => organisation.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description'),
    keyResults: jsonb('key_results').$type<GoalTemplateKeyResult[]>().notNull().default([]),
    skillIds: jsonb('skill_ids').$type<string[]>().notNull().default([]),
    createdBy: uuid('created_by').references(() => person.id, { onDelete: 'set null' }),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('goal_template_org_title_uq').on(t.orgId, sql`lower(${t.title})`)],
);

// ---- hurdles (talent) -------------------------------------------------------------------------

export const hurdleCategories = ['skill', 'time', 'tools', 'clarity', 'workload', 'wellbeing', 'other'] as const;
export type HurdleCategory = (typeof hurdleCategories)[number];
export const hurdleStatuses = ['open', 'in_progress', 'resolved'] as const;
export type HurdleStatus = (typeof hurdleStatuses)[number];
export const hurdleSources = ['self', 'check_in', 'one_on_one'] as const;

/** Something in the way of a goal or of applying what was learned. */
export const hurdle = pgTable(
  'hurdle',
  {
    id: id(),
    orgId: orgId().references(() => organisation.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description'),
    category: text('category', { enum: hurdleCategories }).notNull(),
    /** The skill it is about, for category skill. */
    skillId: uuid('skill_id').references(() => skill.id, { onDelete: 'set null' }),
    status: text('status', { enum: hurdleStatuses }).notNull().default('open'),
    goalId: uuid('goal_id').references(() => goal.id, { onDelete: 'set null' }),
    source: text('source', { enum: hurdleSources }).notNull().default('self'),
    /** The check-in or 1:1 talking point it was raised from. */
    sourceRecordId: uuid('source_record_id'),
    raisedBy: uuid('raised_by').references(() => person.id, { onDelete: 'set null' }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolution: text('resolution'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('hurdle_person_idx').on(t.orgId, t.personId, t.status), index('hurdle_goal_idx').on(t.orgId, t.goalId).where(sql`goal_id is not null`)],
);

// ---- 1:1s -----------------------------------------------------------------------------------

export const oneOnOneCadences = ['weekly', 'biweekly', 'monthly'] as const;
export type OneOnOneCadence = (typeof oneOnOneCadences)[number];

/** A recurring 1:1 between two people, usually a manager (organiser) and a report (attendee). */
export const oneOnOneSeries = pgTable(
  'one_on_one_series',
  {
    id: id(),
    orgId: orgId().references(() => organisation.id, { onDelete: 'cascade' }),
    organiserId: uuid('organiser_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    attendeeId: uuid('attendee_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    cadence: text('cadence', { enum: oneOnOneCadences }).notNull(),
    /** The first meeting; later ones follow the cadence in the organiser's time zone. */
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    durationMinutes: integer('duration_minutes').notNull().default(30),
    timeZone: text('time_zone').notNull().default('UTC'),
    location: text('location'),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => person.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('one_on_one_series_organiser_idx').on(t.orgId, t.organiserId),
    index('one_on_one_series_attendee_idx').on(t.orgId, t.attendeeId),
    uniqueIndex('one_on_one_series_pair_uq').on(t.orgId, t.organiserId, t.attendeeId).where(sql`ended_at is null`),
  ],
);

export const oneOnOneMeetingStatuses = ['scheduled', 'held', 'cancelled'] as const;

export const oneOnOneMeeting = pgTable(
  'one_on_one_meeting',
  {
    id: id(),
    orgId: orgId().references(() => organisation.id, { onDelete: 'cascade' }),
    seriesId: uuid('series_id')
      .notNull()
      .references(() => oneOnOneSeries.id, { onDelete: 'cascade' }),
    scheduledAt: timestamp('scheduled_at', { withTimezone: true }).notNull(),
    status: text('status', { enum: oneOnOneMeetingStatuses }).notNull().default('scheduled'),
    heldAt: timestamp('held_at', { withTimezone: true }),
    /** When both sides were last reminded to add talking points (the reminder job is idempotent on it). */
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('one_on_one_meeting_series_at_uq').on(t.seriesId, t.scheduledAt), index('one_on_one_meeting_org_at_idx').on(t.orgId, t.scheduledAt)],
);

/** A talking point: shared with the other participant or private to its author; undiscussed ones carry over. */
export const agendaItem = pgTable(
  'agenda_item',
  {
    id: id(),
    orgId: orgId().references(() => organisation.id, { onDelete: 'cascade' }),
    seriesId: uuid('series_id')
      .notNull()
      .references(() => oneOnOneSeries.id, { onDelete: 'cascade' }),
    /** The meeting it is on now (moves forward when carried over). */
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => oneOnOneMeeting.id, { onDelete: 'cascade' }),
    /** The meeting it was first put on. */
    firstMeetingId: uuid('first_meeting_id').references(() => oneOnOneMeeting.id, { onDelete: 'set null' }),
    authorId: uuid('author_id').references(() => person.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    private: boolean('private').notNull().default(false),
    /** The bank topic it came from (career, wellbeing, …). */
    topicId: uuid('topic_id'),
    /** What it came from: a check-in answer, for example. */
    sourceRecordType: text('source_record_type'),
    sourceRecordId: uuid('source_record_id'),
    /** A goal or hurdle linked from the point (one step from the 1:1). */
    goalId: uuid('goal_id').references(() => goal.id, { onDelete: 'set null' }),
    hurdleId: uuid('hurdle_id').references(() => hurdle.id, { onDelete: 'set null' }),
    position: real('position').notNull().default(0),
    discussedAt: timestamp('discussed_at', { withTimezone: true }),
    carriedOverCount: integer('carried_over_count').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('agenda_item_meeting_idx').on(t.orgId, t.meetingId, t.position), index('agenda_item_series_idx').on(t.orgId, t.seriesId)],
);

/** Something to do after a 1:1; carried forward until done, showing the talking point it came from. */
export const actionItem = pgTable(
  'action_item',
  {
    id: id(),
    orgId: orgId().references(() => organisation.id, { onDelete: 'cascade' }),
    seriesId: uuid('series_id')
      .notNull()
      .references(() => oneOnOneSeries.id, { onDelete: 'cascade' }),
    /** The meeting it was agreed in. */
    meetingId: uuid('meeting_id').references(() => oneOnOneMeeting.id, { onDelete: 'set null' }),
    agendaItemId: uuid('agenda_item_id').references(() => agendaItem.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    assigneeId: uuid('assignee_id').references(() => person.id, { onDelete: 'set null' }),
    dueOn: date('due_on', { mode: 'string' }),
    doneAt: timestamp('done_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => person.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('action_item_series_idx').on(t.orgId, t.seriesId, t.doneAt)],
);

/** Notes of a meeting: one shared note both participants edit, and one private note per author. */
export const oneOnOneNote = pgTable(
  'one_on_one_note',
  {
    id: id(),
    orgId: orgId().references(() => organisation.id, { onDelete: 'cascade' }),
    seriesId: uuid('series_id')
      .notNull()
      .references(() => oneOnOneSeries.id, { onDelete: 'cascade' }),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => oneOnOneMeeting.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => person.id, { onDelete: 'set null' }),
    private: boolean('private').notNull().default(false),
    body: text('body').notNull().default(''),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('one_on_one_note_shared_uq').on(t.meetingId).where(sql`not private`),
    uniqueIndex('one_on_one_note_private_uq').on(t.meetingId, t.authorId).where(sql`private`),
  ],
);

export const talkingPointCategories = ['career', 'wellbeing', 'feedback', 'growth', 'blockers', 'other'] as const;

/** The bank of suggested 1:1 topics admins edit. */
export const talkingPointTopic = pgTable(
  'talking_point_topic',
  {
    id: id(),
    orgId: orgId().references(() => organisation.id, { onDelete: 'cascade' }),
    category: text('category', { enum: talkingPointCategories }).notNull(),
    text: text('text').notNull(),
    position: integer('position').notNull().default(0),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('talking_point_topic_org_idx').on(t.orgId, t.category, t.position)],
);

// ---- feedback and praise ------------------------------------------------------------------------

/** A company value praise is tied to (configurable per organisation). */
export const companyValue = pgTable(
  'company_value',
  {
    id: id(),
    orgId: orgId().references(() => organisation.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description'),
    position: integer('position').notNull().default(0),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('company_value_org_name_uq').on(t.orgId, sql`lower(${t.name})`)],
);

export const praiseVisibilities = ['public', 'private'] as const;

/** Recognition from one person to one or more others: in the public feed, or private to the people in it. */
export const praise = pgTable(
  'praise',
  {
    id: id(),
    orgId: orgId().references(() => organisation.id, { onDelete: 'cascade' }),
    giverId: uuid('giver_id').references(() => person.id, { onDelete: 'set null' }),
    message: text('message').notNull(),
    visibility: text('visibility', { enum: praiseVisibilities }).notNull().default('public'),
    valueIds: jsonb('value_ids').$type<string[]>().notNull().default([]),
    skillIds: jsonb('skill_ids').$type<string[]>().notNull().default([]),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('praise_feed_idx').on(t.orgId, t.createdAt).where(sql`visibility = 'public'`), index('praise_giver_idx').on(t.orgId, t.giverId)],
);

export const praiseRecipient = pgTable(
  'praise_recipient',
  {
    orgId: orgId(),
    praiseId: uuid('praise_id')
      .notNull()
      .references(() => praise.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.praiseId, t.personId] }), index('praise_recipient_person_idx').on(t.orgId, t.personId)],
);

export const praiseReaction = pgTable(
  'praise_reaction',
  {
    orgId: orgId(),
    praiseId: uuid('praise_id')
      .notNull()
      .references(() => praise.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    emoji: text('emoji').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.praiseId, t.personId, t.emoji] })],
);

export const praiseComment = pgTable(
  'praise_comment',
  {
    id: id(),
    orgId: orgId().references(() => organisation.id, { onDelete: 'cascade' }),
    praiseId: uuid('praise_id')
      .notNull()
      .references(() => praise.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => person.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('praise_comment_praise_idx').on(t.praiseId, t.createdAt)],
);

export type FeedbackQuestion = { id: string; text: string };

/** A request for feedback on someone (the requester themself, or a manager's report) from chosen givers. */
export const feedbackRequest = pgTable(
  'feedback_request',
  {
    id: id(),
    orgId: orgId().references(() => organisation.id, { onDelete: 'cascade' }),
    requesterId: uuid('requester_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    /** Whom the feedback is about: the requester, or a report of theirs. */
    subjectId: uuid('subject_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    message: text('message'),
    questions: jsonb('questions').$type<FeedbackQuestion[]>().notNull().default([]),
    skillIds: jsonb('skill_ids').$type<string[]>().notNull().default([]),
    /** Whether givers may answer anonymously (only where the organisation allows it). */
    allowAnonymous: boolean('allow_anonymous').notNull().default(false),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('feedback_request_requester_idx').on(t.orgId, t.requesterId), index('feedback_request_subject_idx').on(t.orgId, t.subjectId)],
);

export const feedbackInvitationStatuses = ['pending', 'answered', 'declined'] as const;

/** One giver asked by a request; reminders are sent to the pending ones. */
export const feedbackInvitation = pgTable(
  'feedback_invitation',
  {
    id: id(),
    orgId: orgId().references(() => organisation.id, { onDelete: 'cascade' }),
    requestId: uuid('request_id')
      .notNull()
      .references(() => feedbackRequest.id, { onDelete: 'cascade' }),
    giverId: uuid('giver_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    status: text('status', { enum: feedbackInvitationStatuses }).notNull().default('pending'),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('feedback_invitation_request_giver_uq').on(t.requestId, t.giverId), index('feedback_invitation_giver_idx').on(t.orgId, t.giverId, t.status)],
);

export type FeedbackAnswer = { questionId: string; text: string };
export type FeedbackSkillRating = { skillId: string; level: number };

/**
 * Given feedback. Anonymous feedback keeps no giver, a random (not time-ordered) id and only the
 * day it was given, so neither a field nor the order of rows can point back at who wrote it.
 */
export const feedback = pgTable(
  'feedback',
  {
    id: uuid('id').primaryKey(),
    orgId: orgId().references(() => organisation.id, { onDelete: 'cascade' }),
    requestId: uuid('request_id').references(() => feedbackRequest.id, { onDelete: 'set null' }),
    /** The person the feedback is about. */
    subjectId: uuid('subject_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    /** Who receives it: the subject, or the manager who requested it about a report. */
    receiverId: uuid('receiver_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    giverId: uuid('giver_id').references(() => person.id, { onDelete: 'set null' }),
    anonymous: boolean('anonymous').notNull().default(false),
    /** The giver allows the receiver's manager chain to read it. */
    shareWithManagers: boolean('share_with_managers').notNull().default(false),
    /** For feedback a manager requested about a report: the giver allows the report to read it. */
    shareWithSubject: boolean('share_with_subject').notNull().default(false),
    body: text('body'),
    answers: jsonb('answers').$type<FeedbackAnswer[]>().notNull().default([]),
    skillRatings: jsonb('skill_ratings').$type<FeedbackSkillRating[]>().notNull().default([]),
    valueIds: jsonb('value_ids').$type<string[]>().notNull().default([]),
    givenOn: date('given_on', { mode: 'string' }).notNull(),
  },
  (t) => [index('feedback_receiver_idx').on(t.orgId, t.receiverId, t.givenOn), index('feedback_subject_idx').on(t.orgId, t.subjectId, t.givenOn), index('feedback_giver_idx').on(t.orgId, t.giverId).where(sql`giver_id is not null`)],
);
