import { IconClipboardCheck } from '@tabler/icons-react';
import { ComingSection } from './ComingSection.tsx';

export default function ReviewsPage() {
  return (
    <ComingSection
      title="Reviews"
      icon={IconClipboardCheck}
      summary="Performance reviews you need to write and the reviews shared with you."
      items={['Reviews to write, with their deadlines', 'Reviews shared with you after each cycle', 'Peer nominations']}
    />
  );
}
