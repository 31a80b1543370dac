import { Alert, Badge, Button, Checkbox, Code, CopyButton, Group, Modal, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { fieldErrors } from '../../lib/api.ts';
import { EmptyText, ErrorAlert, Loading, FormActions } from '../../ui/common.tsx';

import { adminApi, adminKeys, adminQueries, type CreatedToken as Created, type Token } from './api.ts';

const curlExample = (token: string) => `curl -H "Authorization: Bearer ${token}" ${window.location.origin}/api/v1/people`;
const date = (d: string | null) => (d ? new Date(d).toLocaleDateString() : '—');

export default function AdminApiTokensPage() {
  const qc = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<Created | null>(null);
  const [revoking, setRevoking] = useState<Token | null>(null);
  const tokens = useQuery(adminQueries.tokens());
  const form = useForm({
    initialValues: { name: '', read: true, write: false, admin: false, expires: '90' },
    validate: {
      name: (v) => (v.trim() ? null : 'Give the token a name you will recognise'),
      read: (_v, all) => (all.read || all.write || all.admin ? null : 'Choose at least one scope'),
    },
  });
  const create = useMutation({
    mutationFn: (v: typeof form.values) =>
      adminApi.createToken({
        name: v.name.trim(),
        scopes: (['read', 'write', 'admin'] as const).filter((s) => v[s]),
        expiresInDays: v.expires === 'never' ? null : Number(v.expires),
      }),
    onSuccess: (t) => {
      setCreating(false);
      form.reset();
      setSecret(t);
      void qc.invalidateQueries({ queryKey: adminKeys.tokens });
    },
    onError: (err) => form.setErrors(fieldErrors(err)),
  });
  const revoke = useMutation({
    mutationFn: (id: string) => adminApi.revokeToken(id),
    onSuccess: () => {
      setRevoking(null);
      notifications.show({ color: 'green', message: 'Token revoked' });
      void qc.invalidateQueries({ queryKey: adminKeys.tokens });
    },
  });
  const list = tokens.data?.data ?? [];
  return (
    <>
      <PageHeader
        title="API tokens"
        description="Tokens let integrations call the Tandem API as you. Each token is shown once; store it safely."
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
            New token
          </Button>
        }
      />
      <ErrorAlert error={tokens.error} />
      {secret && (
        <Alert color="green" title={`Token “${secret.name}” created`} mb="md" withCloseButton onClose={() => setSecret(null)} closeButtonLabel="Dismiss">
          <Stack gap="xs">
            <Text size="sm">Copy it now: it will not be shown again.</Text>
            <Group gap="xs" wrap="nowrap">
              <Code data-testid="new-token" style={{ wordBreak: 'break-all', minWidth: 0 }}>
                {secret.token}
              </Code>
              <CopyButton value={secret.token}>
                {({ copied, copy }) => (
                  <Button size="xs" variant="light" onClick={copy} aria-label={copied ? 'Token copied' : 'Copy the token'} style={{ flexShrink: 0 }}>
                    {copied ? 'Copied' : 'Copy'}
                  </Button>
                )}
              </CopyButton>
            </Group>
            <Group justify="space-between" gap="xs">
              <Text size="sm">Try it:</Text>
              <CopyButton value={curlExample(secret.token)}>
                {({ copied, copy }) => (
                  <Button size="compact-xs" variant="subtle" onClick={copy}>
                    {copied ? 'Copied' : 'Copy command'}
                  </Button>
                )}
              </CopyButton>
            </Group>
            <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
              {curlExample(secret.token)}
            </Code>
          </Stack>
        </Alert>
      )}
      {tokens.isLoading ? (
        <Loading label="Loading tokens" />
      ) : tokens.isError ? null : list.length === 0 ? (
        <EmptyText>You have no API tokens yet.</EmptyText>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Token</Table.Th>
                <Table.Th>Scopes</Table.Th>
                <Table.Th>Expires</Table.Th>
                <Table.Th>Last used</Table.Th>
                <Table.Th>
                  <span className="sr-only">Actions</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((t) => (
                <Table.Tr key={t.id}>
                  <Table.Td>{t.name}</Table.Td>
                  <Table.Td>
                    <Code>{t.prefix}…</Code>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {t.scopes.map((s) => (
                        <Badge key={s} variant="light" size="sm">
                          {s}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>{t.revokedAt ? <Badge color="gray">Revoked</Badge> : t.expiresAt ? date(t.expiresAt) : 'Never'}</Table.Td>
                  <Table.Td>{date(t.lastUsedAt)}</Table.Td>
                  <Table.Td>
                    {!t.revokedAt && (
                      <Button size="xs" color="red" variant="subtle" onClick={() => setRevoking(t)}>
                        Revoke
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      <Modal opened={creating} onClose={() => setCreating(false)} title="New API token" closeButtonProps={{ 'aria-label': 'Close' }}>
        <form onSubmit={form.onSubmit((v) => create.mutate(v))} noValidate>
          <Stack>
            <ErrorAlert error={create.error && !Object.keys(fieldErrors(create.error)).length ? create.error : null} />
            <TextInput label="Name" placeholder="e.g. HRIS sync" required data-autofocus {...form.getInputProps('name')} />
            <Stack gap={6}>
              <Text size="sm" fw={500}>
                Scopes
              </Text>
              <Checkbox label="Read" description="Read data you can see" {...form.getInputProps('read', { type: 'checkbox' })} error={undefined} />
              <Checkbox label="Write" description="Make changes you are allowed to make" {...form.getInputProps('write', { type: 'checkbox' })} />
              <Checkbox label="Admin" description="Use your admin permissions" {...form.getInputProps('admin', { type: 'checkbox' })} />
              {(form.errors.read || form.errors.scopes) && (
                <Text size="sm" c="red.9" role="alert">
                  {form.errors.read ?? form.errors.scopes}
                </Text>
              )}
            </Stack>
            <Select
              label="Expires"
              allowDeselect={false}
              data={[
                { value: '7', label: 'In 7 days' },
                { value: '30', label: 'In 30 days' },
                { value: '90', label: 'In 90 days' },
                { value: '365', label: 'In a year' },
                { value: 'never', label: 'Never' },
              ]}
              {...form.getInputProps('expires')}
            />
            <FormActions onCancel={() => setCreating(false)} loading={create.isPending} label="Create token" />
          </Stack>
        </form>
      </Modal>

      <Modal opened={!!revoking} onClose={() => setRevoking(null)} title="Revoke token?" closeButtonProps={{ 'aria-label': 'Close' }}>
        <Stack>
          <Text>Integrations using “{revoking?.name}” will stop working at once.</Text>
          <ErrorAlert error={revoke.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRevoking(null)}>
              Cancel
            </Button>
            <Button color="red" loading={revoke.isPending} onClick={() => revoking && revoke.mutate(revoking.id)}>
              Revoke
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
