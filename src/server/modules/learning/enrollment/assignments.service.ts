import type { z } from '@hono/zod-openapi';
import type { AppContext } from '../../../context.ts';
import { AppError, notFound, validationFailed, type ErrorDetail } from '../../../platform/http/errors.ts';
import type { Actor } from '../../../platform/http/types.ts';
import { actorRef, recordChange, systemRef } from '../../platform/index.ts';
import { canManageEnrollments } from '../learning.policy.ts';
import { enroll, type Audience } from './enrollments.core.ts';
import * as repo from './enrollments.repo.ts';
import type { AssignBody } from './enrollments.schemas.ts';

const DAY = 86_400_000;

/**
 * Assigns a published course or program to people, a group or a department, with a reason.
 * Idempotent: people already enrolled are counted, never enrolled twice. Admins assign to
 * anyone; managers only to people below them (404 for anyone else); groups and departments
 * are for admins only.
 */
export async function assign(ctx: AppContext, actor: Actor, input: z.infer<typeof AssignBody>, requestId?: string) {
  const admin = canManageEnrollments(actor);
  const target = { courseId: input.courseId, programId: input.programId };
  const now = ctx.clock.now();
  const dueAt = input.dueAt ? new Date(input.dueAt) : null;
  if (dueAt && dueAt.getTime() <= now.getTime()) {
    throw validationFailed('The due date has passed', [{ path: 'dueAt', message: 'Choose a date in the future' }]);
  }

  return ctx.db.transaction(async (tx) => {
    const item = await repo.findCatalogItem(tx, actor.orgId, target);
    if (!item) throw notFound(input.courseId ? 'Course' : 'Program');
    if (item.status !== 'published') {
      throw new AppError('unprocessable', `Only published ${input.courseId ? 'courses' : 'programs'} can be assigned`, [
        { path: input.courseId ? 'courseId' : 'programId', message: `"${item.title}" is ${item.status}` },
      ]);
    }

    const a = input.audience;
    let audience: Audience;
    if (a.type === 'people') {
      const ids = [...new Set(a.personIds)];
      const found = await repo.activePeopleAmong(tx, actor.orgId, ids, admin ? undefined : actor.personId);
      const missing = ids.filter((id) => !found.has(id));
      // A manager learns nothing about people outside their team.
      if (!admin && missing.length) throw notFound('Person');
      if (missing.length) {
        const errors: ErrorDetail[] = a.personIds.flatMap((id, i) =>
          found.has(id) ? [] : [{ path: `audience.personIds.${i}`, message: 'No active person with this id' }],
        );
        throw validationFailed('Some people cannot be enrolled', errors);
      }
      audience = { type: 'people', personIds: ids };
    } else {
      if (!admin) throw notFound(a.type === 'group' ? 'Group' : 'Department');
      const id = a.type === 'group' ? a.groupId : a.departmentId;
      const exists = a.type === 'group' ? await repo.groupExists(tx, actor.orgId, id) : await repo.departmentExists(tx, actor.orgId, id);
      if (!exists) {
        throw validationFailed(`No such ${a.type}`, [{ path: `audience.${a.type}Id`, message: `No ${a.type} with this id` }]);
      }
      audience = { type: a.type, id };
    }

    // Newcomers get the same time to finish that the first people got.
    const dueDays = input.dueDays ?? (dueAt ? Math.max(1, Math.ceil((dueAt.getTime() - now.getTime()) / DAY)) : item.dueDays ?? null);
    const assignment = await repo.insertAssignment(tx, {
      orgId: actor.orgId,
      courseId: input.courseId ?? null,
      programId: input.programId ?? null,
      targetType: a.type,
      targetId: a.type === 'group' ? a.groupId : a.type === 'department' ? a.departmentId : null,
      reasonType: input.reason.type,
      reasonRecordType: input.reason.recordType ?? null,
      reasonRecordId: input.reason.recordId ?? null,
      reasonNote: input.reason.note || null,
      dueAt,
      dueDays,
      enrollNewcomers: a.type === 'group' && Boolean(a.enrollNewcomers),
      createdBy: actor.personId,
      createdAt: now,
    });
    const by = actorRef(actor, requestId);
    await recordChange(tx, by, {
      action: 'learning_assignment.created',
      recordType: 'learning_assignment',
      recordId: assignment.id,
      after: {
        courseId: assignment.courseId,
        programId: assignment.programId,
        targetType: assignment.targetType,
        targetId: assignment.targetId,
        personIds: audience.type === 'people' ? audience.personIds : undefined,
        reasonType: assignment.reasonType,
        reasonRecordType: assignment.reasonRecordType,
        reasonRecordId: assignment.reasonRecordId,
        dueAt,
        dueDays: input.dueDays ?? null,
        enrollNewcomers: assignment.enrollNewcomers,
      },
      event: false,
    });

    const reach = await repo.audienceSize(tx, actor.orgId, audience);
    const created = await enroll(ctx, tx, by, {
      audience,
      ...target,
      reasonType: input.reason.type,
      reasonRecordType: input.reason.recordType ?? null,
      reasonRecordId: input.reason.recordId ?? null,
      reasonNote: input.reason.note || null,
      source: 'assigned',
      assignedBy: actor.personId,
      assignmentId: assignment.id,
      dueAt,
      dueDays: dueAt ? null : dueDays,
    });
    return {
      assignmentId: assignment.id,
      enrolled: created.length,
      alreadyEnrolled: Math.max(0, reach - created.length),
      enrollmentIds: created.map((e) => e.id),
    };
  });
}

/**
 * `group.members_changed` subscriber: people who joined a group get the learning of its
 * assignments that enrol newcomers, with the assignment's reason and time to finish.
 */
export async function enrollGroupNewcomers(ctx: AppContext, orgId: string, groupId: string, added: string[]): Promise<number> {
  if (!added.length) return 0;
  return ctx.db.transaction(async (tx) => {
    let total = 0;
    for (const as of await repo.newcomerAssignments(tx, orgId, groupId)) {
      const created = await enroll(ctx, tx, systemRef(orgId, 'Group assignment'), {
        audience: { type: 'people', personIds: added },
        courseId: as.courseId,
        programId: as.programId,
        reasonType: as.reasonType,
        reasonRecordType: as.reasonRecordType,
        reasonRecordId: as.reasonRecordId,
        reasonNote: as.reasonNote,
        source: 'assigned',
        assignedBy: as.createdBy,
        assignmentId: as.id,
        dueAt: null,
        dueDays: as.dueDays,
      });
      total += created.length;
    }
    return total;
  });
}
