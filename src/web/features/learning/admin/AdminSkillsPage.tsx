import { PageHeader } from '../../../app/PageHeader.tsx';

// Placeholder: authoring fills this page in.
export default function AdminSkillsPage() {
  return <PageHeader title="Skills" />;
}
