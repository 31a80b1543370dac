import { Paper, Stack, Text, ThemeIcon, List } from '@mantine/core';
import type { ComponentType } from 'react';
import { PageHeader } from '../../ui/PageHeader.tsx';

/** An honest empty state for a part of Tandem that is not switched on yet: no sample data. */
export function ComingSection({
  title,
  icon: Icon,
  summary,
  items,
}: {
  title: string;
  icon: ComponentType<{ size?: number; 'aria-hidden'?: boolean }>;
  summary: string;
  items: string[];
}) {
  return (
    <>
      <PageHeader title={title} />
      <Paper withBorder p="xl" radius="md" maw={720}>
        <Stack align="flex-start">
          <ThemeIcon size={48} radius="xl" variant="light">
            <Icon size={26} aria-hidden />
          </ThemeIcon>
          <Text fw={600}>Nothing here yet</Text>
          <Text>{summary}</Text>
          <Text size="sm" c="dimmed">
            When this area is enabled for your organisation you will find here:
          </Text>
          <List size="sm" spacing={4}>
            {items.map((i) => (
              <List.Item key={i}>{i}</List.Item>
            ))}
          </List>
        </Stack>
      </Paper>
    </>
  );
}
