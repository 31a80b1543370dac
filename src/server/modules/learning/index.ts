import { createRouter } from '../../platform/http/router.ts';
import { catalogRoutes } from './catalog.routes.ts';
import { certificateRoutes } from './certificates.routes.ts';
import { complianceRoutes } from './compliance.routes.ts';
import { courseRoutes } from './courses.routes.ts';
import { enrollmentRoutes } from './enrollments.routes.ts';
import { playerRoutes } from './player.routes.ts';
import { programRoutes } from './programs.routes.ts';
import { reportRoutes } from './reports.routes.ts';
import { sessionRoutes } from './sessions.routes.ts';
import { transcriptRoutes } from './transcript.routes.ts';
import { learningFileRoutes } from './uploads.routes.ts';

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

export { registerLearningJobs, runLearningSweep, scheduleLearningJobs } from './learning.jobs.ts';
export { enroll, completeEnrollment, refreshProgramProgress, addMonths, ENROLLED_EVENT, type Audience, type EnrollmentRow } from './enrollments.core.ts';
export { reasonLabels } from './enrollments.view.ts';
export { canSeeLearningOf, isLearningAdmin } from './learning.policy.ts';
export { requireStepUnlocked } from './programs.steps.ts';
export { isEvidenceApprover } from './checkpoints.service.ts';
/** Pure grading, also used by the demo seed to write consistent attempts. */
export { gradeAttempt, type Answers } from './quiz.grading.ts';
export { createRule as createComplianceRule, enrollDue as enrollComplianceDue } from './compliance.service.ts';
export { runComplianceSweep } from './compliance.jobs.ts';
/** Authoring (A): content validation, course use cases (the demo seed can build courses through them), file URLs. */
export { CourseContentSchema, QuizSchema, RichTextDocSchema, richTextIssues, safeLink, referencedFiles } from './content.schemas.ts';
export { assertContentFiles } from './content.ts';
export { createCourse, updateCourse, saveDraft, publishCourse, archiveCourse, fileUrl } from './courses.service.ts';
export { uploadLearningFile } from './uploads.service.ts';
export { checkUpload, filePurposes as learningFilePurposes, type FilePurpose } from './uploads.check.ts';
