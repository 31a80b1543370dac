import { createRouter } from '../../platform/http/router.ts';
import { courseRoutes, learningFileRoutes } from './authoring/index.ts';
import { catalogRoutes } from './catalog/index.ts';
import { complianceRoutes } from './compliance/index.ts';
import { enrollmentRoutes } from './enrollment/index.ts';
import { playerRoutes } from './player/index.ts';
import { programRoutes } from './programs/index.ts';
import { certificateRoutes, transcriptRoutes } from './records/index.ts';
import { reportRoutes } from './reports/index.ts';
import { sessionRoutes } from './sessions/index.ts';

/** Every learning endpoint, chained so the API type keeps them. */
export const learningRoutes = createRouter()
  .route('/', courseRoutes)
  .route('/', catalogRoutes)
  .route('/', learningFileRoutes)
  .route('/', enrollmentRoutes)
  .route('/', playerRoutes)
  .route('/', certificateRoutes)
  .route('/', transcriptRoutes)
  .route('/', programRoutes)
  .route('/', sessionRoutes)
  .route('/', complianceRoutes)
  .route('/', reportRoutes);

export { learningJobs, learningSubscribers, runLearningSweep, scheduleLearningJobs } from './learning.jobs.ts';
export { enroll, completeEnrollment, findOpenEnrollment, refreshProgramProgress, addMonths, reasonLabels, ENROLLED_EVENT, ENROLLMENT_COMPLETED, type Audience, type EnrollmentRow } from './enrollment/index.ts';
/** Modules whose records enrolments point at describe them per viewer (docs/architecture.md, "Reasons that point at private records"). */
export { registerReasonDetails, type ReasonDescriber, type ReasonDetail } from './enrollment/index.ts';
export type { SkillCatalog } from './authoring/skill-catalog.ts';
export { canManageEnrollments, canReadLearningOf } from './learning.policy.ts';
export { requireStepUnlocked, isEvidenceApprover, CHECKPOINT_APPROVED } from './programs/index.ts';
/** Pure grading, also used by the demo seed to write consistent attempts. */
export { gradeAttempt, type Answers } from './player/index.ts';
export { createRule as createComplianceRule, enrollDue as enrollComplianceDue, runComplianceSweep } from './compliance/index.ts';
/** Authoring: content validation, course use cases (the demo seed can build courses through them), file URLs. */
export {
  CourseContentSchema, QuizSchema, RichTextDocSchema, richTextIssues, safeLink, referencedFiles, assertContentFiles,
  createCourse, updateCourse, saveDraft, publishCourse, archiveCourse, learningFileUrl, uploadLearningFile,
  checkUpload, filePurposes as learningFilePurposes, type FilePurpose,
} from './authoring/index.ts';
/** SQL fragments for set-based readers in other modules (insight's recommendations), and the enrolment lifecycle events they follow. */
export {
  checkpointTeachingSql,
  courseSkillsSql,
  courseTeachingSql,
  learningItemsSql,
  programCoursesSql,
  publishedLearningItem,
  type CheckpointTeachingRow,
  type CourseSkillRow,
  type CourseTeachingRow,
  type LearningItemRow,
  type ProgramCourseRow,
} from './catalog/signals.ts';
export { learnersOfEnrollmentsSql, learningOfPeopleSql, openOrCompletedLearningSql, type HeldLearningRow } from './enrollment/signals.ts';
export { ENROLLMENT_EXPIRED, ENROLLMENT_REMOVED } from './enrollment/lifecycle.events.ts';
