import { z } from '@hono/zod-openapi';
import { TimeZone } from '../../org/index.ts';

const when = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/, 'Use a date and time such as 2026-03-02T09:30')
  .openapi({ description: 'ISO date-time; without an offset it is read in the session’s time zone', example: '2026-03-02T09:30' });
const location = z.string().trim().min(1).max(500).nullable().optional();
const meetingUrl = z.url({ protocol: /^https$/, message: 'Use a link starting with https://' }).max(2000).nullable().optional();
const notes = z.string().trim().max(5000).nullable().optional();
const capacity = z.number().int().min(1, 'At least one seat').max(10_000);

export const SessionCreate = z
  .strictObject({
    startsAt: when,
    endsAt: when,
    timeZone: TimeZone,
    location,
    meetingUrl,
    instructorId: z.uuid().nullable().optional(),
    capacity,
    notes,
  })
  .superRefine((v, ctx) => {
    if (!v.location && !v.meetingUrl) ctx.addIssue({ code: 'custom', path: ['location'], message: 'Give a place or a meeting link' });
  })
  .openapi('LiveSessionCreate');

export const SessionUpdate = z
  .strictObject({
    startsAt: when.optional(),
    endsAt: when.optional(),
    timeZone: TimeZone.optional(),
    location,
    meetingUrl,
    instructorId: z.uuid().nullable().optional(),
    capacity: capacity.optional(),
    notes,
  })
  .openapi('LiveSessionUpdate');

export const SessionsQuery = z.object({
  when: z.enum(['upcoming', 'past', 'all']).default('upcoming').optional(),
});

export const SessionSchema = z
  .object({
    id: z.uuid(),
    courseId: z.uuid(),
    startsAt: z.string(),
    endsAt: z.string(),
    timeZone: z.string(),
    location: z.string().nullable(),
    meetingUrl: z.string().nullable().openapi({ description: 'Shown to registered people, the instructor and admins' }),
    instructor: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    capacity: z.number().int(),
    status: z.enum(['scheduled', 'cancelled']),
    notes: z.string().nullable(),
    registeredCount: z.number().int(),
    waitlistCount: z.number().int(),
    seatsLeft: z.number().int(),
    ended: z.boolean(),
    myRegistration: z
      .object({ id: z.uuid(), status: z.enum(['registered', 'waitlisted']), attendance: z.string().nullable(), waitlistPosition: z.number().int().nullable() })
      .nullable(),
  })
  .openapi('LiveSession');

export const RegistrationSchema = z
  .object({
    id: z.uuid(),
    sessionId: z.uuid(),
    personId: z.uuid(),
    enrollmentId: z.uuid().nullable(),
    status: z.enum(['registered', 'waitlisted', 'cancelled']),
    attendance: z.enum(['present', 'absent', 'excused']).nullable(),
    registeredAt: z.string(),
    promotedAt: z.string().nullable(),
    cancelledAt: z.string().nullable(),
  })
  .openapi('SessionRegistration');

export const RosterEntrySchema = RegistrationSchema.extend({
  person: z.object({ id: z.uuid(), name: z.string(), email: z.string(), jobTitle: z.string().nullable() }),
  waitlistPosition: z.number().int().nullable(),
}).openapi('SessionRosterEntry');

export const RosterQuery = z.object({
  includeCancelled: z.enum(['true', 'false']).optional(),
});

export const AttendancePut = z
  .strictObject({
    entries: z
      .array(z.strictObject({ registrationId: z.uuid(), attendance: z.enum(['present', 'absent', 'excused']) }))
      .min(1)
      .max(2000),
  })
  .openapi('SessionAttendance');

export const CourseIdParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
