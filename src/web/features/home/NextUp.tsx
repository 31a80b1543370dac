import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { followUpQueries } from '../insight/follow-ups/api.ts';
import { enrollmentQueries } from '../learning/enrollment/api.ts';
import { feedbackQueries } from '../performance/feedback/api.ts';
import { goalQueries } from '../performance/goals/api.ts';
import { oneOnOneQueries } from '../performance/one-on-ones/api.ts';
import { EmptyText, ErrorAlert, Loading } from '../../ui/common.tsx';
import { SectionCard } from '../../ui/SectionCard.tsx';
import { nextUpItems, type NextUpItem } from './next-up.ts';

const kindLabel: Record<NextUpItem['kind'], string> = { learning: 'Learning', check_in: 'Check-in', one_on_one: '1:1', feedback: 'Feedback', follow_up: 'Follow-up' };
const kindColor: Record<NextUpItem['kind'], string> = { learning: 'blue', check_in: 'teal', one_on_one: 'grape', feedback: 'orange', follow_up: 'cyan' };

/** What the signed-in person should do next: due learning, goals to check in on, 1:1s to prepare, feedback and follow-ups asked of them. */
export function NextUp() {
  const learning = useQuery(enrollmentQueries.mine());
  const goals = useQuery(goalQueries.list({ scope: 'mine' }));
  const series = useInfiniteQuery({ ...oneOnOneQueries.list(false), select: (d) => d.pages.flatMap((p) => p.data) });
  const invitations = useInfiniteQuery({ ...feedbackQueries.invitations(), select: (d) => d.pages.flatMap((p) => p.data) });
  const followUps = useQuery(followUpQueries.askedOfMe());
  const queries = [learning, goals, series, invitations, followUps];
  const failed = queries.find((q) => q.error);
  const items =
    learning.data && goals.data && series.data && invitations.data && followUps.data
      ? nextUpItems({ learning: learning.data, goals: goals.data.data, series: series.data, invitations: invitations.data, followUps: followUps.data.data }, new Date())
      : null;
  return (
    <SectionCard title="Next up">
      {failed ? (
        <ErrorAlert error={failed.error} title="Could not load what is next" />
      ) : !items ? (
        <Loading label="Loading what is next" />
      ) : items.length === 0 ? (
        <EmptyText>You are all caught up: nothing due, no check-ins waiting, no 1:1 this week and no feedback asked of you.</EmptyText>
      ) : (
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {items.map((i) => (
            <Group key={`${i.kind}-${i.id}`} component="li" justify="space-between" wrap="nowrap" gap="sm">
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Anchor component={Link} to={i.to} params={i.params as never} search={i.search as never} fw={500} lineClamp={1}>
                  {i.title}
                </Anchor>
                <Text size="sm" c={i.urgent ? 'red.8' : 'dimmed'}>
                  {i.detail}
                </Text>
              </Stack>
              <Badge variant="light" color={kindColor[i.kind]} style={{ flexShrink: 0 }}>
                {kindLabel[i.kind]}
              </Badge>
            </Group>
          ))}
        </Stack>
      )}
    </SectionCard>
  );
}
