import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';

export type InviteInput = {
  method: 'REQUEST' | 'CANCEL' | 'PUBLISH';
  /** Stable per registration, so updates and cancellations replace the same calendar entry. */
  uid: string;
  sequence: number;
  stamp: Date;
  start: Date;
  end: Date;
  timeZone: string;
  summary: string;
  description?: string | null;
  location?: string | null;
  url?: string | null;
  organizer: { name: string; email: string };
  attendee?: { name: string; email: string } | null;
};

/**
 * One-event iCalendar text (RFC 5545/5546). Times are written in UTC, which every client
 * reads without a VTIMEZONE block; the session's own zone is named in the description.
 */
export function buildInvite(i: InviteInput): string {
  const cal = ical({
    prodId: { company: 'Tandem', product: 'Learning', language: 'EN' },
    method: ICalCalendarMethod[i.method],
    name: i.summary,
  });
  const where = [i.location, i.url].filter(Boolean).join(' · ');
  cal.createEvent({
    id: i.uid,
    sequence: i.sequence,
    stamp: i.stamp,
    start: i.start,
    end: i.end,
    summary: i.method === 'CANCEL' ? `Cancelled: ${i.summary}` : i.summary,
    description: [i.description, `Time zone of the session: ${i.timeZone}`].filter(Boolean).join('\n\n'),
    location: where || null,
    url: i.url ?? null,
    status: i.method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: i.organizer,
    attendees: i.attendee
      ? [
          {
            name: i.attendee.name,
            email: i.attendee.email,
            role: ICalAttendeeRole.REQ,
            status: i.method === 'CANCEL' ? ICalAttendeeStatus.DECLINED : ICalAttendeeStatus.ACCEPTED,
          },
        ]
      : [],
  });
  return cal.toString();
}

/** The address part of a From header such as `Tandem <noreply@example.org>`. */
export function addressOf(from: string): string {
  const m = /<([^>]+)>/.exec(from);
  return (m?.[1] ?? from).trim();
}
