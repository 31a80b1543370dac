import { createRouter } from '../../platform/http/router.ts';

/** The skills framework: skills with level descriptors. */
export const skillRoutes = createRouter();
