import { Text } from '@mantine/core';
import { PageHeader } from '../../app/PageHeader.tsx';

export default function AdminAuditLogPage() {
  return (
    <>
      <PageHeader title="Audit log" />
      <Text c="dimmed">This page is being built.</Text>
    </>
  );
}
