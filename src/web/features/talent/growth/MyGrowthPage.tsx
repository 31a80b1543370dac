import { Stack } from '@mantine/core';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useMe } from '../../../lib/me.ts';
import { SkillsSection } from '../assessments/SkillsSection.tsx';
import { AspirationsSection } from '../aspirations/AspirationsSection.tsx';
import { PlanSection } from '../development-plans/PlanSection.tsx';
import { RecommendationsSection } from '../../insight/recommendations/RecommendationsSection.tsx';
import { MyRoundsCard } from '../assessment-rounds/MyRoundsCard.tsx';
import { HurdlesSection } from '../hurdles/HurdlesSection.tsx';

/** An employee's growth on one page: skills against their profile, aspirations, plan, recommendations. */
export default function MyGrowthPage() {
  const me = useMe().data!;
  const personId = me.personId;
  return (
    <Stack gap="lg">
      <PageHeader title="My growth" description="Your skills against your role, where you want to go, your plan and the learning that gets you there." />
      <MyRoundsCard />
      <RecommendationsSection personId={personId} mine />
      <SkillsSection personId={personId} mine />
      <AspirationsSection personId={personId} mine />
      <PlanSection personId={personId} mine />
      <HurdlesSection personId={personId} mine />
    </Stack>
  );
}
