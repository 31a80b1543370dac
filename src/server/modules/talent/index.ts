import { createRouter } from '../../platform/http/router.ts';
import { skillRoutes } from './skills/index.ts';
import { jobProfileRoutes } from './job-profiles/index.ts';
import { assessmentRoutes } from './assessments/index.ts';
import { aspirationRoutes } from './aspirations/index.ts';
import { developmentPlanRoutes } from './development-plans/index.ts';
import { skillsImportRoutes } from './skills-import/index.ts';
import { assessmentRoundRoutes } from './assessment-rounds/index.ts';
import { describeHurdles, hurdleJobs, hurdleRoutes, hurdleSubscribers } from './hurdles/index.ts';
import { registerReasonDetails } from '../learning/index.ts';
import { jobProfileJobs, jobProfileSubscribers } from './job-profiles/index.ts';
import { assessmentJobs, assessmentSubscribers } from './assessments/index.ts';
import { aspirationJobs, aspirationSubscribers } from './aspirations/index.ts';
import { developmentPlanJobs, developmentPlanSubscribers } from './development-plans/index.ts';

/** Skills and careers: the skills library, job profiles and career paths, assessments, aspirations, development plans. */
export const talentRoutes = createRouter()
  .route('/', skillsImportRoutes)
  .route('/', skillRoutes)
  .route('/', jobProfileRoutes)
  .route('/', assessmentRoutes)
  .route('/', aspirationRoutes)
  .route('/', developmentPlanRoutes)
  .route('/', assessmentRoundRoutes)
  .route('/', hurdleRoutes);

export const talentJobs = [...jobProfileJobs, ...assessmentJobs, ...aspirationJobs, ...developmentPlanJobs, ...hurdleJobs];
export const talentSubscribers = [...jobProfileSubscribers, ...assessmentSubscribers, ...aspirationSubscribers, ...developmentPlanSubscribers, ...hurdleSubscribers];

export { canRateAsManagerFound, canReadTalentOf, canReadTalentOfFound, canSelfAssess, canStartRoundForAnyone, talentChainMatters } from './talent.policy.ts';
export { findSkills, skillCatalog, skillDto, type SkillDto, type SkillRow } from './skills/index.ts';
export {
  ASPIRATION_CHANGED, HURDLE_CHANGED, HURDLE_RAISED, JOB_PROFILE_CHANGED, PERSON_PROFILE_CHANGED, SKILL_ASSESSED, SKILLS_CHANGED,
} from './talent.events.ts';
export {
  assessmentFactsSql, needGapsSql, peopleOfProfileSql, skillAndProfileNamesSql, skillGapsSql, skillHurdleNeedsSql, type SkillGapRow,
} from './signals/index.ts';
export { aspirationsOfSql, expectedSkillsJsonSql, openHurdlesOfSql, openPlanItemsOfSql, skillStandingsSql } from './signals/people.ts';
export { raiseHurdle, readableHurdle, type HurdleDto, type HurdleRow, type RaiseHurdleInput } from './hurdles/index.ts';
registerReasonDetails('hurdle', describeHurdles);
export { recordAssessments, type SystemAssessment } from './assessments/index.ts';
export { addPlanItem, baselineLevels, PlanItemSchema, type PlanItemInput } from './development-plans/index.ts';
