import { CHECKPOINT_APPROVED, ENROLLMENT_COMPLETED } from '../../learning/index.ts';
import { defineSubscriber, systemRef } from '../../platform/index.ts';
import { recordAssessments } from './assessments.service.ts';
import * as repo from './learning-results.repo.ts';
import { quizLevel } from './quiz-level.ts';

// Learning results become skill assessments here, in talent: learning emits its events and
// knows nothing of assessments (talent depends on learning, never the reverse).
//
// Both subscribers are idempotent through the source record: each assessment names the record
// it came from (the enrolment, the checkpoint submission) and skill_assessment_source_record_uq
// allows one per record and skill, so a replayed event inserts nothing, records no second
// audit row and emits no second SKILL_ASSESSED.

const SCALE_MIN = 1;

/**
 * A course completed with a quiz score: one `quiz` assessment per live skill the course teaches,
 * at the level `quizLevel` gives. A course completes only once every quiz in it is passed, so a
 * completion with a score is a pass; without a score (no quiz: a live session, an external
 * link) it records nothing, as a failed quiz (the enrolment fails, it never completes).
 */
export const QUIZ_RESULTS_TO_ASSESSMENTS = defineSubscriber({
  event: ENROLLMENT_COMPLETED,
  name: 'talent.assess-skills-on-quiz',
  async handler(ctx, { orgId, payload }) {
    const { courseId, score, personId, enrollmentId } = payload;
    if (!courseId || score === null) return;
    await ctx.db.transaction(async (tx) => {
      if (!(await repo.isActivePerson(tx, orgId, personId))) return;
      const taught = await repo.courseTeaching(tx, orgId, courseId);
      if (!taught) return;
      const rows = taught.skills.flatMap((s) => {
        const level = quizLevel({ taughtLevel: s.level, score, passed: true, scale: { min: SCALE_MIN, max: s.maxLevel } });
        if (level === null) return [];
        return [
          {
            personId,
            skillId: s.skillId,
            level,
            source: 'quiz' as const,
            assessedAt: new Date(payload.completedAt),
            note: `Passed "${taught.title}" with ${score}%`,
            sourceRecordType: 'enrollment',
            sourceRecordId: enrollmentId,
          },
        ];
      });
      await recordAssessments(tx, orgId, rows, { by: systemRef(orgId, 'quiz'), now: ctx.clock.now() });
    });
  },
});

/**
 * A checkpoint's evidence was approved: one `checkpoint` assessment, by the approver, per live
 * skill taught by the course steps before it in the program, at the highest level they teach
 * (the approver confirms the learner applied what those courses teach). A checkpoint with no
 * course before it, or whose courses teach no skills, maps to no skill and records nothing.
 */
export const CHECKPOINT_RESULTS_TO_ASSESSMENTS = defineSubscriber({
  event: CHECKPOINT_APPROVED,
  name: 'talent.assess-skills-on-checkpoint',
  async handler(ctx, { orgId, payload }) {
    const { personId, stepId, submissionId, approverId } = payload;
    await ctx.db.transaction(async (tx) => {
      if (!(await repo.isActivePerson(tx, orgId, personId))) return;
      const taught = await repo.checkpointTeaching(tx, orgId, stepId);
      if (!taught) return;
      const rows = taught.skills.map((s) => ({
        personId,
        skillId: s.skillId,
        level: Math.max(SCALE_MIN, Math.min(s.maxLevel, s.level)),
        source: 'checkpoint' as const,
        assessorId: approverId,
        assessedAt: new Date(payload.approvedAt),
        note: `Checkpoint "${taught.title}" approved`,
        sourceRecordType: 'checkpoint_submission',
        sourceRecordId: submissionId,
      }));
      await recordAssessments(tx, orgId, rows, { by: systemRef(orgId, 'checkpoint'), now: ctx.clock.now() });
    });
  },
});

export const learningResultSubscribers = [QUIZ_RESULTS_TO_ASSESSMENTS, CHECKPOINT_RESULTS_TO_ASSESSMENTS];
