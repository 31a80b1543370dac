import type { DbOrTx } from '../../../platform/db/index.ts';
import type { Actor } from '../../../platform/http/types.ts';

/**
 * An enrolment's reason can point at a private record (a 1:1 talking point, a hurdle, a goal).
 * Learning may not read those modules' tables, and whoever sees an enrolment (learning and HR
 * admins, the chain) may not see the record behind it. So each module that owns such records
 * registers a describer for its record type, and learning asks it, per viewer, what that viewer
 * may read: every answer keeps the generic reason label, and gains a `reasonDetail` only for the
 * records the describer returns.
 */
export type ReasonDetail = { label: string; href?: string };

/**
 * Describes the records of one type the viewer may see, for a page at once: a map from record id
 * to its detail, leaving out every id the viewer may not read (or that no longer exists).
 */
export type ReasonDescriber = (db: DbOrTx, actor: Actor, ids: string[]) => Promise<Map<string, ReasonDetail>>;

const describers = new Map<string, ReasonDescriber>();

/** Called once from the owning module's index.ts, at import: `registerReasonDetails('hurdle', describeHurdles)`. */
export function registerReasonDetails(recordType: string, describe: ReasonDescriber): void {
  describers.set(recordType, describe);
}

type WithReason = { reason: { recordType: string | null; recordId: string | null } };

/**
 * The items with `reasonDetail` for this viewer: one call per record type on the page, whatever
 * its length; null where no describer is registered or the viewer may not see the record.
 */
export async function withReasonDetails<T extends WithReason>(db: DbOrTx, actor: Actor, items: T[]): Promise<Array<T & { reasonDetail: ReasonDetail | null }>> {
  const idsByType = new Map<string, Set<string>>();
  for (const i of items) {
    const { recordType, recordId } = i.reason;
    if (!recordType || !recordId || !describers.has(recordType)) continue;
    const set = idsByType.get(recordType) ?? new Set<string>();
    set.add(recordId);
    idsByType.set(recordType, set);
  }
  const found = new Map<string, Map<string, ReasonDetail>>();
  for (const [type, ids] of idsByType) found.set(type, await describers.get(type)!(db, actor, [...ids]));
  return items.map((i) => {
    const { recordType, recordId } = i.reason;
    const detail = recordType && recordId ? found.get(recordType)?.get(recordId) : undefined;
    return { ...i, reasonDetail: detail ? { label: detail.label, ...(detail.href && { href: detail.href }) } : null };
  });
}
