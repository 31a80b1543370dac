import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/index.ts';
import { rows, uuidArray } from '../../../platform/db/sql.ts';
import type { Actor } from '../../../platform/http/types.ts';
import type { ReasonDetail } from '../../learning/index.ts';
import { chainBelowSql, hasRole } from '../../org/index.ts';

/**
 * An enrolment's review reason, per viewer: the cycle's name and a link to the subject's results
 * for those who may read them (the subject once shared, the cycle's manager, the chain, HR
 * admins); nothing for anyone else. It never names the reviewer.
 */
export async function describeReviews(db: DbOrTx, actor: Actor, ids: string[]): Promise<Map<string, ReasonDetail>> {
  if (!ids.length) return new Map();
  const me = actor.personId;
  const r = await db.execute(sql`
    select r.id::text as id, c.name, c.id::text as cycle_id, r.subject_id::text as subject_id
    from review r
    join review_cycle c on c.id = r.cycle_id
    join review_participant p on p.cycle_id = r.cycle_id and p.person_id = r.subject_id
    where r.org_id = ${actor.orgId} and r.id = any(${uuidArray(ids)})
      and ((p.person_id = ${me}::uuid and p.released_at is not null)
        or (p.person_id <> ${me}::uuid and (${hasRole(actor, 'hr_admin')} or p.manager_id = ${me}::uuid or p.person_id in (${chainBelowSql(actor.orgId, me)}))))`);
  return new Map(
    rows<{ id: string; name: string; cycle_id: string; subject_id: string }>(r).map((x) => [x.id, { label: `Review: ${x.name}`, href: `/reviews/cycles/${x.cycle_id}/people/${x.subject_id}` }]),
  );
}
