import { Text } from '@mantine/core';
import { PageHeader } from '../../app/PageHeader.tsx';

export default function OrgChartPage() {
  return (
    <>
      <PageHeader title="Org chart" />
      <Text c="dimmed">This page is being built.</Text>
    </>
  );
}
