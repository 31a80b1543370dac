export { IMPORT_JOB, importPeople, runImportJob, type ImportOptions } from './import.service.ts';
export type { ImportReport } from './import.plan.ts';
export { importRoutes } from './import.routes.ts';
