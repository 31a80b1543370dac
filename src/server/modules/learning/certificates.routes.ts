import { createRouter } from '../../platform/http/router.ts';

/** Certificates: PDF download and the public verification endpoint. */
export const certificateRoutes = createRouter();
