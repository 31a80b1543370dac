import { Text } from '@mantine/core';
import { PageHeader } from '../../app/PageHeader.tsx';

export default function AdminHomePage() {
  return (
    <>
      <PageHeader title="Administration" />
      <Text c="dimmed">This page is being built.</Text>
    </>
  );
}
