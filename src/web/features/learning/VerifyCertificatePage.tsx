import { PageHeader } from '../../app/PageHeader.tsx';

// Placeholder: player fills this page in.
export default function VerifyCertificatePage() {
  return <PageHeader title="Certificate verification" />;
}
