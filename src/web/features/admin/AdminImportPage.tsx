import { Text } from '@mantine/core';
import { PageHeader } from '../../app/PageHeader.tsx';

export default function AdminImportPage() {
  return (
    <>
      <PageHeader title="Import people" />
      <Text c="dimmed">This page is being built.</Text>
    </>
  );
}
