import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { EmptyText, ErrorAlert, Loading, LoadMore } from '../../../ui/common.tsx';
import { formatDay, roundQueries } from './api.ts';
import { RoundProgress } from './RoundProgress.tsx';
import { StartRoundModal } from './StartRoundModal.tsx';

/** A manager's skill rounds: start one for the team, and follow each round's progress. */
export default function SkillRoundsPage() {
  const q = useInfiniteQuery(roundQueries.list());
  const [starting, setStarting] = useState(false);
  const rounds = q.data?.pages.flatMap((p) => p.data) ?? [];
  return (
    <Stack gap="lg">
      <PageHeader
        title="Skill rounds"
        description="Ask your team to rate the skills of their job profile, then add your rating of each person."
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setStarting(true)}>
            Start a round
          </Button>
        }
      />
      <ErrorAlert error={q.error} />
      {q.isLoading ? (
        <Loading label="Loading rounds" />
      ) : q.isError ? null : rounds.length === 0 ? (
        <EmptyText>No rounds yet. Start one to ask your team to rate their skills; you will see who has answered here.</EmptyText>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {rounds.map((r) => (
            <Card key={r.id} withBorder padding="md" component="article" aria-labelledby={`round-${r.id}`}>
              <Stack gap="sm">
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <Anchor component={Link} to={`/skill-rounds/${r.id}`} fw={600} id={`round-${r.id}`} style={{ overflowWrap: 'anywhere' }}>
                    {r.title}
                  </Anchor>
                  <Badge color={r.status === 'open' ? 'green' : 'gray'} variant="light">
                    {r.status === 'open' ? 'Open' : 'Closed'}
                  </Badge>
                </Group>
                <Text size="xs" c="dimmed">
                  Started {formatDay(r.createdAt)}
                  {r.dueAt ? ` · due ${formatDay(r.dueAt)}` : ''}
                  {r.closedAt ? ` · closed ${formatDay(r.closedAt)}` : ''}
                </Text>
                <RoundProgress progress={r.progress} label={r.title} />
              </Stack>
            </Card>
          ))}
        </SimpleGrid>
      )}
      <LoadMore hasMore={!!q.hasNextPage} loading={q.isFetchingNextPage} onClick={() => void q.fetchNextPage()} />
      {starting && <StartRoundModal onClose={() => setStarting(false)} />}
    </Stack>
  );
}
