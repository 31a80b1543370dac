import { and, desc, eq, gte, ilike, inArray, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { beforeKey, escapeLike } from '../../platform/db/sql.ts';
import { auditEvent, domainEvent, mailMessage, notification, person, storedFile } from '../../db/schema/index.ts';
import type { DbOrTx } from '../../platform/db/index.ts';


// ---- audit ------------------------------------------------------------------------------------

export type AuditFilter = {
  actorId?: string;
  action?: string;
  recordType?: string;
  recordId?: string;
  from?: Date;
  to?: Date;
  q?: string;
};

export async function listAuditEvents(db: DbOrTx, orgId: string, f: AuditFilter, limit: number, cursor?: [string, string]) {
  const where: (SQL | undefined)[] = [eq(auditEvent.orgId, orgId), beforeKey([auditEvent.at, auditEvent.id], cursor)];
  if (f.actorId) where.push(eq(auditEvent.actorPersonId, f.actorId));
  if (f.action) where.push(eq(auditEvent.action, f.action));
  if (f.recordType) where.push(eq(auditEvent.recordType, f.recordType));
  if (f.recordId) where.push(eq(auditEvent.recordId, f.recordId));
  if (f.from) where.push(gte(auditEvent.at, f.from));
  if (f.to) where.push(lte(auditEvent.at, f.to));
  if (f.q) {
    const like = `%${escapeLike(f.q)}%`;
    where.push(or(ilike(auditEvent.actorLabel, like), ilike(auditEvent.action, like), ilike(auditEvent.recordId, like)));
  }
  return db
    .select({
      event: auditEvent,
      actorFirstName: person.firstName,
      actorLastName: person.lastName,
    })
    .from(auditEvent)
    .leftJoin(person, and(eq(person.id, auditEvent.actorPersonId), eq(person.orgId, orgId)))
    .where(and(...where))
    .orderBy(desc(auditEvent.at), desc(auditEvent.id))
    .limit(limit);
}

export async function auditFacets(db: DbOrTx, orgId: string) {
  const [actions, recordTypes] = await Promise.all([
    db.selectDistinct({ v: auditEvent.action }).from(auditEvent).where(eq(auditEvent.orgId, orgId)).orderBy(auditEvent.action),
    db.selectDistinct({ v: auditEvent.recordType }).from(auditEvent).where(eq(auditEvent.orgId, orgId)).orderBy(auditEvent.recordType),
  ]);
  return { actions: actions.map((r) => r.v), recordTypes: recordTypes.map((r) => r.v) };
}

export async function insertAuditEvents(db: DbOrTx, values: Array<typeof auditEvent.$inferInsert>) {
  if (values.length) await db.insert(auditEvent).values(values);
}

// ---- mail -------------------------------------------------------------------------------------

export async function insertMails(db: DbOrTx, values: Array<typeof mailMessage.$inferInsert>): Promise<string[]> {
  const rows = await db.insert(mailMessage).values(values).returning({ id: mailMessage.id });
  return rows.map((r) => r.id);
}

export async function listMail(db: DbOrTx, orgId: string, q: string | undefined, limit: number, cursor?: [string, string]) {
  const where: (SQL | undefined)[] = [eq(mailMessage.orgId, orgId), beforeKey([mailMessage.createdAt, mailMessage.id], cursor)];
  if (q) {
    const like = `%${escapeLike(q)}%`;
    where.push(or(ilike(mailMessage.to, like), ilike(mailMessage.subject, like)));
  }
  return db
    .select()
    .from(mailMessage)
    .where(and(...where))
    .orderBy(desc(mailMessage.createdAt), desc(mailMessage.id))
    .limit(limit);
}

export async function findMail(db: DbOrTx, orgId: string, id: string) {
  const [row] = await db
    .select()
    .from(mailMessage)
    .where(and(eq(mailMessage.orgId, orgId), eq(mailMessage.id, id)))
    .limit(1);
  return row;
}

/** Claims queued messages for delivery; other replicas skip the claimed rows. */
/**
 * Claims up to `limit` messages for one delivery, in one statement that commits at once: queued
 * ones, and any whose delivery started before `staleBefore` and never finished (a crash).
 */
export async function claimQueuedMail(db: DbOrTx, limit: number, now: Date, staleBefore: Date) {
  const due = db
    .select({ id: mailMessage.id })
    .from(mailMessage)
    .where(or(eq(mailMessage.status, 'queued'), and(eq(mailMessage.status, 'sending'), lt(mailMessage.sentAt, staleBefore))))
    .orderBy(mailMessage.createdAt)
    .limit(limit)
    .for('update', { skipLocked: true });
  const rows = await db.update(mailMessage).set({ status: 'sending', sentAt: now }).where(inArray(mailMessage.id, due)).returning();
  return rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

export async function markMail(
  db: DbOrTx,
  id: string,
  values: { status: 'sent' | 'failed' | 'queued'; error?: string | null; sentAt?: Date | null; subject?: string; text?: string; html?: string | null },
) {
  await db.update(mailMessage).set(values).where(eq(mailMessage.id, id));
}

// ---- notifications ----------------------------------------------------------------------------

export async function insertNotifications(db: DbOrTx, values: Array<typeof notification.$inferInsert>) {
  return db.insert(notification).values(values).returning();
}

export async function listNotifications(
  db: DbOrTx,
  orgId: string,
  personId: string,
  unreadOnly: boolean,
  limit: number,
  cursor?: [string, string],
) {
  const where: (SQL | undefined)[] = [
    eq(notification.orgId, orgId),
    eq(notification.personId, personId),
    beforeKey([notification.createdAt, notification.id], cursor),
  ];
  if (unreadOnly) where.push(isNull(notification.readAt));
  return db
    .select()
    .from(notification)
    .where(and(...where))
    .orderBy(desc(notification.createdAt), desc(notification.id))
    .limit(limit);
}

export async function countUnread(db: DbOrTx, orgId: string, personId: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notification)
    .where(and(eq(notification.orgId, orgId), eq(notification.personId, personId), isNull(notification.readAt)));
  return row?.n ?? 0;
}

/** Marks read; `ids` omitted means all of the person's. Returns how many changed. */
export async function markNotificationsRead(db: DbOrTx, orgId: string, personId: string, now: Date, ids?: string[]) {
  const rows = await db
    .update(notification)
    .set({ readAt: now })
    .where(
      and(
        eq(notification.orgId, orgId),
        eq(notification.personId, personId),
        isNull(notification.readAt),
        ids ? inArray(notification.id, ids) : undefined,
      ),
    )
    .returning({ id: notification.id });
  return rows.length;
}

export async function findNotification(db: DbOrTx, orgId: string, personId: string, id: string) {
  const [row] = await db
    .select({ id: notification.id })
    .from(notification)
    .where(and(eq(notification.orgId, orgId), eq(notification.personId, personId), eq(notification.id, id)))
    .limit(1);
  return row;
}

/** Email address by person, for the active people among `ids`. */
export async function activePeopleEmails(db: DbOrTx, orgId: string, ids: string[]): Promise<Map<string, string>> {
  const found = await db
    .select({ id: person.id, email: person.email })
    .from(person)
    .where(and(eq(person.orgId, orgId), inArray(person.id, ids), eq(person.status, 'active')));
  return new Map(found.map((p) => [p.id, p.email]));
}

// ---- outbox -----------------------------------------------------------------------------------

export async function insertEvents(db: DbOrTx, values: Array<typeof domainEvent.$inferInsert>) {
  if (values.length) await db.insert(domainEvent).values(values);
}

export async function claimPendingEvents(db: DbOrTx, limit: number) {
  return db
    .select({ id: domainEvent.id, type: domainEvent.type })
    .from(domainEvent)
    .where(isNull(domainEvent.dispatchedAt))
    .orderBy(domainEvent.occurredAt, domainEvent.id)
    .limit(limit)
    .for('update', { skipLocked: true });
}

export async function markEventsDispatched(db: DbOrTx, ids: string[], now: Date) {
  if (ids.length) await db.update(domainEvent).set({ dispatchedAt: now }).where(inArray(domainEvent.id, ids));
}

/** Job handlers receive an event id only; the event is read back here. */
export async function findEvent(db: DbOrTx, id: string) {
  const [row] = await db.select().from(domainEvent).where(eq(domainEvent.id, id)).limit(1);
  return row;
}

// ---- files ------------------------------------------------------------------------------------

export async function insertFile(db: DbOrTx, values: typeof storedFile.$inferInsert) {
  const [row] = await db.insert(storedFile).values(values).returning();
  return row!;
}

export async function findFile(db: DbOrTx, orgId: string, id: string) {
  const [row] = await db
    .select()
    .from(storedFile)
    .where(and(eq(storedFile.orgId, orgId), eq(storedFile.id, id)))
    .limit(1);
  return row;
}

// ---- maintenance ------------------------------------------------------------------------------

/** Refreshes the planner's statistics of every table. */
export async function analyzeTables(db: DbOrTx): Promise<void> {
  await db.execute(sql`analyze`);
}
