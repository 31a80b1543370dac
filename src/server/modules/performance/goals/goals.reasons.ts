import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/index.ts';
import { rows, uuidArray } from '../../../platform/db/sql.ts';
import type { Actor } from '../../../platform/http/types.ts';
import type { ReasonDetail } from '../../learning/index.ts';
import { goalVisibleSql } from '../performance.policy.ts';

/** An enrolment's goal reason, per viewer: the goal's title where they may see it, nothing otherwise. */
export async function describeGoals(db: DbOrTx, actor: Actor, ids: string[]): Promise<Map<string, ReasonDetail>> {
  if (!ids.length) return new Map();
  const r = await db.execute(sql`select g.id::text as id, g.title from goal g where g.id = any(${uuidArray(ids)}) and ${goalVisibleSql(actor)}`);
  return new Map(rows<{ id: string; title: string }>(r).map((g) => [g.id, { label: `Goal: ${g.title}`, href: `/goals/${g.id}` }]));
}
