import { z as zod } from 'zod';
import type { AppContext } from '../../../context.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';
import { conflict, notFound, validationFailed, type ErrorDetail } from '../../../platform/http/errors.ts';
import { decodeCursor, keysetPage } from '../../../platform/http/openapi.ts';
import type { Actor } from '../../../platform/http/types.ts';
import { actorRef, emit, notify, recordChange } from '../../platform/index.ts';
import { CHECKPOINT_APPROVED } from './checkpoints.events.ts';
import * as repo from './checkpoints.repo.ts';
import { refreshProgramProgress } from '../enrollment/index.ts';
import { enrollmentsRepo as enrollments } from '../enrollment/index.ts';
import { canReviewAnyCheckpoint } from '../learning.policy.ts';
import type { SubmissionRow } from './programs.repo.ts';
import * as programs from './programs.repo.ts';
import { requireStepUnlocked } from './programs.steps.ts';
import { submissionDto } from './programs.view.ts';

type Evidence = { text?: string; url?: string; fileId?: string };
type Step = NonNullable<Awaited<ReturnType<typeof repo.findStep>>>;

const fullName = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`;

async function dto(db: DbOrTx, orgId: string, s: SubmissionRow) {
  const files = await programs.fileNames(db, orgId, s.evidenceFileId ? [s.evidenceFileId] : []);
  const people = await programs.personNames(db, orgId, s.reviewerId ? [s.reviewerId] : []);
  return submissionDto(s, { files, people });
}

/**
 * The person who approves a learner's evidence for a step: the named person, or their direct
 * manager. Nobody approves their own evidence: a named approver who is the learner (enrolled
 * after the program was saved) hands it to the learner's manager; without one, it waits in the
 * learning admins' queue. The queue's SQL (`approverIs`) says the same.
 */
async function approverOf(db: DbOrTx, orgId: string, step: Step, learnerId: string): Promise<string | null> {
  if (step.approver === 'person' && step.approverPersonId !== learnerId) return step.approverPersonId;
  return (await repo.findPersonContact(db, orgId, learnerId))?.managerId ?? null;
}

async function checkEvidence(db: DbOrTx, actor: Actor, step: Step, ev: Evidence) {
  const allowed = new Set(step.evidenceKinds ?? []);
  const errors: ErrorDetail[] = [];
  const given: Array<[keyof Evidence, 'text' | 'link' | 'file']> = [
    ['text', 'text'],
    ['url', 'link'],
    ['fileId', 'file'],
  ];
  for (const [field, kind] of given) {
    if (ev[field] !== undefined && !allowed.has(kind)) errors.push({ path: field, message: `This checkpoint does not take ${kind} evidence` });
  }
  if (!given.some(([field]) => ev[field] !== undefined)) {
    errors.push({ path: '', message: `Add your evidence (${[...allowed].join(', ')})` });
  }
  if (ev.fileId && allowed.has('file')) {
    const f = await repo.findFile(db, actor.orgId, ev.fileId);
    const mine = f && (f.createdBy === actor.personId || f.createdBy === actor.userId);
    if (!f || !mine || f.purpose !== 'evidence') errors.push({ path: 'fileId', message: 'Upload the file as evidence first' });
  }
  if (errors.length) throw validationFailed('The evidence does not fit this checkpoint', errors);
}

/** The learner hands in evidence for a checkpoint step; their approver is told. */
export async function submitEvidence(ctx: AppContext, actor: Actor, enrollmentId: string, stepId: string, ev: Evidence, requestId?: string) {
  return ctx.db.transaction(async (tx) => {
    const e = await repo.programEnrollmentOf(tx, actor.orgId, enrollmentId);
    if (!e || !e.programId || e.personId !== actor.personId) throw notFound('Enrollment');
    const step = await repo.findStep(tx, actor.orgId, stepId);
    if (!step || step.programId !== e.programId || step.kind !== 'checkpoint') throw notFound('Checkpoint');
    if (e.status === 'completed' || e.status === 'expired') throw conflict('This program enrolment is closed');
    const now = ctx.clock.now();
    const { program, steps } = (await requireStepUnlocked(ctx, tx, e, stepId))!;
    const state = steps.find((s) => s.row.step.id === stepId)!;
    if (state.state === 'done') throw conflict('This checkpoint is already approved');
    if (state.submission?.status === 'submitted') throw conflict('Your evidence is waiting for approval');
    await checkEvidence(tx, actor, step, ev);

    const s = await repo.insertSubmission(tx, {
      orgId: actor.orgId,
      enrollmentId: e.id,
      stepId,
      personId: e.personId,
      evidenceText: ev.text ?? null,
      evidenceUrl: ev.url ?? null,
      evidenceFileId: ev.fileId ?? null,
      status: 'submitted',
      submittedAt: now,
    });
    if (e.status === 'not_started') await enrollments.updateEnrollment(tx, e.orgId, e.id, { status: 'in_progress', startedAt: e.startedAt ?? now }, now);
    const by = actorRef(actor, requestId);
    await recordChange(tx, by, {
      action: 'checkpoint.submitted',
      recordType: 'checkpoint_submission',
      recordId: s.id,
      after: { enrollmentId: e.id, stepId, evidenceText: s.evidenceText, evidenceUrl: s.evidenceUrl, evidenceFileId: s.evidenceFileId },
    });
    const approver = await approverOf(tx, actor.orgId, step, e.personId);
    const learner = (await repo.findPersonContact(tx, actor.orgId, e.personId))!;
    if (approver) {
      await notify(ctx, tx, {
        orgId: actor.orgId,
        personId: approver,
        kind: 'checkpoint.submitted',
        title: `${fullName(learner)} asks you to approve "${step.title}"`,
        body: `${fullName(learner)} handed in evidence for "${step.title}" in ${program.title}. Approve it or send it back with a comment.`,
        link: '/learning/approvals',
        email: true,
      });
    }
    return dto(tx, actor.orgId, s);
  });
}

/** The approval queue: for the approver's own learners; learning admins see every submission. */
export async function listQueue(ctx: AppContext, actor: Actor, q: { status?: SubmissionRow['status'] | 'all'; limit?: number; cursor?: string }) {
  const limit = q.limit ?? 50;
  const status = q.status ?? 'submitted';
  const rows = await repo.listQueue(
    ctx.db,
    actor.orgId,
    { approverId: actor.personId, everyone: canReviewAnyCheckpoint(actor), status: status === 'all' ? undefined : status },
    { limit: limit + 1, after: decodeCursor(q.cursor, zod.tuple([zod.string(), zod.uuid()])) },
  );
  const { data, nextCursor } = keysetPage(rows, limit, (last) => [last.submittedAt.toISOString(), last.id]);
  const files = await programs.fileNames(ctx.db, actor.orgId, data.flatMap((r) => (r.evidenceFileId ? [r.evidenceFileId] : [])));
  const people = await programs.personNames(ctx.db, actor.orgId, data.flatMap((r) => (r.reviewerId ? [r.reviewerId] : [])));
  return {
    data: data.map((r) => ({
      ...submissionDto({ ...r, orgId: actor.orgId }, { files, people }),
      learner: { id: r.personId, name: r.learnerName, jobTitle: r.learnerJobTitle },
      program: { id: r.programId, title: r.programTitle },
      step: { id: r.stepId, title: r.stepTitle, instructions: r.stepInstructions, evidenceKinds: r.evidenceKinds },
    })),
    nextCursor,
  };
}

/** Approve or send back. Only the step's approver and learning admins, never the learner themself (others: 404). */
export async function review(
  ctx: AppContext,
  actor: Actor,
  id: string,
  decision: 'approved' | 'returned',
  comment: string | undefined,
  requestId?: string,
) {
  return ctx.db.transaction(async (tx) => {
    const s = await repo.findSubmission(tx, actor.orgId, id, true);
    if (!s || s.personId === actor.personId) throw notFound('Submission');
    const step = await repo.findStep(tx, actor.orgId, s.stepId);
    if (!step) throw notFound('Submission');
    if (!canReviewAnyCheckpoint(actor) && (await approverOf(tx, actor.orgId, step, s.personId)) !== actor.personId) throw notFound('Submission');
    if (s.status !== 'submitted') throw conflict(`This submission was already ${s.status === 'approved' ? 'approved' : 'sent back'}`);

    const now = ctx.clock.now();
    const after = await repo.updateSubmission(tx, actor.orgId, id, { status: decision, reviewerId: actor.personId, reviewComment: comment || null, reviewedAt: now });
    const by = actorRef(actor, requestId);
    const change = { recordType: 'checkpoint_submission', recordId: id, before: { status: s.status }, after: { status: decision, reviewComment: after.reviewComment } };
    await recordChange(
      tx,
      by,
      decision === 'approved'
        ? {
            ...change,
            action: CHECKPOINT_APPROVED.type,
            emits: emit(CHECKPOINT_APPROVED, {
              submissionId: id,
              enrollmentId: s.enrollmentId,
              personId: s.personId,
              programId: step.programId,
              stepId: s.stepId,
              approverId: actor.personId,
              approvedAt: now.toISOString(),
            }),
          }
        : { ...change, action: 'checkpoint.returned' },
    );
    const p = await repo.programEnrollmentOf(tx, actor.orgId, s.enrollmentId);
    if (decision === 'approved' && p) await refreshProgramProgress(ctx, tx, by, p);
    const reviewer = (await repo.findPersonContact(tx, actor.orgId, actor.personId))!;
    await notify(ctx, tx, {
      orgId: actor.orgId,
      personId: s.personId,
      kind: `checkpoint.${decision}`,
      title: decision === 'approved' ? `"${step.title}" is approved` : `"${step.title}" was sent back`,
      body:
        decision === 'approved'
          ? `${fullName(reviewer)} approved your evidence for "${step.title}".${comment ? `\n\n${comment}` : ''}`
          : `${fullName(reviewer)} sent your evidence for "${step.title}" back:\n\n${comment}\n\nChange it and submit again.`,
      link: `/learning/catalog/programs/${step.programId}`,
      email: true,
    });
    return dto(tx, actor.orgId, after);
  });
}

/**
 * For the file endpoint: may this person read an evidence file because they approve a
 * submission that carries it? (The uploader, manager chain and admins are checked there.)
 */
export async function isEvidenceApprover(db: DbOrTx, actor: Actor, fileId: string): Promise<boolean> {
  return repo.approvesSubmissionWithFile(db, actor.orgId, actor.personId, fileId);
}

