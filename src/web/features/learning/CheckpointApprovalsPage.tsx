import { PageHeader } from '../../app/PageHeader.tsx';

// Placeholder: programs fills this page in.
export default function CheckpointApprovalsPage() {
  return <PageHeader title="Approvals" />;
}
