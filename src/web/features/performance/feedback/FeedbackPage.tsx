import { IconMessageStar } from '@tabler/icons-react';
import { ComingSection } from '../../sections/ComingSection.tsx';

export default function FeedbackPage() {
  return (
    <ComingSection
      title="Feedback"
      icon={IconMessageStar}
      summary="Praise and feedback you gave and received, and requests for feedback."
      items={['Feedback you received and gave', 'Requests waiting for your answer', 'Praise shared with the organisation']}
    />
  );
}
