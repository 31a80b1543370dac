import { IconTools } from '@tabler/icons-react';
import { ComingSection } from '../../sections/ComingSection.tsx';

export default function Page() {
  return <ComingSection title="Goal" icon={IconTools} summary="Being built." items={[]} />;
}
