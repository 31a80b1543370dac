import { IconTarget } from '@tabler/icons-react';
import { ComingSection } from '../../sections/ComingSection.tsx';

export default function GoalsPage() {
  return (
    <ComingSection
      title="Goals"
      icon={IconTarget}
      summary="Your goals and key results, and the goals of your team and company you align with."
      items={['Your objectives and key results with progress', 'Check-ins with confidence and blockers', 'How your goals align with your team and company']}
    />
  );
}
