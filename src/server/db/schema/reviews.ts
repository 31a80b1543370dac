import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, primaryKey, real, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, orgId, updatedAt } from './columns.ts';
import { department, organisation, person } from './org.ts';

// Performance, formal reviews (DESIGN.md §3): templates, cycles, reviews, calibration and rater
// leniency. Kept apart from performance.ts, which holds the weekly side, so neither file grows past reading.

export const reviewRelationships = ['self', 'manager', 'peer', 'upward'] as const;
export type ReviewRelationship = (typeof reviewRelationships)[number];

export const reviewQuestionKinds = ['rating', 'text', 'choice', 'skills', 'goals'] as const;
export type ReviewQuestionKind = (typeof reviewQuestionKinds)[number];

/** One labelled point of a rating scale ("3 — Meets expectations"). */
export type RatingAnchor = { value: number; label: string; description?: string };

/**
 * A question of a template. `rating` questions use the template's scale; `skills` rates each skill
 * of the subject's job profile on the skill's own scale; `goals` rates each of the period's goals
 * on the template's scale. `relationships` answer it; `visibleToSubject` says whether the subject
 * reads the answers once the review is shared.
 */
export type ReviewQuestion = {
  id: string;
  kind: ReviewQuestionKind;
  prompt: string;
  help?: string;
  required: boolean;
  options?: string[];
  multiple?: boolean;
  relationships: ReviewRelationship[];
  visibleToSubject: boolean;
};

export type ReviewSection = { id: string; title: string; description?: string; questions: ReviewQuestion[] };

/**
 * The final score: a weighted mean of the parts that have answers, re-weighted over those present.
 * A relationship's part is the mean of its rating answers; `goals` is the mean of the goal ratings.
 */
export type ScorePart = { source: ReviewRelationship | 'goals'; weight: number };
export type ScoreFormula = { parts: ScorePart[] };

export type ReviewTemplateBody = { scale: RatingAnchor[]; sections: ReviewSection[]; formula: ScoreFormula };

/** A review form HR builds; a cycle copies it at launch, so later edits never touch launched reviews. */
export const reviewTemplate = pgTable(
  'review_template',
  {
    id: id(),
    orgId: orgId().references(() => organisation.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description'),
    body: jsonb('body').$type<ReviewTemplateBody>().notNull(),
    /** Bumped on every change, so a cycle can say which version it launched with. */
    version: integer('version').notNull().default(1),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => person.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('review_template_org_name_uq').on(t.orgId, sql`lower(${t.name})`)],
);

export const reviewCyclePhases = ['draft', 'nomination', 'writing', 'calibration', 'sharing', 'closed'] as const;
export type ReviewCyclePhase = (typeof reviewCyclePhases)[number];

/** Who takes part: everyone active, narrowed by departments (and below), groups and hire date, minus exclusions. */
export type ParticipantRule = { departmentIds: string[]; groupIds: string[]; hiredBefore: string | null; excludePersonIds: string[] };

export type CycleRelationships = { self: boolean; manager: boolean; upward: boolean; peers: { min: number; max: number } | null };

export const reviewCycle = pgTable(
  'review_cycle',
  {
    id: id(),
    orgId: orgId().references(() => organisation.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    templateId: uuid('template_id')
      .notNull()
      .references(() => reviewTemplate.id, { onDelete: 'restrict' }),
    /** The template as it was at launch (null before): reviews are written and scored against it. */
    templateSnapshot: jsonb('template_snapshot').$type<ReviewTemplateBody>(),
    templateVersion: integer('template_version'),
    phase: text('phase', { enum: reviewCyclePhases }).notNull().default('draft'),
    /** The period whose goals and evidence the reviews look at. */
    periodStartsOn: date('period_starts_on', { mode: 'string' }).notNull(),
    periodEndsOn: date('period_ends_on', { mode: 'string' }).notNull(),
    nominationEndsOn: date('nomination_ends_on', { mode: 'string' }),
    writingEndsOn: date('writing_ends_on', { mode: 'string' }).notNull(),
    calibrationEndsOn: date('calibration_ends_on', { mode: 'string' }),
    sharingStartsOn: date('sharing_starts_on', { mode: 'string' }),
    participantRule: jsonb('participant_rule').$type<ParticipantRule>().notNull(),
    relationships: jsonb('relationships').$type<CycleRelationships>().notNull(),
    peerAnonymous: boolean('peer_anonymous').notNull().default(true),
    upwardAnonymous: boolean('upward_anonymous').notNull().default(true),
    /** A question with fewer anonymous answers than this shows none of them to the subject. */
    anonymityMinimum: smallint('anonymity_minimum').notNull().default(3),
    launchedAt: timestamp('launched_at', { withTimezone: true }),
    launchedBy: uuid('launched_by').references(() => person.id, { onDelete: 'set null' }),
    createdBy: uuid('created_by').references(() => person.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('review_cycle_org_idx').on(t.orgId, t.createdAt), uniqueIndex('review_cycle_org_name_uq').on(t.orgId, sql`lower(${t.name})`)],
);

/** A subject of a cycle: who manages them for this cycle, and whether their review was shared and acknowledged. */
export const reviewParticipant = pgTable(
  'review_participant',
  {
    orgId: orgId(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => reviewCycle.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    /** The manager at launch, or the one a reviewer was reassigned to. */
    managerId: uuid('manager_id').references(() => person.id, { onDelete: 'set null' }),
    departmentId: uuid('department_id').references(() => department.id, { onDelete: 'set null' }),
    releasedAt: timestamp('released_at', { withTimezone: true }),
    releasedBy: uuid('released_by').references(() => person.id, { onDelete: 'set null' }),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    subjectComment: text('subject_comment'),
  },
  (t) => [
    primaryKey({ columns: [t.cycleId, t.personId] }),
    index('review_participant_person_idx').on(t.orgId, t.personId),
    index('review_participant_manager_idx').on(t.orgId, t.managerId, t.cycleId),
  ],
);

export const peerNominationStatuses = ['nominated', 'approved', 'declined'] as const;

/** A peer the subject nominated to review them; the manager approves or declines. */
export const peerNomination = pgTable(
  'peer_nomination',
  {
    id: id(),
    orgId: orgId(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => reviewCycle.id, { onDelete: 'cascade' }),
    subjectId: uuid('subject_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    reviewerId: uuid('reviewer_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    status: text('status', { enum: peerNominationStatuses }).notNull().default('nominated'),
    decidedBy: uuid('decided_by').references(() => person.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('peer_nomination_uq').on(t.cycleId, t.subjectId, t.reviewerId), index('peer_nomination_reviewer_idx').on(t.orgId, t.reviewerId)],
);

/** A rating answer, a text, chosen options, a level per skill id or a rating per goal id. */
export type ReviewAnswer = { rating?: number; text?: string; choices?: string[]; skills?: Record<string, number>; goals?: Record<string, number> };

export const reviewStatuses = ['not_started', 'draft', 'submitted'] as const;
export type ReviewStatus = (typeof reviewStatuses)[number];

/** One reviewer's review of one subject in a cycle. */
export const review = pgTable(
  'review',
  {
    id: id(),
    orgId: orgId().references(() => organisation.id, { onDelete: 'cascade' }),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => reviewCycle.id, { onDelete: 'cascade' }),
    subjectId: uuid('subject_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    reviewerId: uuid('reviewer_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    relationship: text('relationship', { enum: reviewRelationships }).notNull(),
    status: text('status', { enum: reviewStatuses }).notNull().default('not_started'),
    answers: jsonb('answers').$type<Record<string, ReviewAnswer>>().notNull().default({}),
    /** The skills and goals the review rates, fixed at launch (skill id → expected level; goal ids). */
    subjectSkills: jsonb('subject_skills').$type<{ skillId: string; expected: number | null }[]>().notNull().default([]),
    subjectGoalIds: jsonb('subject_goal_ids').$type<string[]>().notNull().default([]),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    reopenedAt: timestamp('reopened_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('review_cycle_subject_reviewer_uq').on(t.cycleId, t.subjectId, t.relationship, t.reviewerId),
    index('review_reviewer_idx').on(t.orgId, t.reviewerId, t.cycleId),
    index('review_subject_idx').on(t.orgId, t.subjectId, t.cycleId),
  ],
);

/** Names and definitions of the 9-box's boxes, per organisation (no row: the defaults). */
export type NineBoxLabel = { name: string; description: string };
export const reviewSettings = pgTable('review_settings', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => organisation.id, { onDelete: 'cascade' }),
  /** Nine labels, low performance / low potential first, performance varying fastest. */
  nineBox: jsonb('nine_box').$type<NineBoxLabel[]>(),
  updatedAt: updatedAt(),
});

/** Share of subjects per rating band a calibration aims at (band low end → share 0–1). */
export type RatingGuideline = { rating: number; share: number }[];

/** HR and the calibrating managers meet over a group of subjects of a cycle. */
export const calibrationSession = pgTable(
  'calibration_session',
  {
    id: id(),
    orgId: orgId().references(() => organisation.id, { onDelete: 'cascade' }),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => reviewCycle.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** Subjects grouped by department (and below) or by manager (everyone below them). */
    scopeType: text('scope_type', { enum: ['department', 'manager'] }).notNull(),
    departmentId: uuid('department_id').references(() => department.id, { onDelete: 'set null' }),
    managerId: uuid('manager_id').references(() => person.id, { onDelete: 'set null' }),
    /** The managers who calibrate in it besides HR admins. */
    calibratorIds: jsonb('calibrator_ids').$type<string[]>().notNull().default([]),
    guideline: jsonb('guideline').$type<RatingGuideline>(),
    lockedAt: timestamp('locked_at', { withTimezone: true }),
    lockedBy: uuid('locked_by').references(() => person.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('calibration_session_cycle_idx').on(t.orgId, t.cycleId)],
);

/**
 * A subject's calibrated outcome: the formula's score, the final rating after adjustment (with its
 * reason), potential (1–3) and so the 9-box. Never readable by the subject.
 */
export const calibrationEntry = pgTable(
  'calibration_entry',
  {
    orgId: orgId(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => reviewCycle.id, { onDelete: 'cascade' }),
    subjectId: uuid('subject_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    sessionId: uuid('session_id').references(() => calibrationSession.id, { onDelete: 'set null' }),
    proposedScore: real('proposed_score'),
    finalRating: real('final_rating'),
    potential: smallint('potential'),
    reason: text('reason'),
    notes: text('notes'),
    adjustedBy: uuid('adjusted_by').references(() => person.id, { onDelete: 'set null' }),
    adjustedAt: timestamp('adjusted_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.cycleId, t.subjectId] }), index('calibration_entry_session_idx').on(t.orgId, t.sessionId)],
);

/**
 * A rater's leniency in one cycle, written when calibration locks, so the across-cycles view reads
 * rows instead of recomputing every past cycle: the mean offset of their ratings from the
 * calibrated finals and from co-raters of the same subjects, with counts, spreads and a 95% interval.
 */
export const raterLeniency = pgTable(
  'rater_leniency',
  {
    orgId: orgId(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => reviewCycle.id, { onDelete: 'cascade' }),
    raterId: uuid('rater_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    ratings: integer('ratings').notNull(),
    offsetFromFinal: real('offset_from_final'),
    /** Standard deviations of the offsets, so cycles pool into one across-cycles figure exactly. */
    finalSd: real('final_sd'),
    finalLow: real('final_low'),
    finalHigh: real('final_high'),
    coRated: integer('co_rated').notNull(),
    offsetFromPeers: real('offset_from_peers'),
    peersSd: real('peers_sd'),
    peersLow: real('peers_low'),
    peersHigh: real('peers_high'),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.cycleId, t.raterId] }), index('rater_leniency_rater_idx').on(t.orgId, t.raterId)],
);
