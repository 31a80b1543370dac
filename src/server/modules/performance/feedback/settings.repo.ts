import { eq } from 'drizzle-orm';
import { performanceSettings } from '../../../db/schema/index.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';

export type PerformanceSettingsRow = typeof performanceSettings.$inferSelect;

/** The organisation's row, or undefined: no row means the defaults. */
export async function findSettings(db: DbOrTx, orgId: string, lock = false): Promise<PerformanceSettingsRow | undefined> {
  const q = db.select().from(performanceSettings).where(eq(performanceSettings.orgId, orgId)).limit(1);
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export async function upsertSettings(db: DbOrTx, orgId: string, patch: Partial<typeof performanceSettings.$inferInsert>, now: Date): Promise<PerformanceSettingsRow> {
  const [row] = await db
    .insert(performanceSettings)
    .values({ orgId, ...patch, updatedAt: now })
    .onConflictDoUpdate({ target: performanceSettings.orgId, set: { ...patch, updatedAt: now } })
    .returning();
  return row!;
}
