import { sql } from 'drizzle-orm';
import {
  boolean,
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
import { organisation, person } from './org.ts';

/** A skill of the organisation's framework; levels run 1..maxLevel with optional descriptors. */
export const skill = pgTable(
  'skill',
  {
    id: id(),
    orgId: orgId().references(() => organisation.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    category: text('category'),
    description: text('description'),
    maxLevel: integer('max_level').notNull().default(5),
    /** Descriptor of each level, index 0 = level 1. */
    levels: jsonb('levels').$type<string[]>().notNull().default([]),
    /** Archived skills stay on old records but take no new expectations, course links or assessments. */
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    /** Set when the skill was merged into another: its records moved there, the row stays for the audit trail. */
    mergedIntoId: uuid('merged_into_id').references((): AnyPgColumn => skill.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('skill_org_name_uq').on(t.orgId, sql`lower(${t.name})`)],
);

/** A role with the skill levels it expects (Account Manager expects Negotiation at 4). */
export const jobProfile = pgTable(
  'job_profile',
  {
    id: id(),
    orgId: orgId().references(() => organisation.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** The job family it belongs to (Sales, Engineering): groups the career map. */
    family: text('family'),
    description: text('description'),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('job_profile_org_name_uq').on(t.orgId, sql`lower(${t.name})`)],
);

export const jobProfileSkill = pgTable(
  'job_profile_skill',
  {
    orgId: orgId(),
    profileId: uuid('profile_id')
      .notNull()
      .references(() => jobProfile.id, { onDelete: 'cascade' }),
    skillId: uuid('skill_id')
      .notNull()
      .references(() => skill.id, { onDelete: 'cascade' }),
    /** The level the role expects, within the skill's scale. */
    level: smallint('level').notNull(),
  },
  (t) => [primaryKey({ columns: [t.profileId, t.skillId] }), index('job_profile_skill_skill_idx').on(t.orgId, t.skillId)],
);

export const careerPathKinds = ['promotion', 'lateral'] as const;

/** A next step from one profile to another: up (promotion) or sideways (lateral). */
export const careerPath = pgTable(
  'career_path',
  {
    id: id(),
    orgId: orgId().references(() => organisation.id, { onDelete: 'cascade' }),
    fromProfileId: uuid('from_profile_id')
      .notNull()
      .references(() => jobProfile.id, { onDelete: 'cascade' }),
    toProfileId: uuid('to_profile_id')
      .notNull()
      .references(() => jobProfile.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: careerPathKinds }).notNull(),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('career_path_step_uq').on(t.fromProfileId, t.toProfileId),
    index('career_path_org_idx').on(t.orgId, t.toProfileId),
  ],
);

export const assessmentSources = ['self', 'manager', 'peer', 'review', 'quiz', 'checkpoint', 'import'] as const;
export type AssessmentSource = (typeof assessmentSources)[number];

/**
 * How the current level is derived, per organisation (no row: the defaults of the current-level
 * rule). Weights by source; `halfLifeDays` makes an older assessment count half as much for each
 * half-life it is older than the newest one of the same skill.
 */
export const talentSettings = pgTable('talent_settings', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => organisation.id, { onDelete: 'cascade' }),
  sourceWeights: jsonb('source_weights').$type<Partial<Record<AssessmentSource, number>>>().notNull().default({}),
  halfLifeDays: integer('half_life_days'),
  updatedAt: updatedAt(),
});

/** A manager asks their team to rate the skills of their profiles; then the manager rates them. */
export const assessmentRound = pgTable(
  'assessment_round',
  {
    id: id(),
    orgId: orgId().references(() => organisation.id, { onDelete: 'cascade' }),
    managerId: uuid('manager_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }),
    status: text('status', { enum: ['open', 'closed'] }).notNull().default('open'),
    createdAt: createdAt(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [index('assessment_round_manager_idx').on(t.orgId, t.managerId, t.createdAt)],
);

export const assessmentRoundMember = pgTable(
  'assessment_round_member',
  {
    orgId: orgId(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => assessmentRound.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    selfSubmittedAt: timestamp('self_submitted_at', { withTimezone: true }),
    managerSubmittedAt: timestamp('manager_submitted_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.personId] }), index('assessment_round_member_person_idx').on(t.orgId, t.personId)],
);

/** One rating of one person's skill, from one source; never edited, only superseded by newer ones. */
export const skillAssessment = pgTable(
  'skill_assessment',
  {
    id: id(),
    orgId: orgId().references(() => organisation.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    skillId: uuid('skill_id')
      .notNull()
      .references(() => skill.id, { onDelete: 'cascade' }),
    level: smallint('level').notNull(),
    source: text('source', { enum: assessmentSources }).notNull(),
    /** Who rated (the person for self, the manager, a peer, the approver of a checkpoint); null for quiz and import. */
    assessorId: uuid('assessor_id').references(() => person.id, { onDelete: 'set null' }),
    assessedAt: timestamp('assessed_at', { withTimezone: true }).notNull(),
    note: text('note'),
    evidenceUrl: text('evidence_url'),
    /** The record it came from (a quiz attempt, a checkpoint submission, a review), where there is one. */
    sourceRecordType: text('source_record_type'),
    sourceRecordId: uuid('source_record_id'),
    roundId: uuid('round_id').references(() => assessmentRound.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('skill_assessment_person_idx').on(t.orgId, t.personId, t.skillId, t.assessedAt),
    index('skill_assessment_skill_idx').on(t.orgId, t.skillId),
    uniqueIndex('skill_assessment_source_record_uq')
      .on(t.orgId, t.sourceRecordType, t.sourceRecordId, t.skillId)
      .where(sql`source_record_id is not null`),
  ],
);

/**
 * The current level of each assessed skill of a person, derived from their assessments by the
 * current-level rule and kept on every new assessment, so recommendations, gaps and heat maps
 * read one row per person and skill. `basisAssessmentId` is the assessment that weighs most:
 * the evidence an explanation names.
 */
export const personSkill = pgTable(
  'person_skill',
  {
    orgId: orgId(),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    skillId: uuid('skill_id')
      .notNull()
      .references(() => skill.id, { onDelete: 'cascade' }),
    level: real('level').notNull(),
    basisAssessmentId: uuid('basis_assessment_id').references(() => skillAssessment.id, { onDelete: 'set null' }),
    assessmentCount: integer('assessment_count').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.skillId] }), index('person_skill_skill_idx').on(t.orgId, t.skillId)],
);

export const aspirationTimeFrames = ['within_6_months', 'within_1_year', 'within_2_years', 'later'] as const;

/** Where a person wants to go: a job profile of the organisation, or in their own words. */
export const aspiration = pgTable(
  'aspiration',
  {
    id: id(),
    orgId: orgId().references(() => organisation.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    targetProfileId: uuid('target_profile_id').references(() => jobProfile.id, { onDelete: 'set null' }),
    description: text('description'),
    timeFrame: text('time_frame', { enum: aspirationTimeFrames }),
    willingToChangeTeam: boolean('willing_to_change_team').notNull().default(false),
    willingToRelocate: boolean('willing_to_relocate').notNull().default(false),
    interests: jsonb('interests').$type<string[]>().notNull().default([]),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('aspiration_person_idx').on(t.orgId, t.personId)],
);
