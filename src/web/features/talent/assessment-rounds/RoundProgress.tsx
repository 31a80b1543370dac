import { Group, Progress, Stack, Text } from '@mantine/core';

type Counts = { members: number; selfSubmitted: number; managerSubmitted: number };

/** Two bars: how many rated themselves, how many the manager rated. */
export function RoundProgress({ progress, label }: { progress: Counts; label: string }) {
  const pct = (n: number) => (progress.members ? Math.round((100 * n) / progress.members) : 0);
  return (
    <Stack gap={6}>
      {(
        [
          ['Self-assessed', progress.selfSubmitted, 'teal'],
          ['Rated by manager', progress.managerSubmitted, 'blue'],
        ] as const
      ).map(([what, n, color]) => (
        <Stack gap={2} key={what}>
          <Group justify="space-between" gap="xs">
            <Text size="xs" c="dimmed">
              {what}
            </Text>
            <Text size="xs" fw={600}>
              {n} of {progress.members}
            </Text>
          </Group>
          <Progress value={pct(n)} color={color} size="sm" aria-label={`${label}: ${what.toLowerCase()}, ${n} of ${progress.members}`} />
        </Stack>
      ))}
    </Stack>
  );
}
