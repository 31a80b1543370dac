import { createRouter } from '../../../platform/http/router.ts';
import { teamRouteList } from './team.routes.ts';

/** A manager's team view: read across learning, talent and performance. */
export const teamRoutes = createRouter().route('/', teamRouteList);
/** How a person's records read, shared with the one-page overview. */
export * from './present.ts';
export { namesOf, recommendedPerSkillSql, type FeedbackRow, type LearningRow, type PraiseRow, type RecommendedRow, type SkillStandingRow } from './team.repo.ts';
export { Item as ItemSchema, Learning as LearningItemSchema, LoopClosureSchema, Ref as RefSchema, Skill as SkillSchema } from './team.schemas.ts';
export { strengthsOf } from './attention.ts';
