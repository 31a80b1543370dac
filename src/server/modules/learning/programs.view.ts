import type { AppContext } from '../../context.ts';
import type { DbOrTx } from '../../platform/db/index.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/http/types.ts';
import * as enrollments from './enrollments.repo.ts';
import { canSeeLearningOf } from './learning.policy.ts';
import * as repo from './programs.repo.ts';
import { stepDto } from './programs.service.ts';

export type StepState = 'done' | 'available' | 'locked';

export const evidenceFileUrl = (id: string) => `/api/v1/learning/files/${id}`;

export function submissionDto(s: repo.SubmissionRow, names: { files: Map<string, string>; people: Map<string, string> }) {
  return {
    id: s.id,
    enrollmentId: s.enrollmentId,
    stepId: s.stepId,
    status: s.status,
    evidenceText: s.evidenceText,
    evidenceUrl: s.evidenceUrl,
    evidenceFile: s.evidenceFileId ? { id: s.evidenceFileId, name: names.files.get(s.evidenceFileId) ?? 'Evidence', url: evidenceFileUrl(s.evidenceFileId) } : null,
    reviewer: s.reviewerId ? { id: s.reviewerId, name: names.people.get(s.reviewerId) ?? 'Unknown' } : null,
    reviewComment: s.reviewComment,
    submittedAt: s.submittedAt.toISOString(),
    reviewedAt: s.reviewedAt?.toISOString() ?? null,
  };
}

/**
 * Each step of a program enrolment with its state. Done follows refreshProgramProgress (a valid
 * completion of the course, an approved checkpoint); with order enforced, a step is locked
 * until every step before it is done.
 */
export async function stepStates(db: DbOrTx, p: enrollments.EnrollmentRow, now: Date) {
  const steps = await repo.stepsWithCourses(db, p.orgId, p.programId!);
  const courseIds = steps.flatMap((r) => (r.step.courseId ? [r.step.courseId] : []));
  const [completed, approved, courseEnrollments, submissions, prog] = await Promise.all([
    enrollments.completedCourseIds(db, p.orgId, p.personId, courseIds, now),
    enrollments.approvedCheckpointStepIds(db, p.orgId, p.id),
    repo.courseEnrollmentsFor(db, p.orgId, p.personId, p.id, courseIds),
    repo.latestSubmissions(db, p.orgId, p.id),
    repo.findProgram(db, p.orgId, p.programId!),
  ]);
  let allBeforeDone = true;
  const out = steps.map((r) => {
    const done = r.step.kind === 'course' ? completed.has(r.step.courseId!) : approved.has(r.step.id);
    const state: StepState = done ? 'done' : prog?.enforceOrder && !allBeforeDone ? 'locked' : 'available';
    allBeforeDone &&= done;
    return { row: r, state, courseEnrollment: r.step.courseId ? (courseEnrollments.get(r.step.courseId) ?? null) : null, submission: submissions.get(r.step.id) ?? null };
  });
  return { program: prog!, steps: out };
}

/** The learner's view of a program enrolment: the learner, their manager chain and learning admins. */
export async function programView(ctx: AppContext, actor: Actor, enrollmentId: string) {
  const p = await enrollments.findEnrollment(ctx.db, actor.orgId, enrollmentId);
  if (!p || !p.programId || !(await canSeeLearningOf(ctx.db, actor, p.personId))) throw notFound('Enrollment');
  const { program, steps } = await stepStates(ctx.db, p, ctx.clock.now());
  const subs = steps.flatMap((s) => (s.submission ? [s.submission] : []));
  const names = {
    files: await repo.fileNames(ctx.db, actor.orgId, subs.flatMap((s) => (s.evidenceFileId ? [s.evidenceFileId] : []))),
    people: await repo.personNames(ctx.db, actor.orgId, subs.flatMap((s) => (s.reviewerId ? [s.reviewerId] : []))),
  };
  return {
    enrollment: {
      id: p.id,
      personId: p.personId,
      status: p.status,
      progress: p.progress,
      dueAt: p.dueAt?.toISOString() ?? null,
      startedAt: p.startedAt?.toISOString() ?? null,
      completedAt: p.completedAt?.toISOString() ?? null,
      reasonType: p.reasonType,
      reasonNote: p.reasonNote,
    },
    program: { id: program.id, title: program.title, summary: program.summary, enforceOrder: program.enforceOrder },
    steps: steps.map((s) => ({
      ...stepDto(s.row),
      state: s.state,
      courseEnrollment: s.courseEnrollment ? { id: s.courseEnrollment.id, status: s.courseEnrollment.status, progress: s.courseEnrollment.progress } : null,
      submission: s.submission ? submissionDto(s.submission, names) : null,
    })),
  };
}

export const lockedError = (title: string) =>
  new AppError('forbidden', `Finish the earlier steps of "${title}" first: this step is locked until they are done`);

/**
 * For the course player: refuses to open a course enrolment that is a step of a program whose
 * order is enforced while an earlier step is not done (403 `forbidden`). Other enrolments pass.
 */
export async function assertCourseStepUnlocked(ctx: AppContext, db: DbOrTx, courseEnrollment: enrollments.EnrollmentRow): Promise<void> {
  if (!courseEnrollment.parentEnrollmentId || !courseEnrollment.courseId) return;
  const parent = await enrollments.findEnrollment(db, courseEnrollment.orgId, courseEnrollment.parentEnrollmentId);
  if (!parent?.programId || parent.status === 'completed') return;
  const { program, steps } = await stepStates(db, parent, ctx.clock.now());
  if (!program?.enforceOrder) return;
  const step = steps.find((s) => s.row.step.courseId === courseEnrollment.courseId);
  if (step?.state === 'locked') throw lockedError(program.title);
}
