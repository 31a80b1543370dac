import { createRouter } from '../../platform/http/router.ts';

/** Enrolments: assignment to people, groups and departments with a reason; my learning; team learning; reset and unenrol. */
export const enrollmentRoutes = createRouter();
