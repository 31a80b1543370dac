import { IconChartBar } from '@tabler/icons-react';
import { ComingSection } from './ComingSection.tsx';

export default function AnalyticsPage() {
  return (
    <ComingSection
      title="Analytics"
      icon={IconChartBar}
      summary="Organisation dashboards on goals, skills, compliance, engagement and what learning changed."
      items={['Goal attainment and skills coverage', 'Compliance by department', 'Learning impact on skills and goals']}
    />
  );
}
