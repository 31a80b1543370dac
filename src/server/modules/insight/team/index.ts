import { createRouter } from '../../../platform/http/router.ts';

/** A manager's team view and the one-page person: read across learning, talent and performance. */
export const teamRoutes = createRouter();
