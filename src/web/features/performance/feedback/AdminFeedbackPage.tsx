import { IconTools } from '@tabler/icons-react';
import { ComingSection } from '../../sections/ComingSection.tsx';

export default function Page() {
  return <ComingSection title="Feedback settings" icon={IconTools} summary="Being built." items={[]} />;
}
