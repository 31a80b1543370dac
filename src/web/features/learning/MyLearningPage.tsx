import { PageHeader } from '../../app/PageHeader.tsx';

// Placeholder: enrolments fills this page in.
export default function MyLearningPage() {
  return <PageHeader title="My learning" />;
}
