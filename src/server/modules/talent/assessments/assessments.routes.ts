import { createRouter } from '../../../platform/http/router.ts';

export const assessmentRoutes = createRouter();
