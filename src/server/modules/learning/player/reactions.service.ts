import type { AppContext } from '../../../context.ts';
import { conflict } from '../../../platform/http/errors.ts';
import type { Actor } from '../../../platform/http/types.ts';
import { actorRef, recordChange } from '../../platform/index.ts';
import { ownEnrollment } from './player.core.ts';
import * as repo from './reactions.repo.ts';

export type ReactionInput = { relevance: number; confidence: number; intentToApply: number; comment?: string | null };

/** The end-of-course survey: once per completed enrolment. */
export async function submitReaction(ctx: AppContext, actor: Actor, enrollmentId: string, input: ReactionInput, requestId?: string) {
  return ctx.db.transaction(async (tx) => {
    const e = await ownEnrollment(tx, actor, enrollmentId, { lock: true });
    if (e.status !== 'completed' && e.status !== 'expired') throw conflict('Rate the course once you have completed it');
    const comment = input.comment?.trim() || null;
    const row = await repo.insertReaction(tx, {
      orgId: actor.orgId,
      enrollmentId: e.id,
      courseId: e.courseId!,
      personId: actor.personId,
      relevance: input.relevance,
      confidence: input.confidence,
      intentToApply: input.intentToApply,
      comment,
      createdAt: ctx.clock.now(),
    });
    if (!row) throw conflict('You have already rated this course');
    await recordChange(tx, actorRef(actor, requestId), {
      action: 'course_reaction.created',
      recordType: 'course_reaction',
      recordId: row.id,
      after: { enrollmentId: e.id, courseId: e.courseId, relevance: row.relevance, confidence: row.confidence, intentToApply: row.intentToApply },
    });
    return {
      id: row.id,
      enrollmentId: e.id,
      relevance: row.relevance,
      confidence: row.confidence,
      intentToApply: row.intentToApply,
      comment: row.comment,
      createdAt: row.createdAt.toISOString(),
    };
  });
}
