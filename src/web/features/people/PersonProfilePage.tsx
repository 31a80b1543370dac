import { Text } from '@mantine/core';
import { PageHeader } from '../../app/PageHeader.tsx';

export default function PersonProfilePage() {
  return (
    <>
      <PageHeader title="Profile" />
      <Text c="dimmed">This page is being built.</Text>
    </>
  );
}
