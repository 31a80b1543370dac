import { and, asc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { afterKey, escapeLike, rows } from '../../platform/db/sql.ts';
import { department, group, groupMember, person } from '../../db/schema/index.ts';
import { departmentsBelowSql } from './departments.repo.ts';
import type { SmartGroupRule } from '../../db/schema/index.ts';
import type { DbOrTx } from '../../platform/db/index.ts';
import { chainBelowSql } from './reporting-chain.repo.ts';

export type GroupRow = typeof group.$inferSelect;
export type GroupWithCount = GroupRow & { memberCount: number };


// Qualified by hand: Drizzle leaves columns unqualified in single-table select lists.
/** Active members; smart groups never hold inactive people, static groups keep them for reactivation. */
const memberCount = sql<number>`(select count(*)::int from ${groupMember} gm join ${person} mp on mp.id = gm.person_id
  where gm.group_id = "group".id and gm.org_id = "group".org_id and mp.status = 'active')`;

export async function listGroups(
  db: DbOrTx,
  orgId: string,
  f: { q?: string; kind?: 'static' | 'smart' },
  pageArgs: { limit: number; after?: [string, string] },
): Promise<GroupWithCount[]> {
  const where: SQL[] = [eq(group.orgId, orgId)];
  if (f.kind) where.push(eq(group.kind, f.kind));
  if (f.q) where.push(sql`lower(${group.name}) like ${'%' + escapeLike(f.q.toLowerCase()) + '%'}`);
  const after = afterKey([sql`lower(${group.name})`, group.id], pageArgs.after);
  if (after) where.push(after);
  return db
    .select({ ...groupColumns, memberCount })
    .from(group)
    .where(and(...where))
    .orderBy(sql`lower(${group.name})`, asc(group.id))
    .limit(pageArgs.limit);
}

const groupColumns = {
  id: group.id,
  orgId: group.orgId,
  name: group.name,
  description: group.description,
  kind: group.kind,
  rule: group.rule,
  refreshedAt: group.refreshedAt,
  createdAt: group.createdAt,
  updatedAt: group.updatedAt,
};

export async function findGroup(db: DbOrTx, orgId: string, id: string): Promise<GroupWithCount | undefined> {
  const [row] = await db
    .select({ ...groupColumns, memberCount })
    .from(group)
    .where(and(eq(group.orgId, orgId), eq(group.id, id)))
    .limit(1);
  return row;
}

export async function findGroupByName(db: DbOrTx, orgId: string, name: string): Promise<GroupRow | undefined> {
  const [row] = await db
    .select()
    .from(group)
    .where(and(eq(group.orgId, orgId), sql`lower(${group.name}) = lower(${name})`))
    .limit(1);
  return row;
}

export async function insertGroup(db: DbOrTx, values: typeof group.$inferInsert): Promise<GroupRow> {
  const [row] = await db.insert(group).values(values).returning();
  return row!;
}

export async function updateGroup(
  db: DbOrTx,
  orgId: string,
  id: string,
  patch: Partial<Pick<GroupRow, 'name' | 'description' | 'rule'>>,
  now: Date,
): Promise<void> {
  await db
    .update(group)
    .set({ ...patch, updatedAt: now })
    .where(and(eq(group.orgId, orgId), eq(group.id, id)));
}

export async function deleteGroup(db: DbOrTx, orgId: string, id: string): Promise<void> {
  await db.delete(group).where(and(eq(group.orgId, orgId), eq(group.id, id)));
}

/** Adds static members; returns the ids that were not members yet. */
export async function addMembers(db: DbOrTx, orgId: string, groupId: string, personIds: string[], now: Date): Promise<string[]> {
  if (!personIds.length) return [];
  const inserted = await db
    .insert(groupMember)
    .values(personIds.map((personId) => ({ orgId, groupId, personId, addedAt: now })))
    .onConflictDoNothing()
    .returning({ personId: groupMember.personId });
  return inserted.map((r) => r.personId);
}

export async function removeMember(db: DbOrTx, orgId: string, groupId: string, personId: string): Promise<boolean> {
  const deleted = await db
    .delete(groupMember)
    .where(and(eq(groupMember.orgId, orgId), eq(groupMember.groupId, groupId), eq(groupMember.personId, personId)))
    .returning({ personId: groupMember.personId });
  return deleted.length > 0;
}

/** Which of these ids are people of the organisation. */
export async function existingPersonIds(db: DbOrTx, orgId: string, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const found = await db
    .select({ id: person.id })
    .from(person)
    .where(and(eq(person.orgId, orgId), inArray(person.id, ids)));
  return new Set(found.map((r) => r.id));
}

export async function existingDepartmentIds(db: DbOrTx, orgId: string, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const found = await db
    .select({ id: department.id })
    .from(department)
    .where(and(eq(department.orgId, orgId), inArray(department.id, ids)));
  return new Set(found.map((r) => r.id));
}

// ---- smart rules, evaluated in SQL -------------------------------------------------------

/** The rule as a WHERE condition over `person` (active people of the org only). */
export function ruleCondition(orgId: string, rule: SmartGroupRule): SQL {
  const parts = rule.conditions.map((c): SQL => {
    switch (c.field) {
      case 'department':
        // The departments named and everything below them in the tree.
        return sql`${person.departmentId} in (${departmentsBelowSql(orgId, c.value)})`;
      case 'jobTitle':
        return sql`${person.jobTitle} ilike ${'%' + escapeLike(c.value) + '%'}`;
      case 'location':
        return sql`lower(${person.location}) = lower(${c.value})`;
      case 'hireDate':
        return c.op === 'before' ? sql`${person.hireDate} < ${c.value}::date` : sql`${person.hireDate} > ${c.value}::date`;
      case 'reportsTo':
        if (c.op === 'directly') return sql`${person.managerId} = ${c.value}::uuid`;
        return sql`${person.id} in (${chainBelowSql(orgId, c.value)})`;
      case 'customField':
        return sql`(${person.customFields} ->> ${c.key}::text) = ${c.value}`;
    }
  });
  const joined = rule.match === 'all' ? and(...parts)! : or(...parts)!;
  return and(eq(person.orgId, orgId), eq(person.status, 'active'), joined)!;
}

export async function countMatching(db: DbOrTx, orgId: string, rule: SmartGroupRule): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(person).where(ruleCondition(orgId, rule));
  return row?.n ?? 0;
}

export async function matchingIds(db: DbOrTx, orgId: string, rule: SmartGroupRule, limit: number): Promise<string[]> {
  const found = await db
    .select({ id: person.id })
    .from(person)
    .where(ruleCondition(orgId, rule))
    .orderBy(asc(person.lastName), asc(person.firstName), asc(person.id))
    .limit(limit);
  return found.map((r) => r.id);
}

export async function smartGroups(db: DbOrTx, orgId: string): Promise<Pick<GroupRow, 'id' | 'rule'>[]> {
  return db
    .select({ id: group.id, rule: group.rule })
    .from(group)
    .where(and(eq(group.orgId, orgId), eq(group.kind, 'smart')));
}

/** A person whose attributes changed, and (when their manager changed) everyone below them. */
export type PersonScope = { personId: string; withReports: boolean };

/**
 * Brings one smart group's membership in line with its rule in a single statement:
 * inserts the newcomers, deletes those who no longer match, and reports both.
 */
export async function syncSmartGroup(
  db: DbOrTx,
  orgId: string,
  groupId: string,
  rule: SmartGroupRule | null,
  now: Date,
  scope?: PersonScope,
): Promise<{ added: string[]; removed: string[] }> {
  // Without a scope every person of the org is reconsidered; with one, only those it names.
  const scopeRows = !scope
    ? sql`select null::uuid as id where false`
    : scope.withReports
      ? sql`select ${scope.personId}::uuid as id union all (${chainBelowSql(orgId, scope.personId)})`
      : sql`select ${scope.personId}::uuid as id`;
  const inScope = (col: SQL) => (scope ? sql`and ${col} in (select id from scope)` : sql``);
  const target = rule
    ? sql`select ${person.id} as id from ${person} where ${ruleCondition(orgId, rule)} ${inScope(sql`${person.id}`)}`
    : sql`select null::uuid as id where false`;
  const result = await db.execute(sql`
    with scope(id) as (${scopeRows}),
    target as (${target}),
    ins as (
      insert into ${groupMember} (org_id, group_id, person_id, created_at)
      select ${orgId}::uuid, ${groupId}::uuid, t.id, ${now.toISOString()}::timestamptz from target t
      where not exists (select 1 from ${groupMember} gm where gm.group_id = ${groupId}::uuid and gm.person_id = t.id)
      on conflict do nothing
      returning person_id
    ),
    del as (
      delete from ${groupMember} gm
      where gm.group_id = ${groupId}::uuid and gm.org_id = ${orgId}::uuid
        and not exists (select 1 from target t where t.id = gm.person_id)
        ${inScope(sql`gm.person_id`)}
      returning person_id
    ),
    touched as (
      update ${group} set refreshed_at = ${now.toISOString()}::timestamptz where id = ${groupId}::uuid and org_id = ${orgId}::uuid
      returning id
    )
    select 'added' as kind, person_id::text as person_id from ins
    union all select 'removed', person_id::text from del
    union all select 'touched', null from touched`);
  const added: string[] = [];
  const removed: string[] = [];
  for (const r of rows<{ kind: string; person_id: string }>(result)) {
    if (r.kind === 'added') added.push(r.person_id);
    else if (r.kind === 'removed') removed.push(r.person_id);
  }
  return { added: added.sort(), removed: removed.sort() };
}
