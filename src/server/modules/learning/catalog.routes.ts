import { createRouter } from '../../platform/http/router.ts';

/** The catalog learners browse: courses and programs with search and filters, self-enrolment. */
export const catalogRoutes = createRouter();
