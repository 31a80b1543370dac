import { IconMessages } from '@tabler/icons-react';
import { ComingSection } from '../../sections/ComingSection.tsx';

export default function OneOnOnesPage() {
  return (
    <ComingSection
      title="1:1s"
      icon={IconMessages}
      summary="Your one-on-one meetings with shared agendas, notes and action items."
      items={['Upcoming 1:1s and their talking points', 'Shared and private notes', 'Action items and what carried over']}
    />
  );
}
