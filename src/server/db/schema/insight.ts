import { index, integer, jsonb, pgTable, real, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, orgId } from './columns.ts';
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
