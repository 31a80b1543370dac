import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { rows, uuidArray } from '../../platform/db/sql.ts';
import { accountLink, apiToken, organisation, person, rateLimit, session, userAccount } from '../../db/schema/index.ts';
import type { DbOrTx } from '../../platform/db/index.ts';

export type AccountWithPerson = {
  account: typeof userAccount.$inferSelect;
  person: { id: string; firstName: string; lastName: string; status: 'active' | 'inactive' };
};

const accountColumns = {
  account: userAccount,
  person: { id: person.id, firstName: person.firstName, lastName: person.lastName, status: person.status },
};

export type AccountInOrganisation = AccountWithPerson & { org: { id: string; slug: string; name: string } };

/**
 * Sign-in and password reset look an email up across tenants (the one query here without
 * org_id): the same email may have an account in several organisations, one per organisation.
 */
export async function findAccountsByEmail(db: DbOrTx, email: string): Promise<AccountInOrganisation[]> {
  return db
    .select({ ...accountColumns, org: { id: organisation.id, slug: organisation.slug, name: organisation.name } })
    .from(userAccount)
    .innerJoin(person, eq(person.id, userAccount.personId))
    .innerJoin(organisation, eq(organisation.id, userAccount.orgId))
    .where(sql`lower(${userAccount.email}) = lower(${email})`)
    .orderBy(organisation.name, organisation.id)
    .limit(100);
}

export async function findAccountById(db: DbOrTx, orgId: string, userId: string) {
  const [row] = await db
    .select(accountColumns)
    .from(userAccount)
    .innerJoin(person, eq(person.id, userAccount.personId))
    .where(and(eq(userAccount.orgId, orgId), eq(userAccount.id, userId)))
    .limit(1);
  return row;
}

export async function findAccountByPerson(db: DbOrTx, orgId: string, personId: string) {
  const [row] = await db
    .select()
    .from(userAccount)
    .where(and(eq(userAccount.orgId, orgId), eq(userAccount.personId, personId)))
    .limit(1);
  return row;
}

export async function insertSession(db: DbOrTx, values: typeof session.$inferInsert) {
  const [row] = await db.insert(session).values(values).returning();
  return row!;
}

/** A live session joined with its account and person, or nothing. */
export async function findLiveSession(db: DbOrTx, tokenHash: string, now: Date) {
  const [row] = await db
    .select({ session, ...accountColumns })
    .from(session)
    .innerJoin(userAccount, eq(userAccount.id, session.userId))
    .innerJoin(person, eq(person.id, userAccount.personId))
    .where(and(eq(session.tokenHash, tokenHash), gt(session.expiresAt, now)))
    .limit(1);
  return row;
}

export async function touchSession(db: DbOrTx, id: string, now: Date, expiresAt: Date) {
  await db.update(session).set({ lastSeenAt: now, expiresAt }).where(eq(session.id, id));
}

export async function deleteSession(db: DbOrTx, orgId: string, id: string) {
  await db.delete(session).where(and(eq(session.orgId, orgId), eq(session.id, id)));
}

export async function deleteSessionsOfUser(db: DbOrTx, orgId: string, userId: string) {
  await db.delete(session).where(and(eq(session.orgId, orgId), eq(session.userId, userId)));
}

export async function findLiveToken(db: DbOrTx, tokenHash: string, now: Date) {
  const [row] = await db
    .select({ token: apiToken, ...accountColumns })
    .from(apiToken)
    .innerJoin(userAccount, eq(userAccount.id, apiToken.userId))
    .innerJoin(person, eq(person.id, userAccount.personId))
    .where(
      and(
        eq(apiToken.tokenHash, tokenHash),
        isNull(apiToken.revokedAt),
        sql`(${apiToken.expiresAt} is null or ${apiToken.expiresAt} > ${now.toISOString()})`,
      ),
    )
    .limit(1);
  return row;
}

export async function markTokenUsed(db: DbOrTx, id: string, now: Date) {
  await db.update(apiToken).set({ lastUsedAt: now }).where(eq(apiToken.id, id));
}

export async function setLastSignIn(db: DbOrTx, orgId: string, userId: string, now: Date) {
  await db
    .update(userAccount)
    .set({ lastSignInAt: now })
    .where(and(eq(userAccount.orgId, orgId), eq(userAccount.id, userId)));
}

// ---- rate limits ------------------------------------------------------------------------------

/** Counts one hit in a fixed window shared by all replicas; returns the count and when it resets. */
export async function hitRateLimit(db: DbOrTx, key: string, now: Date, windowMs: number) {
  const reset = new Date(now.getTime() + windowMs);
  const r = await db.execute<{ count: number; reset_at: string | Date }>(sql`
    insert into rate_limit (key, count, reset_at) values (${key}, 1, ${reset.toISOString()})
    on conflict (key) do update set
      count = case when rate_limit.reset_at <= ${now.toISOString()} then 1 else rate_limit.count + 1 end,
      reset_at = case when rate_limit.reset_at <= ${now.toISOString()} then excluded.reset_at else rate_limit.reset_at end
    returning count, reset_at`);
  const row = rows<{ count: number; reset_at: string | Date }>(r)[0]!;
  return { count: Number(row.count), resetAt: new Date(row.reset_at) };
}

export async function peekRateLimit(db: DbOrTx, key: string, now: Date) {
  const [row] = await db.select().from(rateLimit).where(and(eq(rateLimit.key, key), gt(rateLimit.resetAt, now))).limit(1);
  return row;
}

/** Takes back one hit: an attempt that turned out fine does not count against the window. */
export async function undoRateLimitHit(db: DbOrTx, key: string) {
  await db
    .update(rateLimit)
    .set({ count: sql`greatest(${rateLimit.count} - 1, 0)` })
    .where(eq(rateLimit.key, key));
}

export async function clearRateLimit(db: DbOrTx, key: string) {
  await db.delete(rateLimit).where(eq(rateLimit.key, key));
}

// ---- accounts and links -----------------------------------------------------------------------

export async function insertAccount(db: DbOrTx, values: typeof userAccount.$inferInsert) {
  const [row] = await db.insert(userAccount).values(values).returning();
  return row!;
}

export async function updateAccount(db: DbOrTx, orgId: string, id: string, values: Partial<typeof userAccount.$inferInsert>) {
  const [row] = await db
    .update(userAccount)
    .set(values)
    .where(and(eq(userAccount.orgId, orgId), eq(userAccount.id, id)))
    .returning();
  return row!;
}

export async function insertLink(db: DbOrTx, values: typeof accountLink.$inferInsert) {
  await db.insert(accountLink).values(values);
}

/** Open links of one kind are closed when a new one is sent, so only the newest works. */
export async function expireOpenLinks(db: DbOrTx, orgId: string, userId: string, kind: 'invitation' | 'password_reset', now: Date) {
  await db
    .update(accountLink)
    .set({ usedAt: now })
    .where(and(eq(accountLink.orgId, orgId), eq(accountLink.userId, userId), eq(accountLink.kind, kind), isNull(accountLink.usedAt)));
}

export async function findOpenLink(db: DbOrTx, tokenHash: string, now: Date) {
  const [row] = await db
    .select({ link: accountLink, ...accountColumns, orgName: organisation.name })
    .from(accountLink)
    .innerJoin(userAccount, eq(userAccount.id, accountLink.userId))
    .innerJoin(person, eq(person.id, userAccount.personId))
    .innerJoin(organisation, eq(organisation.id, accountLink.orgId))
    .where(and(eq(accountLink.tokenHash, tokenHash), isNull(accountLink.usedAt), gt(accountLink.expiresAt, now)))
    .limit(1);
  return row;
}

export async function useLink(db: DbOrTx, id: string, now: Date) {
  const rows = await db
    .update(accountLink)
    .set({ usedAt: now })
    .where(and(eq(accountLink.id, id), isNull(accountLink.usedAt)))
    .returning({ id: accountLink.id });
  return rows.length === 1;
}

export async function hasOpenInvitation(db: DbOrTx, orgId: string, userId: string, now: Date) {
  const [row] = await db
    .select({ id: accountLink.id })
    .from(accountLink)
    .where(
      and(
        eq(accountLink.orgId, orgId),
        eq(accountLink.userId, userId),
        eq(accountLink.kind, 'invitation'),
        isNull(accountLink.usedAt),
        gt(accountLink.expiresAt, now),
      ),
    )
    .limit(1);
  return !!row;
}

export async function findPersonForAccount(db: DbOrTx, orgId: string, personId: string) {
  const [row] = await db
    .select({ id: person.id, email: person.email, firstName: person.firstName, lastName: person.lastName, status: person.status })
    .from(person)
    .where(and(eq(person.orgId, orgId), eq(person.id, personId)))
    .limit(1);
  return row;
}

export async function findPersonByEmail(db: DbOrTx, orgId: string, email: string) {
  const [row] = await db
    .select({ id: person.id })
    .from(person)
    .where(and(eq(person.orgId, orgId), sql`lower(${person.email}) = lower(${email})`))
    .limit(1);
  return row;
}

export async function insertPerson(db: DbOrTx, values: typeof person.$inferInsert) {
  const [row] = await db.insert(person).values(values).returning({ id: person.id });
  return row!;
}

// ---- API tokens -------------------------------------------------------------------------------

export async function listTokens(db: DbOrTx, orgId: string, userId: string) {
  return db
    .select()
    .from(apiToken)
    .where(and(eq(apiToken.orgId, orgId), eq(apiToken.userId, userId)))
    .orderBy(desc(apiToken.createdAt));
}

export async function insertToken(db: DbOrTx, values: typeof apiToken.$inferInsert) {
  const [row] = await db.insert(apiToken).values(values).returning();
  return row!;
}

export async function revokeToken(db: DbOrTx, orgId: string, userId: string, id: string, now: Date) {
  const [row] = await db
    .update(apiToken)
    .set({ revokedAt: now })
    .where(and(eq(apiToken.orgId, orgId), eq(apiToken.userId, userId), eq(apiToken.id, id), isNull(apiToken.revokedAt)))
    .returning();
  return row;
}

/** Revokes every live token of an account; returns the revoked ones. */
export async function revokeTokensOfUser(db: DbOrTx, orgId: string, userId: string, now: Date) {
  return db
    .update(apiToken)
    .set({ revokedAt: now })
    .where(and(eq(apiToken.orgId, orgId), eq(apiToken.userId, userId), isNull(apiToken.revokedAt)))
    .returning({ id: apiToken.id, name: apiToken.name });
}

export async function findToken(db: DbOrTx, orgId: string, userId: string, id: string) {
  const [row] = await db
    .select()
    .from(apiToken)
    .where(and(eq(apiToken.orgId, orgId), eq(apiToken.userId, userId), eq(apiToken.id, id)))
    .limit(1);
  return row;
}

export async function findOrganisationName(db: DbOrTx, orgId: string) {
  const [row] = await db.select({ name: organisation.name }).from(organisation).where(eq(organisation.id, orgId)).limit(1);
  return row?.name ?? 'your organisation';
}

// ---- sign-in of people changed by org -----------------------------------------------------------

export async function rolesOfPerson(db: DbOrTx, orgId: string, personId: string) {
  const [row] = await db
    .select({ roles: userAccount.roles })
    .from(userAccount)
    .where(and(eq(userAccount.orgId, orgId), eq(userAccount.personId, personId)))
    .limit(1);
  return row?.roles ?? [];
}

/** Accounts holding any role (few in any organisation), optionally of some people only. */
export async function accountsWithRoles(db: DbOrTx, orgId: string, personIds?: string[]) {
  return db
    .select({ personId: userAccount.personId, roles: userAccount.roles })
    .from(userAccount)
    .where(
      and(
        eq(userAccount.orgId, orgId),
        sql`cardinality(${userAccount.roles}) > 0`,
        personIds ? sql`${userAccount.personId} = any(${uuidArray(personIds)})` : undefined,
      ),
    );
}

/** Accounts of these people whose sign-in email is no longer the person's email. */
export async function accountsOutOfStep(db: DbOrTx, orgId: string, personIds: string[]) {
  if (!personIds.length) return [];
  return db
    .select({ id: userAccount.id, personId: userAccount.personId, from: userAccount.email, to: person.email, firstName: person.firstName })
    .from(userAccount)
    .innerJoin(person, and(eq(person.id, userAccount.personId), eq(person.orgId, orgId)))
    .where(
      and(
        eq(userAccount.orgId, orgId),
        sql`${userAccount.personId} = any(${uuidArray(personIds)})`,
        sql`${userAccount.email} <> ${person.email}`,
      ),
    );
}

/** The sign-in email follows the person's email; links sent to the old address stop working. */
export async function followPersonEmails(db: DbOrTx, orgId: string, accountIds: string[], now: Date) {
  if (!accountIds.length) return;
  await db.execute(sql`
    update user_account a set email = p.email, updated_at = ${now.toISOString()}
    from person p
    where p.id = a.person_id and p.org_id = ${orgId} and a.org_id = ${orgId} and a.id = any(${uuidArray(accountIds)})`);
  await db
    .update(accountLink)
    .set({ usedAt: now })
    .where(and(eq(accountLink.orgId, orgId), sql`${accountLink.userId} = any(${uuidArray(accountIds)})`, isNull(accountLink.usedAt)));
}
