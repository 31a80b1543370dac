import { Text } from '@mantine/core';
import { PageHeader } from '../../app/PageHeader.tsx';

export default function AdminPeoplePage() {
  return (
    <>
      <PageHeader title="People" />
      <Text c="dimmed">This page is being built.</Text>
    </>
  );
}
