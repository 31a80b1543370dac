export { IMPORT_JOB, importPeople, type ImportOptions, type ImportProgress } from './import.service.ts';
export type { ImportReport } from './import.plan.ts';
export { importRoutes } from './import.routes.ts';
