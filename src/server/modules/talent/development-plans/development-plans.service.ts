import type { z } from '@hono/zod-openapi';
import type { AppContext } from '../../../context.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';
import { conflict, notFound, validationFailed } from '../../../platform/http/errors.ts';
import type { Actor, ActorRef } from '../../../platform/http/types.ts';
import { enroll, findOpenEnrollment } from '../../learning/index.ts';
import { actorRef, recordChange } from '../../platform/index.ts';
import { canApproveDevelopmentOf, canEditDevelopmentOf, canReadTalentOf } from '../talent.policy.ts';
import type { PlanItemCreate, PlanItemUpdate } from './development-plans.schemas.ts';
import * as repo from './development-plans.repo.ts';

const MAX_ITEMS = 500;

export const planItemDto = (i: repo.PlanItemView) => ({
  id: i.id,
  personId: i.personId,
  title: i.title,
  description: i.description,
  actionType: i.actionType,
  skillId: i.skillId,
  skillName: i.skillName,
  targetLevel: i.targetLevel,
  goalId: i.goalId,
  aspirationId: i.aspirationId,
  gapAssessmentId: i.gapAssessmentId,
  courseId: i.courseId,
  courseTitle: i.courseTitle,
  programId: i.programId,
  programTitle: i.programTitle,
  enrollmentId: i.enrollmentId,
  enrollmentStatus: i.enrollmentStatus,
  dueDate: i.dueDate,
  status: i.status,
  approvalStatus: i.approvalStatus,
  approvedBy: i.approvedBy,
  approvedAt: i.approvedAt?.toISOString() ?? null,
  createdBy: i.createdBy,
  createdAt: i.createdAt.toISOString(),
  updatedAt: i.updatedAt.toISOString(),
});
export type PlanItemDto = ReturnType<typeof planItemDto>;
export type PlanItemInput = z.infer<typeof PlanItemCreate>;

const audit = (i: repo.PlanItemRow) => ({
  personId: i.personId,
  title: i.title,
  description: i.description,
  actionType: i.actionType,
  skillId: i.skillId,
  targetLevel: i.targetLevel,
  goalId: i.goalId,
  aspirationId: i.aspirationId,
  gapAssessmentId: i.gapAssessmentId,
  courseId: i.courseId,
  programId: i.programId,
  enrollmentId: i.enrollmentId,
  dueDate: i.dueDate,
  status: i.status,
  approvalStatus: i.approvalStatus,
});

const invalid = (path: string, message: string) => validationFailed(message, [{ path, message }]);

/**
 * Why the enrolment is made (DESIGN.md §2.1 reasons): the skill gap when the item names a skill,
 * else the aspiration, else the goal; an item with none of these is the person's own choice
 * (`self`) when they add it, and a skill gap when their manager or HR does (the plan is where a
 * manager records the gaps they see).
 */
export function enrollmentReason(i: Pick<repo.PlanItemRow, 'skillId' | 'aspirationId' | 'goalId'>, ownItem: boolean) {
  if (i.skillId) return 'skill_gap' as const;
  if (i.aspirationId) return 'aspiration' as const;
  if (i.goalId) return 'goal' as const;
  return ownItem ? ('self' as const) : ('skill_gap' as const);
}

/** A due date (YYYY-MM-DD) is due at the end of that day, UTC. */
const dueAtOf = (d: string | null) => (d ? new Date(`${d}T23:59:59.999Z`) : null);

/**
 * Enrols the person in the item's course or program (or links the open enrolment they already
 * have), with the baseline of every skill concerned, and stores the enrolment on the item.
 */
async function enrollFor(ctx: AppContext, tx: DbOrTx, by: ActorRef, item: repo.PlanItemRow, ownChoice: boolean): Promise<repo.PlanItemRow> {
  if (!item.courseId && !item.programId) return item;
  const target = { courseId: item.courseId, programId: item.courseId ? null : item.programId };
  let enrollmentId = (await findOpenEnrollment(tx, item.orgId, item.personId, target))?.id;
  if (!enrollmentId) {
    const [created] = await enroll(ctx, tx, by, {
      audience: { type: 'people', personIds: [item.personId] },
      ...target,
      reasonType: enrollmentReason(item, ownChoice),
      reasonRecordType: 'development_plan_item',
      reasonRecordId: item.id,
      reasonNote: item.title,
      source: ownChoice ? 'self' : 'assigned',
      assignedBy: ownChoice ? null : by.personId,
      dueAt: dueAtOf(item.dueDate),
      baselineLevels: await repo.baselineLevels(tx, item.orgId, item.personId, { skillId: item.skillId, ...target }),
    });
    // A concurrent enrolment won the race: link to it.
    enrollmentId = created?.id ?? (await findOpenEnrollment(tx, item.orgId, item.personId, target))?.id;
  }
  if (!enrollmentId) return item;
  return repo.update(tx, item.orgId, item.id, { enrollmentId }, ctx.clock.now());
}

/** The person's plan is the actor's to see (or change): in the organisation, and the policy allows. */
async function allowed(db: DbOrTx, actor: Actor, personId: string, edit = false) {
  return edit ? canEditDevelopmentOf(db, actor, personId) : canReadTalentOf(db, actor, personId);
}

export async function getPlan(ctx: AppContext, actor: Actor, personId: string) {
  if (!(await allowed(ctx.db, actor, personId))) throw notFound('Person');
  const items = await repo.listForPerson(ctx.db, actor.orgId, personId, MAX_ITEMS);
  return { data: items.map(planItemDto), nextCursor: null };
}

/**
 * Adds an item to a person's plan (the person, their chain or HR). The person's own item with
 * `requestApproval` waits for approval and enrols only then; any other course or program item
 * enrols at once.
 */
export async function addPlanItem(ctx: AppContext, actor: Actor, personId: string, input: PlanItemInput, requestId?: string): Promise<PlanItemDto> {
  return ctx.db.transaction(async (tx) => {
    if (!(await allowed(tx, actor, personId, true))) throw notFound('Person');
    const orgId = actor.orgId;
    const own = actor.personId === personId;

    let gapAssessmentId = input.gapAssessmentId ?? null;
    if (input.skillId) {
      const s = await repo.findSkill(tx, orgId, input.skillId);
      if (!s) throw invalid('skillId', 'Choose a skill of the organisation');
      if (input.targetLevel != null && input.targetLevel > s.maxLevel) throw invalid('targetLevel', `Choose a level from 1 to ${s.maxLevel}`);
      if (input.gapAssessmentId === undefined) gapAssessmentId = (await repo.findPersonSkill(tx, orgId, personId, input.skillId))?.basisAssessmentId ?? null;
    }
    if (input.gapAssessmentId && !(await repo.findAssessmentOf(tx, orgId, personId, input.gapAssessmentId))) {
      throw invalid('gapAssessmentId', "Choose one of the person's assessments");
    }
    if (input.aspirationId && !(await repo.findAspirationOf(tx, orgId, personId, input.aspirationId))) {
      throw invalid('aspirationId', "Choose one of the person's aspirations");
    }
    let defaultTitle: string | undefined;
    if (input.actionType === 'course') {
      const c = await repo.findCourse(tx, orgId, input.courseId!);
      if (!c) throw invalid('courseId', 'Choose a course of the organisation');
      if (c.status !== 'published') throw invalid('courseId', c.status === 'archived' ? 'This course is archived' : 'This course is not published');
      defaultTitle = c.title;
    }
    if (input.actionType === 'program') {
      const p = await repo.findProgram(tx, orgId, input.programId!);
      if (!p) throw invalid('programId', 'Choose a program of the organisation');
      if (p.status !== 'published') throw invalid('programId', p.status === 'archived' ? 'This program is archived' : 'This program is not published');
      defaultTitle = p.title;
    }

    const pending = own && input.requestApproval === true;
    const now = ctx.clock.now();
    const by = actorRef(actor, requestId);
    let item = await repo.insert(tx, {
      orgId,
      personId,
      title: input.title ?? defaultTitle!,
      description: input.description || null,
      actionType: input.actionType,
      skillId: input.skillId ?? null,
      targetLevel: input.targetLevel ?? null,
      goalId: input.goalId ?? null,
      aspirationId: input.aspirationId ?? null,
      gapAssessmentId,
      courseId: input.courseId ?? null,
      programId: input.programId ?? null,
      dueDate: input.dueDate ?? null,
      approvalStatus: pending ? 'pending' : 'not_needed',
      createdBy: actor.personId,
      createdAt: now,
      updatedAt: now,
    });
    if (!pending) item = await enrollFor(ctx, tx, by, item, own);
    await recordChange(tx, by, { action: 'development_plan_item.created', recordType: 'development_plan_item', recordId: item.id, after: audit(item) });
    return planItemDto((await repo.findView(tx, orgId, item.id))!);
  });
}

async function editable(tx: DbOrTx, actor: Actor, id: string) {
  const before = await repo.findForUpdate(tx, actor.orgId, id);
  if (!before || !(await allowed(tx, actor, before.personId, true))) throw notFound('Plan item');
  return before;
}

export async function updatePlanItem(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof PlanItemUpdate>, requestId?: string) {
  return ctx.db.transaction(async (tx) => {
    const before = await editable(tx, actor, id);
    const patch = {
      ...(input.status !== undefined && { status: input.status }),
      ...(input.dueDate !== undefined && { dueDate: input.dueDate }),
      ...(input.title !== undefined && { title: input.title }),
      ...(input.description !== undefined && { description: input.description || null }),
    };
    if (Object.keys(patch).length) {
      const after = await repo.update(tx, actor.orgId, id, patch, ctx.clock.now());
      await recordChange(tx, actorRef(actor, requestId), {
        action: 'development_plan_item.updated',
        recordType: 'development_plan_item',
        recordId: id,
        before: audit(before),
        after: audit(after),
      });
    }
    return planItemDto((await repo.findView(tx, actor.orgId, id))!);
  });
}

/** Approves or declines a pending item (the person's chain or HR, never the person). Approval enrols. */
export async function decidePlanItem(ctx: AppContext, actor: Actor, id: string, decision: 'approved' | 'declined', requestId?: string) {
  return ctx.db.transaction(async (tx) => {
    const before = await repo.findForUpdate(tx, actor.orgId, id);
    if (!before || !(await allowed(tx, actor, before.personId))) throw notFound('Plan item');
    if (actor.personId === before.personId || !(await canApproveDevelopmentOf(tx, actor, before.personId))) {
      throw notFound('Plan item');
    }
    if (before.approvalStatus !== 'pending') throw conflict('This item is not waiting for approval');
    const by = actorRef(actor, requestId);
    const now = ctx.clock.now();
    let after = await repo.update(tx, actor.orgId, id, { approvalStatus: decision, approvedBy: actor.personId, approvedAt: now }, now);
    // The person asked for it: their enrolment is their own choice, approved.
    if (decision === 'approved') after = await enrollFor(ctx, tx, by, after, true);
    await recordChange(tx, by, {
      action: `development_plan_item.${decision}`,
      recordType: 'development_plan_item',
      recordId: id,
      before: audit(before),
      after: audit(after),
    });
    return planItemDto((await repo.findView(tx, actor.orgId, id))!);
  });
}

/** Removes an item; an enrolment it made stays (the learning is the person's). */
export async function deletePlanItem(ctx: AppContext, actor: Actor, id: string, requestId?: string) {
  await ctx.db.transaction(async (tx) => {
    const before = await editable(tx, actor, id);
    await repo.remove(tx, actor.orgId, id);
    await recordChange(tx, actorRef(actor, requestId), {
      action: 'development_plan_item.deleted',
      recordType: 'development_plan_item',
      recordId: id,
      before: audit(before),
    });
  });
}
