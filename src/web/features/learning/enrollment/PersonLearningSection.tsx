import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { ApiError } from '../../../lib/api.ts';
import { EnrollmentStatusBadge } from './EnrollmentStatusBadge.tsx';
import { enrollmentQueries } from './api.ts';
import { formatDay } from './format.ts';

/**
 * A person's learning on their profile, for those the API lets see it (the person, their
 * manager chain, learning and HR admins). Renders nothing for others (the API answers 404).
 */
export function PersonLearningSection({ personId, wrap }: { personId: string; wrap: (children: React.ReactNode) => React.ReactNode }) {
  const q = useQuery({
    ...enrollmentQueries.ofPerson(personId),
    retry: (n, e) => !(e instanceof ApiError && e.status === 404) && n < 2,
  });
  if (q.error instanceof ApiError && q.error.status === 404) return null;
  if (q.isLoading) return wrap(<Text size="sm" c="dimmed" role="status">Loading learning…</Text>);
  if (q.error) return wrap(<Text size="sm" c="red.8" role="alert">Could not load learning.</Text>);
  const d = q.data!;
  const open = [...d.assigned, ...d.inProgress];
  const overdue = open.filter((i) => i.overdue).length;
  return wrap(
    <Stack gap="xs">
      <Group gap={6} wrap="wrap">
        {overdue > 0 && <Badge color="red.8">{overdue} overdue</Badge>}
        <Badge variant="light" color="gray">{d.assigned.length} not started</Badge>
        <Badge variant="light" color="blue">{d.inProgress.length} in progress</Badge>
        <Badge variant="light" color="green">{d.completed.length} completed</Badge>
      </Group>
      {open.length === 0 && d.completed.length === 0 && (
        <Text size="sm" c="dimmed">
          No learning yet.
        </Text>
      )}
      {open.slice(0, 5).map((i) => (
        <Stack key={i.id} gap={0}>
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
              {i.title}
            </Text>
            <EnrollmentStatusBadge status={i.status} overdue={i.overdue} />
          </Group>
          <Text size="xs" c="dimmed">
            {[i.reason.label, i.dueAt && `due ${formatDay(i.dueAt)}`].filter(Boolean).join(' · ')}
          </Text>
        </Stack>
      ))}
      {open.length > 5 && (
        <Text size="xs" c="dimmed">
          and {open.length - 5} more
        </Text>
      )}
      {d.completed.slice(0, 3).map((i) => (
        <Text key={i.id} size="xs" c="dimmed">
          Completed {i.title}
          {i.completedAt ? ` on ${formatDay(i.completedAt)}` : ''}
        </Text>
      ))}
      <Anchor component={Link} to="/people/$id/transcript" params={{ id: personId } as never} size="sm">
        Transcript
      </Anchor>
    </Stack>,
  );
}
