import { ActionIcon, Badge, Button, Group, Menu, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDots, IconSchool, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { confirmDanger } from '../../../ui/common.tsx';
import { categoryLabels, hurdleApi, hurdleKeys, statusColors, statusLabels, type Hurdle, type HurdleStatus } from './api.ts';
import { AssignFromHurdleModal } from './AssignFromHurdleModal.tsx';
import { ResolveModal } from './HurdleModal.tsx';

/** Hurdles as rows: title, person (on the team view), category, status, linked goal, and what can be done. */
export function HurdleList({ items, showPerson, canAssign }: { items: Hurdle[]; showPerson?: boolean; canAssign?: boolean }) {
  const qc = useQueryClient();
  const [resolving, setResolving] = useState<Hurdle | null>(null);
  const [assigning, setAssigning] = useState<Hurdle | null>(null);
  const change = useMutation({
    mutationFn: ({ h, status }: { h: Hurdle; status: HurdleStatus }) => hurdleApi.update(h.id, { status }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: hurdleKeys.all }),
    onError: (err) => notifications.show({ color: 'red', title: 'Could not change the hurdle', message: (err as Error).message }),
  });
  const remove = useMutation({
    mutationFn: (h: Hurdle) => hurdleApi.remove(h.id),
    onSuccess: () => void qc.invalidateQueries({ queryKey: hurdleKeys.all }),
    onError: (err) => notifications.show({ color: 'red', title: 'Could not delete the hurdle', message: (err as Error).message }),
  });
  return (
    <Stack gap="sm">
      {items.map((h) => (
        <Stack key={h.id} gap={4} data-testid="hurdle-row">
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
                {h.title}
              </Text>
              {showPerson && (
                <Text size="sm" c="dimmed">
                  {h.personName}
                </Text>
              )}
              {h.description && (
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {h.description}
                </Text>
              )}
              {h.status === 'resolved' && h.resolution && (
                <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  Resolved: {h.resolution}
                </Text>
              )}
            </Stack>
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <ActionIcon variant="subtle" aria-label={`Actions for hurdle ${h.title}`}>
                  <IconDots size={16} aria-hidden />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                {h.status !== 'in_progress' && h.status !== 'resolved' && (
                  <Menu.Item onClick={() => change.mutate({ h, status: 'in_progress' })}>Mark in progress</Menu.Item>
                )}
                {h.status !== 'resolved' && <Menu.Item onClick={() => setResolving(h)}>Resolve…</Menu.Item>}
                {h.status === 'resolved' && <Menu.Item onClick={() => change.mutate({ h, status: 'open' })}>Reopen</Menu.Item>}
                <Menu.Item
                  color="red"
                  leftSection={<IconTrash size={14} aria-hidden />}
                  onClick={() =>
                    confirmDanger({
                      title: 'Delete hurdle',
                      body: 'Learning assigned from it stays, without the link.',
                      confirm: 'Delete',
                      onConfirm: () => remove.mutate(h),
                    })
                  }
                >
                  Delete
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
          <Group gap={6} wrap="wrap">
            <Badge variant="light" color={statusColors[h.status]}>
              {statusLabels[h.status]}
            </Badge>
            <Badge variant="outline" color="gray" tt="none">
              {categoryLabels[h.category]}
              {h.skillName ? `: ${h.skillName}` : ''}
            </Badge>
            {h.goal && (
              <Badge variant="outline" color="indigo" tt="none" style={{ maxWidth: '100%' }}>
                Goal: {h.goal.title}
              </Badge>
            )}
            {h.goalHidden && (
              <Badge variant="outline" color="gray" tt="none">
                Linked to a goal you cannot see
              </Badge>
            )}
          </Group>
          {canAssign && h.status !== 'resolved' && (
            <Group>
              <Button size="compact-xs" variant="subtle" leftSection={<IconSchool size={14} aria-hidden />} onClick={() => setAssigning(h)}>
                Assign learning
              </Button>
            </Group>
          )}
        </Stack>
      ))}
      <ResolveModal hurdle={resolving} onClose={() => setResolving(null)} />
      <AssignFromHurdleModal hurdle={assigning} onClose={() => setAssigning(null)} />
    </Stack>
  );
}
