import { createRouter } from '../../../platform/http/router.ts';
import { teamRouteList } from './team.routes.ts';

/** A manager's team view and the one-page person: read across learning, talent and performance. */
export const teamRoutes = createRouter().route('/', teamRouteList);
