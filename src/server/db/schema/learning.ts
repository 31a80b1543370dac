import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, orgId, updatedAt } from './columns.ts';
import { organisation, person } from './org.ts';
import { skill } from './talent.ts';

// ---- course content (one immutable JSON document per published version) ----------------------

import type { CourseContent } from '../../../shared/course-content.ts';

export {
  questionKinds,
  type ContentBlock,
  type CourseContent,
  type CourseSection,
  type Lesson,
  type QuestionKind,
  type Quiz,
  type QuizOption,
  type QuizQuestion,
  type RichTextDoc,
  type RichTextNode,
} from '../../../shared/course-content.ts';

// ---- catalog --------------------------------------------------------------------------------

export const courseFormats = ['self_paced', 'live', 'external'] as const;
export type CourseFormat = (typeof courseFormats)[number];
export const catalogStatuses = ['draft', 'published', 'archived'] as const;

export const course = pgTable(
  'course',
  {
    id: id(),
    orgId: orgId().references(() => organisation.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    summary: text('summary'),
    coverFileId: uuid('cover_file_id'),
    estimatedMinutes: integer('estimated_minutes'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    format: text('format', { enum: courseFormats }).notNull().default('self_paced'),
    /** format external: where the learning happens. */
    externalUrl: text('external_url'),
    /** Open in the catalog for self-enrolment. */
    selfEnrollment: boolean('self_enrollment').notNull().default(true),
    status: text('status', { enum: catalogStatuses }).notNull().default('draft'),
    /** The version new enrolments start on. */
    publishedVersionId: uuid('published_version_id'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    searchText: text('search_text').generatedAlwaysAs(
      sql`lower(title || ' ' || coalesce(summary, ''))`,
    ),
  },
  (t) => [
    index('course_org_status_idx').on(t.orgId, t.status, t.title),
    index('course_search_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
  ],
);

export const courseVersion = pgTable(
  'course_version',
  {
    id: id(),
    orgId: orgId(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => course.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    status: text('status', { enum: ['draft', 'published', 'retired'] }).notNull().default('draft'),
    content: jsonb('content').$type<CourseContent>().notNull(),
    /** Bumped on every save of a draft: editors send it back to detect concurrent edits. */
    revision: integer('revision').notNull().default(1),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedBy: uuid('published_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('course_version_number_uq').on(t.courseId, t.number),
    uniqueIndex('course_version_one_draft_uq').on(t.courseId).where(sql`status = 'draft'`),
  ],
);

export const courseSkill = pgTable(
  'course_skill',
  {
    orgId: orgId(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => course.id, { onDelete: 'cascade' }),
    skillId: uuid('skill_id')
      .notNull()
      .references(() => skill.id, { onDelete: 'cascade' }),
    /** The level the course brings a learner to. */
    level: smallint('level').notNull(),
  },
  (t) => [primaryKey({ columns: [t.courseId, t.skillId] }), index('course_skill_skill_idx').on(t.orgId, t.skillId)],
);

export const coursePrerequisite = pgTable(
  'course_prerequisite',
  {
    orgId: orgId(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => course.id, { onDelete: 'cascade' }),
    prerequisiteId: uuid('prerequisite_id')
      .notNull()
      .references(() => course.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.courseId, t.prerequisiteId] })],
);

/** A learning path: ordered steps of courses (any format) and checkpoints. */
export const program = pgTable(
  'program',
  {
    id: id(),
    orgId: orgId().references(() => organisation.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    summary: text('summary'),
    coverFileId: uuid('cover_file_id'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    enforceOrder: boolean('enforce_order').notNull().default(false),
    /** Due this many days after enrolment, unless the assignment sets a date. */
    dueDays: integer('due_days'),
    selfEnrollment: boolean('self_enrollment').notNull().default(true),
    status: text('status', { enum: catalogStatuses }).notNull().default('draft'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    searchText: text('search_text').generatedAlwaysAs(
      sql`lower(title || ' ' || coalesce(summary, ''))`,
    ),
  },
  (t) => [index('program_org_status_idx').on(t.orgId, t.status, t.title)],
);

export const evidenceKinds = ['file', 'text', 'link'] as const;

export const programStep = pgTable(
  'program_step',
  {
    id: id(),
    orgId: orgId(),
    programId: uuid('program_id')
      .notNull()
      .references(() => program.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    kind: text('kind', { enum: ['course', 'checkpoint'] }).notNull(),
    courseId: uuid('course_id').references(() => course.id, { onDelete: 'restrict' }),
    // checkpoint: a task done outside the platform, with evidence and an approver
    title: text('title'),
    instructions: text('instructions'),
    evidenceKinds: text('evidence_kinds').array().$type<Array<(typeof evidenceKinds)[number]>>(),
    approver: text('approver', { enum: ['manager', 'person'] }),
    approverPersonId: uuid('approver_person_id').references(() => person.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('program_step_program_idx').on(t.programId, t.position)],
);

// ---- enrolments -----------------------------------------------------------------------------

/** Why a person is learning something (DESIGN.md §2.1): the link later measures the effect. */
export const reasonTypes = [
  'skill_gap',
  'goal',
  'review',
  'one_on_one',
  'hurdle',
  'aspiration',
  'compliance',
  'onboarding',
  'self',
] as const;
export type ReasonType = (typeof reasonTypes)[number];
export type EnrollmentBaselineSignal = { goalProgress?: number; goalStatus?: string; hurdleStatus?: string };
export const enrollmentSources = ['assigned', 'self', 'rule', 'recommendation'] as const;
export const enrollmentStatuses = ['not_started', 'in_progress', 'completed', 'failed', 'expired'] as const;
export type EnrollmentStatus = (typeof enrollmentStatuses)[number];
/**
 * Open: the learner still has it to do (a failed quiz leaves the course open to retry); overdue
 * is open and past due. Every query and check of "open" uses these, never its own list.
 */
export const openEnrollmentStatuses = ['not_started', 'in_progress', 'failed'] as const satisfies readonly EnrollmentStatus[];
const openStatusList = sql.raw(`(${openEnrollmentStatuses.map((s) => `'${s}'`).join(', ')})`);
/** `<status> in ('not_started', 'in_progress', 'failed')`, for any status column or alias (`sql\`e.status\``). */
export const isOpenStatus = (status: SQLWrapper): SQL => sql`${status} in ${openStatusList}`;
export const isOpenEnrollment = (status: EnrollmentStatus): boolean => (openEnrollmentStatuses as readonly string[]).includes(status);
/** At most one open enrolment per person and course (or program): assigning again is a no-op. */
export const openEnrollment = isOpenStatus(sql`status`);

export const enrollment = pgTable(
  'enrollment',
  {
    id: id(),
    orgId: orgId().references(() => organisation.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    courseId: uuid('course_id').references(() => course.id, { onDelete: 'cascade' }),
    programId: uuid('program_id').references(() => program.id, { onDelete: 'cascade' }),
    /** The course version the learner started on; they keep it unless a new one is pushed. */
    versionId: uuid('version_id'),
    /** The program enrolment this course enrolment is a step of. */
    parentEnrollmentId: uuid('parent_enrollment_id'),
    reasonType: text('reason_type', { enum: reasonTypes }).notNull(),
    /** The record that caused it (a skill assessment, goal, review, 1:1, hurdle…), where there is one. */
    reasonRecordType: text('reason_record_type'),
    reasonRecordId: uuid('reason_record_id'),
    reasonNote: text('reason_note'),
    /**
     * The current level of each skill the reason concerns, at assignment (skill id → level, null
     * when not yet assessed): what the loop compares the level after completion against.
     */
    baselineLevels: jsonb('baseline_levels').$type<Record<string, number | null>>(),
    /**
     * The reason record's own signal at assignment (a goal's progress and status, a hurdle's
     * status): what the loop later compares against for goal and hurdle reasons.
     */
    baselineSignal: jsonb('baseline_signal').$type<EnrollmentBaselineSignal>(),
    source: text('source', { enum: enrollmentSources }).notNull(),
    assignedBy: uuid('assigned_by'),
    assignmentId: uuid('assignment_id'),
    complianceRuleId: uuid('compliance_rule_id'),
    status: text('status', { enum: enrollmentStatuses }).notNull().default('not_started'),
    dueAt: timestamp('due_at', { withTimezone: true }),
    startedAt: timestamp('started_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    /** Best quiz score, percent. */
    score: integer('score'),
    progress: integer('progress').notNull().default(0),
    timeSpentSeconds: integer('time_spent_seconds').notNull().default(0),
    lastLessonId: text('last_lesson_id'),
    lastActivityAt: timestamp('last_activity_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('enrollment_person_idx').on(t.orgId, t.personId, t.status),
    index('enrollment_course_idx').on(t.orgId, t.courseId, t.status),
    index('enrollment_program_idx').on(t.orgId, t.programId, t.status),
    index('enrollment_due_idx').on(t.orgId, t.dueAt).where(openEnrollment),
    index('enrollment_expires_idx').on(t.orgId, t.expiresAt).where(sql`status = 'completed' and expires_at is not null`),
    index('enrollment_parent_idx').on(t.parentEnrollmentId),
    uniqueIndex('enrollment_open_course_uq').on(t.orgId, t.personId, t.courseId).where(sql`course_id is not null and ${openEnrollment}`),
    uniqueIndex('enrollment_open_program_uq').on(t.orgId, t.personId, t.programId).where(sql`program_id is not null and ${openEnrollment}`),
  ],
);

/** A bulk assignment (people, a group or a department); group ones can enrol newcomers. */
export const learningAssignment = pgTable(
  'learning_assignment',
  {
    id: id(),
    orgId: orgId().references(() => organisation.id, { onDelete: 'cascade' }),
    courseId: uuid('course_id').references(() => course.id, { onDelete: 'cascade' }),
    programId: uuid('program_id').references(() => program.id, { onDelete: 'cascade' }),
    targetType: text('target_type', { enum: ['people', 'group', 'department'] }).notNull(),
    targetId: uuid('target_id'),
    reasonType: text('reason_type', { enum: reasonTypes }).notNull(),
    reasonRecordType: text('reason_record_type'),
    reasonRecordId: uuid('reason_record_id'),
    reasonNote: text('reason_note'),
    dueAt: timestamp('due_at', { withTimezone: true }),
    /** Newcomers get this many days from their enrolment. */
    dueDays: integer('due_days'),
    enrollNewcomers: boolean('enroll_newcomers').notNull().default(false),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [index('learning_assignment_target_idx').on(t.orgId, t.targetType, t.targetId)],
);

export const lessonProgress = pgTable(
  'lesson_progress',
  {
    orgId: orgId(),
    enrollmentId: uuid('enrollment_id')
      .notNull()
      .references(() => enrollment.id, { onDelete: 'cascade' }),
    lessonId: text('lesson_id').notNull(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    timeSpentSeconds: integer('time_spent_seconds').notNull().default(0),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.enrollmentId, t.lessonId] })],
);

/** The drawn questions and option order of one attempt; graded once, on the server. */
export type AttemptQuestion = { questionId: string; optionOrder: string[] };
export type AttemptItem = { questionId: string; correct: boolean; earned: number; possible: number };

export const quizAttempt = pgTable(
  'quiz_attempt',
  {
    id: id(),
    orgId: orgId(),
    enrollmentId: uuid('enrollment_id')
      .notNull()
      .references(() => enrollment.id, { onDelete: 'cascade' }),
    personId: uuid('person_id').notNull(),
    courseId: uuid('course_id').notNull(),
    versionId: uuid('version_id').notNull(),
    lessonId: text('lesson_id').notNull(),
    quizId: text('quiz_id').notNull(),
    number: integer('number').notNull(),
    questions: jsonb('questions').$type<AttemptQuestion[]>().notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    deadlineAt: timestamp('deadline_at', { withTimezone: true }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    answers: jsonb('answers').$type<Record<string, unknown>>(),
    score: integer('score'),
    passed: boolean('passed'),
    timedOut: boolean('timed_out').notNull().default(false),
    items: jsonb('items').$type<AttemptItem[]>(),
  },
  (t) => [
    uniqueIndex('quiz_attempt_number_uq').on(t.enrollmentId, t.quizId, t.number),
    index('quiz_attempt_course_idx').on(t.orgId, t.courseId, t.quizId),
  ],
);

/** End-of-course reaction survey (Kirkpatrick level 1). */
export const courseReaction = pgTable(
  'course_reaction',
  {
    id: id(),
    orgId: orgId(),
    enrollmentId: uuid('enrollment_id')
      .notNull()
      .unique()
      .references(() => enrollment.id, { onDelete: 'cascade' }),
    courseId: uuid('course_id').notNull(),
    personId: uuid('person_id').notNull(),
    relevance: smallint('relevance').notNull(),
    confidence: smallint('confidence').notNull(),
    intentToApply: smallint('intent_to_apply').notNull(),
    comment: text('comment'),
    createdAt: createdAt(),
  },
  (t) => [index('course_reaction_course_idx').on(t.orgId, t.courseId)],
);

export const certificate = pgTable(
  'certificate',
  {
    id: id(),
    orgId: orgId(),
    enrollmentId: uuid('enrollment_id')
      .notNull()
      .unique()
      .references(() => enrollment.id, { onDelete: 'cascade' }),
    personId: uuid('person_id').notNull(),
    courseId: uuid('course_id'),
    programId: uuid('program_id'),
    /** Snapshots: the certificate says what was true when it was issued. */
    title: text('title').notNull(),
    personName: text('person_name').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    verificationCode: text('verification_code').notNull().unique(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('certificate_person_idx').on(t.orgId, t.personId)],
);

// ---- live training ---------------------------------------------------------------------------

export const liveSession = pgTable(
  'live_session',
  {
    id: id(),
    orgId: orgId(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => course.id, { onDelete: 'cascade' }),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    /** IANA zone the session is held in, for display and the calendar invitation. */
    timeZone: text('time_zone').notNull(),
    location: text('location'),
    meetingUrl: text('meeting_url'),
    instructorId: uuid('instructor_id').references(() => person.id, { onDelete: 'set null' }),
    capacity: integer('capacity').notNull(),
    status: text('status', { enum: ['scheduled', 'cancelled'] }).notNull().default('scheduled'),
    notes: text('notes'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('live_session_course_idx').on(t.orgId, t.courseId, t.startsAt)],
);

export const sessionRegistration = pgTable(
  'session_registration',
  {
    id: id(),
    orgId: orgId(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => liveSession.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    enrollmentId: uuid('enrollment_id').references(() => enrollment.id, { onDelete: 'set null' }),
    status: text('status', { enum: ['registered', 'waitlisted', 'cancelled'] }).notNull(),
    attendance: text('attendance', { enum: ['present', 'absent', 'excused'] }),
    /** iCalendar SEQUENCE: bumped whenever the invitation changes. */
    icalSequence: integer('ical_sequence').notNull().default(0),
    registeredAt: timestamp('registered_at', { withTimezone: true }).notNull(),
    promotedAt: timestamp('promoted_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    /** When the day-before reminder went out; cleared when the session moves. */
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('session_registration_active_uq').on(t.sessionId, t.personId).where(sql`status <> 'cancelled'`),
    index('session_registration_session_idx').on(t.sessionId, t.status, t.registeredAt),
    index('session_registration_person_idx').on(t.orgId, t.personId),
  ],
);

// ---- checkpoints -----------------------------------------------------------------------------

export const checkpointSubmission = pgTable(
  'checkpoint_submission',
  {
    id: id(),
    orgId: orgId(),
    /** The program enrolment the checkpoint belongs to. */
    enrollmentId: uuid('enrollment_id')
      .notNull()
      .references(() => enrollment.id, { onDelete: 'cascade' }),
    stepId: uuid('step_id')
      .notNull()
      .references(() => programStep.id, { onDelete: 'cascade' }),
    personId: uuid('person_id').notNull(),
    evidenceText: text('evidence_text'),
    evidenceUrl: text('evidence_url'),
    evidenceFileId: uuid('evidence_file_id'),
    status: text('status', { enum: ['submitted', 'approved', 'returned'] }).notNull(),
    reviewerId: uuid('reviewer_id'),
    reviewComment: text('review_comment'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
  },
  (t) => [
    index('checkpoint_submission_enrollment_idx').on(t.enrollmentId, t.stepId),
    index('checkpoint_submission_reviewer_idx').on(t.orgId, t.status),
  ],
);

// ---- compliance ------------------------------------------------------------------------------

export const complianceRule = pgTable(
  'compliance_rule',
  {
    id: id(),
    orgId: orgId().references(() => organisation.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    courseId: uuid('course_id').references(() => course.id, { onDelete: 'cascade' }),
    programId: uuid('program_id').references(() => program.id, { onDelete: 'cascade' }),
    audienceType: text('audience_type', { enum: ['everyone', 'group', 'department'] }).notNull(),
    audienceId: uuid('audience_id'),
    /** A completion stays valid this long. */
    validForMonths: integer('valid_for_months').notNull(),
    /** Re-enrol this many days before a completion expires. */
    reenrollDaysBefore: integer('reenroll_days_before').notNull().default(30),
    /** Days a person has to complete after being enrolled. */
    dueDays: integer('due_days').notNull().default(30),
    /** Tell the manager this many days after the due date; null: never. */
    escalateAfterDays: integer('escalate_after_days'),
    active: boolean('active').notNull().default(true),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('compliance_rule_org_name_uq').on(t.orgId, sql`lower(${t.name})`)],
);

/** Learning done elsewhere, recorded by the learner or an admin, for the transcript. */
export const externalLearning = pgTable(
  'external_learning',
  {
    id: id(),
    orgId: orgId(),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    provider: text('provider'),
    kind: text('kind', { enum: ['course', 'certification', 'conference', 'book', 'other'] }).notNull().default('course'),
    completedOn: date('completed_on', { mode: 'string' }).notNull(),
    durationMinutes: integer('duration_minutes'),
    evidenceUrl: text('evidence_url'),
    evidenceFileId: uuid('evidence_file_id'),
    notes: text('notes'),
    recordedBy: uuid('recorded_by'),
    createdAt: createdAt(),
  },
  (t) => [index('external_learning_person_idx').on(t.orgId, t.personId, t.completedOn)],
);

/** One row per reminder (or enrolment notice) sent, so jobs that run again never send it twice. */
export const learningReminder = pgTable(
  'learning_reminder',
  {
    orgId: orgId(),
    enrollmentId: uuid('enrollment_id')
      .notNull()
      .references(() => enrollment.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['enrolled', 'due_soon', 'overdue', 'escalation', 'expiring'] }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.enrollmentId, t.kind] })],
);
