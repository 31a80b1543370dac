import type { z } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { AppContext } from '../../../context.ts';
import { rows } from '../../../platform/db/sql.ts';
import { AppError, notFound, validationFailed } from '../../../platform/http/errors.ts';
import type { Actor } from '../../../platform/http/types.ts';
import { enroll, learningItemsSql } from '../../learning/index.ts';
import { hasRole, isManagerOf, reportsOf, requirePermission } from '../../org/index.ts';
import { actorRef, emit, recordChange, recordChanges } from '../../platform/index.ts';
import { findSkills } from '../../talent/index.ts';
import { canManagePerformanceSettings, readableGoal } from '../performance.policy.ts';
import { GOALS_ASSIGNED } from './goals.events.ts';
import * as goalsRepo from './goals.repo.ts';
import { ensurePeriods, refreshProgress } from './goals.service.ts';
import { goalSignal } from './goals.signal.ts';
import type { AssignLearning, AssignTemplate, TemplateCreate, TemplateUpdate } from './templates.schemas.ts';
import * as repo from './templates.repo.ts';

const templateDto = (t: repo.TemplateRow) => ({
  id: t.id,
  title: t.title,
  description: t.description,
  keyResults: t.keyResults,
  skillIds: t.skillIds,
  archived: !!t.archivedAt,
  createdAt: t.createdAt.toISOString(),
});

async function requireSkillIds(ctx: AppContext, orgId: string, ids: string[]) {
  const found = new Set((await findSkills(ctx.db, orgId, ids)).map((s) => s.id));
  const missing = ids.flatMap((id, i) => (found.has(id) ? [] : [{ path: `skillIds.${i}`, message: 'No skill with this id' }]));
  if (missing.length) throw validationFailed('Unknown skills', missing);
  return [...new Set(ids)];
}

/** Templates: HR admins, and managers (who assign them to their teams). */
const canUseTemplates = async (ctx: AppContext, actor: Actor) =>
  hasRole(actor, 'hr_admin') || (await reportsOf(ctx.db, actor.orgId, actor.personId)).length > 0;

export async function listTemplates(ctx: AppContext, actor: Actor) {
  if (!(await canUseTemplates(ctx, actor))) throw notFound();
  return { data: (await repo.listTemplates(ctx.db, actor.orgId)).map(templateDto), nextCursor: null };
}

export async function createTemplate(ctx: AppContext, actor: Actor, input: z.infer<typeof TemplateCreate>, requestId?: string) {
  requirePermission(actor, canManagePerformanceSettings);
  const skillIds = await requireSkillIds(ctx, actor.orgId, input.skillIds ?? []);
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const row = await repo.insertTemplate(tx, {
      orgId: actor.orgId,
      title: input.title,
      description: input.description || null,
      keyResults: input.keyResults ?? [],
      skillIds,
      createdBy: actor.personId,
      createdAt: now,
      updatedAt: now,
    });
    await recordChange(tx, actorRef(actor, requestId), { action: 'goal_template.created', recordType: 'goal_template', recordId: row.id, after: templateDto(row), event: false });
    return templateDto(row);
  });
}

export async function updateTemplate(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof TemplateUpdate>, requestId?: string) {
  requirePermission(actor, canManagePerformanceSettings);
  const skillIds = input.skillIds ? await requireSkillIds(ctx, actor.orgId, input.skillIds) : undefined;
  return ctx.db.transaction(async (tx) => {
    const before = await repo.findTemplate(tx, actor.orgId, id);
    if (!before) throw notFound('Template');
    const now = ctx.clock.now();
    const after = await repo.updateTemplate(tx, actor.orgId, id, {
      ...(input.title !== undefined && { title: input.title }),
      ...(input.description !== undefined && { description: input.description || null }),
      ...(input.keyResults !== undefined && { keyResults: input.keyResults }),
      ...(skillIds && { skillIds }),
      ...(input.archived !== undefined && { archivedAt: input.archived ? (before.archivedAt ?? now) : null }),
      updatedAt: now,
    });
    await recordChange(tx, actorRef(actor, requestId), {
      action: 'goal_template.updated',
      recordType: 'goal_template',
      recordId: id,
      before: templateDto(before),
      after: templateDto(after),
      event: false,
    });
    return templateDto(after);
  });
}

/**
 * Gives every active person of the audience (people, groups and departments, one or a list of
 * them) their own goal from the template, in one transaction and a few set-based statements.
 * Who already holds a goal from the template in the period gets no second one (counted as
 * `alreadyHad`). HR admins assign to anyone, groups and departments; managers to people below
 * them only (404 for anyone else). A dry run answers the same counts and writes nothing.
 */
export async function assignTemplate(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof AssignTemplate>, requestId?: string) {
  const admin = hasRole(actor, 'hr_admin');
  if (!admin && !(await canUseTemplates(ctx, actor))) throw notFound('Template');
  const dryRun = input.dryRun === true;
  return ctx.db.transaction(async (tx) => {
    const t = await repo.findTemplate(tx, actor.orgId, id);
    if (!t) throw notFound('Template');
    if (t.archivedAt) throw new AppError('unprocessable', 'This template is archived; restore it to assign it');
    const list = Array.isArray(input.audience) ? input.audience : [input.audience];
    const at = (i: number) => (Array.isArray(input.audience) ? `audience.${i}` : 'audience');
    const specs: repo.AudienceSpec[] = [];
    const named = new Set<string>();
    for (const [i, a] of list.entries()) {
      if (a.type === 'people') {
        for (const p of a.personIds) named.add(p);
        specs.push({ type: 'people', personIds: [...new Set(a.personIds)] });
        continue;
      }
      if (!admin) throw notFound(a.type === 'group' ? 'Group' : 'Department');
      const exists = a.type === 'group' ? await goalsRepo.groupExists(tx, actor.orgId, a.groupId) : await goalsRepo.departmentExists(tx, actor.orgId, a.departmentId);
      if (!exists) throw validationFailed(`No such ${a.type}`, [{ path: `${at(i)}.${a.type}Id`, message: `No ${a.type} with this id` }]);
      specs.push({ type: a.type, id: a.type === 'group' ? a.groupId : a.departmentId });
    }
    if (!dryRun) {
      await repo.lockTemplateAssignment(tx, actor.orgId, t.id);
      await ensurePeriods(ctx, tx, actor, requestId);
    }
    let periodId = input.periodId;
    if (periodId === undefined) periodId = (await goalsRepo.currentQuarter(tx, actor.orgId, ctx.clock.now().toISOString().slice(0, 10)))?.id ?? null;
    else if (periodId) {
      const p = await goalsRepo.findPeriod(tx, actor.orgId, periodId);
      if (!p) throw validationFailed('Unknown period', [{ path: 'periodId', message: 'Choose a period of the organisation' }]);
      if (p.closedAt) throw new AppError('conflict', `The period ${p.name} is closed`, [{ path: 'periodId', code: 'period_closed', message: `${p.name} is closed` }]);
    }
    const audience = await repo.audienceHolding(tx, actor.orgId, specs, t.id, periodId);
    const found = new Set(audience.map((x) => x.id));
    const missing = [...named].filter((p) => !found.has(p));
    if (missing.length) throw validationFailed('Some people are not active people of the organisation', missing.map((m) => ({ path: 'audience.personIds', message: `No active person ${m}` })));
    if (!admin) {
      const mine = new Set(await reportsOf(tx, actor.orgId, actor.personId));
      if (audience.some((p) => !mine.has(p.id))) throw notFound('Person');
    }
    if (input.parentId && !(await readableGoal(tx, actor, input.parentId))) {
      throw new AppError('unprocessable', 'The parent goal does not exist', [{ path: 'parentId', message: 'Choose a goal you can see' }]);
    }
    const personIds = audience.filter((p) => !p.had).map((p) => p.id);
    const alreadyHad = audience.length - personIds.length;
    if (dryRun || !personIds.length) return { assignmentId: null, created: dryRun ? personIds.length : 0, alreadyHad, goalIds: [], dryRun };
    const assignmentId = uuidv7();
    const now = ctx.clock.now();
    const goalIds = await repo.insertAssignedGoals(tx, {
      orgId: actor.orgId,
      t,
      personIds,
      periodId,
      parentId: input.parentId ?? null,
      visibility: input.visibility ?? 'public',
      assignmentId,
      by: actor.personId,
      now,
    });
    await recordChanges(
      tx,
      actorRef(actor, requestId),
      goalIds.map((gid, i) => ({ action: 'goal.created', recordType: 'goal', recordId: gid, after: { templateId: t.id, assignmentId, ownerPersonId: personIds[i], title: t.title }, event: false as const })),
    );
    await recordChange(tx, actorRef(actor, requestId), {
      action: 'goal_template.assigned',
      recordType: 'goal_template',
      recordId: t.id,
      after: { assignmentId, audience: input.audience, created: goalIds.length, alreadyHad },
      emits: emit(GOALS_ASSIGNED, { assignmentId, goalIds }),
    });
    // The parent's progress now counts the new children.
    if (input.parentId) await refreshProgress(tx, actor.orgId, input.parentId);
    return { assignmentId, created: goalIds.length, alreadyHad, goalIds, dryRun };
  });
}

/**
 * Assigns learning because of a goal: reason `goal` linked to it, with the goal's progress and
 * status as the baseline. The learner is the goal's owner by default; the actor must be allowed
 * to assign to each learner the way learning allows (managers to their chain, learning and HR
 * admins to anyone), or be the learner (self-enrolment).
 */
export async function assignLearning(ctx: AppContext, actor: Actor, goalId: string, input: z.infer<typeof AssignLearning>, requestId?: string) {
  return ctx.db.transaction(async (tx) => {
    const g = await readableGoal(tx, actor, goalId);
    if (!g) throw notFound('Goal');
    const personIds = [...new Set(input.personIds ?? (g.ownerPersonId ? [g.ownerPersonId] : []))];
    if (!personIds.length) throw validationFailed('Choose who learns', [{ path: 'personIds', message: 'A team or company goal needs the people to enrol' }]);
    const admin = hasRole(actor, 'learning_admin', 'hr_admin');
    const active = await repo.activeAmong(tx, actor.orgId, personIds);
    for (const p of personIds) {
      if (!active.has(p)) throw notFound('Person');
      if (!admin && p !== actor.personId && !(await isManagerOf(tx, actor, p))) throw notFound('Person');
    }
    const item = rows<{ item_type: string }>(
      await tx.execute(sql`select item_type from (${learningItemsSql(actor.orgId, input.courseId ? [input.courseId] : [], input.programId ? [input.programId] : [])}) x`),
    )[0];
    if (!item) throw notFound(input.courseId ? 'Course' : 'Program');
    const signal = await goalSignal(tx, actor.orgId, goalId);
    const self = personIds.length === 1 && personIds[0] === actor.personId;
    const created = await enroll(ctx, tx, actorRef(actor, requestId), {
      audience: { type: 'people', personIds },
      courseId: input.courseId ?? null,
      programId: input.programId ?? null,
      reasonType: 'goal',
      reasonRecordType: 'goal',
      reasonRecordId: goalId,
      source: self ? 'self' : 'assigned',
      assignedBy: self ? null : actor.personId,
      dueAt: input.dueAt ? new Date(input.dueAt) : null,
      baselineSignal: signal ?? null,
    });
    return { enrolled: created.length, enrollmentIds: created.map((e) => e.id) };
  });
}
