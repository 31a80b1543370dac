import { IconBook } from '@tabler/icons-react';
import { ComingSection } from './ComingSection.tsx';

export default function LearningPage() {
  return (
    <ComingSection
      title="Learning"
      icon={IconBook}
      summary="Your courses and learning paths will appear here, each with the reason it was assigned to you."
      items={['Learning assigned to you, with its due date and why', 'Courses in progress and completed, with certificates', 'The catalog to find courses yourself']}
    />
  );
}
