import { createRouter } from '../../platform/http/router.ts';

/** Compliance rules and the compliance dashboard. */
export const complianceRoutes = createRouter();
