import { Text } from '@mantine/core';
import { PageHeader } from '../../app/PageHeader.tsx';

export default function PeopleDirectoryPage() {
  return (
    <>
      <PageHeader title="People" />
      <Text c="dimmed">This page is being built.</Text>
    </>
  );
}
