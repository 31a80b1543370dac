import { and, asc, eq } from 'drizzle-orm';
import { quizAttempt } from '../../../db/schema/index.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';

export type AttemptRow = typeof quizAttempt.$inferSelect;

export async function attemptsOf(db: DbOrTx, orgId: string, enrollmentId: string, quizId?: string): Promise<AttemptRow[]> {
  return db
    .select()
    .from(quizAttempt)
    .where(
      and(
        eq(quizAttempt.orgId, orgId),
        eq(quizAttempt.enrollmentId, enrollmentId),
        quizId ? eq(quizAttempt.quizId, quizId) : undefined,
      ),
    )
    .orderBy(asc(quizAttempt.quizId), asc(quizAttempt.number));
}

/** Locks the attempt so concurrent submits grade it once. */
export async function findAttemptForUpdate(db: DbOrTx, orgId: string, id: string): Promise<AttemptRow | undefined> {
  const [row] = await db
    .select()
    .from(quizAttempt)
    .where(and(eq(quizAttempt.orgId, orgId), eq(quizAttempt.id, id)))
    .for('update')
    .limit(1);
  return row;
}

export async function insertAttempt(db: DbOrTx, values: typeof quizAttempt.$inferInsert): Promise<AttemptRow> {
  const [row] = await db.insert(quizAttempt).values(values).returning();
  return row!;
}

export async function closeAttempt(
  db: DbOrTx,
  orgId: string,
  id: string,
  v: Pick<AttemptRow, 'submittedAt' | 'answers' | 'score' | 'passed' | 'timedOut' | 'items'>,
): Promise<AttemptRow> {
  const [row] = await db
    .update(quizAttempt)
    .set(v)
    .where(and(eq(quizAttempt.orgId, orgId), eq(quizAttempt.id, id)))
    .returning();
  return row!;
}

export async function findAttempt(db: DbOrTx, orgId: string, id: string): Promise<AttemptRow | undefined> {
  const [row] = await db
    .select()
    .from(quizAttempt)
    .where(and(eq(quizAttempt.orgId, orgId), eq(quizAttempt.id, id)))
    .limit(1);
  return row;
}
