import { Badge, Group } from '@mantine/core';
import { statusLabels, type EnrollmentStatus } from './reasons.ts';

const colors: Record<EnrollmentStatus, string> = {
  not_started: 'gray',
  in_progress: 'blue',
  completed: 'green',
  failed: 'orange',
  expired: 'dark',
};

/** Status of an enrolment, with a red "Overdue" badge next to it when it is open and past due. */
export function EnrollmentStatusBadge({ status, overdue = false }: { status: string; overdue?: boolean }) {
  const s = status as EnrollmentStatus;
  return (
    <Group gap={4} wrap="nowrap">
      <Badge color={colors[s] ?? 'gray'} variant="light">
        {statusLabels[s] ?? status}
      </Badge>
      {overdue && (
        <Badge color="red.8" variant="filled">
          Overdue
        </Badge>
      )}
    </Group>
  );
}
