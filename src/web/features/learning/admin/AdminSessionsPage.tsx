import { PageHeader } from '../../../app/PageHeader.tsx';

// Placeholder: programs fills this page in.
export default function AdminSessionsPage() {
  return <PageHeader title="Live sessions" />;
}
