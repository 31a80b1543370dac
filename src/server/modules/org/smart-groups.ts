import type { DbOrTx } from '../../platform/db/index.ts';
import type { ActorRef } from '../../platform/http/types.ts';
import { emit, recordChanges, type Change } from '../platform/index.ts';
import { GROUP_MEMBERS_CHANGED } from './groups.events.ts';
import * as repo from './groups.repo.ts';

export type MembershipChange = { groupId: string; added: string[]; removed: string[] };

/**
 * Recomputes the membership of every smart group of the organisation (or of the given ones),
 * set-based in SQL, inside the caller's transaction. Each group whose membership changed gets a
 * `group.members_changed` event {groupId, added, removed}, so subscribers (auto-enrollment) see
 * newcomers in the same commit as the change that made them match. `scope` narrows the work to
 * one changed person (and their reports when their manager changed); the rest stay as they are.
 */
export async function refreshSmartGroups(
  tx: DbOrTx,
  orgId: string,
  by: ActorRef,
  opts: { groupIds?: string[]; now?: Date; scope?: repo.PersonScope } = {},
): Promise<MembershipChange[]> {
  const now = opts.now ?? new Date();
  let groups = await repo.smartGroups(tx, orgId);
  if (opts.groupIds) groups = groups.filter((g) => opts.groupIds!.includes(g.id));
  const changes: MembershipChange[] = [];
  for (const g of groups) {
    const { added, removed } = await repo.syncSmartGroup(tx, orgId, g.id, g.rule, now, opts.scope);
    if (added.length || removed.length) changes.push({ groupId: g.id, added, removed });
  }
  await recordChanges(tx, by, changes.map(membersChanged));
  return changes;
}

export function membersChanged(c: MembershipChange): Change {
  return {
    action: 'group.members_changed',
    recordType: 'group',
    recordId: c.groupId,
    after: { added: c.added, removed: c.removed },
    emits: emit(GROUP_MEMBERS_CHANGED, { groupId: c.groupId, added: c.added, removed: c.removed }),
  };
}
