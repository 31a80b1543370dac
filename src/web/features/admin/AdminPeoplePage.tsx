import { Box, Badge, Button, Group, Menu, Select, Table, TextInput, ActionIcon } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconDots, IconPlus, IconSearch } from '@tabler/icons-react';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { PersonLine } from '../../ui/PersonAvatar.tsx';
import { peopleApi, peopleKeys, peopleQueries, type Person } from '../people/api.ts';
import { EmptyText, ErrorAlert, LoadMore, Loading, confirmDanger } from '../../ui/common.tsx';
import { PersonPicker } from '../people/PersonPicker.tsx';
import { PersonDrawer } from './components/PersonDrawer.tsx';

export default function AdminPeoplePage() {
  const qc = useQueryClient();
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 250);
  const [status, setStatus] = useState<'active' | 'inactive' | 'all'>('active');
  const [departmentId, setDepartmentId] = useState<string | null>(null);
  const [location, setLocation] = useState<string | null>(null);
  const [managerId, setManagerId] = useState<string | null>(null);
  const [editing, setEditing] = useState<Person | null>(null);
  const [drawer, setDrawer] = useState(false);
  const filters = useQuery(peopleQueries.filters());
  const query = { q, status, departmentId: departmentId ?? undefined, location: location ?? undefined, managerId: managerId ?? undefined };
  const filtered = !!(q || departmentId || location || managerId || status !== 'active');
  const people = useInfiniteQuery(peopleQueries.admin(query));
  const setActive = useMutation({
    mutationFn: ({ p, active }: { p: Person; active: boolean }) => (active ? peopleApi.reactivate(p.id) : peopleApi.deactivate(p.id)),
    onSuccess: (_r, { p, active }) => {
      void qc.invalidateQueries({ queryKey: peopleKeys.lists });
      const id = `person-status-${p.id}`;
      notifications.show({
        id,
        color: active ? 'green' : 'gray',
        message: active ? (
          `${p.name} is active again`
        ) : (
          <Group gap="xs">
            {`${p.name} was deactivated.`}
            <Button
              size="compact-xs"
              variant="subtle"
              onClick={() => {
                notifications.hide(id);
                setActive.mutate({ p, active: true });
              }}
            >
              Undo
            </Button>
          </Group>
        ),
      });
    },
    onError: (err) => notifications.show({ color: 'red', message: (err as Error).message }),
  });
  const confirmDeactivate = (p: Person) =>
    confirmDanger({ title: `Deactivate ${p.name}?`, body: 'They will no longer be able to sign in and will leave smart groups. Their history is kept, and you can reactivate them.', confirm: 'Deactivate', onConfirm: () => setActive.mutate({ p, active: false }) });
  const list = people.data?.pages.flatMap((p) => p.data) ?? [];
  return (
    <>
      <PageHeader
        title="People"
        description="Add and edit people, invite them to sign in and set their roles."
        actions={
          <Button
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => {
              setEditing(null);
              setDrawer(true);
            }}
          >
            Add person
          </Button>
        }
      />
      <Group mb="md" align="flex-end" wrap="wrap">
        <TextInput label="Search" leftSection={<IconSearch size={16} aria-hidden />} value={text} onChange={(e) => setText(e.currentTarget.value)} style={{ flex: '1 1 240px' }} />
        <Select label="Department" clearable searchable data={(filters.data?.departments ?? []).map((d) => ({ value: d.id, label: d.name }))} value={departmentId} onChange={setDepartmentId} w={{ base: '100%', xs: 220 }} />
        <Select
          label="Status"
          allowDeselect={false}
          data={[
            { value: 'active', label: 'Active' },
            { value: 'inactive', label: 'Inactive' },
            { value: 'all', label: 'All' },
          ]}
          value={status}
          onChange={(v) => setStatus((v as typeof status) ?? 'active')}
          w={{ base: '100%', xs: 130 }}
        />
        <Select label="Location" clearable searchable data={filters.data?.locations ?? []} value={location} onChange={setLocation} w={{ base: '100%', xs: 180 }} />
        <Box w={{ base: '100%', xs: 240 }}>
          <PersonPicker label="Reports to" value={managerId} onChange={(id) => setManagerId(id)} />
        </Box>
      </Group>
      <ErrorAlert error={people.error} />
      {people.isLoading ? (
        <Loading label="Loading people" />
      ) : people.isError ? null : list.length === 0 ? (
        <EmptyText>{filtered ? 'No one matches these filters.' : 'No people yet. Add a person or import a CSV file.'}</EmptyText>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Email</Table.Th>
                <Table.Th>Department</Table.Th>
                <Table.Th>Employee no.</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>
                  <span className="sr-only">Actions</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    <PersonLine id={p.id} name={p.name} subtitle={p.jobTitle} />
                  </Table.Td>
                  <Table.Td>{p.email}</Table.Td>
                  <Table.Td>{p.department?.name ?? '—'}</Table.Td>
                  <Table.Td>{p.employeeNumber ?? '—'}</Table.Td>
                  <Table.Td>
                    <Badge color={p.status === 'active' ? 'green' : 'gray'} variant="light" style={{ overflow: 'visible' }} miw="max-content">
                      {p.status}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Button
                        size="xs"
                        variant="subtle"
                        onClick={() => {
                          setEditing(p);
                          setDrawer(true);
                        }}
                      >
                        Edit
                      </Button>
                      <Menu position="bottom-end">
                        <Menu.Target>
                          <ActionIcon variant="subtle" aria-label={`More actions for ${p.name}`}>
                            <IconDots size={16} aria-hidden />
                          </ActionIcon>
                        </Menu.Target>
                        <Menu.Dropdown>
                          {p.status === 'active' ? (
                            <Menu.Item color="red" onClick={() => confirmDeactivate(p)}>
                              Deactivate
                            </Menu.Item>
                          ) : (
                            <Menu.Item onClick={() => setActive.mutate({ p, active: true })}>Reactivate</Menu.Item>
                          )}
                        </Menu.Dropdown>
                      </Menu>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <LoadMore hasMore={!!people.hasNextPage} loading={people.isFetchingNextPage} onClick={() => void people.fetchNextPage()} />
      <PersonDrawer person={editing} opened={drawer} onClose={() => setDrawer(false)} />
    </>
  );
}
