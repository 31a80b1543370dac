import { createRouter } from '../../platform/http/router.ts';

/** Programs (learning paths) with course and checkpoint steps; checkpoint evidence and approval. */
export const programRoutes = createRouter();
