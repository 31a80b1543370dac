import { randomBytes } from 'node:crypto';
import type { AppContext } from '../../../context.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';
import type { ActorRef } from '../../../platform/http/types.ts';
import { emit, recordChange, recordChanges } from '../../platform/index.ts';
import { ENROLLED_EVENT, ENROLLMENT_COMPLETED } from './enrollment.events.ts';
import * as repo from './enrollments.repo.ts';
import { requireStepUnlocked } from '../programs/index.ts';

export type { Audience, EnrollmentRow } from './enrollments.repo.ts';

export type EnrollInput = Omit<repo.NewEnrollments, 'now' | 'orgId'> & {
  /** Days from now until due, when no fixed date is given. */
  dueDays?: number | null;
};

/**
 * The one way enrolments are made (assignment, self-enrolment, rules, programs, groups):
 * set-based and idempotent. A program enrolment also enrols the person in each course step.
 * Audits every enrolment and emits one `learning.enrolled` event for the batch.
 */
export async function enroll(
  ctx: AppContext,
  tx: DbOrTx,
  by: ActorRef,
  input: EnrollInput,
): Promise<Array<{ id: string; personId: string }>> {
  const now = ctx.clock.now();
  const dueAt = input.dueAt ?? (input.dueDays != null ? new Date(now.getTime() + input.dueDays * 86_400_000) : null);
  const { dueDays: _ignored, ...rest } = input;
  const created = await repo.insertEnrollments(tx, { ...rest, orgId: by.orgId, dueAt, now });
  if (!created.length) return created;

  await recordChanges(
    tx,
    by,
    created.map((e) => ({
      action: 'enrollment.created',
      recordType: 'enrollment',
      recordId: e.id,
      after: {
        personId: e.personId,
        courseId: input.courseId ?? null,
        programId: input.programId ?? null,
        reasonType: input.reasonType,
        reasonRecordType: input.reasonRecordType ?? null,
        reasonRecordId: input.reasonRecordId ?? null,
        source: input.source,
        dueAt,
      },
      event: false,
    })),
  );
  await recordChange(tx, by, {
    action: ENROLLED_EVENT.type,
    recordType: input.courseId ? 'course' : 'program',
    recordId: (input.courseId ?? input.programId)!,
    emits: emit(ENROLLED_EVENT, { enrollmentIds: created.map((e) => e.id), notifyLearners: input.source !== 'self' }),
  });

  if (input.programId) {
    const parentIds = created.map((e) => e.id);
    for (const s of await repo.programSteps(tx, by.orgId, input.programId)) {
      if (s.kind === 'course' && s.courseId) await repo.insertStepEnrollments(tx, by.orgId, parentIds, s.courseId, now);
    }
  }
  return created;
}

/** Adds months in UTC, clamping to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(d: Date, months: number): Date {
  const out = new Date(d);
  const day = out.getUTCDate();
  out.setUTCDate(1);
  out.setUTCMonth(out.getUTCMonth() + months);
  const last = new Date(Date.UTC(out.getUTCFullYear(), out.getUTCMonth() + 1, 0)).getUTCDate();
  out.setUTCDate(Math.min(day, last));
  return out;
}

/**
 * Marks an enrolment completed, sets its expiry when a compliance rule governs it, issues the
 * certificate, and completes any program it finishes. Call inside the use case's transaction.
 * A step still locked in an in-order program is refused (403), whoever asks.
 */
export async function completeEnrollment(
  ctx: AppContext,
  tx: DbOrTx,
  by: ActorRef,
  e: repo.EnrollmentRow,
  opts: { score?: number | null } = {},
): Promise<repo.EnrollmentRow> {
  if (e.status === 'completed') return e;
  await requireStepUnlocked(ctx, tx, e);
  const now = ctx.clock.now();
  const months = e.complianceRuleId ? await repo.findComplianceValidity(tx, e.orgId, e.complianceRuleId) : undefined;
  const expiresAt = months ? addMonths(now, months) : null;
  const after = await repo.updateEnrollment(
    tx,
    e.orgId,
    e.id,
    { status: 'completed', completedAt: now, startedAt: e.startedAt ?? now, progress: 100, expiresAt, score: opts.score ?? e.score },
    now,
  );
  await repo.insertCertificate(tx, {
    orgId: e.orgId,
    enrollmentId: e.id,
    personId: e.personId,
    courseId: e.courseId,
    programId: e.programId,
    title: await repo.learningTitle(tx, e.orgId, e),
    personName: await repo.personName(tx, e.orgId, e.personId),
    issuedAt: now,
    expiresAt,
    verificationCode: randomBytes(12).toString('base64url'),
  });
  await recordChange(tx, by, {
    action: 'enrollment.completed',
    recordType: 'enrollment',
    recordId: e.id,
    before: { status: e.status },
    after: { status: 'completed', completedAt: now, expiresAt, score: after.score },
    // Talent turns a quiz score into skill assessments from here; the closed loop (DESIGN.md §2.1) later measures the reason's signal again.
    emits: emit(ENROLLMENT_COMPLETED, {
      enrollmentId: e.id,
      personId: e.personId,
      courseId: e.courseId,
      programId: e.programId,
      score: after.score,
      completedAt: now.toISOString(),
      reasonType: e.reasonType,
      reasonRecordType: e.reasonRecordType,
      reasonRecordId: e.reasonRecordId,
    }),
  });
  if (e.courseId) {
    for (const p of await repo.openProgramEnrollmentsWithCourse(tx, e.orgId, e.personId, e.courseId)) {
      await refreshProgramProgress(ctx, tx, by, p);
    }
  }
  return after;
}

/**
 * Recomputes a program enrolment from its steps: a course step is done when the person holds
 * a valid completion of the course, a checkpoint when its evidence was approved. Completes the
 * program when every step is done.
 */
export async function refreshProgramProgress(ctx: AppContext, tx: DbOrTx, by: ActorRef, p: repo.EnrollmentRow): Promise<repo.EnrollmentRow> {
  if (!p.programId || p.status === 'completed') return p;
  const now = ctx.clock.now();
  const steps = await repo.programSteps(tx, p.orgId, p.programId);
  if (!steps.length) return p;
  const courses = await repo.completedCourseIds(
    tx,
    p.orgId,
    p.personId,
    steps.filter((s) => s.courseId).map((s) => s.courseId!),
    now,
  );
  const checkpoints = await repo.approvedCheckpointStepIds(tx, p.orgId, p.id);
  const done = steps.filter((s) => (s.kind === 'course' ? courses.has(s.courseId!) : checkpoints.has(s.id))).length;
  const progress = Math.round((done / steps.length) * 100);
  if (done === steps.length) return completeEnrollment(ctx, tx, by, { ...p, progress });
  if (progress === p.progress && (done === 0 || p.status === 'in_progress')) return p;
  return repo.updateEnrollment(
    tx,
    p.orgId,
    p.id,
    { progress, status: done > 0 ? 'in_progress' : p.status, startedAt: p.startedAt ?? (done > 0 ? now : null) },
    now,
  );
}
