import type { AppContext } from '../../../context.ts';
import { notFound } from '../../../platform/http/errors.ts';
import type { Actor } from '../../../platform/http/types.ts';
import { learningFileUrl } from '../authoring/index.ts';
import { enrollmentsRepo as enrollments } from '../enrollment/index.ts';
import { canReadLearningOf } from '../learning.policy.ts';
import * as repo from './programs.repo.ts';
import { stepDto } from './programs.service.ts';
import { stepStates } from './programs.steps.ts';


export function submissionDto(s: repo.SubmissionRow, names: { files: Map<string, string>; people: Map<string, string> }) {
  return {
    id: s.id,
    enrollmentId: s.enrollmentId,
    stepId: s.stepId,
    status: s.status,
    evidenceText: s.evidenceText,
    evidenceUrl: s.evidenceUrl,
    evidenceFile: s.evidenceFileId ? { id: s.evidenceFileId, name: names.files.get(s.evidenceFileId) ?? 'Evidence', url: learningFileUrl(s.evidenceFileId) } : null,
    reviewer: s.reviewerId ? { id: s.reviewerId, name: names.people.get(s.reviewerId) ?? 'Unknown' } : null,
    reviewComment: s.reviewComment,
    submittedAt: s.submittedAt.toISOString(),
    reviewedAt: s.reviewedAt?.toISOString() ?? null,
  };
}

/** The learner's view of a program enrolment: the learner, their manager chain and learning admins. */
export async function programView(ctx: AppContext, actor: Actor, enrollmentId: string) {
  const p = await enrollments.findEnrollment(ctx.db, actor.orgId, enrollmentId);
  if (!p || !p.programId || !(await canReadLearningOf(ctx.db, actor, p.personId))) throw notFound('Enrollment');
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
