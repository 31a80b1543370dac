import type { ReactNode } from 'react';
import { SkillsSection } from '../assessments/SkillsSection.tsx';
import { AspirationsSection } from '../aspirations/AspirationsSection.tsx';
import { PlanSection } from '../development-plans/PlanSection.tsx';
import { RecommendationsSection } from '../../insight/recommendations/RecommendationsSection.tsx';

/**
 * Skills & careers on a person's profile, for the person, their manager chain and HR admins
 * (each section renders nothing when its API answers 404 to the viewer).
 */
export function PersonGrowthSections({ personId, mine }: { personId: string; mine: boolean }): ReactNode {
  return (
    <>
      <SkillsSection personId={personId} mine={mine} />
      <AspirationsSection personId={personId} mine={mine} />
      <PlanSection personId={personId} mine={mine} />
      <RecommendationsSection personId={personId} mine={mine} />
    </>
  );
}
