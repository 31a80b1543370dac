import { date, index, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, orgId, updatedAt } from './columns.ts';
import { organisation, person } from './org.ts';
import { aspiration, skill, skillAssessment } from './talent.ts';
import { course, enrollment, program } from './learning.ts';

// The development plan lives in talent (DESIGN.md §3); its own file because its items point at
// learning's courses, programs and enrolments, and learning's schema already imports talent's.

export const planActionTypes = ['course', 'program', 'mentoring', 'project', 'stretch_assignment', 'other'] as const;
export const planItemStatuses = ['planned', 'in_progress', 'done', 'dropped'] as const;
export const planApprovalStatuses = ['not_needed', 'pending', 'approved', 'declined'] as const;

/** One step of a person's development plan, serving a skill or a goal. */
export const developmentPlanItem = pgTable(
  'development_plan_item',
  {
    id: id(),
    orgId: orgId().references(() => organisation.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description'),
    actionType: text('action_type', { enum: planActionTypes }).notNull(),
    skillId: uuid('skill_id').references(() => skill.id, { onDelete: 'set null' }),
    /** The level the item aims the skill at. */
    targetLevel: smallint('target_level'),
    /** The goal it serves (goals arrive with the performance module; no foreign key until then). */
    goalId: uuid('goal_id'),
    aspirationId: uuid('aspiration_id').references(() => aspiration.id, { onDelete: 'set null' }),
    /** The assessment that showed the gap: what the loop later compares against. */
    gapAssessmentId: uuid('gap_assessment_id').references(() => skillAssessment.id, { onDelete: 'set null' }),
    courseId: uuid('course_id').references(() => course.id, { onDelete: 'set null' }),
    programId: uuid('program_id').references(() => program.id, { onDelete: 'set null' }),
    /** The enrolment a course or program item made (reason skill_gap or aspiration, linked back here). */
    enrollmentId: uuid('enrollment_id').references(() => enrollment.id, { onDelete: 'set null' }),
    dueDate: date('due_date', { mode: 'string' }),
    status: text('status', { enum: planItemStatuses }).notNull().default('planned'),
    approvalStatus: text('approval_status', { enum: planApprovalStatuses }).notNull().default('not_needed'),
    approvedBy: uuid('approved_by').references(() => person.id, { onDelete: 'set null' }),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => person.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('development_plan_item_person_idx').on(t.orgId, t.personId, t.status)],
);
