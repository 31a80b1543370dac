import { createRouter } from '../../platform/http/router.ts';

/** Uploads for learning content (covers, videos, captions, files, evidence), checked by content. */
export const learningFileRoutes = createRouter();
