import { PageHeader } from '../../../app/PageHeader.tsx';

// Placeholder: compliance fills this page in.
export default function AdminLearningReportsPage() {
  return <PageHeader title="Learning reports" />;
}
