import { Anchor, Button, Card, Group, Progress, Stack, Text, VisuallyHidden } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { EnrollmentActions } from './EnrollmentActions.tsx';
import { EnrollmentStatusBadge } from './EnrollmentStatusBadge.tsx';
import type { LearningItem } from './api.ts';
import { formatDay, learningLink } from './format.ts';

/**
 * One piece of learning with its reason in words. `viewer` "learner" shows Continue/Start and
 * the certificate; "manager" shows the same facts without the learner's actions.
 */
export function LearningItemCard({ item, viewer = 'learner' }: { item: LearningItem; viewer?: 'learner' | 'manager' }) {
  const link = learningLink(item);
  const open = item.status === 'not_started' || item.status === 'in_progress' || item.status === 'failed';
  return (
    <Card
      withBorder
      padding="md"
      radius="md"
      component="article"
      aria-label={item.title}
      style={item.overdue ? { borderColor: 'var(--mantine-color-red-6)', borderLeftWidth: 4 } : undefined}
    >
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Stack gap={0} style={{ minWidth: 0, flex: 1 }}>
            {viewer === 'learner' ? (
              <Anchor component={Link} to={link} fw={600} style={{ overflowWrap: 'anywhere' }}>
                {item.title}
              </Anchor>
            ) : (
              <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                {item.title}
              </Text>
            )}
            <Text size="xs" c="dimmed">
              {[item.kind === 'program' ? 'Program' : formatLabel(item.format), item.parentTitle && `Part of ${item.parentTitle}`].filter(Boolean).join(' · ')}
            </Text>
          </Stack>
          <EnrollmentStatusBadge status={item.status} overdue={item.overdue} />
        </Group>
        <Text size="sm">
          <Text span fw={500}>
            Why:{' '}
          </Text>
          {item.reason.label}
          {item.reason.note ? ` — ${item.reason.note}` : ''}
          {item.reasonDetail ? ` (${item.reasonDetail.label})` : ''}
        </Text>
        <Text size="sm" c={item.overdue ? 'red.8' : 'dimmed'}>
          {facts(item).join(' · ')}
        </Text>
        {item.status === 'in_progress' && (
          <Progress value={item.progress} size="sm" aria-label={`${item.title}: ${item.progress}% done`} />
        )}
        {viewer === 'manager' && <EnrollmentActions item={item} />}
        {viewer === 'learner' && (
          <Group gap="xs" mt={4}>
            {open && (
              <Button component={Link} to={link} size="xs" variant={item.status === 'in_progress' ? 'filled' : 'light'}>
                {item.status === 'not_started' ? 'Start' : 'Continue'}
                <VisuallyHiddenTitle title={item.title} />
              </Button>
            )}
            {item.certificateId && (
              <Button component="a" href={`/api/v1/certificates/${item.certificateId}/pdf`} size="xs" variant="default">
                Certificate (PDF)
                <VisuallyHiddenTitle title={item.title} />
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Card>
  );
}

/** Buttons repeat per card: their accessible names say which course they act on. */
const VisuallyHiddenTitle = ({ title }: { title: string }) => <VisuallyHidden>{` ${title}`}</VisuallyHidden>;

const formatLabel = (f: string | null) => (f === 'live' ? 'Live course' : f === 'external' ? 'External course' : 'Course');

function facts(i: LearningItem): string[] {
  const out: string[] = [];
  if (i.status === 'completed' || i.status === 'expired') {
    if (i.completedAt) out.push(`Completed ${formatDay(i.completedAt)}`);
    if (i.expiresAt) out.push(`${i.status === 'expired' ? 'Expired' : 'Valid until'} ${formatDay(i.expiresAt)}`);
  } else {
    out.push(i.dueAt ? `${i.overdue ? 'Was due' : 'Due'} ${formatDay(i.dueAt)}` : 'No due date');
    if (i.status === 'in_progress') out.push(`${i.progress}% done`);
  }
  if (i.assignedBy) out.push(`Assigned by ${i.assignedBy.name}`);
  else if (i.source === 'rule') out.push('Assigned by a compliance rule');
  return out;
}
