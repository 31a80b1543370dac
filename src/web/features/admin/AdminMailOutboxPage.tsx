import { Alert, Anchor, Badge, Button, Code, Group, Modal, Stack, Table, Tabs, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { EmptyText, ErrorAlert, LoadMore, Loading } from '../../ui/common.tsx';

import { adminQueries } from './api.ts';

const colors = { queued: 'blue', sending: 'cyan', sent: 'green', failed: 'red', outbox: 'gray' } as const;

/** Sign-in links are hidden from admins (whoever holds one becomes its recipient): how to give a new one. */
function HiddenLinkHelp({ to }: { to: string }) {
  return (
    <Alert color="blue" title="The sign-in link is hidden">
      <Text size="sm">
        Only the person it was sent to may use it. If {to} never got this email: HR sends a new invitation from{' '}
        <Anchor component={Link} to="/admin/people" size="sm" c="inherit" underline="always" fw={600}>
          People
        </Anchor>{' '}
        (Edit, then invite); someone who forgot their password asks for a reset on the sign-in page; without a mail server, the
        operator prints a fresh link with <Code style={{ wordBreak: 'break-all' }}>tandem link --email {to}</Code>.
      </Text>
    </Alert>
  );
}

/** Plain text only: the body is never injected as HTML. */
function MailText({ text }: { text: string }) {
  return (
    <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
      {text}
    </Code>
  );
}

export default function AdminMailOutboxPage() {
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 300);
  const [openId, setOpenId] = useState<string | null>(null);
  const mail = useInfiniteQuery(adminQueries.mail(q));
  const one = useQuery(adminQueries.oneMail(openId));
  const list = mail.data?.pages.flatMap((p) => p.data) ?? [];
  return (
    <>
      <PageHeader
        title="Mail outbox"
        description="Emails Tandem sent. Without a mail server (SMTP_URL) they stay here, marked “outbox”. Sign-in links are hidden, and opening an email is recorded in the audit log."
      />
      <TextInput label="Search" placeholder="Recipient or subject" value={text} onChange={(e) => setText(e.currentTarget.value)} mb="md" maw={400} />
      <ErrorAlert error={mail.error} />
      {mail.isLoading ? (
        <Loading label="Loading emails" />
      ) : mail.isError ? null : list.length === 0 ? (
        <EmptyText>{q ? 'No emails match.' : 'No emails yet.'}</EmptyText>
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
                    <Badge color={colors[m.status]} variant="light">
                      {m.status}
                    </Badge>
                    {m.error && (
                      <Text size="xs" c="red.9" lineClamp={2} maw={240}>
                        {m.error}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <LoadMore hasMore={!!mail.hasNextPage} loading={mail.isFetchingNextPage} onClick={() => void mail.fetchNextPage()} />
      <Modal opened={!!openId} onClose={() => setOpenId(null)} title={one.data?.subject ?? 'Email'} size="lg" closeButtonProps={{ 'aria-label': 'Close' }}>
        {one.isLoading && <Loading label="Loading the email" />}
        <ErrorAlert error={one.error} />
        {one.data && (
          <Stack>
            <Group gap="xs">
              <Badge color={colors[one.data.status]} variant="light">
                {one.data.status}
              </Badge>
              <Text size="sm">
                To <strong>{one.data.to}</strong> · created {new Date(one.data.createdAt).toLocaleString()}
                {one.data.sentAt ? ` · sent ${new Date(one.data.sentAt).toLocaleString()}` : ''}
              </Text>
            </Group>
            {one.data.error && (
              <Alert color="red" title="Delivery failed">
                {one.data.error}
              </Alert>
            )}
            {one.data.hiddenLinks > 0 && <HiddenLinkHelp to={one.data.to} />}
            {one.data.html ? (
              <Tabs defaultValue="text" keepMounted={false}>
                <Tabs.List>
                  <Tabs.Tab value="text">Text</Tabs.Tab>
                  <Tabs.Tab value="html">HTML</Tabs.Tab>
                </Tabs.List>
                <Tabs.Panel value="text" pt="sm">
                  <MailText text={one.data.text} />
                </Tabs.Panel>
                <Tabs.Panel value="html" pt="sm">
                  {/* An empty sandbox: no scripts, no same-origin access, no forms or navigation. */}
                  <iframe title="HTML version of the email" sandbox="" srcDoc={one.data.html} style={{ width: '100%', height: 420, border: '1px solid var(--mantine-color-gray-3)', borderRadius: 4, background: 'white' }} />
                </Tabs.Panel>
              </Tabs>
            ) : (
              <MailText text={one.data.text} />
            )}
          </Stack>
        )}
      </Modal>
    </>
  );
}
