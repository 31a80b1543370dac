import { ActionIcon, Indicator, Popover, Stack, Text, Button, Group, ScrollArea, Anchor } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { notificationApi, notificationKeys, notificationQueries } from './api.ts';

/** Unread count in the header; the list opens in a popover. */
export function NotificationsBell() {
  const qc = useQueryClient();
  const count = useQuery({
    ...notificationQueries.unreadCount(),
    refetchInterval: 60_000,
    retry: false,
  });
  const list = useQuery({
    ...notificationQueries.list(),
    enabled: false,
    retry: false,
  });
  const refresh = () => qc.invalidateQueries({ queryKey: notificationKeys.all });
  const markRead = useMutation({ mutationFn: (id: string) => notificationApi.markRead(id), onSuccess: refresh });
  const markAll = useMutation({ mutationFn: () => notificationApi.markAllRead(), onSuccess: refresh });
  const unread = count.data?.count ?? 0;
  return (
    <Popover width={340} position="bottom-end" shadow="md" onOpen={() => void list.refetch()}>
      <Popover.Target>
        <ActionIcon variant="subtle" size="lg" aria-label={unread ? `Notifications, ${unread} unread` : 'Notifications'}>
          <Indicator label={unread > 99 ? '99+' : unread} size={16} disabled={unread === 0} offset={2}>
            <IconBell size={20} aria-hidden />
          </Indicator>
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown>
        <Group justify="space-between" mb="xs">
          <Text fw={600}>Notifications</Text>
          <Button size="compact-xs" variant="subtle" onClick={() => markAll.mutate()} disabled={unread === 0}>
            Mark all read
          </Button>
        </Group>
        <ScrollArea.Autosize mah={360}>
          {list.data?.data.length ? (
            <Stack gap="xs">
              {list.data.data.map((n) => (
                <div key={n.id}>
                  <Text size="sm" fw={n.readAt ? 400 : 600}>
                    {n.link ? <Anchor href={n.link}>{n.title}</Anchor> : n.title}
                  </Text>
                  {n.body && (
                    <Text size="xs" c="dimmed">
                      {n.body}
                    </Text>
                  )}
                  {!n.readAt && (
                    <Button size="compact-xs" variant="subtle" onClick={() => markRead.mutate(n.id)}>
                      Mark read
                    </Button>
                  )}
                </div>
              ))}
            </Stack>
          ) : (
            <Text size="sm" c="dimmed">
              {list.isFetching ? 'Loading…' : 'You are all caught up.'}
            </Text>
          )}
        </ScrollArea.Autosize>
      </Popover.Dropdown>
    </Popover>
  );
}
