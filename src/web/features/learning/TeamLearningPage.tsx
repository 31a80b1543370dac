import { PageHeader } from '../../app/PageHeader.tsx';

// Placeholder: enrolments fills this page in.
export default function TeamLearningPage() {
  return <PageHeader title="Team learning" />;
}
