import { PageHeader } from '../../../app/PageHeader.tsx';

// Placeholder: compliance fills this page in.
export default function AdminCompliancePage() {
  return <PageHeader title="Compliance" />;
}
