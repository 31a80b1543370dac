import { z } from 'zod';
import { defineEvent } from '../platform/index.ts';

// The signals that change what a person should learn next: recommendations recompute on them
// (insight), and automation rules will match them later. Each names the people it concerns.

/** An assessment was recorded (any source); the person's current level of the skill may have moved. */
export const SKILL_ASSESSED = defineEvent(
  'talent.skill_assessed',
  z.object({ personId: z.uuid(), skillId: z.uuid(), assessmentId: z.uuid(), source: z.string() }),
);

/** A person was given another job profile (or none). */
export const PERSON_PROFILE_CHANGED = defineEvent(
  'talent.person_profile_changed',
  z.object({ personId: z.uuid(), jobProfileId: z.uuid().nullable(), previousJobProfileId: z.uuid().nullable() }),
);

/** A job profile's expected skills changed, or it was archived: everyone holding or aspiring to it is concerned. */
export const JOB_PROFILE_CHANGED = defineEvent('talent.job_profile_changed', z.object({ profileId: z.uuid() }));

/** A person's aspirations changed (added, edited, removed). */
export const ASPIRATION_CHANGED = defineEvent('talent.aspiration_changed', z.object({ personId: z.uuid() }));

/** Skills were merged, archived or rescaled: levels and recommendations of the whole organisation may move. */
export const SKILLS_CHANGED = defineEvent('talent.skills_changed', z.object({ skillIds: z.array(z.uuid()) }));

/** A hurdle was raised for a person (by them, from a check-in or from a 1:1). */
export const HURDLE_RAISED = defineEvent(
  'talent.hurdle_raised',
  z.object({
    hurdleId: z.uuid(),
    personId: z.uuid(),
    category: z.string(),
    status: z.string(),
    goalId: z.uuid().nullable(),
    skillId: z.uuid().nullable(),
    source: z.string(),
    raisedBy: z.uuid().nullable(),
  }),
);

/** A hurdle changed (status, category, description, linked goal) or was deleted (`status` null). */
export const HURDLE_CHANGED = defineEvent(
  'talent.hurdle_changed',
  z.object({
    hurdleId: z.uuid(),
    personId: z.uuid(),
    category: z.string(),
    status: z.string().nullable(),
    previousStatus: z.string(),
    goalId: z.uuid().nullable(),
    skillId: z.uuid().nullable(),
  }),
);
