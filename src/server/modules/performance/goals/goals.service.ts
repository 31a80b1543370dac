import type { z } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import type { AppContext } from '../../../context.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';
import { escapeLike } from '../../../platform/db/sql.ts';
import { AppError, notFound, validationFailed } from '../../../platform/http/errors.ts';
import { decodeCursor, keysetPage } from '../../../platform/http/openapi.ts';
import type { Actor } from '../../../platform/http/types.ts';
import { z as zod } from 'zod';
import { requirePermission } from '../../org/index.ts';
import { actorRef, emit, recordChange, recordChanges } from '../../platform/index.ts';
import { findSkills } from '../../talent/index.ts';
import { canEditGoalsOf, canManagePerformanceSettings, goalVisibleSql, readableGoal, type GoalOwner } from '../performance.policy.ts';
import { GOAL_CHANGED } from './goals.events.ts';
import * as repo from './goals.repo.ts';
import { alignmentProblem, defaultPeriods, goalProgress, keyResultProgress, pruneToMatches } from './goals.rules.ts';
import type { CommentCreate, GoalCreate, GoalsQuery, GoalUpdate, KeyResultInput, PeriodCreate, TreeQuery } from './goals.schemas.ts';

const closedStatuses = new Set(['done', 'missed', 'dropped']);
const TREE_LIMIT = 1000;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const goalDto = (g: repo.GoalView) => ({
  id: g.id,
  title: g.title,
  description: g.description,
  ownerType: g.ownerType,
  ownerPersonId: g.ownerPersonId,
  ownerDepartmentId: g.ownerDepartmentId,
  ownerGroupId: g.ownerGroupId,
  ownerName: g.ownerName,
  parentId: g.parentId,
  periodId: g.periodId,
  periodName: g.periodName,
  periodClosed: g.periodClosed,
  visibility: g.visibility,
  status: g.status,
  progress: Number(g.progress),
  weight: Number(g.weight),
  templateId: g.templateId,
  lastCheckInAt: iso(g.lastCheckInAt),
  closedAt: iso(g.closedAt),
  createdAt: g.createdAt.toISOString(),
  updatedAt: g.updatedAt.toISOString(),
});
export type GoalDto = ReturnType<typeof goalDto>;

export const keyResultDto = (k: repo.KeyResultRow) => ({
  id: k.id,
  title: k.title,
  kind: k.kind,
  unit: k.unit,
  startValue: k.startValue,
  targetValue: k.targetValue,
  currentValue: k.currentValue,
  weight: k.weight,
  position: k.position,
  progress: Math.round(keyResultProgress(k) * 100) / 100,
});

/** What the audit log keeps of a goal. */
export const goalAudit = (g: repo.GoalRow) => ({
  title: g.title,
  description: g.description,
  ownerType: g.ownerType,
  ownerPersonId: g.ownerPersonId,
  ownerDepartmentId: g.ownerDepartmentId,
  ownerGroupId: g.ownerGroupId,
  parentId: g.parentId,
  periodId: g.periodId,
  visibility: g.visibility,
  status: g.status,
  progress: g.progress,
  weight: g.weight,
});

const today = (ctx: AppContext) => ctx.clock.now().toISOString().slice(0, 10);

/** One goal view the actor may see, or 404. */
async function viewOf(db: DbOrTx, actor: Actor, id: string): Promise<repo.GoalView> {
  const [v] = await repo.viewsWhere(db, sql`g.id = ${id}::uuid and ${goalVisibleSql(actor)}`, 1);
  if (!v) throw notFound('Goal');
  return v;
}

export async function getGoal(ctx: AppContext, actor: Actor, id: string) {
  const db = ctx.db;
  const v = await viewOf(db, actor, id);
  const [krs, skills, children, hidden, parent] = await Promise.all([
    repo.keyResultsOf(db, actor.orgId, [id]),
    repo.skillsOf(db, actor.orgId, id),
    repo.viewsWhere(db, sql`g.org_id = ${actor.orgId} and g.parent_id = ${id}::uuid and ${goalVisibleSql(actor)}`, 200),
    repo.hiddenChildCounts(db, actor.orgId, [id], goalVisibleSql(actor, 'h')),
    v.parentId ? readableGoal(db, actor, v.parentId) : null,
  ]);
  return {
    ...goalDto(v),
    keyResults: krs.map(keyResultDto),
    skills: skills.map((s) => ({ skillId: s.skillId, name: s.name, level: s.level })),
    parent: parent ? { id: parent.id, title: parent.title } : null,
    children: children.map(goalDto).sort((a, b) => a.title.localeCompare(b.title)),
    hiddenChildren: hidden.get(id) ?? 0,
    canEdit: await canEditGoalsOf(db, actor, v),
  };
}

const CursorShape = zod.object({ id: zod.uuid() });

export async function listGoals(ctx: AppContext, actor: Actor, q: z.infer<typeof GoalsQuery>) {
  const limit = q.limit ?? 50;
  const after = decodeCursor(q.cursor, CursorShape);
  const me = actor.personId;
  const conds = [goalVisibleSql(actor)];
  if (q.scope === 'mine') conds.push(sql`g.owner_type = 'person' and g.owner_person_id = ${me}::uuid`);
  if (q.scope === 'team') {
    conds.push(sql`g.owner_type = 'person' and g.owner_person_id in (
      select p.id from person p where p.org_id = ${actor.orgId} and p.id <> ${me}::uuid and (p.manager_id = ${me}::uuid
        or p.manager_id = (select m.manager_id from person m where m.org_id = ${actor.orgId} and m.id = ${me}::uuid)))`);
  }
  if (q.scope === 'company') conds.push(sql`g.owner_type <> 'person'`);
  if (q.ownerType) conds.push(sql`g.owner_type = ${q.ownerType}`);
  if (q.ownerId) conds.push(sql`(g.owner_person_id = ${q.ownerId}::uuid or g.owner_department_id = ${q.ownerId}::uuid or g.owner_group_id = ${q.ownerId}::uuid)`);
  if (q.periodId) conds.push(sql`g.period_id = ${q.periodId}::uuid`);
  if (q.status) conds.push(sql`g.status = ${q.status}`);
  if (q.q) conds.push(sql`g.title ilike ${'%' + escapeLike(q.q) + '%'}`);
  if (after) conds.push(sql`g.id < ${after.id}::uuid`);
  const found = await repo.viewsWhere(ctx.db, sql.join(conds, sql` and `), limit + 1);
  const page = keysetPage(found, limit, (last) => ({ id: last.id }));
  return { data: page.data.map(goalDto), nextCursor: page.nextCursor };
}

/** The alignment tree the viewer may see; hidden children only as counts, progress over all children. */
export async function goalTree(ctx: AppContext, actor: Actor, q: z.infer<typeof TreeQuery>) {
  if (q.rootId) await viewOf(ctx.db, actor, q.rootId);
  const nodes = await repo.tree(ctx.db, actor.orgId, {
    rootId: q.rootId,
    periodId: q.periodId,
    visibleC: goalVisibleSql(actor, 'c'),
    visibleH: goalVisibleSql(actor, 'h'),
    limit: TREE_LIMIT + 1,
  });
  const truncated = nodes.length > TREE_LIMIT;
  let list = nodes.slice(0, TREE_LIMIT);
  if (q.q) {
    const needle = q.q.toLowerCase();
    list = pruneToMatches(list, (n) => n.title.toLowerCase().includes(needle) || n.ownerName.toLowerCase().includes(needle));
  }
  return { data: list.map((n) => ({ ...goalDto(n), depth: n.depth, hiddenChildren: n.hiddenChildren })), truncated };
}

// ---- writes ----

function ownerOf(input: z.infer<typeof GoalCreate>['owner'], actor: Actor): GoalOwner {
  if (!input) return { ownerType: 'person', ownerPersonId: actor.personId };
  switch (input.type) {
    case 'person':
      return { ownerType: 'person', ownerPersonId: input.personId };
    case 'department':
      return { ownerType: 'department', ownerDepartmentId: input.departmentId };
    case 'group':
      return { ownerType: 'group', ownerGroupId: input.groupId };
    case 'company':
      return { ownerType: 'company' };
  }
}

async function requireOwner(db: DbOrTx, actor: Actor, owner: GoalOwner) {
  const exists =
    owner.ownerType === 'person'
      ? await repo.activePersonExists(db, actor.orgId, owner.ownerPersonId!)
      : owner.ownerType === 'department'
        ? await repo.departmentExists(db, actor.orgId, owner.ownerDepartmentId!)
        : owner.ownerType === 'group'
          ? await repo.groupExists(db, actor.orgId, owner.ownerGroupId!)
          : true;
  // Someone who may not set goals for that owner learns nothing about it (404 as for any record not theirs).
  if (!exists || !(await canEditGoalsOf(db, actor, owner))) throw notFound(owner.ownerType === 'company' ? 'Goal owner' : capital(owner.ownerType));
}
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A period of the organisation goals may go into (not closed). */
async function requireOpenPeriod(db: DbOrTx, orgId: string, periodId: string) {
  const p = await repo.findPeriod(db, orgId, periodId);
  if (!p) throw validationFailed('Unknown period', [{ path: 'periodId', message: 'Choose a period of the organisation' }]);
  if (p.closedAt) throw periodClosed(p.name);
  return p;
}

export const periodClosed = (name: string) =>
  new AppError('conflict', `The period ${name} is closed: its goals take no more changes or check-ins`, [{ path: 'periodId', code: 'period_closed', message: `${name} is closed` }]);

/** The parent must be a goal the actor sees, and neither the goal itself nor below it. */
async function requireParent(db: DbOrTx, actor: Actor, goalId: string | null, parentId: string) {
  if (goalId === parentId) throw alignmentError('self');
  const parent = await readableGoal(db, actor, parentId);
  if (!parent) throw new AppError('unprocessable', 'The parent goal does not exist', [{ path: 'parentId', message: 'Choose a goal you can see' }]);
  const problem = alignmentProblem(goalId, parentId, await repo.ancestorIds(db, actor.orgId, parentId));
  if (problem) throw alignmentError(problem);
}
const alignmentError = (problem: 'self' | 'descendant') =>
  new AppError(
    'unprocessable',
    problem === 'self' ? 'A goal cannot support itself' : 'A goal cannot support one of the goals that support it (that would make a cycle)',
    [{ path: 'parentId', code: 'alignment_cycle', message: problem === 'self' ? 'Choose another goal as parent' : 'This goal is below the one you are editing' }],
  );

async function requireSkills(db: DbOrTx, orgId: string, skills: Array<{ skillId: string; level?: number | null }>) {
  const ids = [...new Set(skills.map((s) => s.skillId))];
  const found = new Set((await findSkills(db, orgId, ids)).map((s) => s.id));
  const missing = skills.flatMap((s, i) => (found.has(s.skillId) ? [] : [{ path: `skills.${i}.skillId`, message: 'No skill with this id' }]));
  if (missing.length) throw validationFailed('Unknown skills', missing);
  const seen = new Set<string>();
  return skills.filter((s) => !seen.has(s.skillId) && !!seen.add(s.skillId)).map((s) => ({ skillId: s.skillId, level: s.level ?? null }));
}

function keyResultWrites(list: z.infer<typeof KeyResultInput>[], existing: repo.KeyResultRow[]): repo.KeyResultWrite[] {
  const byId = new Map(existing.map((k) => [k.id, k]));
  return list.map((k, i) => {
    const before = k.id ? byId.get(k.id) : undefined;
    if (k.id && !before) throw validationFailed('Unknown key result', [{ path: `keyResults.${i}.id`, message: 'This key result is not one of the goal’s' }]);
    const binary = k.kind === 'binary';
    return {
      ...(k.id && { id: k.id }),
      title: k.title,
      kind: k.kind,
      unit: k.unit ?? before?.unit ?? null,
      startValue: binary ? 0 : (k.startValue ?? before?.startValue ?? 0),
      targetValue: binary ? 1 : (k.targetValue ?? before!.targetValue),
      currentValue: k.currentValue ?? before?.currentValue ?? (binary ? 0 : (k.startValue ?? 0)),
      weight: k.weight ?? before?.weight ?? 1,
    };
  });
}

/** One goal's progress recomputed and written if it moved: whether it did, and its parent. */
async function progressStep(tx: DbOrTx, orgId: string, id: string): Promise<{ changed: boolean; parentId: string | null } | null> {
  const inputs = await repo.rollUpInputs(tx, orgId, id);
  if (!inputs) return null;
  const p = goalProgress(inputs.krs, inputs.children);
  const changed = p !== null && p !== inputs.progress;
  if (changed) await repo.setProgress(tx, orgId, id, p);
  return { changed, parentId: inputs.parentId };
}

/**
 * Recomputes progress from `id` up the alignment: a goal from its key results, or with none from
 * its children; stops where nothing changed (the goals above depend only on it).
 */
export async function refreshProgress(tx: DbOrTx, orgId: string, id: string | null, force = true): Promise<void> {
  let current = id;
  for (let i = 0; current && i < 100; i++) {
    const step = await progressStep(tx, orgId, current);
    if (!step || (!step.changed && !(force && i === 0))) return;
    current = step.parentId;
  }
}

/** Creates the default periods when the organisation has none (first use). */
export async function ensurePeriods(ctx: AppContext, tx: DbOrTx, actor: Actor, requestId?: string) {
  if (await repo.hasPeriods(tx, actor.orgId)) return;
  const added = await repo.insertPeriods(tx, actor.orgId, defaultPeriods(today(ctx)));
  await recordChanges(
    tx,
    actorRef(actor, requestId),
    added.map((p) => ({ action: 'goal_period.created', recordType: 'goal_period', recordId: p.id, after: { name: p.name, startsOn: p.startsOn, endsOn: p.endsOn }, event: false })),
  );
}

export async function createGoal(ctx: AppContext, actor: Actor, input: z.infer<typeof GoalCreate>, requestId?: string) {
  const id = await ctx.db.transaction(async (tx) => {
    const owner = ownerOf(input.owner, actor);
    await requireOwner(tx, actor, owner);
    await ensurePeriods(ctx, tx, actor, requestId);
    let periodId = input.periodId;
    if (periodId === undefined) periodId = (await repo.currentQuarter(tx, actor.orgId, today(ctx)))?.id ?? null;
    else if (periodId) await requireOpenPeriod(tx, actor.orgId, periodId);
    if (input.parentId) await requireParent(tx, actor, null, input.parentId);
    const skills = input.skills ? await requireSkills(tx, actor.orgId, input.skills) : [];
    const now = ctx.clock.now();
    const status = input.status ?? 'on_track';
    const row = await repo.insertGoal(tx, {
      orgId: actor.orgId,
      title: input.title,
      description: input.description || null,
      ownerType: owner.ownerType,
      ownerPersonId: owner.ownerPersonId ?? null,
      ownerDepartmentId: owner.ownerDepartmentId ?? null,
      ownerGroupId: owner.ownerGroupId ?? null,
      parentId: input.parentId ?? null,
      periodId,
      visibility: input.visibility ?? 'public',
      status,
      weight: input.weight ?? 1,
      createdBy: actor.personId,
      closedAt: closedStatuses.has(status) ? now : null,
      createdAt: now,
      updatedAt: now,
    });
    if (input.keyResults?.length) await repo.replaceKeyResults(tx, actor.orgId, row.id, keyResultWrites(input.keyResults, []), now);
    if (skills.length) await repo.replaceSkills(tx, actor.orgId, row.id, skills);
    await refreshProgress(tx, actor.orgId, row.id);
    const after = (await repo.findForUpdate(tx, actor.orgId, row.id))!;
    await recordChange(tx, actorRef(actor, requestId), {
      action: 'goal.created',
      recordType: 'goal',
      recordId: row.id,
      after: { ...goalAudit(after), keyResults: input.keyResults ?? [], skills },
      emits: emit(GOAL_CHANGED, { goalId: row.id, ownerPersonId: row.ownerPersonId, change: 'created' }),
    });
    return row.id;
  });
  return getGoal(ctx, actor, id);
}

/** The goal, locked, when the actor may change it; 404 when they may not see it, 404 too when they only see it. */
export async function editableGoal(tx: DbOrTx, actor: Actor, id: string) {
  const before = await repo.findForUpdate(tx, actor.orgId, id);
  if (!before || !(await readableGoal(tx, actor, id))) throw notFound('Goal');
  if (!(await canEditGoalsOf(tx, actor, before))) throw cannotEditGoal();
  return before;
}

export const cannotEditGoal = () => new AppError('forbidden', 'Only the goal’s owner, their managers and HR admins change it');

export async function updateGoal(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof GoalUpdate>, requestId?: string) {
  await ctx.db.transaction(async (tx) => {
    const before = await editableGoal(tx, actor, id);
    if (before.periodId) {
      const p = await repo.findPeriod(tx, actor.orgId, before.periodId);
      // A closed period's goals keep their outcome; only the status (done, missed, dropped) may still be set right.
      const onlyStatus = Object.keys(input).every((k) => k === 'status');
      if (p?.closedAt && !onlyStatus) throw periodClosed(p.name);
    }
    if (input.periodId && input.periodId !== before.periodId) await requireOpenPeriod(tx, actor.orgId, input.periodId);
    if (input.parentId) await requireParent(tx, actor, id, input.parentId);
    const now = ctx.clock.now();
    const patch: Partial<repo.GoalRow> = {
      ...(input.title !== undefined && { title: input.title }),
      ...(input.description !== undefined && { description: input.description || null }),
      ...(input.parentId !== undefined && { parentId: input.parentId }),
      ...(input.periodId !== undefined && { periodId: input.periodId }),
      ...(input.visibility !== undefined && { visibility: input.visibility }),
      ...(input.weight !== undefined && { weight: input.weight }),
      ...(input.status !== undefined && { status: input.status, closedAt: closedStatuses.has(input.status) ? (before.closedAt ?? now) : null }),
    };
    const existingKrs = await repo.keyResultsOf(tx, actor.orgId, [id]);
    if (input.keyResults) await repo.replaceKeyResults(tx, actor.orgId, id, keyResultWrites(input.keyResults, existingKrs), now);
    let skills: Array<{ skillId: string; level: number | null }> | undefined;
    if (input.skills) {
      skills = await requireSkills(tx, actor.orgId, input.skills);
      await repo.replaceSkills(tx, actor.orgId, id, skills);
    }
    await repo.updateGoal(tx, actor.orgId, id, patch, now);
    await refreshProgress(tx, actor.orgId, id);
    if (input.parentId !== undefined && before.parentId !== input.parentId) await refreshProgress(tx, actor.orgId, before.parentId);
    else if (input.weight !== undefined && before.parentId) await refreshProgress(tx, actor.orgId, before.parentId);
    const after = (await repo.findForUpdate(tx, actor.orgId, id))!;
    await recordChange(tx, actorRef(actor, requestId), {
      action: 'goal.updated',
      recordType: 'goal',
      recordId: id,
      before: { ...goalAudit(before), ...(input.keyResults && { keyResults: existingKrs.map(keyResultDto) }) },
      after: { ...goalAudit(after), ...(input.keyResults && { keyResults: input.keyResults }), ...(skills && { skills }) },
      emits: emit(GOAL_CHANGED, { goalId: id, ownerPersonId: after.ownerPersonId, change: 'updated' }),
    });
  });
  return getGoal(ctx, actor, id);
}

export async function deleteGoal(ctx: AppContext, actor: Actor, id: string, requestId?: string) {
  await ctx.db.transaction(async (tx) => {
    const before = await editableGoal(tx, actor, id);
    await repo.deleteGoal(tx, actor.orgId, id);
    await refreshProgress(tx, actor.orgId, before.parentId);
    await recordChange(tx, actorRef(actor, requestId), {
      action: 'goal.deleted',
      recordType: 'goal',
      recordId: id,
      before: goalAudit(before),
      emits: emit(GOAL_CHANGED, { goalId: id, ownerPersonId: before.ownerPersonId, change: 'deleted' }),
    });
  });
}

// ---- periods ----

export const periodDto = (p: repo.PeriodRow, day: string) => ({
  id: p.id,
  name: p.name,
  kind: p.kind,
  startsOn: p.startsOn,
  endsOn: p.endsOn,
  closedAt: iso(p.closedAt),
  current: p.startsOn <= day && day <= p.endsOn,
});

export async function listPeriods(ctx: AppContext, actor: Actor) {
  const day = today(ctx);
  return { data: (await repo.listPeriods(ctx.db, actor.orgId)).map((p) => periodDto(p, day)), nextCursor: null };
}

export async function createPeriod(ctx: AppContext, actor: Actor, input: z.infer<typeof PeriodCreate>, requestId?: string) {
  requirePermission(actor, canManagePerformanceSettings);
  return ctx.db.transaction(async (tx) => {
    const [p] = await repo.insertPeriods(tx, actor.orgId, [{ name: input.name, kind: input.kind ?? 'custom', startsOn: input.startsOn, endsOn: input.endsOn }]);
    if (!p) throw new AppError('conflict', `A period named ${input.name} exists already`, [{ path: 'name', message: 'Choose another name' }]);
    await recordChange(tx, actorRef(actor, requestId), { action: 'goal_period.created', recordType: 'goal_period', recordId: p.id, after: input, event: false });
    return periodDto(p, today(ctx));
  });
}

/** The settings call: adds the default quarters and year the organisation lacks. */
export async function createDefaultPeriods(ctx: AppContext, actor: Actor, requestId?: string) {
  requirePermission(actor, canManagePerformanceSettings);
  await ctx.db.transaction(async (tx) => {
    const added = await repo.insertPeriods(tx, actor.orgId, defaultPeriods(today(ctx)));
    await recordChanges(
      tx,
      actorRef(actor, requestId),
      added.map((p) => ({ action: 'goal_period.created', recordType: 'goal_period', recordId: p.id, after: { name: p.name, startsOn: p.startsOn, endsOn: p.endsOn }, event: false })),
    );
  });
  return listPeriods(ctx, actor);
}

/** Closes a period: no more check-ins; open goals end done (at 100 %) or missed, and stay counted. */
export async function closePeriod(ctx: AppContext, actor: Actor, id: string, requestId?: string) {
  requirePermission(actor, canManagePerformanceSettings);
  return ctx.db.transaction(async (tx) => {
    const p = await repo.findPeriod(tx, actor.orgId, id);
    if (!p) throw notFound('Period');
    if (p.closedAt) throw new AppError('conflict', `The period ${p.name} is closed already`);
    const now = ctx.clock.now();
    const closed = await repo.closePeriod(tx, actor.orgId, id, now);
    await recordChanges(tx, actorRef(actor, requestId), [
      { action: 'goal_period.closed', recordType: 'goal_period', recordId: id, before: { closedAt: null }, after: { closedAt: now.toISOString(), goalsClosed: closed.length }, event: false },
      ...closed.map((g) => ({ action: 'goal.closed', recordType: 'goal', recordId: g.id, after: { status: g.status }, event: false as const })),
    ]);
    return periodDto((await repo.findPeriod(tx, actor.orgId, id))!, today(ctx));
  });
}

// ---- comments ----

const commentDto = (c: Awaited<ReturnType<typeof repo.listComments>>[number]) => ({ ...c, createdAt: c.createdAt.toISOString() });

export async function listComments(ctx: AppContext, actor: Actor, goalId: string, limit = 100, cursor?: string) {
  if (!(await readableGoal(ctx.db, actor, goalId))) throw notFound('Goal');
  const after = decodeCursor(cursor, CursorShape);
  const found = await repo.listComments(ctx.db, actor.orgId, goalId, limit + 1, after?.id);
  const page = keysetPage(found, limit, (last) => ({ id: last.id }));
  return { data: page.data.map(commentDto), nextCursor: page.nextCursor };
}

export async function addComment(ctx: AppContext, actor: Actor, goalId: string, input: z.infer<typeof CommentCreate>, requestId?: string) {
  return ctx.db.transaction(async (tx) => {
    const g = await readableGoal(tx, actor, goalId);
    if (!g) throw notFound('Goal');
    const row = await repo.insertComment(tx, { orgId: actor.orgId, goalId, authorId: actor.personId, body: input.body, createdAt: ctx.clock.now(), updatedAt: ctx.clock.now() });
    await recordChange(tx, actorRef(actor, requestId), {
      action: 'goal_comment.created',
      recordType: 'goal_comment',
      recordId: row.id,
      after: { goalId, body: input.body },
      event: false,
    });
    return commentDto((await repo.findComment(tx, actor.orgId, row.id))!);
  });
}

