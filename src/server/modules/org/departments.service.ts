import type { z } from '@hono/zod-openapi';
import type { AppContext } from '../../context.ts';
import type { DbOrTx } from '../../platform/db/index.ts';
import { AppError, conflict, notFound } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/http/types.ts';
import { actorRef, recordChange } from '../platform/index.ts';
import type { DepartmentCreate, DepartmentUpdate } from './departments.schemas.ts';
import * as repo from './departments.repo.ts';
import { canManageDepartments, requirePermission } from './org.policy.ts';
import { refreshSmartGroups } from './smart-groups.ts';

type DepartmentDto = { id: string; name: string; parentId: string | null; headcount: number; totalHeadcount: number };

const audit = (d: repo.DepartmentRow) => ({ name: d.name, parentId: d.parentId });

/** The flat tree with headcounts; totals roll up through parents (bounded against bad data). */
export async function listDepartments(ctx: AppContext, actor: Actor): Promise<{ data: DepartmentDto[] }> {
  const rows = await repo.listDepartments(ctx.db, actor.orgId);
  const byId = new Map(rows.map((r) => [r.id, { ...r, totalHeadcount: 0 }]));
  for (const r of rows) {
    let at: string | null = r.id;
    for (let depth = 0; at && depth < 100; depth += 1) {
      const node = byId.get(at);
      if (!node) break;
      node.totalHeadcount += r.headcount;
      at = node.parentId;
    }
  }
  return { data: [...byId.values()] };
}

async function detail(db: DbOrTx, orgId: string, id: string): Promise<DepartmentDto> {
  const all = await repo.listDepartments(db, orgId);
  const d = all.find((r) => r.id === id)!;
  const below = new Set([id]);
  // Departments are few; a fixed-point pass over the flat list finds the subtree.
  for (let grew = true; grew; ) {
    grew = false;
    for (const r of all) if (r.parentId && below.has(r.parentId) && !below.has(r.id)) (below.add(r.id), (grew = true));
  }
  const totalHeadcount = all.filter((r) => below.has(r.id)).reduce((n, r) => n + r.headcount, 0);
  return { ...d, totalHeadcount };
}

async function assertNameFree(db: DbOrTx, orgId: string, name: string, exceptId?: string) {
  const other = await repo.findDepartmentByName(db, orgId, name);
  if (other && other.id !== exceptId) {
    throw conflict(`A department named "${name}" already exists`, [{ path: 'name', message: 'Already used in this organisation' }]);
  }
}

async function assertParent(db: DbOrTx, orgId: string, parentId: string, selfId?: string) {
  if (!(await repo.findDepartment(db, orgId, parentId))) {
    throw new AppError('unprocessable', 'No such parent department', [{ path: 'parentId', message: 'No such department in this organisation' }]);
  }
  if (selfId && (await repo.isSelfOrAncestor(db, orgId, selfId, parentId))) {
    throw new AppError('unprocessable', 'A department cannot move below itself or one of its sub-departments', [
      { path: 'parentId', message: 'This would make the department tree a cycle' },
    ]);
  }
}

export async function createDepartment(ctx: AppContext, actor: Actor, input: z.infer<typeof DepartmentCreate>, requestId?: string) {
  requirePermission(actor, canManageDepartments);
  return ctx.db.transaction(async (tx) => {
    await assertNameFree(tx, actor.orgId, input.name);
    if (input.parentId) await assertParent(tx, actor.orgId, input.parentId);
    const now = ctx.clock.now();
    const row = await repo.insertDepartment(tx, {
      orgId: actor.orgId,
      name: input.name,
      parentId: input.parentId ?? null,
      createdAt: now,
      updatedAt: now,
    });
    await recordChange(tx, actorRef(actor, requestId), {
      action: 'department.created',
      recordType: 'department',
      recordId: row.id,
      after: audit(row),
    });
    return detail(tx, actor.orgId, row.id);
  });
}

export async function updateDepartment(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: z.infer<typeof DepartmentUpdate>,
  requestId?: string,
) {
  requirePermission(actor, canManageDepartments);
  return ctx.db.transaction(async (tx) => {
    const before = await repo.findDepartment(tx, actor.orgId, id);
    if (!before) throw notFound('Department');
    if (input.name) await assertNameFree(tx, actor.orgId, input.name, id);
    if (input.parentId) await assertParent(tx, actor.orgId, input.parentId, id);
    if (input.name === undefined && input.parentId === undefined) return detail(tx, actor.orgId, id);
    const now = ctx.clock.now();
    const after = await repo.updateDepartment(tx, actor.orgId, id, input, now);
    const by = actorRef(actor, requestId);
    await recordChange(tx, by, {
      action: 'department.updated',
      recordType: 'department',
      recordId: id,
      before: audit(before),
      after: audit(after),
    });
    // "Department in" rules include sub-departments, so moving one can change smart groups.
    if (input.parentId !== undefined && input.parentId !== before.parentId) await refreshSmartGroups(tx, actor.orgId, by, { now });
    return detail(tx, actor.orgId, id);
  });
}

export async function deleteDepartment(ctx: AppContext, actor: Actor, id: string, requestId?: string) {
  requirePermission(actor, canManageDepartments);
  await ctx.db.transaction(async (tx) => {
    const before = await repo.findDepartment(tx, actor.orgId, id);
    if (!before) throw notFound('Department');
    const usage = await repo.departmentUsage(tx, actor.orgId, id);
    if (usage.people || usage.children) {
      const parts = [
        usage.people ? `${usage.people} ${usage.people === 1 ? 'person' : 'people'}` : '',
        usage.children ? `${usage.children} sub-department${usage.children === 1 ? '' : 's'}` : '',
      ].filter(Boolean);
      throw conflict(`The department still has ${parts.join(' and ')}; move them first`, [
        { path: 'id', message: 'Department in use', ...usage },
      ]);
    }
    await repo.deleteDepartment(tx, actor.orgId, id);
    await recordChange(tx, actorRef(actor, requestId), {
      action: 'department.deleted',
      recordType: 'department',
      recordId: id,
      before: audit(before),
    });
  });
}
