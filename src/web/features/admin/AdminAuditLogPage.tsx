import { Box, Anchor, Button, Code, Group, Select, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Fragment, useState } from 'react';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { EmptyText, ErrorAlert, LoadMore, Loading } from '../../ui/common.tsx';
import { PersonPicker } from '../people/PersonPicker.tsx';
import { adminQueries } from './api.ts';
import { JsonDiff } from './components/JsonDiff.tsx';

export default function AdminAuditLogPage() {
  const [action, setAction] = useState<string | null>(null);
  const [recordType, setRecordType] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 300);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [actorId, setActorId] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const filtered = !!(action || recordType || q || from || to || actorId);
  const clear = () => {
    setAction(null);
    setRecordType(null);
    setText('');
    setFrom('');
    setTo('');
    setActorId(null);
  };
  const facets = useQuery(adminQueries.auditFacets());
  // Dates are picked in local time; the day is sent as its local start and end.
  const query = { action, recordType, q, actorId, from: from ? new Date(`${from}T00:00:00`).toISOString() : undefined, to: to ? new Date(`${to}T23:59:59.999`).toISOString() : undefined };
  const events = useInfiniteQuery(adminQueries.audit(query));
  const list = events.data?.pages.flatMap((p) => p.data) ?? [];
  return (
    <>
      <PageHeader title="Audit log" description="Every change in Tandem: who did what, to which record, and when." />
      <Group mb="md" align="flex-end" wrap="wrap">
        <Select label="Action" clearable searchable data={facets.data?.actions ?? []} value={action} onChange={setAction} w={{ base: '100%', xs: 220 }} />
        <Select label="Record type" clearable data={facets.data?.recordTypes ?? []} value={recordType} onChange={setRecordType} w={{ base: '100%', xs: 180 }} />
        <TextInput label="Search" placeholder="Actor, action or record id" value={text} onChange={(e) => setText(e.currentTarget.value)} style={{ flex: '1 1 200px' }} />
        <Box w={{ base: '100%', xs: 240 }}>
          <PersonPicker label="Who" placeholder="Anyone" value={actorId} onChange={(id) => setActorId(id)} />
        </Box>
        <TextInput label="From" type="date" value={from} max={to || undefined} onChange={(e) => setFrom(e.currentTarget.value)} />
        <TextInput label="To" type="date" value={to} min={from || undefined} onChange={(e) => setTo(e.currentTarget.value)} />
        {filtered && (
          <Button variant="subtle" onClick={clear}>
            Clear filters
          </Button>
        )}
      </Group>
      <ErrorAlert error={events.error} />
      {events.isLoading ? (
        <Loading label="Loading events" />
      ) : events.isError ? null : list.length === 0 ? (
        <EmptyText>{filtered ? 'No events match these filters.' : 'Nothing has been recorded yet.'}</EmptyText>
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
                      {e.recordType === 'person' && e.recordId ? (
                        <Anchor component={Link} to={`/people/${e.recordId}`} size="xs">
                          {e.recordId}
                        </Anchor>
                      ) : (
                        <Text size="xs" c="dimmed">
                          {e.recordId ?? ''}
                        </Text>
                      )}
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
                        <JsonDiff before={e.before} after={e.after} />
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
