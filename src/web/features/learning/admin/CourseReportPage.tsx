import { PageHeader } from '../../../app/PageHeader.tsx';

// Placeholder: compliance fills this page in.
export default function CourseReportPage() {
  return <PageHeader title="Course report" />;
}
