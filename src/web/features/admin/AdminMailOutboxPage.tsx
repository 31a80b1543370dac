import { Text } from '@mantine/core';
import { PageHeader } from '../../app/PageHeader.tsx';

export default function AdminMailOutboxPage() {
  return (
    <>
      <PageHeader title="Mail outbox" />
      <Text c="dimmed">This page is being built.</Text>
    </>
  );
}
