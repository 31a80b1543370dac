import { createRouter } from '../../platform/http/router.ts';

/** Course authoring: metadata, skills, prerequisites, draft content, versions and publishing. */
export const courseRoutes = createRouter();
