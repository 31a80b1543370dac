import { z } from 'zod';
import { defineEvent } from '../../platform/index.ts';

// 1:1 events name the series and both participants, so a subscriber (notifications, automation
// rules later) can act without reading private rows.

const base = { seriesId: z.uuid(), participantIds: z.array(z.uuid()) };

/** A series was started or ended. */
export const ONE_ON_ONE_SERIES_CHANGED = defineEvent('one_on_one.series_changed', z.object({ ...base, change: z.enum(['started', 'ended', 'updated']) }));

/** A meeting was held or cancelled (undiscussed points moved on to the next one). */
export const ONE_ON_ONE_MEETING_CHANGED = defineEvent(
  'one_on_one.meeting_changed',
  z.object({ ...base, meetingId: z.uuid(), status: z.enum(['held', 'cancelled']), carriedOver: z.number().int() }),
);

/** A talking point was added (from the 1:1 page or from elsewhere: a check-in, a rule). */
export const ONE_ON_ONE_POINT_ADDED = defineEvent(
  'one_on_one.point_added',
  z.object({ ...base, meetingId: z.uuid(), agendaItemId: z.uuid(), private: z.boolean(), sourceRecordType: z.string().nullable() }),
);
