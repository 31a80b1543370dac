import { sql, type Placeholder, type SQL } from 'drizzle-orm';
import { person } from '../../db/schema/index.ts';
import type { DbOrTx } from '../../platform/db/index.ts';
import { rows, uuidArray } from '../../platform/db/sql.ts';

/**
 * The reporting chain, walked in one place. Every "is X above Y" and "everyone below Y" in any
 * module is one of these functions or composes one of these fragments.
 */

/**
 * How many levels a chain is followed: deeper than any real organisation, and what ends a walk
 * through a cycle in bad manager data (people changes and imports refuse cycles; data loaded
 * another way may still hold one).
 */
export const CHAIN_DEPTH = 100;
const depthBound = sql.raw(String(CHAIN_DEPTH));

/** A value a fragment binds: an id, or a placeholder of a prepared statement (`sql.placeholder`). */
type Arg = string | Placeholder;

/**
 * Ids of everyone below the manager at any depth, the manager not included, as `select id`
 * (compose as `p.id in (${chainBelowSql(orgId, managerId)})`). With a cycle an id can repeat.
 */
export function chainBelowSql(orgId: Arg, managerId: Arg): SQL {
  return sql`with recursive below(id, depth) as (
      select r.id, 1 from ${person} r where r.org_id = ${orgId} and r.manager_id = ${managerId}::uuid
      union all
      select r.id, b.depth + 1 from ${person} r join below b on r.manager_id = b.id
      where r.org_id = ${orgId} and b.depth < ${depthBound}
    ) select id from below`;
}

/**
 * The managers above each person the condition selects (over `person p`), as
 * `select start_id, id, depth`: depth 1 is the direct manager. One walk serves a whole page.
 */
function chainAboveOf(orgId: Arg, starts: SQL): SQL {
  return sql`with recursive above(start_id, id, depth) as (
      select p.id, p.manager_id, 1 from ${person} p where p.org_id = ${orgId} and (${starts}) and p.manager_id is not null
      union all
      select a.start_id, p.manager_id, a.depth + 1 from ${person} p join above a on p.id = a.id
      where p.org_id = ${orgId} and p.manager_id is not null and a.depth < ${depthBound}
    ) select start_id, id, depth from above`;
}

/** The managers above one person, as `select start_id, id, depth` (depth 1: the direct manager). */
export function chainAboveSql(orgId: Arg, personId: Arg): SQL {
  return chainAboveOf(orgId, sql`p.id = ${personId}::uuid`);
}

/** True when `managerId` is somewhere above `personId` in the reporting chain. */
export async function isInChainOf(db: DbOrTx, orgId: string, managerId: string, personId: string): Promise<boolean> {
  const r = await db.execute(sql`select exists(select 1 from (${chainAboveSql(orgId, personId)}) a where a.id = ${managerId}::uuid) as found`);
  return Boolean(rows<{ found: boolean }>(r)[0]?.found);
}

/** Which of `personIds` have `managerId` somewhere above them: one walk up from the whole list. */
export async function reportsAmong(db: DbOrTx, orgId: string, managerId: string, personIds: string[]): Promise<Set<string>> {
  if (!personIds.length) return new Set();
  const r = await db.execute(sql`
    select distinct a.start_id::text as id from (${chainAboveOf(orgId, sql`p.id = any(${uuidArray(personIds)})`)}) a
    where a.id = ${managerId}::uuid`);
  return new Set(rows<{ id: string }>(r).map((x) => x.id));
}

/** Everyone below the manager at any depth (ids, each once). */
export async function reportsOf(db: DbOrTx, orgId: string, managerId: string): Promise<string[]> {
  const r = await db.execute(sql`select distinct id::text as id from (${chainBelowSql(orgId, managerId)}) b`);
  return rows<{ id: string }>(r).map((x) => x.id);
}

/** The managers above a person with their status, direct manager first, each once. */
export async function managerChain(db: DbOrTx, orgId: string, personId: string): Promise<{ id: string; status: string }[]> {
  const r = await db.execute(sql`
    select a.id::text as id, m.status from (${chainAboveSql(orgId, personId)}) a
    join ${person} m on m.org_id = ${orgId} and m.id = a.id
    order by a.depth`);
  const seen = new Set<string>();
  return rows<{ id: string; status: string }>(r).filter((x) => !seen.has(x.id) && !!seen.add(x.id));
}
