import { PageHeader } from '../../app/PageHeader.tsx';

// Placeholder: authoring fills this page in.
export default function CourseDetailPage() {
  return <PageHeader title="Course" />;
}
