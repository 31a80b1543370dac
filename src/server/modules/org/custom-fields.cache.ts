import type { DbOrTx } from '../../platform/db/index.ts';
import { listCustomFields } from './custom-fields.repo.ts';
import type { FieldDef } from './custom-fields.visibility.ts';

/**
 * How long a process believes an organisation's custom field definitions (keys and visibility)
 * without reading them again: every profile and people list needs them, and they change rarely.
 * It bounds how late a visibility change applies in a process that did not make it (as the actor
 * cache bounds a role change); the process that made it forgets at once, after its commit.
 */
export const FIELD_DEFS_TTL_MS = 2_000;
const MAX_ORGS = 10_000;

type Entry = { defs: readonly FieldDef[]; from: number; until: number };
type Cache = { entries: Map<string, Entry>; generation: number };

/**
 * Keyed by the database handle: the process's pool is one handle, so requests share it, and a
 * transaction is another, so a use case reads the definitions as its own transaction sees them.
 */
const caches = new WeakMap<object, Cache>();

/** The organisation's field definitions, ordered by key, from the cache when fresh. */
export async function fieldDefsOf(db: DbOrTx, orgId: string): Promise<readonly FieldDef[]> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = { entries: new Map(), generation: 0 }));
  const now = Date.now();
  const hit = cache.entries.get(orgId);
  // A clock set back must not stretch an entry's life either.
  if (hit && now >= hit.from && now < hit.until) return hit.defs;
  const generation = cache.generation;
  const defs = Object.freeze((await listCustomFields(db, orgId)).map((f) => Object.freeze({ key: f.key, visibility: f.visibility })));
  // A read that started before a change does not store what it read.
  if (generation === cache.generation) {
    if (cache.entries.size >= MAX_ORGS) cache.entries.clear();
    cache.entries.set(orgId, { defs, from: now, until: now + FIELD_DEFS_TTL_MS });
  }
  return defs;
}

/** Call after committing a change to the organisation's field definitions. */
export function forgetFieldDefs(db: DbOrTx, orgId: string): void {
  const cache = caches.get(db);
  if (!cache) return;
  cache.generation++;
  cache.entries.delete(orgId);
}
