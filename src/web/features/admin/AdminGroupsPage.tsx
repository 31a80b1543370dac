import { ActionIcon, Badge, Button, Drawer, Group, SegmentedControl, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconSearch, IconX } from '@tabler/icons-react';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { fieldErrors } from '../../lib/api.ts';
import { PersonLine } from '../../ui/PersonAvatar.tsx';
import { EmptyText, ErrorAlert, LoadMore, Loading, confirmDanger, drawerTitle } from '../../ui/common.tsx';
import { PersonPicker } from '../people/PersonPicker.tsx';
import { adminApi, adminKeys, adminQueries, type Group as GroupRow } from './api.ts';
import { completeRule, RuleBuilder, type Rule } from './components/RuleBuilder.tsx';

export default function AdminGroupsPage() {
  const qc = useQueryClient();
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 250);
  const [open, setOpen] = useState<GroupRow | 'new' | null>(null);
  const groups = useInfiniteQuery(adminQueries.groups(q));
  const remove = useMutation({
    mutationFn: (g: GroupRow) => adminApi.removeGroup(g.id),
    onSuccess: () => void qc.invalidateQueries({ queryKey: adminKeys.groups }),
    onError: (err) => notifications.show({ color: 'red', message: (err as Error).message }),
  });
  const list = groups.data?.pages.flatMap((p) => p.data) ?? [];
  return (
    <>
      <PageHeader
        title="Groups"
        description="Static groups are picked by hand; smart groups follow a rule and stay current as people change."
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setOpen('new')}>
            New group
          </Button>
        }
      />
      <TextInput label="Search groups" leftSection={<IconSearch size={16} aria-hidden />} value={text} onChange={(e) => setText(e.currentTarget.value)} maw={360} mb="md" />
      <ErrorAlert error={groups.error} />
      {groups.isLoading ? (
        <Loading label="Loading groups" />
      ) : groups.isError ? null : list.length === 0 ? (
        <EmptyText>{q ? 'No groups match.' : 'No groups yet. A smart group keeps itself current, e.g. everyone in Engineering hired this year.'}</EmptyText>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Kind</Table.Th>
                <Table.Th>Members</Table.Th>
                <Table.Th>
                  <span className="sr-only">Actions</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((g) => (
                <Table.Tr key={g.id}>
                  <Table.Td>
                    <Text fw={500}>{g.name}</Text>
                    {g.description && (
                      <Text size="xs" c="dimmed">
                        {g.description}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={g.kind === 'smart' ? 'violet' : 'gray'}>
                      {g.kind}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{g.memberCount}</Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Button size="xs" variant="subtle" onClick={() => setOpen(g)}>
                        Open
                      </Button>
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        onClick={() =>
                          confirmDanger({ title: `Delete “${g.name}”?`, body: 'The group and its memberships are removed. People are not affected.', confirm: 'Delete', onConfirm: () => remove.mutate(g) })
                        }
                      >
                        Delete
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <LoadMore hasMore={!!groups.hasNextPage} loading={groups.isFetchingNextPage} onClick={() => void groups.fetchNextPage()} />
      {open && <GroupDrawer key={open === 'new' ? 'new' : open.id} group={open === 'new' ? null : open} onClose={() => setOpen(null)} onCreated={setOpen} />}
    </>
  );
}

function GroupDrawer({ group, onClose, onCreated }: { group: GroupRow | null; onClose: () => void; onCreated: (g: GroupRow) => void }) {
  const qc = useQueryClient();
  const [name, setName] = useState(group?.name ?? '');
  const [description, setDescription] = useState(group?.description ?? '');
  const [kind, setKind] = useState<'static' | 'smart'>(group?.kind ?? 'smart');
  const [rule, setRule] = useState<Rule>(group?.rule ?? { match: 'all', conditions: [] });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: () => {
      const body = {
        name: name.trim(),
        description: description.trim() || null,
        ...(kind === 'smart' ? { rule: completeRule(rule) } : {}),
      };
      return group ? adminApi.updateGroup(group.id, body) : adminApi.createGroup({ ...body, kind });
    },
    onSuccess: (saved) => {
      notifications.show({ color: 'green', message: group ? 'Group saved' : 'Group created' });
      void qc.invalidateQueries({ queryKey: adminKeys.groups });
      // A new static group stays open so its members can be picked straight away.
      if (!group && kind === 'static' && saved?.id) onCreated(saved);
      else onClose();
    },
    onError: (err) => setErrors(fieldErrors(err)),
  });
  return (
    <Drawer opened onClose={onClose} position="right" size="xl" title={group ? group.name : 'New group'} styles={drawerTitle} closeButtonProps={{ 'aria-label': 'Close' }}>
      <Stack>
        {save.error && !Object.keys(fieldErrors(save.error)).length && <ErrorAlert error={save.error} />}
        <TextInput label="Name" required value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} />
        <Textarea label="Description" autosize minRows={2} value={description} onChange={(e) => setDescription(e.currentTarget.value)} />
        {!group && (
          <SegmentedControl
            aria-label="Kind of group"
            value={kind}
            onChange={(v) => setKind(v as 'static' | 'smart')}
            data={[
              { value: 'smart', label: 'Smart: by rule' },
              { value: 'static', label: 'Static: picked by hand' },
            ]}
          />
        )}
        {kind === 'smart' ? (
          <>
            <RuleBuilder rule={rule} onChange={setRule} />
            {Object.entries(errors)
              .filter(([k]) => k.startsWith('rule'))
              .map(([k, m]) => (
                <Text key={k} c="red.9" size="sm">
                  {m}
                </Text>
              ))}
          </>
        ) : group ? (
          <StaticMembers groupId={group.id} />
        ) : (
          <Text size="sm" c="dimmed">
            Create the group; you can then add its members here.
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={() => save.mutate()} loading={save.isPending} disabled={!name.trim()}>
            {group ? 'Save' : 'Create group'}
          </Button>
        </Group>
      </Stack>
    </Drawer>
  );
}

function StaticMembers({ groupId }: { groupId: string }) {
  const qc = useQueryClient();
  const members = useInfiniteQuery(adminQueries.members(groupId));
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: adminKeys.members(groupId) });
    void qc.invalidateQueries({ queryKey: adminKeys.groups });
  };
  const add = useMutation({
    mutationFn: (p: { id: string; name?: string }) => adminApi.addMembers(groupId, [p.id]),
    onSuccess: (_r, p) => {
      if (p.name) notifications.show({ color: 'green', message: `Added ${p.name}` });
      refresh();
    },
  });
  const remove = useMutation({ mutationFn: (id: string) => adminApi.removeMember(groupId, id), onSuccess: refresh });
  const list = members.data?.pages.flatMap((pg) => pg.data) ?? [];
  return (
    <Stack>
      <PersonPicker label="Add a member" value={null} clearAfterPick onChange={(id, person) => id && add.mutate({ id, name: person?.name })} />
      <ErrorAlert error={members.error ?? add.error ?? remove.error} />
      <Title order={3} size="h5">
        Members
      </Title>
      {members.isLoading && <Loading label="Loading members" />}
      {!members.isLoading && list.length === 0 && <Text c="dimmed">No members yet. Search for people above to add them.</Text>}
      {list.map((p) => (
        <Group key={p.id} justify="space-between" wrap="nowrap">
          <PersonLine id={p.id} name={p.name} subtitle={p.jobTitle} />
          <ActionIcon variant="subtle" color="red" aria-label={`Remove ${p.name}`} onClick={() => remove.mutate(p.id)}>
            <IconX size={16} aria-hidden />
          </ActionIcon>
        </Group>
      ))}
      <LoadMore hasMore={!!members.hasNextPage} loading={members.isFetchingNextPage} onClick={() => void members.fetchNextPage()} />
    </Stack>
  );
}
