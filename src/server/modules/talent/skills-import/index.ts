export { skillsImportRoutes } from './skills-import.routes.ts';
export { importJobProfiles, importSkills, type ImportOptions } from './skills-import.service.ts';
export type { ImportReport } from './skills-import.plan.ts';
