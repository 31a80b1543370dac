import { sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { actionItem, agendaItem, oneOnOneMeeting, oneOnOneNote, oneOnOneSeries } from '../../../db/schema/index.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';
import { nextOccurrences, occurrence } from '../../../modules/performance/one-on-ones/cadence.ts';
import type { DemoPerformanceInput } from './index.ts';

const DAY = 86_400_000;
const HISTORY = 8;

const shared = [
  ['Sprint review: what slipped and why', 'Feedback on the design doc', 'Planning next quarter’s priorities', 'Onboarding the new joiner'],
  ['Customer escalation follow-up', 'Conference talk proposal', 'Team offsite ideas', 'Code review turnaround'],
];

/**
 * Weekly 1:1s of the demo manager with each report: two months of held meetings with discussed
 * points and notes, a point carried over to the coming meeting, open and done action items,
 * the manager's private note, and one of each report's existing enrolments now linked to the
 * talking point that caused it (reason one_on_one).
 */
export async function seedDemoOneOnOnes(tx: DbOrTx, { orgId, org }: DemoPerformanceInput, today: Date): Promise<void> {
  const manager = org.people.find((p) => p.demoRole === 'manager');
  if (!manager) return;
  const reports = org.people.filter((p) => p.managerId === manager.id);
  const series: (typeof oneOnOneSeries.$inferInsert)[] = [];
  const meetings: (typeof oneOnOneMeeting.$inferInsert)[] = [];
  const points: (typeof agendaItem.$inferInsert)[] = [];
  const actions: (typeof actionItem.$inferInsert)[] = [];
  const notes: (typeof oneOnOneNote.$inferInsert)[] = [];
  const links: Array<{ personId: string; pointId: string }> = [];

  reports.forEach((r, ri) => {
    const first = new Date(today.getTime() - HISTORY * 7 * DAY + (ri % 4) * DAY);
    first.setUTCHours(9 + (ri % 5), 0, 0, 0);
    const s = { id: uuidv7(), orgId, organiserId: manager.id, attendeeId: r.id, cadence: 'weekly' as const, startsAt: first, timeZone: manager.timeZone, durationMinutes: 30, createdBy: manager.id, createdAt: first, updatedAt: first };
    series.push(s);
    const past = Array.from({ length: HISTORY }, (_, k) => occurrence(s, k)).filter((d) => d < today);
    const ahead = nextOccurrences(s, today, 3);
    const ids = [...past, ...ahead].map((at) => ({ id: uuidv7(), at }));
    ids.forEach(({ id, at }, k) =>
      meetings.push({ id, orgId, seriesId: s.id, scheduledAt: at, status: k < past.length ? 'held' : 'scheduled', heldAt: k < past.length ? new Date(at.getTime() + 30 * 60_000) : null, createdAt: first }),
    );
    const held = ids.slice(0, past.length);
    const next = ids[past.length]!;
    const last = held.at(-1);
    held.forEach(({ id, at }, k) => {
      const body = shared[k % 2]![(k + ri) % 4]!;
      points.push({ id: uuidv7(), orgId, seriesId: s.id, meetingId: id, firstMeetingId: id, authorId: k % 2 ? r.id : manager.id, body, position: 1, discussedAt: new Date(at.getTime() + 10 * 60_000), createdAt: at, updatedAt: at });
      notes.push({ id: uuidv7(), orgId, seriesId: s.id, meetingId: id, authorId: manager.id, private: false, body: `Talked about: ${body.toLowerCase()}. Agreed next steps below.`, createdAt: at, updatedAt: at });
    });
    if (!last) return;
    // A point not reached last time, carried over to the coming meeting.
    const carried = uuidv7();
    points.push({ id: carried, orgId, seriesId: s.id, meetingId: next.id, firstMeetingId: last.id, authorId: r.id, body: 'I would like to get better at SQL for the reporting work', position: 1, carriedOverCount: 1, createdAt: last.at, updatedAt: last.at });
    points.push({ id: uuidv7(), orgId, seriesId: s.id, meetingId: next.id, firstMeetingId: next.id, authorId: r.id, body: 'Workload over the next two sprints', position: 2, createdAt: today, updatedAt: today });
    points.push({ id: uuidv7(), orgId, seriesId: s.id, meetingId: next.id, firstMeetingId: next.id, authorId: manager.id, body: 'Raise the promotion timeline gently', private: true, position: 3, createdAt: today, updatedAt: today });
    actions.push({ id: uuidv7(), orgId, seriesId: s.id, meetingId: last.id, agendaItemId: carried, title: 'Pick a SQL course from the catalog', assigneeId: r.id, dueOn: new Date(today.getTime() + 7 * DAY).toISOString().slice(0, 10), createdBy: manager.id, createdAt: last.at, updatedAt: last.at });
    actions.push({ id: uuidv7(), orgId, seriesId: s.id, meetingId: held[0]!.id, title: 'Share the quarterly plan', assigneeId: manager.id, doneAt: held[1]?.at ?? last.at, createdBy: manager.id, createdAt: held[0]!.at, updatedAt: last.at });
    notes.push({ id: uuidv7(), orgId, seriesId: s.id, meetingId: last.id, authorId: manager.id, private: true, body: 'Seems stretched; check in on workload next time.', createdAt: last.at, updatedAt: last.at });
    links.push({ personId: r.id, pointId: carried });
  });

  if (!series.length) return;
  await tx.insert(oneOnOneSeries).values(series);
  await tx.insert(oneOnOneMeeting).values(meetings);
  await tx.insert(agendaItem).values(points);
  if (actions.length) await tx.insert(actionItem).values(actions);
  if (notes.length) await tx.insert(oneOnOneNote).values(notes);
  if (!links.length) return;
  // One open enrolment per report, set-based, now tells where it came from: the talking point.
  await tx.execute(sql`
    update enrollment e set reason_type = 'one_on_one', reason_record_type = 'agenda_item', reason_record_id = l.point_id
    from (
      select distinct on (x.person_id) x.id, l.point_id
      from unnest(${`{${links.map((l) => l.personId).join(',')}}`}::uuid[], ${`{${links.map((l) => l.pointId).join(',')}}`}::uuid[]) as l(person_id, point_id)
      join enrollment x on x.org_id = ${orgId} and x.person_id = l.person_id and x.parent_enrollment_id is null and x.course_id is not null
        and x.status in ('not_started', 'in_progress') and x.reason_type not in ('compliance', 'hurdle', 'goal')
      order by x.person_id, x.created_at desc
    ) l
    where e.id = l.id`);
}
