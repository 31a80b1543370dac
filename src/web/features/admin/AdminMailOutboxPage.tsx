import { Badge, Button, Code, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { PageHeader } from '../../app/PageHeader.tsx';
import { api, type Page } from '../../lib/api.ts';
import { EmptyText, ErrorAlert, LoadMore } from './components/common.tsx';

type Mail = { id: string; to: string; subject: string; status: 'queued' | 'sent' | 'failed' | 'outbox'; createdAt: string; sentAt: string | null; error: string | null };
const colors = { queued: 'blue', sent: 'green', failed: 'red', outbox: 'gray' } as const;

export default function AdminMailOutboxPage() {
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 300);
  const [openId, setOpenId] = useState<string | null>(null);
  const mail = useInfiniteQuery({
    queryKey: ['mail-outbox', q],
    queryFn: ({ pageParam }) => api<Page<Mail>>('mail-outbox', { query: { q, limit: 50, cursor: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (p) => p.nextCursor ?? undefined,
  });
  const one = useQuery({
    queryKey: ['mail-outbox', 'one', openId],
    queryFn: () => api<Mail & { text: string }>(`mail-outbox/${openId}`),
    enabled: !!openId,
  });
  const list = mail.data?.pages.flatMap((p) => p.data) ?? [];
  return (
    <>
      <PageHeader title="Mail outbox" description="Emails Tandem sent. Without a mail server (SMTP_URL) they stay here, marked “outbox”." />
      <TextInput label="Search" placeholder="Recipient or subject" value={text} onChange={(e) => setText(e.currentTarget.value)} mb="md" maw={400} />
      <ErrorAlert error={mail.error} />
      {!mail.isLoading && list.length === 0 ? (
        <EmptyText>No emails yet.</EmptyText>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th>To</Table.Th>
                <Table.Th>Subject</Table.Th>
                <Table.Th>Status</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td>{new Date(m.createdAt).toLocaleString()}</Table.Td>
                  <Table.Td>{m.to}</Table.Td>
                  <Table.Td>
                    <Button variant="subtle" size="compact-sm" onClick={() => setOpenId(m.id)}>
                      {m.subject}
                    </Button>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={colors[m.status]} variant="light" title={m.error ?? undefined}>
                      {m.status}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <LoadMore hasMore={!!mail.hasNextPage} loading={mail.isFetchingNextPage} onClick={() => void mail.fetchNextPage()} />
      <Modal opened={!!openId} onClose={() => setOpenId(null)} title={one.data?.subject ?? 'Email'} size="lg">
        {one.data && (
          <Stack>
            <Text size="sm">
              To <strong>{one.data.to}</strong> · {new Date(one.data.createdAt).toLocaleString()}
            </Text>
            {one.data.error && <Text c="red.9">{one.data.error}</Text>}
            <Code block style={{ whiteSpace: 'pre-wrap' }}>
              {one.data.text}
            </Code>
          </Stack>
        )}
      </Modal>
    </>
  );
}
