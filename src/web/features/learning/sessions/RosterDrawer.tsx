import { Badge, Button, Drawer, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { EmptyText, ErrorAlert, Loading, drawerTitle } from '../../../ui/common.tsx';
import { sessionApi, sessionKeys, sessionQueries, type LiveSession } from './api.ts';
import { formatRange } from './format.ts';

type Mark = 'present' | 'absent' | 'excused';

/** Who is registered and waiting; attendance once the session has started. */
export function RosterDrawer({ session, onClose }: { session: LiveSession; onClose: () => void }) {
  const qc = useQueryClient();
  const roster = useQuery(sessionQueries.roster(session.id));
  const [marks, setMarks] = useState<Record<string, Mark>>({});
  const started = new Date(session.startsAt) <= new Date();
  const save = useMutation({
    mutationFn: () =>
      sessionApi.recordAttendance(session.id, { entries: Object.entries(marks).map(([registrationId, attendance]) => ({ registrationId, attendance })) }),
    onSuccess: (r) => {
      qc.setQueryData(sessionKeys.roster(session.id), r);
      setMarks({});
      notifications.show({ color: 'green', message: 'Attendance saved; those present have completed the course' });
    },
  });
  const rows = roster.data?.data ?? [];
  const registered = rows.filter((r) => r.status === 'registered');
  const waiting = rows.filter((r) => r.status === 'waitlisted');
  return (
    <Drawer opened onClose={onClose} position="right" size="xl" title="Roster" styles={drawerTitle} closeButtonProps={{ 'aria-label': 'Close' }}>
      <Text c="dimmed" mb="md">
        {formatRange(session.startsAt, session.endsAt, session.timeZone)} ({session.timeZone}) · {session.registeredCount} of {session.capacity} seats taken
      </Text>
      <ErrorAlert error={roster.error} />
      <ErrorAlert error={save.error} title="Attendance not saved" />
      {roster.isLoading ? (
        <Loading label="Loading the roster" />
      ) : roster.isError ? null : (
        <Stack>
          <Text fw={600}>Registered</Text>
          {registered.length === 0 ? (
            <EmptyText>Nobody has registered yet.</EmptyText>
          ) : (
            <Table.ScrollContainer minWidth={520}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Person</Table.Th>
                    <Table.Th>Attendance</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {registered.map((r) => (
                    <Table.Tr key={r.id}>
                      <Table.Td>
                        <Text fw={500}>{r.person.name}</Text>
                        <Text size="xs" c="dimmed">
                          {r.person.email}
                          {r.promotedAt ? ' · from the waitlist' : ''}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {started && session.status === 'scheduled' ? (
                          <SegmentedControl
                            size="xs"
                            aria-label={`Attendance of ${r.person.name}`}
                            value={marks[r.id] ?? r.attendance ?? ''}
                            onChange={(v) => setMarks((m) => ({ ...m, [r.id]: v as Mark }))}
                            data={[
                              { value: 'present', label: 'Present' },
                              { value: 'absent', label: 'Absent' },
                              { value: 'excused', label: 'Excused' },
                            ]}
                          />
                        ) : (
                          <Text size="sm" c="dimmed">
                            {r.attendance ?? (session.status === 'cancelled' ? '—' : 'After the start')}
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          {started && Object.keys(marks).length > 0 && (
            <Group justify="flex-end">
              <Button onClick={() => save.mutate()} loading={save.isPending}>
                Save attendance
              </Button>
            </Group>
          )}
          <Text fw={600}>Waitlist</Text>
          {waiting.length === 0 ? (
            <EmptyText>Nobody is waiting.</EmptyText>
          ) : (
            <Stack gap={4} component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
              {waiting.map((r) => (
                <Group key={r.id} component="li" gap="xs">
                  <Badge variant="light" color="orange">
                    {r.waitlistPosition}
                  </Badge>
                  <Text size="sm">{r.person.name}</Text>
                  <Text size="xs" c="dimmed">
                    since {new Date(r.registeredAt).toLocaleString()}
                  </Text>
                </Group>
              ))}
            </Stack>
          )}
        </Stack>
      )}
    </Drawer>
  );
}
