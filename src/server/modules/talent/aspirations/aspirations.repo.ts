import { and, asc, eq, isNull } from 'drizzle-orm';
import { aspiration, jobProfile, person } from '../../../db/schema/index.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';

export type AspirationRow = typeof aspiration.$inferSelect;
export type AspirationView = AspirationRow & { targetProfileName: string | null };

const viewColumns = {
  id: aspiration.id,
  orgId: aspiration.orgId,
  personId: aspiration.personId,
  targetProfileId: aspiration.targetProfileId,
  description: aspiration.description,
  timeFrame: aspiration.timeFrame,
  willingToChangeTeam: aspiration.willingToChangeTeam,
  willingToRelocate: aspiration.willingToRelocate,
  interests: aspiration.interests,
  createdAt: aspiration.createdAt,
  updatedAt: aspiration.updatedAt,
  targetProfileName: jobProfile.name,
};

export async function listForPerson(db: DbOrTx, orgId: string, personId: string, limit: number): Promise<AspirationView[]> {
  return db
    .select(viewColumns)
    .from(aspiration)
    .leftJoin(jobProfile, and(eq(jobProfile.orgId, aspiration.orgId), eq(jobProfile.id, aspiration.targetProfileId)))
    .where(and(eq(aspiration.orgId, orgId), eq(aspiration.personId, personId)))
    .orderBy(asc(aspiration.createdAt), asc(aspiration.id))
    .limit(limit);
}

export async function findView(db: DbOrTx, orgId: string, id: string): Promise<AspirationView | undefined> {
  const [row] = await db
    .select(viewColumns)
    .from(aspiration)
    .leftJoin(jobProfile, and(eq(jobProfile.orgId, aspiration.orgId), eq(jobProfile.id, aspiration.targetProfileId)))
    .where(and(eq(aspiration.orgId, orgId), eq(aspiration.id, id)))
    .limit(1);
  return row;
}

export async function findForUpdate(db: DbOrTx, orgId: string, id: string): Promise<AspirationRow | undefined> {
  const [row] = await db
    .select()
    .from(aspiration)
    .where(and(eq(aspiration.orgId, orgId), eq(aspiration.id, id)))
    .for('update')
    .limit(1);
  return row;
}

/** An active (not archived) job profile of the organisation. */
export async function findActiveProfile(db: DbOrTx, orgId: string, id: string): Promise<{ id: string; name: string } | undefined> {
  const [row] = await db
    .select({ id: jobProfile.id, name: jobProfile.name })
    .from(jobProfile)
    .where(and(eq(jobProfile.orgId, orgId), eq(jobProfile.id, id), isNull(jobProfile.archivedAt)))
    .limit(1);
  return row;
}

export async function insert(db: DbOrTx, values: typeof aspiration.$inferInsert): Promise<AspirationRow> {
  const [row] = await db.insert(aspiration).values(values).returning();
  return row!;
}

export async function update(db: DbOrTx, orgId: string, id: string, patch: Partial<typeof aspiration.$inferInsert>, now: Date): Promise<AspirationRow> {
  const [row] = await db
    .update(aspiration)
    .set({ ...patch, updatedAt: now })
    .where(and(eq(aspiration.orgId, orgId), eq(aspiration.id, id)))
    .returning();
  return row!;
}

export async function remove(db: DbOrTx, orgId: string, id: string): Promise<void> {
  await db.delete(aspiration).where(and(eq(aspiration.orgId, orgId), eq(aspiration.id, id)));
}

