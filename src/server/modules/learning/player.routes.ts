import { createRouter } from '../../platform/http/router.ts';

/** The course player: outline, lessons, progress, quiz attempts, reaction survey, completion. */
export const playerRoutes = createRouter();
