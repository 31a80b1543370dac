import { IconStairsUp } from '@tabler/icons-react';
import { ComingSection } from './ComingSection.tsx';

export default function SkillsPage() {
  return (
    <ComingSection
      title="Skills & careers"
      icon={IconStairsUp}
      summary="Your skills, where you want to go next and your development plan."
      items={['Your skills and their assessed levels', 'Career paths and the skills each next role expects', 'Your development plan']}
    />
  );
}
