import { Anchor, Badge, Button, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { hasRole, useMe } from '../../../lib/me.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { SectionCard } from '../../../ui/SectionCard.tsx';
import { EmptyText, ErrorAlert, Loading } from '../../../ui/common.tsx';
import { reviewQueries, type MyReview } from './api.ts';
import { ScrollTable } from './ScrollTable.tsx';
import { dayLabel, groupByCycle, phaseColors, phaseLabels, relationshipRoles, statusColors, statusLabels } from './format.ts';
import { NominatePeers } from './Nominations.tsx';

/** Everyone's reviews: the ones I write, my peer nominations, my team's results and what was shared with me. */
export default function ReviewsPage() {
  const me = useMe().data;
  const mine = useQuery(reviewQueries.mine());
  const list = mine.data?.data ?? [];
  const groups = groupByCycle(list);
  // A cycle asks me for peers while it is in nomination and I am one of its subjects (my self-review says so).
  const nominating = groups.filter((g) => g.phase === 'nomination' && g.reviews.some((r) => r.relationship === 'self'));
  const team = list.filter((r) => r.relationship === 'manager');
  return (
    <Stack>
      <PageHeader
        title="Reviews"
        description="The reviews you write, the peers you ask to review you, and the reviews shared with you once a cycle reaches sharing."
        actions={
          hasRole(me, 'hr_admin') ? (
            <Button component={Link} to="/admin/reviews" variant="light">
              Manage review cycles
            </Button>
          ) : undefined
        }
      />
      <SectionCard title="Reviews to write">
        <ErrorAlert error={mine.error} />
        {mine.isLoading ? (
          <Loading label="Loading your reviews" />
        ) : mine.isError ? null : groups.length === 0 ? (
          <EmptyText>No reviews to write. When HR launches a review cycle you take part in, your reviews show here with their due dates.</EmptyText>
        ) : (
          <Stack gap="md">
            {groups.map((g) => (
              <Stack key={g.cycleId} gap="xs" component="section" aria-label={g.cycleName}>
                <Group justify="space-between" wrap="wrap" gap="xs">
                  <Text fw={700} component="h3" m={0} size="md">
                    {g.cycleName}
                  </Text>
                  <Group gap="xs">
                    <Badge variant="light" color={phaseColors[g.phase]}>
                      {phaseLabels[g.phase]}
                    </Badge>
                    <Text size="sm">Due {dayLabel(g.writingEndsOn)}</Text>
                  </Group>
                </Group>
                {g.reviews.map((r) => (
                  <ReviewRow key={r.id} r={r} />
                ))}
              </Stack>
            ))}
          </Stack>
        )}
      </SectionCard>
      {nominating.map((g) => (
        <SectionCard key={g.cycleId} title={`Your peer reviewers: ${g.cycleName}`}>
          <NominatePeers cycleId={g.cycleId} />
        </SectionCard>
      ))}
      {team.length > 0 && <TeamReviews team={team} />}
      <SharedWithMe personId={me?.personId} />
    </Stack>
  );
}

function ReviewRow({ r }: { r: MyReview }) {
  const label = r.relationship === 'self' ? 'Your self-review' : `${r.subject.name}`;
  const action = r.status === 'submitted' || r.phase === 'nomination' || r.phase === 'sharing' || r.phase === 'closed' ? 'Open' : r.status === 'draft' ? 'Continue' : 'Write';
  return (
    <Card withBorder padding="sm" data-testid="review-row">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            {label}
          </Text>
          <Text size="sm">{relationshipRoles[r.relationship]}</Text>
        </Stack>
        <Group gap="xs">
          <Badge variant="light" color={statusColors[r.status]}>
            {statusLabels[r.status]}
          </Badge>
          <Button component={Link} to="/reviews/$id" params={{ id: r.id } as never} size="xs" variant={action === 'Open' ? 'default' : 'filled'} aria-label={`${action} ${r.relationship === 'self' ? 'your self-review' : `the review of ${r.subject.name}`}`}>
            {action}
          </Button>
        </Group>
      </Group>
      {r.phase === 'nomination' && (
        <Text size="sm" mt={4}>
          Writing opens when the cycle moves on from nomination.
        </Text>
      )}
    </Card>
  );
}

/** A manager's way to each report's results and nominations: their manager reviews name the subjects. */
function TeamReviews({ team }: { team: MyReview[] }) {
  return (
    <SectionCard title="My team's reviews">
      <Text size="sm" mb="xs">
        Each report's reviews, nominations to approve and, in the sharing phase, sharing them.
      </Text>
      <ScrollTable label="Table of my team’s reviews" minWidth={360}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Person</Table.Th>
              <Table.Th>Cycle</Table.Th>
              <Table.Th>Phase</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {team.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>
                  <Anchor component={Link} to="/reviews/cycles/$cycleId/people/$personId" params={{ cycleId: r.cycleId, personId: r.subject.id } as never}>
                    {r.subject.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{r.cycleName}</Table.Td>
                <Table.Td>{phaseLabels[r.phase]}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </SectionCard>
  );
}

function SharedWithMe({ personId }: { personId: string | undefined }) {
  const q = useQuery(reviewQueries.shared());
  const list = q.data?.data ?? [];
  return (
    <SectionCard title="Shared with me">
      <ErrorAlert error={q.error} />
      {q.isLoading ? (
        <Loading label="Loading shared reviews" />
      ) : q.isError ? null : list.length === 0 || !personId ? (
        <EmptyText>Nothing shared with you yet. Your reviews show here once the cycle reaches sharing and they are released to you.</EmptyText>
      ) : (
        <Stack gap="xs">
          {list.map((s) => (
            <Group key={s.cycleId} justify="space-between" wrap="wrap">
              <Anchor component={Link} to="/reviews/cycles/$cycleId/people/$personId" params={{ cycleId: s.cycleId, personId } as never} fw={600}>
                {s.cycleName}
              </Anchor>
              <Text size="sm">
                Shared {dayLabel(s.releasedAt)} · {s.acknowledgedAt ? `acknowledged ${dayLabel(s.acknowledgedAt)}` : 'not acknowledged yet'}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
    </SectionCard>
  );
}
