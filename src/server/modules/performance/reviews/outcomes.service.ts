import type { z } from '@hono/zod-openapi';
import type { AppContext } from '../../../context.ts';
import type { ReviewTemplateBody } from '../../../db/schema/index.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';
import { conflict, notFound, validationFailed } from '../../../platform/http/errors.ts';
import type { Actor } from '../../../platform/http/types.ts';
import { enroll, findOpenEnrollment, publishedLearningItem } from '../../learning/index.ts';
import { actorRef } from '../../platform/index.ts';
import { addPlanItem, baselineLevels } from '../../talent/index.ts';
import { canOverseeReviewsOf } from '../performance.policy.ts';
import { skillNames } from '../praise/index.ts';
import * as cycles from './cycles.repo.ts';
import type { ReviewAssignLearning, ReviewPlanItem } from './outcomes.schemas.ts';
import * as repo from './reviews.repo.ts';

const invalid = (path: string, message: string) => validationFailed(message, [{ path, message }]);

/**
 * The rating a development step answers: a question of a submitted review whose subject's review
 * was shared, rated in it (and for a skills question, the skill). Overseers only: the subject's
 * chain and HR act on a review; anyone else 404.
 */
async function ratedPoint(db: DbOrTx, actor: Actor, reviewId: string, questionId: string, skillId?: string) {
  const r = await repo.findReview(db, actor.orgId, reviewId);
  if (!r) throw notFound('Review');
  const p = await repo.findParticipant(db, actor.orgId, r.cycleId, r.subjectId);
  if (!p || !(await canOverseeReviewsOf(db, actor, { personId: p.personId, managerId: p.managerId }))) throw notFound('Review');
  const c = (await cycles.findCycle(db, actor.orgId, r.cycleId))!;
  if (!p.releasedAt || r.status !== 'submitted') throw conflict('Act on a review once it is submitted and shared with its subject');
  const body = c.templateSnapshot as ReviewTemplateBody;
  const question = body.sections.flatMap((s) => s.questions).find((q) => q.id === questionId);
  const answer = r.answers[questionId];
  if (!question || !answer) throw invalid('questionId', 'Choose a question this review answered');
  if (question.kind === 'skills') {
    if (!skillId || answer.skills?.[skillId] === undefined) throw invalid('skillId', 'Choose a skill this review rated');
    const skill = (r.subjectSkills as { skillId: string; expected: number | null; max: number }[]).find((s) => s.skillId === skillId);
    const names = await skillNames(db, actor.orgId, [skillId]);
    const level = answer.skills[skillId]!;
    const note = `${names.get(skillId) ?? 'A skill'} rated ${level} of ${skill?.max ?? 5}${skill?.expected != null ? ` (expected ${skill.expected})` : ''} in ${c.name}`;
    return { r, c, note, skillId };
  }
  if (skillId) throw invalid('skillId', 'Only a skills question rates a skill');
  const label = answer.rating !== undefined ? ` rated ${body.scale.find((a) => a.value === answer.rating)?.label ?? answer.rating}` : '';
  return { r, c, note: `“${question.prompt}”${label} in ${c.name}`, skillId: undefined };
}

/**
 * Assigns learning because of a rating in a shared review: reason `review`, linked to the review,
 * with the current level of the rated skill (and of what the course teaches) as the baseline the
 * loop measures against. A person already enrolled keeps that enrolment.
 */
export async function assignFromReview(ctx: AppContext, actor: Actor, reviewId: string, input: z.infer<typeof ReviewAssignLearning>, requestId?: string) {
  return ctx.db.transaction(async (tx) => {
    const { r, note, skillId } = await ratedPoint(tx, actor, reviewId, input.questionId, input.skillId);
    const target = { courseId: input.courseId ?? null, programId: input.courseId ? null : (input.programId ?? null) };
    const item = await publishedLearningItem(tx, actor.orgId, target);
    if (!item) throw invalid(input.courseId ? 'courseId' : 'programId', `Choose a published ${input.courseId ? 'course' : 'program'}`);
    const open = await findOpenEnrollment(tx, actor.orgId, r.subjectId, target);
    if (open) return { enrollmentId: open.id, alreadyEnrolled: true, reasonNote: note };
    const [created] = await enroll(ctx, tx, actorRef(actor, requestId), {
      audience: { type: 'people', personIds: [r.subjectId] },
      ...target,
      reasonType: 'review',
      reasonRecordType: 'review',
      reasonRecordId: r.id,
      reasonNote: note,
      source: 'assigned',
      assignedBy: actor.personId,
      dueAt: input.dueAt ? new Date(input.dueAt) : null,
      baselineLevels: await baselineLevels(tx, actor.orgId, r.subjectId, { skillId, ...target }),
    });
    if (!created) throw conflict('The person could not be enrolled (inactive?)');
    return { enrollmentId: created.id, alreadyEnrolled: false, reasonNote: note };
  });
}

/**
 * Adds a development-plan item from a rating in a shared review. For a skill, the item keeps the
 * assessment the review's rating became on release as the one that showed the gap.
 */
export async function planItemFromReview(ctx: AppContext, actor: Actor, reviewId: string, input: z.infer<typeof ReviewPlanItem>, requestId?: string) {
  const { r, note, skillId } = await ratedPoint(ctx.db, actor, reviewId, input.questionId, input.skillId);
  const gap = skillId ? await repo.reviewAssessment(ctx.db, actor.orgId, r.id, skillId) : undefined;
  return addPlanItem(
    ctx,
    actor,
    r.subjectId,
    {
      title: input.title,
      actionType: input.actionType,
      skillId: skillId ?? null,
      targetLevel: input.targetLevel ?? null,
      gapAssessmentId: gap ?? undefined,
      courseId: input.courseId ?? null,
      programId: input.programId ?? null,
      dueDate: input.dueDate ?? null,
      description: `From the review: ${note}`,
    },
    requestId,
  );
}
