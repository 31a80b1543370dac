import type { z } from '@hono/zod-openapi';
import type { AppContext } from '../../context.ts';
import type { SmartGroupRule } from '../../db/schema/index.ts';
import { decodeCursor, keysetPage } from '../../platform/http/openapi.ts';
import { AppError, conflict, notFound, validationFailed, type ErrorDetail } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/http/types.ts';
import type { DbOrTx } from '../../platform/db/index.ts';
import { actorRef, recordChange } from '../platform/index.ts';
import { z as zod } from 'zod';
import type { GroupCreate, GroupsQuery, GroupUpdate } from './groups.schemas.ts';
import { listCustomFields, type CustomFieldRow } from './custom-fields.repo.ts';
import { mayReadRule, readableFields } from './custom-fields.visibility.ts';
import * as repo from './groups.repo.ts';
import { canManageGroups, canReadGroups, requirePermission } from './org.policy.ts';
import { pagePeople, peopleByIds } from './people.queries.ts';
import { membersChanged, refreshSmartGroups } from './smart-groups.ts';

/** A rule the viewer may not read comes back as null: it would tell who holds a hidden value. */
const dto = (g: repo.GroupWithCount, defs: CustomFieldRow[], viewer: Actor) => ({
  id: g.id,
  name: g.name,
  description: g.description,
  kind: g.kind,
  rule: mayReadRule(g.rule, defs, viewer) ? g.rule : null,
  memberCount: g.memberCount,
  refreshedAt: g.refreshedAt?.toISOString() ?? null,
  createdAt: g.createdAt.toISOString(),
  updatedAt: g.updatedAt.toISOString(),
});
export type GroupDto = ReturnType<typeof dto>;

const audit = (g: repo.GroupWithCount | repo.GroupRow) => ({
  name: g.name,
  description: g.description,
  kind: g.kind,
  rule: g.rule,
});

/** Group audiences matter to HR and learning admins; others do not learn groups exist. */

export async function listGroups(ctx: AppContext, actor: Actor, query: z.infer<typeof GroupsQuery>) {
  requirePermission(actor, canReadGroups);
  const limit = query.limit ?? 50;
  const rows = await repo.listGroups(
    ctx.db,
    actor.orgId,
    { q: query.q, kind: query.kind },
    { limit: limit + 1, after: decodeCursor(query.cursor, zod.tuple([zod.string(), zod.uuid()])) },
  );
  const { data, nextCursor } = keysetPage(rows, limit, (last) => [last.name.toLowerCase(), last.id]);
  const defs = await listCustomFields(ctx.db, actor.orgId);
  return {
    data: data.map((g) => dto(g, defs, actor)),
    nextCursor,
  };
}

async function show(db: DbOrTx, actor: Actor, id: string): Promise<GroupDto> {
  return dto((await repo.findGroup(db, actor.orgId, id))!, await listCustomFields(db, actor.orgId), actor);
}

export async function getGroup(ctx: AppContext, actor: Actor, id: string): Promise<GroupDto> {
  requirePermission(actor, canReadGroups);
  const g = await repo.findGroup(ctx.db, actor.orgId, id);
  if (!g) throw notFound('Group');
  return dto(g, await listCustomFields(ctx.db, actor.orgId), actor);
}

/**
 * The group whose members the actor may list: a group reader, and for a smart group one who may
 * read its rule. Others get 404, as for a group that does not exist.
 */
export async function readableGroup(db: DbOrTx, actor: Actor, id: string): Promise<repo.GroupWithCount> {
  requirePermission(actor, canReadGroups);
  const [g, defs] = await Promise.all([repo.findGroup(db, actor.orgId, id), listCustomFields(db, actor.orgId)]);
  if (!g || !mayReadRule(g.rule, defs, actor)) throw notFound('Group');
  return g;
}

/**
 * A rule may only name departments, people and fields of the actor's organisation, and only fields
 * the actor may read of anyone: a hidden field is "unknown", exactly like a key that does not exist,
 * so a preview cannot probe who holds a value nor that the field exists.
 */
async function checkRuleReferences(db: DbOrTx, actor: Actor, rule: SmartGroupRule, prefix = 'rule') {
  const orgId = actor.orgId;
  const deptIds = rule.conditions.flatMap((c) => (c.field === 'department' ? c.value : []));
  const personIds = rule.conditions.flatMap((c) => (c.field === 'reportsTo' ? [c.value] : []));
  const [depts, people, defs] = await Promise.all([
    repo.existingDepartmentIds(db, orgId, deptIds),
    repo.existingPersonIds(db, orgId, personIds),
    listCustomFields(db, orgId),
  ]);
  const keys = new Set(readableFields(defs, actor, 'other').map((d) => d.key));
  const errors: ErrorDetail[] = [];
  rule.conditions.forEach((c, i) => {
    const at = `${prefix}.conditions.${i}`;
    if (c.field === 'department') {
      c.value.forEach((d, j) => {
        if (!depts.has(d)) errors.push({ path: `${at}.value.${j}`, message: 'No such department' });
      });
    }
    if (c.field === 'reportsTo' && !people.has(c.value)) errors.push({ path: `${at}.value`, message: 'No such person' });
    if (c.field === 'customField' && !keys.has(c.key)) errors.push({ path: `${at}.key`, message: `Unknown custom field "${c.key}"` });
  });
  if (errors.length) throw validationFailed('The rule refers to records that do not exist', errors);
}

async function assertNameFree(db: DbOrTx, orgId: string, name: string, exceptId?: string) {
  const other = await repo.findGroupByName(db, orgId, name);
  if (other && other.id !== exceptId) {
    throw conflict(`A group named "${name}" already exists`, [{ path: 'name', message: 'Already used in this organisation' }]);
  }
}

export async function createGroup(ctx: AppContext, actor: Actor, input: z.infer<typeof GroupCreate>, requestId?: string) {
  requirePermission(actor, canManageGroups);
  return ctx.db.transaction(async (tx) => {
    await assertNameFree(tx, actor.orgId, input.name);
    if (input.rule) await checkRuleReferences(tx, actor, input.rule);
    const now = ctx.clock.now();
    const row = await repo.insertGroup(tx, {
      orgId: actor.orgId,
      name: input.name,
      description: input.description ?? null,
      kind: input.kind,
      rule: input.rule ?? null,
      createdAt: now,
      updatedAt: now,
    });
    const by = actorRef(actor, requestId);
    await recordChange(tx, by, { action: 'group.created', recordType: 'group', recordId: row.id, after: audit(row) });
    if (row.kind === 'smart') await refreshSmartGroups(tx, actor.orgId, by, { groupIds: [row.id], now });
    return show(tx, actor, row.id);
  });
}

export async function updateGroup(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: z.infer<typeof GroupUpdate>,
  requestId?: string,
) {
  requirePermission(actor, canManageGroups);
  return ctx.db.transaction(async (tx) => {
    const before = await repo.findGroup(tx, actor.orgId, id);
    if (!before) throw notFound('Group');
    if (input.rule && before.kind !== 'smart') {
      throw validationFailed('A static group has no rule', [{ path: 'rule', message: 'A static group has no rule' }]);
    }
    if (input.name) await assertNameFree(tx, actor.orgId, input.name, id);
    if (input.rule) await checkRuleReferences(tx, actor, input.rule);
    if (Object.values(input).every((v) => v === undefined)) return show(tx, actor, id);
    const now = ctx.clock.now();
    await repo.updateGroup(tx, actor.orgId, id, input, now);
    const by = actorRef(actor, requestId);
    const after = (await repo.findGroup(tx, actor.orgId, id))!;
    await recordChange(tx, by, { action: 'group.updated', recordType: 'group', recordId: id, before: audit(before), after: audit(after) });
    if (input.rule) await refreshSmartGroups(tx, actor.orgId, by, { groupIds: [id], now });
    return show(tx, actor, id);
  });
}

export async function deleteGroup(ctx: AppContext, actor: Actor, id: string, requestId?: string) {
  requirePermission(actor, canManageGroups);
  await ctx.db.transaction(async (tx) => {
    const before = await repo.findGroup(tx, actor.orgId, id);
    if (!before) throw notFound('Group');
    await repo.deleteGroup(tx, actor.orgId, id);
    await recordChange(tx, actorRef(actor, requestId), {
      action: 'group.deleted',
      recordType: 'group',
      recordId: id,
      before: { ...audit(before), memberCount: before.memberCount },
    });
  });
}

export async function listMembers(ctx: AppContext, actor: Actor, id: string, query: { limit?: number; cursor?: string }) {
  await readableGroup(ctx.db, actor, id);
  return pagePeople(ctx.db, actor, { groupId: id, status: 'active' }, query);
}

async function staticGroup(db: DbOrTx, orgId: string, id: string) {
  const g = await repo.findGroup(db, orgId, id);
  if (!g) throw notFound('Group');
  if (g.kind === 'smart') throw conflict('Members of a smart group follow its rule; change the rule instead');
  return g;
}

export async function addMembers(ctx: AppContext, actor: Actor, id: string, personIds: string[], requestId?: string) {
  requirePermission(actor, canManageGroups);
  return ctx.db.transaction(async (tx) => {
    await staticGroup(tx, actor.orgId, id);
    const ids = [...new Set(personIds)];
    const known = await repo.existingPersonIds(tx, actor.orgId, ids);
    const unknown = ids.map((p, i) => ({ p, i })).filter(({ p }) => !known.has(p));
    if (unknown.length) {
      throw new AppError(
        'unprocessable',
        'Some people are not in this organisation',
        unknown.map(({ i }) => ({ path: `personIds.${i}`, message: 'No such person' })),
      );
    }
    const added = await repo.addMembers(tx, actor.orgId, id, ids, ctx.clock.now());
    if (added.length) await recordChange(tx, actorRef(actor, requestId), membersChanged({ groupId: id, added: added.sort(), removed: [] }));
    return show(tx, actor, id);
  });
}

export async function removeMember(ctx: AppContext, actor: Actor, id: string, personId: string, requestId?: string) {
  requirePermission(actor, canManageGroups);
  await ctx.db.transaction(async (tx) => {
    await staticGroup(tx, actor.orgId, id);
    if (!(await repo.removeMember(tx, actor.orgId, id, personId))) throw notFound('Group member');
    await recordChange(tx, actorRef(actor, requestId), membersChanged({ groupId: id, added: [], removed: [personId] }));
  });
}

/** Live preview for the rule builder: how many match now, and the first ten by name. */
export async function previewRule(ctx: AppContext, actor: Actor, rule: SmartGroupRule) {
  requirePermission(actor, canReadGroups);
  await checkRuleReferences(ctx.db, actor, rule);
  const [count, ids] = await Promise.all([
    repo.countMatching(ctx.db, actor.orgId, rule),
    repo.matchingIds(ctx.db, actor.orgId, rule, 10),
  ]);
  return { count, sample: await peopleByIds(ctx.db, actor, ids) };
}
