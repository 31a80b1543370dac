import { Badge, Button, Group, Switch, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { EmptyText, ErrorAlert, LoadMore, Loading } from '../../../ui/common.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { jobProfileApi, jobProfileKeys, jobProfileQueries, type JobProfile } from './api.ts';
import { ProfileModal } from './ProfileModal.tsx';
import { ImportCsvButton } from '../imports/ImportCsvModal.tsx';

/** Job profiles with their expected skill levels, career paths between them, and the profiles import. */
export default function AdminJobProfilesPage() {
  const qc = useQueryClient();
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 250);
  const [archived, setArchived] = useState(false);
  const [open, setOpen] = useState<string | 'new' | null>(null);
  const profiles = useInfiniteQuery(jobProfileQueries.search(q, archived));
  const archive = useMutation({
    mutationFn: (p: JobProfile) => (p.archivedAt ? jobProfileApi.unarchive(p.id) : jobProfileApi.archive(p.id)),
    onSuccess: (p) => {
      notifications.show({ color: 'green', message: p.archivedAt ? `${p.name} archived` : `${p.name} is back` });
      void qc.invalidateQueries({ queryKey: jobProfileKeys.all });
    },
    onError: (err) => notifications.show({ color: 'red', message: (err as Error).message }),
  });
  const list = profiles.data?.pages.flatMap((p) => p.data) ?? [];
  return (
    <>
      <PageHeader
        title="Job profiles"
        description="Roles with the skill levels they expect, and the next steps between them."
        actions={
          <Group gap="xs">
            <ImportCsvButton kind="job-profiles" />
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setOpen('new')}>
              New profile
            </Button>
          </Group>
        }
      />
      <Group align="flex-end" mb="md" gap="lg">
        <TextInput label="Search profiles" leftSection={<IconSearch size={16} aria-hidden />} value={text} onChange={(e) => setText(e.currentTarget.value)} maw={360} />
        <Switch label="Show archived" checked={archived} onChange={(e) => setArchived(e.currentTarget.checked)} mb={6} />
      </Group>
      <ErrorAlert error={profiles.error} />
      {profiles.isLoading ? (
        <Loading label="Loading job profiles" />
      ) : profiles.isError ? null : list.length === 0 ? (
        <EmptyText>{q ? 'No profiles match.' : 'No job profiles yet. Add one, e.g. “Account Executive” expecting Negotiation at 3.'}</EmptyText>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Profile</Table.Th>
                <Table.Th>Family</Table.Th>
                <Table.Th>Skills</Table.Th>
                <Table.Th>People</Table.Th>
                <Table.Th>
                  <span className="sr-only">Actions</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    <Group gap={6}>
                      <Text fw={500}>{p.name}</Text>
                      {p.archivedAt && <Badge color="gray" variant="light">Archived</Badge>}
                    </Group>
                  </Table.Td>
                  <Table.Td>{p.family ?? <Text c="dimmed">—</Text>}</Table.Td>
                  <Table.Td>{p.skillCount}</Table.Td>
                  <Table.Td>{p.holderCount}</Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Button size="xs" variant="subtle" onClick={() => setOpen(p.id)} aria-label={`Edit ${p.name}`}>
                        Edit
                      </Button>
                      <Button size="xs" variant="subtle" color="gray" onClick={() => archive.mutate(p)} aria-label={`${p.archivedAt ? 'Unarchive' : 'Archive'} ${p.name}`}>
                        {p.archivedAt ? 'Unarchive' : 'Archive'}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <LoadMore hasMore={!!profiles.hasNextPage} loading={profiles.isFetchingNextPage} onClick={() => void profiles.fetchNextPage()} />
      {open && <ProfileModal key={open} profileId={open === 'new' ? null : open} onClose={() => setOpen(null)} />}
    </>
  );
}
