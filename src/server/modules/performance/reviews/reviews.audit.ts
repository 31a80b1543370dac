import type { ReviewRelationship } from '../../../db/schema/index.ts';
import type { ActorRef } from '../../../platform/http/types.ts';
import { systemRef } from '../../platform/index.ts';

/** Whether answers of this relationship keep their author from the subject in this cycle. */
export const anonymousRelationship = (c: { peerAnonymous: boolean; upwardAnonymous: boolean }, relationship: ReviewRelationship) =>
  (relationship === 'peer' && c.peerAnonymous) || (relationship === 'upward' && c.upwardAnonymous);

/**
 * Who an anonymous reviewer's changes are recorded as: nobody. A subject who is also an admin
 * reads the audit log, so a row naming the reviewer of their anonymous review would undo the
 * anonymity (the review's own row still knows its reviewer, for writing it).
 */
export function reviewerRef(by: ActorRef, anonymous: boolean): ActorRef {
  return anonymous ? { ...systemRef(by.orgId, 'Anonymous reviewer'), requestId: by.requestId } : by;
}
