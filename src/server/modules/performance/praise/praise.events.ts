import { z } from 'zod';
import { defineEvent } from '../../platform/index.ts';

/** Praise was given: its recipients are notified (in the giving transaction) and recommendations may read it later. */
export const PRAISE_GIVEN = defineEvent(
  'performance.praise_given',
  z.object({ praiseId: z.uuid(), recipientIds: z.array(z.uuid()), visibility: z.enum(['public', 'private']), valueIds: z.array(z.uuid()), skillIds: z.array(z.uuid()) }),
);
