import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { apiToken, person, session, userAccount } from '../../db/schema/index.ts';
import type { DbOrTx } from '../../platform/db/index.ts';

export type AccountWithPerson = {
  account: typeof userAccount.$inferSelect;
  person: { id: string; firstName: string; lastName: string; status: 'active' | 'inactive' };
};

const accountColumns = {
  account: userAccount,
  person: { id: person.id, firstName: person.firstName, lastName: person.lastName, status: person.status },
};

/** Sign-in looks an account up by email across tenants: the one query here without org_id. */
export async function findAccountByEmail(db: DbOrTx, email: string): Promise<AccountWithPerson | undefined> {
  const [row] = await db
    .select(accountColumns)
    .from(userAccount)
    .innerJoin(person, eq(person.id, userAccount.personId))
    .where(sql`lower(${userAccount.email}) = lower(${email})`)
    .limit(1);
  return row;
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
