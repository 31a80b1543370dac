import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, real, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, orgId, updatedAt } from './columns.ts';
import { course, enrollment, program, reasonTypes, type ReasonType } from './learning.ts';
import { organisation, person } from './org.ts';
import { skill } from './talent.ts';

export const recommendationItemTypes = ['course', 'program'] as const;

/** One piece of evidence behind a recommendation: a gap, with the record that showed it. */
export type RecommendationEvidence = {
  kind: 'profile_gap' | 'aspiration_gap' | 'hurdle' | 'goal' | 'review';
  skillId: string;
  expected: number;
  current: number | null;
  /** The level the learning brings the skill to. */
  teaches: number;
  assessmentId: string | null;
  /** The profile, aspiration, hurdle, goal or review the expectation comes from. */
  recordType: string | null;
  recordId: string | null;
  /** False when the goal or hurdle named no level and `expected` was derived (the sentence then names none). */
  levelNamed?: boolean;
};

/**
 * The learning ranked for a person, top N kept, rewritten per person by the recompute. The
 * fingerprint names the evidence: a dismissal holds while the fingerprint is the same.
 */
export const recommendation = pgTable(
  'recommendation',
  {
    id: id(),
    orgId: orgId().references(() => organisation.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    itemType: text('item_type', { enum: recommendationItemTypes }).notNull(),
    /** The course or program (rows go when it is archived: the recompute drops them). */
    itemId: uuid('item_id').notNull(),
    rank: integer('rank').notNull(),
    score: real('score').notNull(),
    /** The skill of the strongest evidence. */
    skillId: uuid('skill_id').references(() => skill.id, { onDelete: 'cascade' }),
    explanation: text('explanation').notNull(),
    evidence: jsonb('evidence').$type<RecommendationEvidence[]>().notNull(),
    fingerprint: text('fingerprint').notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('recommendation_person_idx').on(t.orgId, t.personId, t.rank),
    uniqueIndex('recommendation_item_uq').on(t.personId, t.itemType, t.itemId),
  ],
);

/** A person said "not for me": hidden while the evidence (fingerprint) stays the same. */
export const recommendationDismissal = pgTable(
  'recommendation_dismissal',
  {
    orgId: orgId(),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    itemType: text('item_type', { enum: recommendationItemTypes }).notNull(),
    itemId: uuid('item_id').notNull(),
    fingerprint: text('fingerprint').notNull(),
    dismissedAt: timestamp('dismissed_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('recommendation_dismissal_uq').on(t.personId, t.itemType, t.itemId)],
);

// ---- the closed loop (DESIGN.md §3 follow-up, §6 loop closure) --------------------------------

/**
 * pending: the window after completion has not ended; asked: it has, and someone was asked (the
 * manager to re-rate, the person whether the hurdle is resolved, the next 1:1); improved /
 * not_improved: decided, with before and after; cancelled: the reason record is gone.
 */
export const followUpStatuses = ['pending', 'asked', 'improved', 'not_improved', 'cancelled'] as const;
export type FollowUpStatus = (typeof followUpStatuses)[number];
/** A reason's signal at one moment: skill levels (skill id → level), a goal's progress and status, a hurdle's status, a 1:1's answer. */
export type FollowUpSignal = {
  levels?: Record<string, number | null>;
  goalProgress?: number;
  goalStatus?: string;
  hurdleStatus?: string;
  answer?: 'improved' | 'not_improved';
  note?: string;
};

/** One completed enrolment with a reason, followed up after the window: did the reason improve? */
export const followUp = pgTable(
  'follow_up',
  {
    id: id(),
    orgId: orgId().references(() => organisation.id, { onDelete: 'cascade' }),
    enrollmentId: uuid('enrollment_id')
      .notNull()
      .references(() => enrollment.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    /** The learning, copied from the enrolment so a course's report counts its loops without a join. */
    courseId: uuid('course_id').references(() => course.id, { onDelete: 'cascade' }),
    programId: uuid('program_id').references(() => program.id, { onDelete: 'cascade' }),
    reasonType: text('reason_type', { enum: reasonTypes }).notNull(),
    reasonRecordType: text('reason_record_type'),
    reasonRecordId: uuid('reason_record_id'),
    /** Completion plus the reason type's window: when the sweep looks. */
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    status: text('status', { enum: followUpStatuses }).notNull().default('pending'),
    /** Who was asked (and when): the manager to re-rate, the person about the hurdle, the 1:1's organiser. */
    askedOf: uuid('asked_of').references(() => person.id, { onDelete: 'set null' }),
    askedAt: timestamp('asked_at', { withTimezone: true }),
    /** The baseline the enrolment stored at assignment, and the signal when decided. */
    before: jsonb('before').$type<FollowUpSignal>().notNull(),
    after: jsonb('after').$type<FollowUpSignal>(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** The record that decided it: a skill assessment, the goal, the hurdle, a 1:1 talking point. */
    evidenceType: text('evidence_type'),
    evidenceId: uuid('evidence_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('follow_up_enrollment_uq').on(t.enrollmentId),
    index('follow_up_due_idx').on(t.orgId, t.dueAt).where(sql`status = 'pending'`),
    index('follow_up_person_idx').on(t.orgId, t.personId, t.status),
    index('follow_up_asked_idx').on(t.orgId, t.askedOf).where(sql`status = 'asked'`),
    index('follow_up_course_idx').on(t.orgId, t.courseId, t.status).where(sql`course_id is not null`),
    index('follow_up_program_idx').on(t.orgId, t.programId, t.status).where(sql`program_id is not null`),
  ],
);

/** Per organisation (no row: the defaults): the follow-up window in days per reason type. */
export const insightSettings = pgTable('insight_settings', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => organisation.id, { onDelete: 'cascade' }),
  followUpDays: jsonb('follow_up_days').$type<Partial<Record<ReasonType, number>>>().notNull().default({}),
  updatedAt: updatedAt(),
});

// ---- automation rules --------------------------------------------------------------------------

export const automationEvents = [
  'person_hired',
  'job_profile_changed',
  'manager_changed',
  'skill_assessment_recorded',
  'check_in_blocker',
  'goal_off_track',
  'enrollment_overdue',
  'certificate_expiring',
  'review_released',
] as const;
export type AutomationEvent = (typeof automationEvents)[number];
/** draft: saved, not acting; active; paused by an admin; failed: stopped by an error it shows (`lastError`). */
export const automationRuleStatuses = ['draft', 'active', 'paused', 'failed'] as const;
export type AutomationRuleStatus = (typeof automationRuleStatuses)[number];
/** A condition on the event's subject; the rules module validates the shapes with zod. */
export type AutomationCondition = { field: string; op: string; value?: unknown };
export type AutomationAction = { type: string } & Record<string, unknown>;

/** When an event happens, for the people the conditions select, take the actions. */
export const automationRule = pgTable(
  'automation_rule',
  {
    id: id(),
    orgId: orgId().references(() => organisation.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description'),
    event: text('event', { enum: automationEvents }).notNull(),
    conditions: jsonb('conditions').$type<AutomationCondition[]>().notNull().default([]),
    actions: jsonb('actions').$type<AutomationAction[]>().notNull(),
    status: text('status', { enum: automationRuleStatuses }).notNull().default('draft'),
    lastError: text('last_error'),
    failedAt: timestamp('failed_at', { withTimezone: true }),
    activatedAt: timestamp('activated_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => person.id, { onDelete: 'set null' }),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('automation_rule_event_idx').on(t.orgId, t.event).where(sql`status = 'active'`)],
);

export const automationRunStatuses = ['done', 'skipped', 'failed'] as const;

/**
 * One rule acting on one trigger (a domain event's id, or `first-run:<person id>` when the rule is
 * switched on): unique, so a rule run twice for one event acts once.
 */
export const automationRun = pgTable(
  'automation_run',
  {
    id: id(),
    orgId: orgId().references(() => organisation.id, { onDelete: 'cascade' }),
    ruleId: uuid('rule_id')
      .notNull()
      .references(() => automationRule.id, { onDelete: 'cascade' }),
    triggerKey: text('trigger_key').notNull(),
    personId: uuid('person_id').references(() => person.id, { onDelete: 'cascade' }),
    status: text('status', { enum: automationRunStatuses }).notNull(),
    /** What each action did: the records it wrote (type and id), or why it skipped. */
    detail: jsonb('detail').$type<Array<Record<string, unknown>>>().notNull().default([]),
    error: text('error'),
    ranAt: timestamp('ran_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('automation_run_trigger_uq').on(t.ruleId, t.triggerKey), index('automation_run_rule_idx').on(t.orgId, t.ruleId, t.ranAt)],
);
