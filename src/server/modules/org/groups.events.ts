import { z } from 'zod';
import { defineEvent } from '../platform/index.ts';

/**
 * A group's members changed (a smart group's recompute, or people added to or removed from a
 * static group): who joined and who left. Learning enrols newcomers from it.
 */
export const GROUP_MEMBERS_CHANGED = defineEvent(
  'group.members_changed',
  z.object({ groupId: z.uuid(), added: z.array(z.uuid()), removed: z.array(z.uuid()) }),
);
