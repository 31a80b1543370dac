import { and, eq, inArray } from 'drizzle-orm';
import { storedFile } from '../../../db/schema/index.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';

/** Id and purpose of the organisation's stored files among these ids. */
export async function filePurposes(db: DbOrTx, orgId: string, ids: string[]): Promise<Map<string, string | null>> {
  if (!ids.length) return new Map();
  const found = await db
    .select({ id: storedFile.id, purpose: storedFile.purpose })
    .from(storedFile)
    .where(and(eq(storedFile.orgId, orgId), inArray(storedFile.id, [...new Set(ids)])));
  return new Map(found.map((f) => [f.id, f.purpose]));
}
