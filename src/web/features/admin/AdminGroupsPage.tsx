import { Text } from '@mantine/core';
import { PageHeader } from '../../app/PageHeader.tsx';

export default function AdminGroupsPage() {
  return (
    <>
      <PageHeader title="Groups" />
      <Text c="dimmed">This page is being built.</Text>
    </>
  );
}
