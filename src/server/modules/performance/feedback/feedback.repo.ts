import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { feedback, feedbackInvitation, feedbackRequest } from '../../../db/schema/index.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';
import { beforeKey, rows } from '../../../platform/db/sql.ts';
import { chainBelowSql } from '../../org/index.ts';

export type RequestRow = typeof feedbackRequest.$inferSelect;
export type InvitationRow = typeof feedbackInvitation.$inferSelect;
export type FeedbackRow = typeof feedback.$inferSelect;

export async function insertRequest(db: DbOrTx, values: typeof feedbackRequest.$inferInsert, giverIds: string[]): Promise<RequestRow> {
  const [row] = await db.insert(feedbackRequest).values(values).returning();
  await db.insert(feedbackInvitation).values(giverIds.map((giverId) => ({ orgId: values.orgId, requestId: row!.id, giverId, createdAt: row!.createdAt })));
  return row!;
}

export async function findRequest(db: DbOrTx, orgId: string, id: string, lock = false): Promise<RequestRow | undefined> {
  const q = db
    .select()
    .from(feedbackRequest)
    .where(and(eq(feedbackRequest.orgId, orgId), eq(feedbackRequest.id, id)))
    .limit(1);
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export async function closeRequest(db: DbOrTx, orgId: string, id: string, now: Date) {
  const [row] = await db
    .update(feedbackRequest)
    .set({ closedAt: now })
    .where(and(eq(feedbackRequest.orgId, orgId), eq(feedbackRequest.id, id)))
    .returning();
  return row!;
}

export async function requestsOf(db: DbOrTx, orgId: string, requesterId: string, limit: number, before?: [string, string]) {
  return db
    .select()
    .from(feedbackRequest)
    .where(and(eq(feedbackRequest.orgId, orgId), eq(feedbackRequest.requesterId, requesterId), beforeKey([feedbackRequest.createdAt, feedbackRequest.id], before)))
    .orderBy(desc(feedbackRequest.createdAt), desc(feedbackRequest.id))
    .limit(limit);
}

/** The invitations of some requests, in the order they were made (by giver id within a request: all share one time). */
export async function invitationsOf(db: DbOrTx, orgId: string, requestIds: string[]) {
  if (!requestIds.length) return [];
  return db
    .select()
    .from(feedbackInvitation)
    .where(and(eq(feedbackInvitation.orgId, orgId), inArray(feedbackInvitation.requestId, requestIds)))
    .orderBy(feedbackInvitation.requestId, feedbackInvitation.giverId);
}

/** Answers per request that the requester can see today: named ones, and anonymous ones from the day after. */
export async function releasedAnswerCounts(db: DbOrTx, orgId: string, requestIds: string[], today: string): Promise<Map<string, number>> {
  if (!requestIds.length) return new Map();
  const found = await db
    .select({ requestId: feedback.requestId, n: sql<number>`count(*)::int` })
    .from(feedback)
    .where(and(eq(feedback.orgId, orgId), inArray(feedback.requestId, requestIds), sql`(not ${feedback.anonymous} or ${feedback.givenOn} < ${today}::date)`))
    .groupBy(feedback.requestId);
  return new Map(found.map((r) => [r.requestId!, Number(r.n)]));
}

export async function invitationsOfGiver(db: DbOrTx, orgId: string, giverId: string, pendingOnly: boolean, now: Date, limit: number, before?: [string, string]) {
  return db
    .select({ invitation: feedbackInvitation, request: feedbackRequest })
    .from(feedbackInvitation)
    .innerJoin(feedbackRequest, eq(feedbackRequest.id, feedbackInvitation.requestId))
    .where(
      and(
        eq(feedbackInvitation.orgId, orgId),
        eq(feedbackInvitation.giverId, giverId),
        pendingOnly
          ? sql`${feedbackInvitation.status} = 'pending' and ${feedbackRequest.closedAt} is null and (${feedbackRequest.expiresAt} is null or ${feedbackRequest.expiresAt} > ${now})`
          : undefined,
        beforeKey([feedbackInvitation.createdAt, feedbackInvitation.id], before),
      ),
    )
    .orderBy(desc(feedbackInvitation.createdAt), desc(feedbackInvitation.id))
    .limit(limit);
}

export async function findInvitation(db: DbOrTx, orgId: string, id: string, lock = false) {
  const q = db
    .select({ invitation: feedbackInvitation, request: feedbackRequest })
    .from(feedbackInvitation)
    .innerJoin(feedbackRequest, eq(feedbackRequest.id, feedbackInvitation.requestId))
    .where(and(eq(feedbackInvitation.orgId, orgId), eq(feedbackInvitation.id, id)))
    .limit(1);
  const [row] = lock ? await q.for('update', { of: feedbackInvitation }) : await q;
  return row;
}

export async function setInvitationStatus(db: DbOrTx, orgId: string, id: string, status: 'answered' | 'declined') {
  await db
    .update(feedbackInvitation)
    .set({ status })
    .where(and(eq(feedbackInvitation.orgId, orgId), eq(feedbackInvitation.id, id)));
}

export async function insertFeedback(db: DbOrTx, values: typeof feedback.$inferInsert): Promise<FeedbackRow> {
  const [row] = await db.insert(feedback).values(values).returning();
  return row!;
}

export async function findFeedback(db: DbOrTx, orgId: string, id: string): Promise<FeedbackRow | undefined> {
  const [row] = await db
    .select()
    .from(feedback)
    .where(and(eq(feedback.orgId, orgId), eq(feedback.id, id)))
    .limit(1);
  return row;
}

const released = (today: string) => sql`(not ${feedback.anonymous} or ${feedback.givenOn} < ${today}::date)`;

/**
 * Feedback lists, newest day first; within a day by id, which is random, so the order says nothing
 * about who wrote first. The same rules as canReadFeedback, as SQL.
 */
export async function listFeedback(
  db: DbOrTx,
  orgId: string,
  viewerId: string,
  view: 'received' | 'given' | 'team',
  today: string,
  limit: number,
  before?: [string, string],
) {
  const who =
    view === 'given'
      ? sql`${feedback.giverId} = ${viewerId}::uuid`
      : view === 'received'
        ? sql`(${feedback.receiverId} = ${viewerId}::uuid or (${feedback.subjectId} = ${viewerId}::uuid and ${feedback.shareWithSubject})) and ${released(today)}`
        : sql`${feedback.shareWithManagers} and ${feedback.receiverId} in (${chainBelowSql(orgId, viewerId)}) and ${released(today)}`;
  return db
    .select()
    .from(feedback)
    .where(and(eq(feedback.orgId, orgId), who, beforeKey([feedback.givenOn, feedback.id], before)))
    .orderBy(desc(feedback.givenOn), desc(feedback.id))
    .limit(limit);
}

/**
 * Invitations of open requests due a reminder: the pending ones, and where answers may be
 * anonymous the answered ones too, so that who stops getting reminders does not tell who answered.
 * Claimed by setting reminded_at in the same statement, so two runs (or two workers) never remind the same invitation twice in one interval.
 * A sweep over every organisation, as the learning sweep is.
 */
export async function claimDueReminders(db: DbOrTx, now: Date, firstAfter: Date, againAfter: Date) {
  const r = await db.execute(sql`
    update ${feedbackInvitation} i set reminded_at = ${now}
    from ${feedbackRequest} r
    where r.id = i.request_id and r.closed_at is null
      and (i.status = 'pending' or (r.allow_anonymous and i.status = 'answered'))
      and (r.expires_at is null or r.expires_at > ${now})
      and i.created_at <= ${firstAfter}
      and (i.reminded_at is null or i.reminded_at <= ${againAfter})
    returning i.id::text as id, i.org_id::text as "orgId", i.giver_id::text as "giverId", r.id::text as "requestId",
      r.requester_id::text as "requesterId", r.subject_id::text as "subjectId", r.expires_at as "expiresAt", r.allow_anonymous as "allowAnonymous"`);
  return rows<{ id: string; orgId: string; giverId: string; requestId: string; requesterId: string; subjectId: string; expiresAt: string | Date | null; allowAnonymous: boolean }>(r);
}

/** Anonymous feedback given on a day, every organisation, in id order (random, not time). */
export async function anonymousGivenOn(db: DbOrTx, day: string) {
  return db
    .select()
    .from(feedback)
    .where(and(eq(feedback.anonymous, true), eq(feedback.givenOn, day)))
    .orderBy(feedback.orgId, feedback.id);
}
