export { skillRoutes } from './skills.routes.ts';
export { findSkills, type SkillRow } from './skills.repo.ts';
export { skillDto, type SkillDto } from './skills.service.ts';
export { insertSkill, updateSkill } from './skills.repo.ts';
export { skillCatalog } from './skill-catalog.ts';
