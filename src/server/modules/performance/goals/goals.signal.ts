import { and, eq } from 'drizzle-orm';
import { goal, type GoalStatus } from '../../../db/schema/index.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';

/** What an enrolment made from a goal keeps as its baseline: the goal's progress and status now. */
export type GoalSignal = { goalProgress: number; goalStatus: GoalStatus };

/** The goal's signal, or null when the organisation has no such goal. No visibility: callers have checked it. */
export async function goalSignal(db: DbOrTx, orgId: string, goalId: string): Promise<GoalSignal | null> {
  const [row] = await db
    .select({ goalProgress: goal.progress, goalStatus: goal.status })
    .from(goal)
    .where(and(eq(goal.orgId, orgId), eq(goal.id, goalId)))
    .limit(1);
  return row ?? null;
}
