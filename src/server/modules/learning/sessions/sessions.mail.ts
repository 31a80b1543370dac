import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';
import type { AppContext } from '../../../context.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';
import { notify, notifyMany, queueMail } from '../../platform/index.ts';
import { findPersonContact } from '../programs/index.ts';
import { addressOf, buildInvite } from './ical.ts';
import { organisationIds } from '../reminders/index.ts';
import * as repo from './sessions.repo.ts';

dayjs.extend(utc);
dayjs.extend(timezone);

/** "Tue 2 Mar 2026, 09:30–11:00 (Europe/Paris)", in the session's own zone. */
export function sessionWhen(s: Pick<repo.SessionRow, 'startsAt' | 'endsAt' | 'timeZone'>): string {
  const a = dayjs(s.startsAt).tz(s.timeZone);
  const b = dayjs(s.endsAt).tz(s.timeZone);
  const end = a.isSame(b, 'day') ? b.format('HH:mm') : b.format('ddd D MMM YYYY, HH:mm');
  return `${a.format('ddd D MMM YYYY, HH:mm')}–${end} (${s.timeZone})`;
}

export const registrationUid = (ctx: AppContext, regId: string) => `registration-${regId}@${new URL(ctx.config.publicUrl).hostname}`;

type Ctx = { session: repo.SessionRow; course: Pick<repo.CourseRow, 'id' | 'title' | 'summary'>; reg: repo.RegistrationRow };

export async function inviteText(ctx: AppContext, db: DbOrTx, c: Ctx, method: 'REQUEST' | 'CANCEL', attendee: { name: string; email: string } | null) {
  return buildInvite({
    method,
    uid: registrationUid(ctx, c.reg.id),
    sequence: c.reg.icalSequence,
    stamp: ctx.clock.now(),
    start: c.session.startsAt,
    end: c.session.endsAt,
    timeZone: c.session.timeZone,
    summary: c.course.title,
    description: [c.course.summary, c.session.notes].filter(Boolean).join('\n\n') || null,
    location: c.session.location,
    url: c.session.meetingUrl,
    organizer: { name: await repo.orgName(db, c.session.orgId), email: addressOf(ctx.config.mailFrom) },
    attendee,
  });
}

/**
 * Emails the registered person their invitation (METHOD REQUEST) or its cancellation (CANCEL)
 * with the .ics attached, and leaves an in-app notification.
 */
export async function sendInvitation(ctx: AppContext, tx: DbOrTx, c: Ctx, method: 'REQUEST' | 'CANCEL', title: string, lead: string) {
  const p = await findPersonContact(tx, c.session.orgId, c.reg.personId);
  if (!p) return;
  const link = `/learning/catalog/courses/${c.course.id}`;
  const when = sessionWhen(c.session);
  const where = [c.session.location, c.session.meetingUrl].filter(Boolean).join(' · ');
  const text = `${lead}\n\n${c.course.title}\n${when}${where ? `\n${where}` : ''}\n\n${ctx.config.publicUrl}${link}\n`;
  if (p.status === 'active') {
    const content = await inviteText(ctx, tx, c, method, { name: `${p.firstName} ${p.lastName}`, email: p.email });
    await queueMail(ctx, tx, {
      orgId: c.session.orgId,
      to: p.email,
      subject: title,
      text,
      attachments: [{ filename: 'invite.ics', contentType: `text/calendar; method=${method}`, content }],
    });
  }
  await notify(ctx, tx, { orgId: c.session.orgId, personId: p.id, kind: `session.${method === 'REQUEST' ? 'invitation' : 'cancelled'}`, title, body: `${when}`, link });
}

const REMINDER_BATCH = 500;

/**
 * The day-before reminder: everyone registered for a session starting within 24 hours hears
 * once (in-app and email) when and where it is. Runs with the learning sweep.
 */
export async function sendSessionReminders(ctx: AppContext, orgIds?: readonly string[]): Promise<number> {
  const now = ctx.clock.now();
  const until = new Date(now.getTime() + 24 * 3_600_000);
  let sent = 0;
  for (const orgId of orgIds ?? (await organisationIds(ctx.db))) {
    for (;;) {
      const n = await ctx.db.transaction(async (tx) => {
        const due = await repo.claimSessionReminders(tx, orgId, now, until, REMINDER_BATCH);
        await notifyMany(
          ctx,
          tx,
          due.map((d) => {
            const session = { startsAt: new Date(d.startsAt), endsAt: new Date(d.endsAt), timeZone: d.timeZone };
            const where = [d.location, d.meetingUrl].filter(Boolean).join(' · ');
            return {
              orgId,
              personId: d.personId,
              kind: 'session.reminder',
              title: `Reminder: ${d.title} starts ${dayjs(session.startsAt).tz(d.timeZone).format('ddd D MMM, HH:mm')}`,
              body: `${sessionWhen(session)}${where ? `\n${where}` : ''}`,
              link: `/learning/catalog/courses/${d.courseId}`,
              email: true,
            };
          }),
        );
        return due.length;
      });
      sent += n;
      if (n < REMINDER_BATCH) break;
    }
  }
  return sent;
}
