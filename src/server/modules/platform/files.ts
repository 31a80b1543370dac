import { createHash } from 'node:crypto';
import { uuidv7 } from 'uuidv7';
import type { AppContext } from '../../context.ts';
import type { DbOrTx } from '../../platform/db/index.ts';
import { notFound } from '../../platform/http/errors.ts';
import * as repo from './platform.repo.ts';

export type NewFile = { orgId: string; name: string; contentType: string; bytes: Uint8Array; createdBy: string | null; purpose?: string | null };

/**
 * Writes the bytes, then records them in the caller's transaction. A rolled-back transaction
 * leaves an orphan file on disk, never a record without its bytes.
 */
export async function storeFile(ctx: AppContext, tx: DbOrTx, f: NewFile) {
  const id = uuidv7();
  const storageKey = `${f.orgId}/${id}`;
  await ctx.files.put(storageKey, f.bytes);
  return repo.insertFile(tx, {
    id,
    orgId: f.orgId,
    name: f.name,
    contentType: f.contentType,
    size: f.bytes.byteLength,
    sha256: createHash('sha256').update(f.bytes).digest('hex'),
    storageKey,
    purpose: f.purpose ?? null,
    createdBy: f.createdBy,
  });
}

export async function openFile(ctx: AppContext, orgId: string, id: string) {
  const row = await repo.findFile(ctx.db, orgId, id);
  if (!row) throw notFound('File');
  return { file: row, bytes: await ctx.files.get(row.storageKey) };
}
