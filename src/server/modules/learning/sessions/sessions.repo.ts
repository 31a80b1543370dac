import { and, asc, eq, sql } from 'drizzle-orm';
import { rows, withDates } from '../../../platform/db/sql.ts';
import { course, liveSession, organisation, person, sessionRegistration } from '../../../db/schema/index.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';

export type SessionRow = typeof liveSession.$inferSelect;
export type RegistrationRow = typeof sessionRegistration.$inferSelect;


export async function findCourse(db: DbOrTx, orgId: string, id: string) {
  const [row] = await db
    .select({
      id: course.id,
      title: course.title,
      summary: course.summary,
      format: course.format,
      status: course.status,
      selfEnrollment: course.selfEnrollment,
      publishedVersionId: course.publishedVersionId,
    })
    .from(course)
    .where(and(eq(course.orgId, orgId), eq(course.id, id)))
    .limit(1);
  return row;
}
export type CourseRow = NonNullable<Awaited<ReturnType<typeof findCourse>>>;

export type SessionWithCounts = SessionRow & {
  instructorName: string | null;
  registeredCount: number;
  waitlistCount: number;
  myRegistrationId: string | null;
  myStatus: RegistrationRow['status'] | null;
  myAttendance: RegistrationRow['attendance'];
  myWaitlistPosition: number | null;
};

/** Sessions of a course with seat counts and the person's own registration. */
export async function listSessions(
  db: DbOrTx,
  orgId: string,
  f: { courseId?: string; sessionId?: string; when: 'upcoming' | 'past' | 'all'; now: Date; personId: string },
): Promise<SessionWithCounts[]> {
  const r = await db.execute(sql`
    select s.id, s.org_id as "orgId", s.course_id as "courseId", s.starts_at as "startsAt", s.ends_at as "endsAt",
      s.time_zone as "timeZone", s.location, s.meeting_url as "meetingUrl", s.instructor_id as "instructorId",
      s.capacity, s.status, s.notes, s.created_at as "createdAt", s.updated_at as "updatedAt",
      i.first_name || ' ' || i.last_name as "instructorName",
      (select count(*)::int from ${sessionRegistration} r where r.session_id = s.id and r.status = 'registered') as "registeredCount",
      (select count(*)::int from ${sessionRegistration} r where r.session_id = s.id and r.status = 'waitlisted') as "waitlistCount",
      m.id as "myRegistrationId", m.status as "myStatus", m.attendance as "myAttendance",
      case when m.status = 'waitlisted' then (
        select count(*)::int from ${sessionRegistration} w where w.session_id = s.id and w.status = 'waitlisted'
          and (w.registered_at, w.id) <= (m.registered_at, m.id)) end as "myWaitlistPosition"
    from ${liveSession} s
    left join ${person} i on i.id = s.instructor_id and i.org_id = ${orgId}
    left join ${sessionRegistration} m on m.session_id = s.id and m.person_id = ${f.personId} and m.status <> 'cancelled'
    where s.org_id = ${orgId}
      ${f.courseId ? sql`and s.course_id = ${f.courseId}` : sql``}
      ${f.sessionId ? sql`and s.id = ${f.sessionId}` : sql``}
      ${f.when === 'upcoming' ? sql`and s.ends_at > ${f.now}` : f.when === 'past' ? sql`and s.ends_at <= ${f.now}` : sql``}
    order by s.starts_at ${f.when === 'past' ? sql`desc` : sql`asc`}, s.id
    limit 500`);
  return rows<SessionWithCounts>(r).map((x) => withDates(x, ['startsAt', 'endsAt', 'createdAt', 'updatedAt']));
}

export async function findSession(db: DbOrTx, orgId: string, id: string, lock = false): Promise<SessionRow | undefined> {
  const q = db
    .select()
    .from(liveSession)
    .where(and(eq(liveSession.orgId, orgId), eq(liveSession.id, id)))
    .limit(1);
  // Locking the session row serialises registrations for it, so seats are never oversold.
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export async function insertSession(db: DbOrTx, values: typeof liveSession.$inferInsert): Promise<SessionRow> {
  const [row] = await db.insert(liveSession).values(values).returning();
  return row!;
}

export async function updateSession(db: DbOrTx, orgId: string, id: string, patch: Partial<typeof liveSession.$inferInsert>): Promise<SessionRow> {
  const [row] = await db
    .update(liveSession)
    .set(patch)
    .where(and(eq(liveSession.orgId, orgId), eq(liveSession.id, id)))
    .returning();
  return row!;
}

export async function activeRegistration(db: DbOrTx, orgId: string, sessionId: string, personId: string) {
  const [row] = await db
    .select()
    .from(sessionRegistration)
    .where(
      and(
        eq(sessionRegistration.orgId, orgId),
        eq(sessionRegistration.sessionId, sessionId),
        eq(sessionRegistration.personId, personId),
        sql`${sessionRegistration.status} <> 'cancelled'`,
      ),
    )
    .limit(1);
  return row;
}

/** The person's active registration in another upcoming, scheduled session of the course. */
export async function otherUpcomingRegistration(db: DbOrTx, orgId: string, courseId: string, personId: string, exceptSessionId: string, now: Date) {
  const r = await db.execute(sql`
    select r.id, s.starts_at as "startsAt" from ${sessionRegistration} r join ${liveSession} s on s.id = r.session_id
    where r.org_id = ${orgId} and r.person_id = ${personId} and r.status <> 'cancelled'
      and s.org_id = ${orgId} and s.course_id = ${courseId} and s.status = 'scheduled' and s.ends_at > ${now} and s.id <> ${exceptSessionId}
    limit 1`);
  return rows<{ id: string; startsAt: string | Date }>(r)[0];
}

export async function countRegistered(db: DbOrTx, orgId: string, sessionId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(sessionRegistration)
    .where(and(eq(sessionRegistration.orgId, orgId), eq(sessionRegistration.sessionId, sessionId), eq(sessionRegistration.status, 'registered')));
  return row?.n ?? 0;
}

export async function insertRegistration(db: DbOrTx, values: typeof sessionRegistration.$inferInsert): Promise<RegistrationRow> {
  const [row] = await db.insert(sessionRegistration).values(values).returning();
  return row!;
}

export async function updateRegistration(db: DbOrTx, orgId: string, id: string, patch: Partial<typeof sessionRegistration.$inferInsert>) {
  const [row] = await db
    .update(sessionRegistration)
    .set(patch)
    .where(and(eq(sessionRegistration.orgId, orgId), eq(sessionRegistration.id, id)))
    .returning();
  return row!;
}

/** Registrations of a session that are not cancelled: registered first, then the waitlist, each in arrival order. */
export async function activeRegistrations(db: DbOrTx, orgId: string, sessionId: string, status?: 'registered' | 'waitlisted') {
  return db
    .select()
    .from(sessionRegistration)
    .where(
      and(
        eq(sessionRegistration.orgId, orgId),
        eq(sessionRegistration.sessionId, sessionId),
        status ? eq(sessionRegistration.status, status) : sql`${sessionRegistration.status} <> 'cancelled'`,
      ),
    )
    .orderBy(sql`case when ${sessionRegistration.status} = 'registered' then 0 else 1 end`, asc(sessionRegistration.registeredAt), asc(sessionRegistration.id));
}

export async function roster(db: DbOrTx, orgId: string, sessionId: string, includeCancelled: boolean) {
  return db
    .select({
      reg: sessionRegistration,
      firstName: person.firstName,
      lastName: person.lastName,
      email: person.email,
      jobTitle: person.jobTitle,
    })
    .from(sessionRegistration)
    .innerJoin(person, and(eq(person.id, sessionRegistration.personId), eq(person.orgId, orgId)))
    .where(
      and(
        eq(sessionRegistration.orgId, orgId),
        eq(sessionRegistration.sessionId, sessionId),
        includeCancelled ? undefined : sql`${sessionRegistration.status} <> 'cancelled'`,
      ),
    )
    .orderBy(
      sql`case ${sessionRegistration.status} when 'registered' then 0 when 'waitlisted' then 1 else 2 end`,
      asc(sessionRegistration.registeredAt),
      asc(sessionRegistration.id),
    )
    .limit(2000);
}

export async function orgName(db: DbOrTx, orgId: string): Promise<string> {
  const [row] = await db.select({ name: organisation.name }).from(organisation).where(eq(organisation.id, orgId)).limit(1);
  return row?.name ?? 'Tandem';
}

export type DueSessionReminder = {
  personId: string;
  courseId: string;
  title: string;
  startsAt: Date | string;
  endsAt: Date | string;
  timeZone: string;
  location: string | null;
  meetingUrl: string | null;
};

/**
 * Marks as reminded, and returns, the registrations of scheduled sessions starting between
 * `now` and `until` that have had no reminder: a re-run or a second replica claims nothing twice.
 */
export async function claimSessionReminders(db: DbOrTx, orgId: string, now: Date, until: Date, limit: number): Promise<DueSessionReminder[]> {
  const r = await db.execute(sql`
    with due as (
      select r.id from ${sessionRegistration} r
      join ${liveSession} s on s.id = r.session_id and s.org_id = ${orgId}
      where r.org_id = ${orgId} and r.status = 'registered' and r.reminded_at is null and s.status = 'scheduled'
        and s.starts_at > ${now.toISOString()}::timestamptz and s.starts_at <= ${until.toISOString()}::timestamptz
      order by r.id
      limit ${limit}
      for update of r skip locked
    )
    update ${sessionRegistration} r set reminded_at = ${now.toISOString()}::timestamptz
    from due, ${liveSession} s, ${course} c
    where r.id = due.id and s.id = r.session_id and c.id = s.course_id
    returning r.person_id as "personId", c.id as "courseId", c.title, s.starts_at as "startsAt", s.ends_at as "endsAt",
      s.time_zone as "timeZone", s.location, s.meeting_url as "meetingUrl"`);
  return rows<DueSessionReminder>(r);
}
