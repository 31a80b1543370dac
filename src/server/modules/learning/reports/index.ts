export { reportRoutes } from './reports.routes.ts';
export { cell } from './reports.service.ts';
