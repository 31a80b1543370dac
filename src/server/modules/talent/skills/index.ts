export { skillRoutes } from './skills.routes.ts';
export { findSkills, type SkillRow } from './skills.repo.ts';
export { skillDto, type SkillDto } from './skills.service.ts';
