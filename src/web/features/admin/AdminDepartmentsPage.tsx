import { Text } from '@mantine/core';
import { PageHeader } from '../../app/PageHeader.tsx';

export default function AdminDepartmentsPage() {
  return (
    <>
      <PageHeader title="Departments" />
      <Text c="dimmed">This page is being built.</Text>
    </>
  );
}
