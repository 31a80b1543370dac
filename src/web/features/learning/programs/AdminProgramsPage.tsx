import { Anchor, Badge, Button, Group, Modal, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { fieldErrors } from '../../../lib/api.ts';
import { EmptyText, ErrorAlert, FormActions, LoadMore, Loading } from '../../../ui/common.tsx';
import { programApi, programQueries } from './api.ts';

export const programStatusColor = { draft: 'gray', published: 'green', archived: 'orange' } as const;

/** Learning admins: every program (learning path), drafts included. */
export default function AdminProgramsPage() {
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 250);
  const [status, setStatus] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const programs = useInfiniteQuery(programQueries.adminList(q, status));
  const list = programs.data?.pages.flatMap((p) => p.data) ?? [];
  return (
    <>
      <PageHeader
        title="Programs"
        description="Learning paths: courses and checkpoints in order, assigned with a reason or open for self-enrolment."
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
            New program
          </Button>
        }
      />
      <Group mb="md" align="flex-end" wrap="wrap">
        <TextInput label="Search programs" leftSection={<IconSearch size={16} aria-hidden />} value={text} onChange={(e) => setText(e.currentTarget.value)} w={300} maw="100%" />
        <Select
          label="Status"
          clearable
          placeholder="Any"
          value={status}
          onChange={setStatus}
          data={[
            { value: 'draft', label: 'Draft' },
            { value: 'published', label: 'Published' },
            { value: 'archived', label: 'Archived' },
          ]}
          w={180}
        />
      </Group>
      <ErrorAlert error={programs.error} />
      {programs.isLoading ? (
        <Loading label="Loading programs" />
      ) : programs.isError ? null : list.length === 0 ? (
        <EmptyText>{q || status ? 'No programs match.' : 'No programs yet. A program strings courses and checkpoints into a path, e.g. the first 90 days of a new manager.'}</EmptyText>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Title</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Steps</Table.Th>
                <Table.Th>Order</Table.Th>
                <Table.Th>Self-enrolment</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/admin/programs/${p.id}`} fw={500}>
                      {p.title}
                    </Anchor>
                    {p.summary && (
                      <Text size="xs" c="dimmed" lineClamp={1}>
                        {p.summary}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={programStatusColor[p.status]}>
                      {p.status}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{p.stepCount}</Table.Td>
                  <Table.Td>{p.enforceOrder ? 'Enforced' : 'Any order'}</Table.Td>
                  <Table.Td>{p.selfEnrollment ? 'Open' : 'Assigned only'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <LoadMore hasMore={!!programs.hasNextPage} loading={programs.isFetchingNextPage} onClick={() => void programs.fetchNextPage()} />
      {creating && <NewProgram onClose={() => setCreating(false)} />}
    </>
  );
}

function NewProgram({ onClose }: { onClose: () => void }) {
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useMutation({
    mutationFn: () => programApi.create({ title: title.trim() }),
    onSuccess: (p) => void navigate({ to: `/admin/programs/${p.id}` }),
    onError: (err) => setErrors(fieldErrors(err)),
  });
  return (
    <Modal opened onClose={onClose} title="New program" closeButtonProps={{ 'aria-label': 'Close' }}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <Stack>
          {create.error && !Object.keys(errors).length && <ErrorAlert error={create.error} />}
          <TextInput label="Title" required data-autofocus value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={errors.title} />
          <FormActions onCancel={onClose} label="Create and add steps" loading={create.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
