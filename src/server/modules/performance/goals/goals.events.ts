import { z } from 'zod';
import { defineEvent } from '../../platform/index.ts';

// What changes on goals tells the rest of the system: recommendations read the skills a person's
// goals need, and automation rules will match check-ins and status changes.

/** A goal was created, changed (status, key results, skills, alignment) or deleted. */
export const GOAL_CHANGED = defineEvent(
  'performance.goal_changed',
  z.object({ goalId: z.uuid(), ownerPersonId: z.uuid().nullable(), change: z.enum(['created', 'updated', 'deleted']) }),
);

/** Someone checked in on a goal (or corrected a check-in). */
export const GOAL_CHECKED_IN = defineEvent(
  'performance.goal_checked_in',
  z.object({ goalId: z.uuid(), checkInId: z.uuid(), ownerPersonId: z.uuid().nullable(), status: z.string(), corrected: z.boolean() }),
);

/** Goals were assigned in bulk (from a template or a goal) to people, groups or departments. */
export const GOALS_ASSIGNED = defineEvent('performance.goals_assigned', z.object({ assignmentId: z.uuid(), goalIds: z.array(z.uuid()) }));
