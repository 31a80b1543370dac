import { Text } from '@mantine/core';
import { PageHeader } from '../../app/PageHeader.tsx';

export default function MyTeamPage() {
  return (
    <>
      <PageHeader title="My team" />
      <Text c="dimmed">This page is being built.</Text>
    </>
  );
}
