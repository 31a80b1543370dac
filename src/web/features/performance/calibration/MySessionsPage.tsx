import { Anchor, Badge, Card, Group, Stack, Text } from '@mantine/core';
import { useQueries, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { ApiError } from '../../../lib/api.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { EmptyText, ErrorAlert, Loading } from '../../../ui/common.tsx';
import { reviewQueries } from '../reviews/api.ts';
import { calibrationQueries } from './api.ts';
import { scopeText } from './format.ts';

/**
 * `/calibration`: the sessions the signed-in person calibrates in (HR: all of them), over the
 * cycles that are in writing or calibration. The cycle list answers 404 to people with nobody
 * reporting to them, who then have no sessions to show.
 */
export default function MySessionsPage() {
  const cycles = useQuery(reviewQueries.cycles());
  const live = (cycles.data?.data ?? []).filter((c) => c.phase === 'writing' || c.phase === 'calibration');
  const lists = useQueries({ queries: live.map((c) => calibrationQueries.sessions(c.id)) });
  const noCycles = cycles.error instanceof ApiError && cycles.error.status === 404;
  const loading = cycles.isLoading || lists.some((l) => l.isLoading);
  const found = live.flatMap((c, i) => (lists[i]?.data?.data ?? []).map((s) => ({ ...s, cycleName: c.name })));
  return (
    <Stack>
      <PageHeader title="Calibration" description="Sessions where you calibrate final ratings, potential and the 9-box with HR." />
      {!noCycles && <ErrorAlert error={cycles.error ?? lists.find((l) => l.error)?.error} />}
      {loading ? (
        <Loading label="Loading your sessions" />
      ) : !found.length ? (
        <EmptyText>No calibration session of a running cycle names you as a calibrator.</EmptyText>
      ) : (
        found.map((s) => (
          <Card key={s.id} withBorder padding="md" component="article" aria-label={s.name}>
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Anchor component={Link} to="/calibration/$id" params={{ id: s.id } as never} fw={600}>
                {s.name}
              </Anchor>
              <Badge variant="light" color={s.locked ? 'gray' : 'blue'}>
                {s.locked ? 'Locked' : 'Open'}
              </Badge>
            </Group>
            <Text size="sm" c="dimmed">
              {s.cycleName} · {scopeText(s)}
            </Text>
          </Card>
        ))
      )}
    </Stack>
  );
}
