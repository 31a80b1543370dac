export { ENROLLED_EVENT, ENROLLMENT_COMPLETED } from './enrollment.events.ts';
export { addMonths, completeEnrollment, enroll, refreshProgramProgress, type Audience, type EnrollmentRow } from './enrollments.core.ts';
export { enrollmentSubscribers } from './enrollments.jobs.ts';
export * as enrollmentsRepo from './enrollments.repo.ts';
export { audienceSql, findOpenEnrollment } from './enrollments.repo.ts';
export { enrollmentRoutes } from './enrollments.routes.ts';
export { reasonLabels } from './enrollments.view.ts';
export { registerReasonDetails, withReasonDetails, type ReasonDescriber, type ReasonDetail } from './reason-details.ts';
