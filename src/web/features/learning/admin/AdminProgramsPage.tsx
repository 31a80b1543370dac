import { PageHeader } from '../../../app/PageHeader.tsx';

// Placeholder: programs fills this page in.
export default function AdminProgramsPage() {
  return <PageHeader title="Programs" />;
}
