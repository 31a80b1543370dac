import { Badge, Group, Progress, Text } from '@mantine/core';
import { statusColors, statusLabels, type Goal } from './api.ts';

export function StatusBadge({ status }: { status: Goal['status'] }) {
  return (
    <Badge variant="light" color={statusColors[status]} style={{ flexShrink: 0 }}>
      {statusLabels[status]}
    </Badge>
  );
}

/** A progress bar with its value as text beside it (the bar alone says nothing to a screen reader). */
export function GoalProgress({ value, label }: { value: number; label: string }) {
  return (
    <Group gap="xs" wrap="nowrap">
      <Progress value={value} aria-label={`${label}: ${Math.round(value)} %`} style={{ flex: 1 }} color="teal.8" />
      <Text size="sm" w={44} ta="right" aria-hidden>
        {Math.round(value)} %
      </Text>
    </Group>
  );
}
