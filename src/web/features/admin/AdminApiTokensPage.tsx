import { Text } from '@mantine/core';
import { PageHeader } from '../../app/PageHeader.tsx';

export default function AdminApiTokensPage() {
  return (
    <>
      <PageHeader title="API tokens" />
      <Text c="dimmed">This page is being built.</Text>
    </>
  );
}
