import { Box, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { strongText } from '../../../lib/colors.ts';
import { EmptyText, ErrorAlert, Loading } from '../../../ui/common.tsx';
import { jobProfileQueries } from './api.ts';

/** "Compare me": my current level of each expected skill beside the level the profile expects. */
export function ComparePanel({ personId, profileId }: { personId: string; profileId: string }) {
  const cmp = useQuery(jobProfileQueries.comparison(personId, profileId));
  if (cmp.isLoading) return <Loading label="Comparing" />;
  if (cmp.isError) return <ErrorAlert error={cmp.error} />;
  const data = cmp.data!;
  return (
    <Stack gap="sm">
      <Title order={3} size="h5">
        Compare me{data.isOwnProfile ? ' (my profile)' : ''}
      </Title>
      {data.rows.length === 0 ? (
        <EmptyText>This profile expects no skills yet.</EmptyText>
      ) : (
        <>
          <Text size="sm" c="dimmed">
            {data.summary.met} met, {data.summary.gaps} to grow, {data.summary.notAssessed} not assessed yet.
          </Text>
          {data.rows.map((r) => (
            <Box key={r.skillId}>
              <Group justify="space-between" gap="xs">
                <Text size="sm" fw={500}>
                  {r.name}
                </Text>
                <Text size="xs" style={{ color: strongText(r.gap > 0 ? 'orange' : 'teal') }}>
                  {r.currentLevel === null ? 'Not assessed' : `Me ${r.currentLevel}`} · expected {r.expectedLevel}
                  {r.gap > 0 ? ` · gap ${r.gap}` : ' · met'}
                </Text>
              </Group>
              <Progress.Root size="md" aria-hidden mt={4}>
                <Progress.Section value={((r.currentLevel ?? 0) / r.maxLevel) * 100} color={r.gap > 0 ? 'orange' : 'teal'} />
              </Progress.Root>
              <Progress.Root size="xs" aria-hidden mt={2}>
                <Progress.Section value={(r.expectedLevel / r.maxLevel) * 100} color="gray" />
              </Progress.Root>
            </Box>
          ))}
          <Text size="xs" c="dimmed">
            Upper bar: my current level; lower bar: the expected level, on each skill's scale.
          </Text>
        </>
      )}
    </Stack>
  );
}
