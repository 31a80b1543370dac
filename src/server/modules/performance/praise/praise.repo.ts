import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { companyValue, feedback, person, praise, praiseComment, praiseReaction, praiseRecipient, skill } from '../../../db/schema/index.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';
import { beforeKey, rows, uuidArray } from '../../../platform/db/sql.ts';

export type CompanyValueRow = typeof companyValue.$inferSelect;
export type PraiseRow = typeof praise.$inferSelect;
export type PersonName = { id: string; name: string; jobTitle: string | null };

// ---- company values ---------------------------------------------------------------------------

/** Whether praise or feedback names the value (jsonb arrays of ids). */
const valueUsedSql = (orgId: string) => sql<boolean>`(exists(select 1 from ${praise} p where p.org_id = ${orgId} and p.value_ids ? "company_value"."id"::text)
  or exists(select 1 from ${feedback} f where f.org_id = ${orgId} and f.value_ids ? "company_value"."id"::text))`;

export async function listValues(db: DbOrTx, orgId: string, includeArchived: boolean) {
  return db
    .select({ value: companyValue, used: valueUsedSql(orgId) })
    .from(companyValue)
    .where(and(eq(companyValue.orgId, orgId), includeArchived ? undefined : isNull(companyValue.archivedAt)))
    .orderBy(asc(companyValue.position), asc(sql`lower(${companyValue.name})`), asc(companyValue.id))
    .limit(500);
}

export async function findValue(db: DbOrTx, orgId: string, id: string, lock = false) {
  const q = db
    .select({ value: companyValue, used: valueUsedSql(orgId) })
    .from(companyValue)
    .where(and(eq(companyValue.orgId, orgId), eq(companyValue.id, id)))
    .limit(1);
  const [row] = lock ? await q.for('update', { of: companyValue }) : await q;
  return row;
}

export async function insertValue(db: DbOrTx, values: typeof companyValue.$inferInsert): Promise<CompanyValueRow> {
  const [row] = await db.insert(companyValue).values(values).returning();
  return row!;
}

export async function updateValue(db: DbOrTx, orgId: string, id: string, patch: Partial<typeof companyValue.$inferInsert>): Promise<CompanyValueRow> {
  const [row] = await db
    .update(companyValue)
    .set(patch)
    .where(and(eq(companyValue.orgId, orgId), eq(companyValue.id, id)))
    .returning();
  return row!;
}

export async function deleteValue(db: DbOrTx, orgId: string, id: string): Promise<void> {
  await db.delete(companyValue).where(and(eq(companyValue.orgId, orgId), eq(companyValue.id, id)));
}

/** Values of the organisation among `ids` that are not archived. */
export async function activeValueIds(db: DbOrTx, orgId: string, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const found = await db
    .select({ id: companyValue.id })
    .from(companyValue)
    .where(and(eq(companyValue.orgId, orgId), inArray(companyValue.id, ids), isNull(companyValue.archivedAt)));
  return new Set(found.map((r) => r.id));
}

export async function valueNames(db: DbOrTx, orgId: string, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const found = await db
    .select({ id: companyValue.id, name: companyValue.name })
    .from(companyValue)
    .where(and(eq(companyValue.orgId, orgId), inArray(companyValue.id, ids)));
  return new Map(found.map((r) => [r.id, r.name]));
}

export async function skillNames(db: DbOrTx, orgId: string, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const found = await db.select({ id: skill.id, name: skill.name }).from(skill).where(and(eq(skill.orgId, orgId), inArray(skill.id, ids)));
  return new Map(found.map((r) => [r.id, r.name]));
}

/** Names of people of the organisation (active or not: old praise keeps its names). */
export async function peopleNames(db: DbOrTx, orgId: string, ids: string[]): Promise<Map<string, PersonName>> {
  if (!ids.length) return new Map();
  const found = await db
    .select({ id: person.id, firstName: person.firstName, lastName: person.lastName, jobTitle: person.jobTitle })
    .from(person)
    .where(and(eq(person.orgId, orgId), inArray(person.id, ids)));
  return new Map(found.map((p) => [p.id, { id: p.id, name: `${p.firstName} ${p.lastName}`.trim(), jobTitle: p.jobTitle }]));
}

/** Active people of the organisation among `ids`. */
export async function activePeopleIds(db: DbOrTx, orgId: string, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const found = await db
    .select({ id: person.id })
    .from(person)
    .where(and(eq(person.orgId, orgId), inArray(person.id, ids), eq(person.status, 'active')));
  return new Set(found.map((r) => r.id));
}

// ---- praise -------------------------------------------------------------------------------------

export async function insertPraise(db: DbOrTx, values: typeof praise.$inferInsert, recipientIds: string[]): Promise<PraiseRow> {
  const [row] = await db.insert(praise).values(values).returning();
  await db.insert(praiseRecipient).values(recipientIds.map((personId) => ({ orgId: values.orgId, praiseId: row!.id, personId })));
  return row!;
}

export async function findPraise(db: DbOrTx, orgId: string, id: string): Promise<(PraiseRow & { recipientIds: string[] }) | undefined> {
  const [row] = await db
    .select()
    .from(praise)
    .where(and(eq(praise.orgId, orgId), eq(praise.id, id)))
    .limit(1);
  if (!row) return undefined;
  const recipients = await db
    .select({ personId: praiseRecipient.personId })
    .from(praiseRecipient)
    .where(and(eq(praiseRecipient.orgId, orgId), eq(praiseRecipient.praiseId, id)));
  return { ...row, recipientIds: recipients.map((r) => r.personId) };
}

/** The public feed, newest first (the partial index praise_feed_idx serves it). */
export async function publicFeed(db: DbOrTx, orgId: string, limit: number, before?: [string, string]) {
  return db
    .select()
    .from(praise)
    .where(and(eq(praise.orgId, orgId), eq(praise.visibility, 'public'), beforeKey([praise.createdAt, praise.id], before)))
    .orderBy(desc(praise.createdAt), desc(praise.id))
    .limit(limit);
}

/** Praise the person received that the viewer may read: public, or private with the viewer in it. */
export async function receivedBy(db: DbOrTx, orgId: string, personId: string, viewerId: string, limit: number, before?: [string, string]) {
  return db
    .select()
    .from(praise)
    .where(
      and(
        eq(praise.orgId, orgId),
        sql`${praise.id} in (select r.praise_id from ${praiseRecipient} r where r.org_id = ${orgId} and r.person_id = ${personId}::uuid)`,
        sql`(${praise.visibility} = 'public' or ${praise.giverId} = ${viewerId}::uuid
          or exists(select 1 from ${praiseRecipient} v where v.praise_id = ${praise.id} and v.person_id = ${viewerId}::uuid))`,
        beforeKey([praise.createdAt, praise.id], before),
      ),
    )
    .orderBy(desc(praise.createdAt), desc(praise.id))
    .limit(limit);
}

/** Recipients, reactions and comment counts of a page of praise, in three statements. */
export async function praiseExtras(db: DbOrTx, orgId: string, ids: string[], viewerId: string) {
  if (!ids.length) return { recipients: [], reactions: [], comments: [] };
  const [recipients, reactions, comments] = await Promise.all([
    db
      .select({ praiseId: praiseRecipient.praiseId, personId: praiseRecipient.personId })
      .from(praiseRecipient)
      .where(and(eq(praiseRecipient.orgId, orgId), inArray(praiseRecipient.praiseId, ids))),
    db.execute(sql`select praise_id::text as "praiseId", emoji, count(*)::int as count, bool_or(person_id = ${viewerId}::uuid) as mine
      from ${praiseReaction} where org_id = ${orgId} and praise_id = any(${uuidArray(ids)})
      group by praise_id, emoji order by min(created_at), emoji`),
    db.execute(sql`select praise_id::text as "praiseId", count(*)::int as count from ${praiseComment}
      where org_id = ${orgId} and praise_id = any(${uuidArray(ids)}) group by praise_id`),
  ]);
  return {
    recipients,
    reactions: rows<{ praiseId: string; emoji: string; count: number; mine: boolean }>(reactions),
    comments: rows<{ praiseId: string; count: number }>(comments),
  };
}

/** Adds the reaction, or takes it back when the person had it: answers whether it is now on. */
export async function toggleReaction(db: DbOrTx, orgId: string, praiseId: string, personId: string, emoji: string, now: Date): Promise<boolean> {
  const removed = await db
    .delete(praiseReaction)
    .where(and(eq(praiseReaction.orgId, orgId), eq(praiseReaction.praiseId, praiseId), eq(praiseReaction.personId, personId), eq(praiseReaction.emoji, emoji)))
    .returning({ emoji: praiseReaction.emoji });
  if (removed.length) return false;
  await db.insert(praiseReaction).values({ orgId, praiseId, personId, emoji, createdAt: now }).onConflictDoNothing();
  return true;
}

export async function insertComment(db: DbOrTx, values: typeof praiseComment.$inferInsert) {
  const [row] = await db.insert(praiseComment).values(values).returning();
  return row!;
}

export async function listComments(db: DbOrTx, orgId: string, praiseId: string, limit: number) {
  return db
    .select()
    .from(praiseComment)
    .where(and(eq(praiseComment.orgId, orgId), eq(praiseComment.praiseId, praiseId)))
    .orderBy(asc(praiseComment.createdAt), asc(praiseComment.id))
    .limit(limit);
}

export async function findComment(db: DbOrTx, orgId: string, id: string) {
  const [row] = await db
    .select()
    .from(praiseComment)
    .where(and(eq(praiseComment.orgId, orgId), eq(praiseComment.id, id)))
    .limit(1);
  return row;
}

export async function deleteComment(db: DbOrTx, orgId: string, id: string) {
  await db.delete(praiseComment).where(and(eq(praiseComment.orgId, orgId), eq(praiseComment.id, id)));
}

export async function deletePraise(db: DbOrTx, orgId: string, id: string) {
  await db.delete(praise).where(and(eq(praise.orgId, orgId), eq(praise.id, id)));
}
