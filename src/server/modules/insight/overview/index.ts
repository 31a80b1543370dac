import { createRouter } from '../../../platform/http/router.ts';
import { overviewRouteList } from './overview.routes.ts';

/** The one-page person: a person's records across talent, performance and learning, each part as its visibility rule allows. */
export const overviewRoutes = createRouter().route('/', overviewRouteList);
