import { Badge, Button, Card, Collapse, Group, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { EmptyText, ErrorAlert, Loading, LoadMore } from '../../../ui/common.tsx';
import { PersonLine } from '../../../ui/PersonAvatar.tsx';
import { AssignDialog, type AssignTarget } from './AssignDialog.tsx';
import { enrollmentQueries, type TeamMember } from './api.ts';
import { LearningItemCard } from './LearningItemCard.tsx';

/** A manager's team: each report's learning with its reasons, overdue first, and Assign next to it. */
export default function TeamLearningPage() {
  const [assign, setAssign] = useState<AssignTarget | null>(null);
  const team = useInfiniteQuery(enrollmentQueries.team());
  const members = team.data?.pages.flatMap((p) => p.data) ?? [];

  return (
    <>
      <PageHeader title="Team learning" description="What the people in your team are learning, and why. Overdue first." />
      <ErrorAlert error={team.error} title="Could not load your team's learning" />
      {team.isLoading && <Loading label="Loading your team's learning" />}
      {team.isSuccess && !members.length && <EmptyText>Nobody reports to you, so there is no team learning to show.</EmptyText>}
      <Stack gap="sm">
        {members.map((m) => (
          <MemberCard key={m.person.id} m={m} onAssign={() => setAssign({ title: `learning to ${m.person.name}`, personIds: [m.person.id] })} />
        ))}
      </Stack>
      <LoadMore hasMore={Boolean(team.hasNextPage)} loading={team.isFetchingNextPage} onClick={() => void team.fetchNextPage()} />
      <AssignDialog target={assign} onClose={() => setAssign(null)} />
    </>
  );
}

function MemberCard({ m, onAssign }: { m: TeamMember; onAssign: () => void }) {
  const [open, setOpen] = useState(m.counts.overdue > 0);
  const panelId = `team-learning-${m.person.id}`;
  const subtitle = [m.person.jobTitle, m.person.direct ? null : 'Indirect report'].filter(Boolean).join(' · ');
  return (
    <Card withBorder padding="md" radius="md" component="section" aria-label={m.person.name}>
      <Group justify="space-between" wrap="wrap" gap="sm">
        <PersonLine id={m.person.id} name={m.person.name} subtitle={subtitle || null} />
        <Group gap={6} wrap="wrap">
          {m.counts.overdue > 0 && (
            <Badge color="red.8" variant="filled">
              {m.counts.overdue} overdue
            </Badge>
          )}
          <Badge color="gray" variant="light">
            {m.counts.notStarted} not started
          </Badge>
          <Badge color="blue" variant="light">
            {m.counts.inProgress} in progress
          </Badge>
          <Badge color="green" variant="light">
            {m.counts.completed} completed
          </Badge>
        </Group>
      </Group>
      <Group gap="xs" mt="sm">
        <Button size="xs" variant="light" onClick={onAssign}>
          Assign learning<VisuallyHidden>{` to ${m.person.name}`}</VisuallyHidden>
        </Button>
        {m.enrollments.length > 0 && (
          <Button size="xs" variant="subtle" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((o) => !o)}>
            {open ? 'Hide' : 'Show'} learning ({m.enrollments.length})
          </Button>
        )}
        {m.enrollments.length === 0 && (
          <Text size="sm" c="dimmed">
            No learning yet.
          </Text>
        )}
      </Group>
      <Collapse expanded={open} id={panelId}>
        <Stack gap="xs" mt="sm">
          {m.enrollments.map((e) => (
            <LearningItemCard key={e.id} item={e} viewer="manager" />
          ))}
        </Stack>
      </Collapse>
    </Card>
  );
}
