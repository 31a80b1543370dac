import { Button, Code, Group, Select, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { PageHeader } from '../../app/PageHeader.tsx';
import { api, type Page } from '../../lib/api.ts';
import { EmptyText, ErrorAlert, LoadMore } from './components/common.tsx';

type AuditEvent = {
  id: string;
  at: string;
  actor: { id: string; name: string } | null;
  actorLabel: string;
  action: string;
  recordType: string;
  recordId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
};

export default function AdminAuditLogPage() {
  const [action, setAction] = useState<string | null>(null);
  const [recordType, setRecordType] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 300);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const facets = useQuery({ queryKey: ['audit-facets'], queryFn: () => api<{ actions: string[]; recordTypes: string[] }>('audit-events/facets') });
  const query = { action, recordType, q, from: from || undefined, to: to ? `${to}T23:59:59.999Z` : undefined };
  const events = useInfiniteQuery({
    queryKey: ['audit-events', query],
    queryFn: ({ pageParam }) => api<Page<AuditEvent>>('audit-events', { query: { ...query, limit: 50, cursor: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (p) => p.nextCursor ?? undefined,
  });
  const list = events.data?.pages.flatMap((p) => p.data) ?? [];
  return (
    <>
      <PageHeader title="Audit log" description="Every change in Tandem: who did what, to which record, and when." />
      <Group mb="md" align="flex-end" wrap="wrap">
        <Select label="Action" clearable searchable data={facets.data?.actions ?? []} value={action} onChange={setAction} w={{ base: '100%', xs: 220 }} />
        <Select label="Record type" clearable data={facets.data?.recordTypes ?? []} value={recordType} onChange={setRecordType} w={{ base: '100%', xs: 180 }} />
        <TextInput label="Search" placeholder="Actor, action or record id" value={text} onChange={(e) => setText(e.currentTarget.value)} style={{ flex: '1 1 200px' }} />
        <TextInput label="From" type="date" value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
        <TextInput label="To" type="date" value={to} onChange={(e) => setTo(e.currentTarget.value)} />
      </Group>
      <ErrorAlert error={events.error} />
      {!events.isLoading && list.length === 0 ? (
        <EmptyText>No events match these filters.</EmptyText>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th>Who</Table.Th>
                <Table.Th>Action</Table.Th>
                <Table.Th>Record</Table.Th>
                <Table.Th>
                  <span className="sr-only">Details</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((e) => (
                <Fragment key={e.id}>
                  <Table.Tr>
                    <Table.Td>{new Date(e.at).toLocaleString()}</Table.Td>
                    <Table.Td>{e.actor?.name ?? e.actorLabel}</Table.Td>
                    <Table.Td>
                      <Code>{e.action}</Code>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{e.recordType}</Text>
                      <Text size="xs" c="dimmed">
                        {e.recordId ?? ''}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {(e.before != null || e.after != null) && (
                        <Button size="compact-xs" variant="subtle" aria-expanded={open === e.id} onClick={() => setOpen(open === e.id ? null : e.id)}>
                          {open === e.id ? 'Hide changes' : 'Show changes'}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                  {open === e.id && (
                    <Table.Tr>
                      <Table.Td colSpan={5}>
                          <Group align="flex-start" grow>
                            <div>
                              <Text size="xs" fw={600}>
                                Before
                              </Text>
                              <Code block>{JSON.stringify(e.before, null, 2) ?? '—'}</Code>
                            </div>
                            <div>
                              <Text size="xs" fw={600}>
                                After
                              </Text>
                              <Code block>{JSON.stringify(e.after, null, 2) ?? '—'}</Code>
                            </div>
                          </Group>
                      </Table.Td>
                    </Table.Tr>
                  )}
                </Fragment>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <LoadMore hasMore={!!events.hasNextPage} loading={events.isFetchingNextPage} onClick={() => void events.fetchNextPage()} />
    </>
  );
}
