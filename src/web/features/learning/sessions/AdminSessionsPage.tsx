import { Badge, Button, Group, SegmentedControl, Select, Table, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { EmptyText, ErrorAlert, Loading, confirmDanger } from '../../../ui/common.tsx';
import { RosterDrawer } from './RosterDrawer.tsx';
import { SessionDrawer } from './SessionDrawer.tsx';
import { courseQueries } from '../authoring/api.ts';
import { sessionApi, sessionKeys, sessionQueries, type LiveSession, type When } from './api.ts';
import { formatRange } from './format.ts';


/** Learning admins: sessions of each live course, their rosters, waitlists and attendance. */
export default function AdminSessionsPage() {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 200);
  const [courseId, setCourseId] = useState<string | null>(null);
  const [courseTitle, setCourseTitle] = useState<string>('');
  // The options stay while a new search runs: without them the list emptied and the page's
  // loading line came back above the sessions, moving every button under the pointer (the search
  // for the typed title often answers just after the course is picked).
  const courses = useQuery({ ...courseQueries.live(q), placeholderData: keepPreviousData });
  const data = (courses.data?.data ?? []).filter((c) => c.status !== 'archived').map((c) => ({ value: c.id, label: c.status === 'draft' ? `${c.title} (draft)` : c.title }));
  if (courseId && !data.some((d) => d.value === courseId)) data.unshift({ value: courseId, label: courseTitle });
  return (
    <>
      <PageHeader title="Live sessions" description="Schedule sessions of live courses, follow registrations and waitlists, and take attendance." />
      <ErrorAlert error={courses.error} />
      <Select
        label="Live course"
        placeholder="Choose a live course"
        searchable
        searchValue={search}
        onSearchChange={setSearch}
        filter={({ options }) => options}
        data={data}
        value={courseId}
        onChange={(id) => {
          setCourseId(id);
          setCourseTitle(data.find((d) => d.value === id)?.label ?? '');
        }}
        nothingFoundMessage={courses.isFetching ? 'Searching…' : 'No live course found. Create a course with the live format first.'}
        w={420}
        maw="100%"
        mb="lg"
      />
      {courses.isLoading && !courseId && <Loading label="Loading live courses" />}
      {!courses.isLoading && !courseId && (courses.data?.data.length ?? 0) === 0 && !q && <EmptyText>No live courses yet. Create a course with the live format, then schedule its sessions here.</EmptyText>}
      {courseId && <CourseSessions key={courseId} courseId={courseId} />}
    </>
  );
}

function CourseSessions({ courseId }: { courseId: string }) {
  const qc = useQueryClient();
  const [when, setWhen] = useState<When>('upcoming');
  const [editing, setEditing] = useState<LiveSession | 'new' | null>(null);
  const [roster, setRoster] = useState<LiveSession | null>(null);
  const sessions = useQuery(sessionQueries.when(courseId, when));
  const cancel = useMutation({
    mutationFn: (s: LiveSession) => sessionApi.cancel(s.id),
    onSuccess: () => {
      notifications.show({ color: 'green', message: 'Session cancelled; everyone registered got a calendar cancellation' });
      void qc.invalidateQueries({ queryKey: sessionKeys.ofCourse(courseId) });
    },
    onError: (err) => notifications.show({ color: 'red', message: (err as Error).message }),
  });
  const list = sessions.data?.data ?? [];
  return (
    <>
      <Group justify="space-between" mb="md" wrap="wrap">
        <SegmentedControl
          aria-label="Which sessions"
          value={when}
          onChange={(v) => setWhen(v as When)}
          data={[
            { value: 'upcoming', label: 'Upcoming' },
            { value: 'past', label: 'Past' },
          ]}
        />
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
          New session
        </Button>
      </Group>
      <ErrorAlert error={sessions.error} />
      {sessions.isLoading ? (
        <Loading label="Loading sessions" />
      ) : sessions.isError ? null : list.length === 0 ? (
        <EmptyText>{when === 'upcoming' ? 'No upcoming sessions. Schedule one.' : 'No past sessions.'}</EmptyText>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th>Where</Table.Th>
                <Table.Th>Seats</Table.Th>
                <Table.Th>
                  <span className="sr-only">Actions</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    <Text fw={500}>{formatRange(s.startsAt, s.endsAt, s.timeZone)}</Text>
                    <Text size="xs" c="dimmed">
                      {s.timeZone}
                      {s.instructor ? ` · ${s.instructor.name}` : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{s.location ?? 'Online'}</Text>
                  </Table.Td>
                  <Table.Td>
                    {s.status === 'cancelled' ? (
                      <Badge color="red" variant="light">
                        Cancelled
                      </Badge>
                    ) : (
                      <Text size="sm">
                        {s.registeredCount}/{s.capacity}
                        {s.waitlistCount ? ` · ${s.waitlistCount} waiting` : ''}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Button size="xs" variant="subtle" onClick={() => setRoster(s)}>
                        Roster
                      </Button>
                      {s.status === 'scheduled' && !s.ended && (
                        <>
                          <Button size="xs" variant="subtle" onClick={() => setEditing(s)}>
                            Edit
                          </Button>
                          <Button
                            size="xs"
                            variant="subtle"
                            color="red"
                            onClick={() =>
                              confirmDanger({
                                title: 'Cancel this session?',
                                body: `${s.registeredCount} registered and ${s.waitlistCount} waiting people are told, with a calendar cancellation.`,
                                confirm: 'Cancel session',
                                onConfirm: () => cancel.mutate(s),
                              })
                            }
                          >
                            Cancel
                          </Button>
                        </>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing && <SessionDrawer courseId={courseId} session={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {roster && <RosterDrawer session={roster} onClose={() => setRoster(null)} />}
    </>
  );
}
