import { and, eq } from 'drizzle-orm';
import { courseReaction } from '../../../db/schema/index.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';

export type ReactionRow = typeof courseReaction.$inferSelect;

export async function findReaction(db: DbOrTx, orgId: string, enrollmentId: string): Promise<ReactionRow | undefined> {
  const [row] = await db
    .select()
    .from(courseReaction)
    .where(and(eq(courseReaction.orgId, orgId), eq(courseReaction.enrollmentId, enrollmentId)))
    .limit(1);
  return row;
}

/** Returns undefined when the enrolment already has its reaction (the unique index decides races). */
export async function insertReaction(db: DbOrTx, values: typeof courseReaction.$inferInsert): Promise<ReactionRow | undefined> {
  const [row] = await db.insert(courseReaction).values(values).onConflictDoNothing().returning();
  return row;
}
