import type { SkillCatalog } from '../../learning/index.ts';
import { findSkills } from './skills.repo.ts';

/** The skills library as learning's course authoring sees it (wired on the context in bootstrap.ts). */
export const skillCatalog: SkillCatalog = { findSkills };
