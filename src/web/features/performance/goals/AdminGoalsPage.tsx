import { IconTools } from '@tabler/icons-react';
import { ComingSection } from '../../sections/ComingSection.tsx';

export default function Page() {
  return <ComingSection title="Goal settings" icon={IconTools} summary="Being built." items={[]} />;
}
