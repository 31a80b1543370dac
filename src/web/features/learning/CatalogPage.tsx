import { PageHeader } from '../../app/PageHeader.tsx';

// Placeholder: authoring fills this page in.
export default function CatalogPage() {
  return <PageHeader title="Catalog" />;
}
