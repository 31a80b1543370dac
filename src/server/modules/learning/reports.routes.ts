import { createRouter } from '../../platform/http/router.ts';

/** Course reports for learning admins: enrolments, completion, time, quiz items, reactions. */
export const reportRoutes = createRouter();
