import { PageHeader } from '../../app/PageHeader.tsx';

// Placeholder: player fills this page in.
export default function PlayerPage() {
  return <PageHeader title="Course" />;
}
