import { createRouter } from '../../platform/http/router.ts';

/** Live training: sessions, registration, waitlist, calendar invitations, attendance. */
export const sessionRoutes = createRouter();
