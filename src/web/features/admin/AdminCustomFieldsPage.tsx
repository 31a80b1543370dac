import { Text } from '@mantine/core';
import { PageHeader } from '../../app/PageHeader.tsx';

export default function AdminCustomFieldsPage() {
  return (
    <>
      <PageHeader title="Custom fields" />
      <Text c="dimmed">This page is being built.</Text>
    </>
  );
}
