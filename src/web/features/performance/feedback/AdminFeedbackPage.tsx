import { Badge, Button, Card, Group, NumberInput, Stack, Switch, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { EmptyText, ErrorAlert, Loading } from '../../../ui/common.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { SectionCard } from '../../../ui/SectionCard.tsx';
import { feedbackApi, feedbackKeys, feedbackQueries, type CompanyValue } from './api.ts';

export default function AdminFeedbackPage() {
  return (
    <Stack>
      <PageHeader title="Feedback and praise" description="The company values praise is tied to, and whether feedback may be anonymous." />
      <AnonymitySettings />
      <CompanyValues />
    </Stack>
  );
}

function AnonymitySettings() {
  const qc = useQueryClient();
  const q = useQuery(feedbackQueries.settings());
  const m = useMutation({
    mutationFn: (anonymousFeedback: boolean) => feedbackApi.updateSettings({ anonymousFeedback }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: feedbackKeys.settings }),
    onError: (e) => notifications.show({ color: 'red', message: e.message }),
  });
  return (
    <SectionCard title="Anonymous feedback">
      {q.isPending ? <Loading /> : q.error ? <ErrorAlert error={q.error} /> : (
        <Stack gap="xs">
          <Switch
            checked={q.data.anonymousFeedback}
            onChange={(e) => m.mutate(e.currentTarget.checked)}
            label="Allow anonymous answers where a request allows them"
            disabled={m.isPending}
          />
          <Text size="sm" c="dimmed">
            Anonymous feedback keeps no giver: not in the feedback, the audit log, notifications or exports. Admins cannot see who gave it either.
          </Text>
        </Stack>
      )}
    </SectionCard>
  );
}

function CompanyValues() {
  const qc = useQueryClient();
  const q = useQuery(feedbackQueries.values(true));
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const refresh = () => void qc.invalidateQueries({ queryKey: feedbackKeys.valuesAll });
  const add = useMutation({
    mutationFn: () => feedbackApi.createValue({ name, description: description || null, position: q.data?.data.length ?? 0 }),
    onSuccess: () => {
      setName('');
      setDescription('');
      refresh();
    },
  });
  return (
    <SectionCard title="Company values">
      <Stack>
        {q.isPending ? <Loading /> : q.error ? <ErrorAlert error={q.error} /> : null}
        {q.data && !q.data.data.length ? <EmptyText>No company values yet. Add the values praise should point to.</EmptyText> : null}
        {q.data?.data.length ? (
          <Table.ScrollContainer minWidth={320}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Value</Table.Th>
                  <Table.Th>Order</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {q.data.data.map((v) => (
                  <ValueRow key={v.id} value={v} onChange={refresh} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
        <Card withBorder>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (name.trim()) add.mutate();
            }}
          >
            <Stack gap="xs">
              {add.error ? <ErrorAlert error={add.error} title="Not added" /> : null}
              <Group grow align="flex-end" wrap="wrap">
                <TextInput label="New value" value={name} onChange={(e) => setName(e.currentTarget.value)} maxLength={80} required />
                <TextInput label="Description (optional)" value={description} onChange={(e) => setDescription(e.currentTarget.value)} maxLength={500} />
              </Group>
              <Group>
                <Button type="submit" loading={add.isPending}>
                  Add value
                </Button>
              </Group>
            </Stack>
          </form>
        </Card>
      </Stack>
    </SectionCard>
  );
}

function ValueRow({ value, onChange }: { value: CompanyValue; onChange: () => void }) {
  const fail = (e: Error) => notifications.show({ color: 'red', message: e.message });
  const update = useMutation({ mutationFn: (body: { position?: number; archived?: boolean }) => feedbackApi.updateValue(value.id, body), onSuccess: onChange, onError: fail });
  const remove = useMutation({
    mutationFn: () => feedbackApi.removeValue(value.id),
    onSuccess: (r) => {
      notifications.show({ message: r.deleted ? `${value.name} deleted` : `${value.name} is in use, so it was archived` });
      onChange();
    },
    onError: fail,
  });
  return (
    <Table.Tr>
      <Table.Td>
        <Text fw={500}>
          {value.name} {value.archived ? <Badge color="gray">archived</Badge> : null}
        </Text>
        {value.description ? (
          <Text size="sm" c="dimmed">
            {value.description}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td>
        <NumberInput aria-label={`Order of ${value.name}`} w={80} min={0} max={10000} defaultValue={value.position} onBlur={(e) => update.mutate({ position: Number(e.currentTarget.value) || 0 })} />
      </Table.Td>
      <Table.Td>
        <Group gap="xs" justify="flex-end" wrap="nowrap">
          {value.archived ? (
            <Button size="compact-sm" variant="light" onClick={() => update.mutate({ archived: false })}>
              Restore
            </Button>
          ) : (
            <Button size="compact-sm" variant="subtle" color="red" loading={remove.isPending} onClick={() => remove.mutate()}>
              {value.used ? 'Archive' : 'Delete'}
            </Button>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
