import { Badge, Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { SectionCard } from '../../../ui/SectionCard.tsx';
import { EmptyText, ErrorAlert, Loading, confirmDanger } from '../../../ui/common.tsx';
import { goalApi, goalKeys, goalQueries, type Template } from './api.ts';
import { AssignTemplateDialog } from './AssignTemplateDialog.tsx';

const fail = (title: string) => (err: unknown) => notifications.show({ color: 'red', title, message: (err as Error).message });

export default function AdminGoalsPage() {
  return (
    <Stack>
      <PageHeader title="Goal settings" description="Goal periods, templates and assigning goals to many people at once." />
      <Periods />
      <Templates />
    </Stack>
  );
}

function Periods() {
  const qc = useQueryClient();
  const q = useQuery(goalQueries.periods());
  const [name, setName] = useState('');
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const refresh = () => void qc.invalidateQueries({ queryKey: goalKeys.periods });
  const defaults = useMutation({ mutationFn: goalApi.defaultPeriods, onSuccess: refresh, onError: fail('Could not add the periods') });
  const add = useMutation({
    mutationFn: () => goalApi.createPeriod({ name, startsOn, endsOn }),
    onSuccess: () => {
      setName('');
      refresh();
    },
  });
  const close = useMutation({ mutationFn: goalApi.closePeriod, onSuccess: () => void qc.invalidateQueries({ queryKey: goalKeys.all }).then(refresh), onError: fail('Could not close the period') });
  const list = q.data?.data ?? [];
  return (
    <SectionCard
      title="Periods"
      actions={
        <Button size="xs" variant="light" onClick={() => defaults.mutate()} loading={defaults.isPending}>
          Add default quarters and year
        </Button>
      }
    >
      <Stack>
        <ErrorAlert error={q.error ?? add.error} />
        {q.isLoading ? (
          <Loading label="Loading periods" />
        ) : list.length === 0 ? (
          <EmptyText>No periods yet. They are created with the first goal, or add the default quarters and year now.</EmptyText>
        ) : (
          <Table.ScrollContainer minWidth={420}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Period</Table.Th>
                  <Table.Th>Dates</Table.Th>
                  <Table.Th>State</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>{p.name}</Table.Td>
                    <Table.Td>
                      {p.startsOn} – {p.endsOn}
                    </Table.Td>
                    <Table.Td>
                      {p.closedAt ? (
                        <Badge color="gray.8" variant="light">
                          Closed
                        </Badge>
                      ) : (
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          color="red"
                          c="red.9"
                          onClick={() =>
                            confirmDanger({
                              title: `Close ${p.name}?`,
                              body: 'Its goals take no more check-ins; open ones end done (at 100 %) or missed.',
                              confirm: 'Close period',
                              onConfirm: () => close.mutate(p.id),
                            })
                          }
                        >
                          Close {p.name}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <form
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate();
          }}
        >
          <Group align="flex-end" wrap="wrap">
            <TextInput label="New period" required value={name} onChange={(e) => setName(e.currentTarget.value)} style={{ flex: '1 1 160px' }} />
            <TextInput label="Starts on" type="date" required value={startsOn} onChange={(e) => setStartsOn(e.currentTarget.value)} />
            <TextInput label="Ends on" type="date" required value={endsOn} onChange={(e) => setEndsOn(e.currentTarget.value)} />
            <Button type="submit" loading={add.isPending}>
              Add period
            </Button>
          </Group>
        </form>
      </Stack>
    </SectionCard>
  );
}

function Templates() {
  const qc = useQueryClient();
  const q = useQuery(goalQueries.templates());
  const [title, setTitle] = useState('');
  const [assigning, setAssigning] = useState<Template | null>(null);
  const create = useMutation({
    mutationFn: () => goalApi.createTemplate({ title }),
    onSuccess: () => {
      setTitle('');
      void qc.invalidateQueries({ queryKey: goalKeys.templates });
    },
  });
  const list = q.data?.data ?? [];
  return (
    <SectionCard title="Templates and bulk assignment">
      <Stack>
        <ErrorAlert error={q.error ?? create.error} />
        {q.isLoading ? (
          <Loading label="Loading templates" />
        ) : list.length === 0 ? (
          <EmptyText>No templates yet. A template is a goal you give many people at once, each their own.</EmptyText>
        ) : (
          list.map((t) => (
            <Group key={t.id} justify="space-between" wrap="wrap" data-testid="goal-template-row">
              <Stack gap={0}>
                <Text fw={600}>{t.title}</Text>
                <Text size="sm">
                  {t.keyResults.length} key {t.keyResults.length === 1 ? 'result' : 'results'}
                  {t.archived ? ' · archived' : ''}
                </Text>
              </Stack>
              <Button variant="light" disabled={t.archived} onClick={() => setAssigning(t)} aria-label={`Assign ${t.title}`}>
                Assign
              </Button>
            </Group>
          ))
        )}
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (title.trim()) create.mutate();
          }}
        >
          <Group align="flex-end" wrap="wrap">
            <TextInput label="New template" value={title} onChange={(e) => setTitle(e.currentTarget.value)} style={{ flex: '1 1 220px' }} />
            <Button type="submit" loading={create.isPending} disabled={!title.trim()}>
              Add template
            </Button>
          </Group>
        </form>
      </Stack>
      <AssignTemplateDialog template={assigning} onClose={() => setAssigning(null)} />
    </SectionCard>
  );
}
