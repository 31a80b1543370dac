import { uuidv7 } from 'uuidv7';
import type { DemoLearningRows } from '../../seed.repo.ts';
import type { DemoOrg, DemoPerson } from '../people.ts';
import type { Random } from '../random.ts';
import { DAY, type CourseInfo, type Ledger, type Who, type Why } from './ledger.ts';
import { wallClock } from './time.ts';

type SessionSpec = {
  course: 'negws' | 'presws';
  inDays: number;
  from: string;
  to: string;
  timeZone: string;
  location: string | null;
  meetingUrl: string | null;
  capacity: number;
  /** Registered, then waitlisted beyond capacity. */
  people: number;
  notes?: string;
};

const specs: SessionSpec[] = [
  { course: 'negws', inDays: -20, from: '09:30', to: '13:00', timeZone: 'Europe/Berlin', location: 'Berlin office, room Spree (4th floor)', meetingUrl: null, capacity: 12, people: 10 },
  { course: 'negws', inDays: 9, from: '09:30', to: '13:00', timeZone: 'Europe/London', location: 'London office, Thames room', meetingUrl: null, capacity: 10, people: 13, notes: 'Bring your preparation sheet from Negotiation basics.' },
  { course: 'negws', inDays: 23, from: '13:00', to: '16:30', timeZone: 'America/New_York', location: null, meetingUrl: 'https://meet.acme.example/negotiation-workshop', capacity: 16, people: 6, notes: 'Online: cameras on, please — most of the session is role-play in breakout rooms.' },
  { course: 'presws', inDays: -35, from: '10:00', to: '13:00', timeZone: 'America/New_York', location: 'New York office, Hudson room', meetingUrl: null, capacity: 8, people: 7 },
  { course: 'presws', inDays: 14, from: '14:00', to: '17:00', timeZone: 'Europe/London', location: 'London office, Studio 2', meetingUrl: null, capacity: 8, people: 5 },
  { course: 'presws', inDays: 30, from: '10:00', to: '13:00', timeZone: 'America/Toronto', location: null, meetingUrl: 'https://meet.acme.example/presenting-live', capacity: 8, people: 2 },
];

/**
 * Two live courses with past sessions (attendance taken: present completes the enrolment) and
 * upcoming ones, one of them full with a waitlist. manager@ is registered for the London practice.
 */
export function liveSessions(a: {
  orgId: string;
  org: DemoOrg;
  today: Date;
  rnd: Random;
  ledger: Ledger;
  courses: Map<string, CourseInfo>;
  who: (p: DemoPerson) => Who;
  manager: DemoPerson;
}): Pick<DemoLearningRows, 'sessions' | 'registrations'> {
  const { orgId, org, today, rnd, ledger } = a;
  const sessions: DemoLearningRows['sessions'] = [];
  const registrations: DemoLearningRows['registrations'] = [];
  const instructor = {
    negws: org.people.find((p) => p.jobTitle === 'Leadership Development Partner') ?? a.manager,
    presws: org.people.find((p) => p.jobTitle === 'Learning Experience Specialist') ?? a.manager,
  };
  const pools = {
    negws: org.people.filter((p) => !p.demoRole && p.level === 4 && /Account|Sales|Customer Success|Renewals/.test(p.jobTitle)),
    presws: org.people.filter((p) => !p.demoRole && p.level >= 3 && /Marketing|Product|Customer Success Manager|Consultant|Designer/.test(p.jobTitle)),
  };
  const used = new Set<string>();
  const take = (course: 'negws' | 'presws') => {
    const free = pools[course].filter((p) => !used.has(p.id) && p.id !== instructor[course].id);
    const p = free.length ? rnd.pick(free) : null;
    if (p) used.add(p.id);
    return p;
  };

  for (const s of specs) {
    const c = a.courses.get(s.course)!;
    const day = new Date(today.getTime() + s.inDays * DAY);
    const startsAt = wallClock(day, s.from, s.timeZone);
    const endsAt = wallClock(day, s.to, s.timeZone);
    const past = s.inDays < 0;
    const id = uuidv7();
    const created = new Date(startsAt.getTime() - 40 * DAY);
    sessions.push({
      id,
      orgId,
      courseId: c.id,
      startsAt,
      endsAt,
      timeZone: s.timeZone,
      location: s.location,
      meetingUrl: s.meetingUrl,
      instructorId: instructor[s.course].id,
      capacity: s.capacity,
      status: 'scheduled',
      notes: s.notes ?? null,
      createdAt: created,
      updatedAt: created,
    });
    const people: DemoPerson[] = [];
    if (s.course === 'presws' && s.inDays === 14) people.push(a.manager);
    while (people.length < s.people) {
      const p = take(s.course);
      if (!p) break;
      people.push(p);
    }
    people.forEach((p, i) => {
      const waitlisted = i >= s.capacity;
      const registeredAt = new Date(Math.min(today.getTime() - DAY, startsAt.getTime() - (30 - i) * DAY));
      const isManager = p.id === a.manager.id;
      const why: Why = isManager
        ? { reason: 'aspiration', reasonNote: 'Towards your aspiration: speak at a frontend conference', source: 'self', enrolledAt: registeredAt }
        : rnd.chance(0.5)
          ? { reason: 'skill_gap', source: 'assigned', assignedBy: p.managerId, enrolledAt: new Date(registeredAt.getTime() - 2 * DAY) }
          : { reason: 'self', source: 'self', enrolledAt: registeredAt };
      // Past sessions: most were there (completion on attendance), one was absent, one excused.
      const attendance = past ? (i === s.people - 1 ? 'absent' : i === s.people - 2 && s.people > 8 ? 'excused' : 'present') : null;
      const e = ledger.course(
        c,
        a.who(p),
        why,
        attendance === 'present' ? { status: 'completed', startedAt: startsAt, completedAt: endsAt, reaction: rnd.chance(0.6) } : { status: 'not_started' },
      );
      registrations.push({
        id: uuidv7(),
        orgId,
        sessionId: id,
        personId: p.id,
        enrollmentId: e?.id ?? null,
        status: waitlisted ? 'waitlisted' : 'registered',
        attendance,
        icalSequence: 0,
        registeredAt,
      });
    });
  }
  return { sessions, registrations };
}
