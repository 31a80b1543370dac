import type { AppContext } from '../../../context.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { enrollmentsRepo as enrollments } from '../enrollment/index.ts';
import * as repo from './programs.repo.ts';

export type StepState = 'done' | 'available' | 'locked';

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

export type StepStates = Awaited<ReturnType<typeof stepStates>>;

export const lockedError = (title: string) =>
  new AppError('forbidden', `Finish the earlier steps of "${title}" first: this step is locked until they are done`);

/**
 * The one lock check of in-order programs. For a course enrolment that is a step: the program's
 * title when the step is locked, else null. For a program enrolment and one of its checkpoint
 * steps: the same for that step, with the states (the caller needs them). Other enrolments are
 * never locked. A completed program locks nothing.
 */
export async function stepLock(
  ctx: AppContext,
  db: DbOrTx,
  e: enrollments.EnrollmentRow,
  stepId?: string,
): Promise<{ lockedBy: string | null; states: StepStates | null }> {
  const open = { lockedBy: null, states: null };
  if (e.programId && stepId) {
    const states = await stepStates(db, e, ctx.clock.now());
    const step = states.steps.find((s) => s.row.step.id === stepId);
    return { lockedBy: step?.state === 'locked' ? states.program.title : null, states };
  }
  if (!e.parentEnrollmentId || !e.courseId) return open;
  const parent = await enrollments.findEnrollment(db, e.orgId, e.parentEnrollmentId);
  if (!parent?.programId || parent.status === 'completed') return open;
  const states = await stepStates(db, parent, ctx.clock.now());
  if (!states.program?.enforceOrder) return { lockedBy: null, states };
  const step = states.steps.find((s) => s.row.step.courseId === e.courseId);
  return { lockedBy: step?.state === 'locked' ? states.program.title : null, states };
}

/**
 * Every way a learner moves a program step on (opening the player, lesson progress, quiz
 * attempts and submissions, external completion, live session registration, checkpoint
 * evidence, and completion itself) calls this: 403 `forbidden` while the step is locked.
 */
export async function requireStepUnlocked(ctx: AppContext, db: DbOrTx, e: enrollments.EnrollmentRow, stepId?: string): Promise<StepStates | null> {
  const { lockedBy, states } = await stepLock(ctx, db, e, stepId);
  if (lockedBy !== null) throw lockedError(lockedBy);
  return states;
}
