import { PageHeader } from '../../../app/PageHeader.tsx';

// Placeholder: authoring fills this page in.
export default function AdminCoursesPage() {
  return <PageHeader title="Courses" />;
}
