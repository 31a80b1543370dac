import { ActionIcon, Anchor, Button, Card, Group, Modal, NumberInput, Select, Stack, Tabs, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconSearch, IconTrash } from '@tabler/icons-react';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { ApiError, fieldErrors, http } from '../../../lib/api.ts';
import { useQueryParamSync } from '../../../lib/search-param.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { EmptyText, ErrorAlert, FormActions, Loading, LoadMore } from '../../../ui/common.tsx';
import { goalApi, goalKeys, goalQueries, type Goal, type GoalBody, type TreeNode } from './api.ts';
import { GoalProgress, StatusBadge } from './GoalBits.tsx';

type Search = { q?: string; periodId?: string; tab?: string };
const tabs = [
  { value: 'mine', label: 'My goals', empty: 'You have no goals in this period yet. Add one to say what you are aiming for.' },
  { value: 'team', label: 'Team', empty: 'No goals of your team to show in this period.' },
  { value: 'company', label: 'Company', empty: 'No company, department or group goals to show in this period.' },
  { value: 'alignment', label: 'Alignment', empty: 'No goals to show in this period.' },
] as const;

export default function GoalsPage() {
  const search = useSearch({ strict: false }) as Search;
  const navigate = useNavigate();
  const tab = tabs.find((t) => t.value === search.tab)?.value ?? 'mine';
  const [text, setText] = useState(search.q ?? '');
  const [q] = useDebouncedValue(text.trim(), 300);
  const set = (patch: Partial<Search>) => void navigate({ to: '/goals', search: { ...search, ...patch } as never, replace: true });
  useQueryParamSync('/goals', q, search.q, (v) => set({ q: v }));
  const periods = useQuery(goalQueries.periods());
  const current = periods.data?.data.find((p) => p.current && p.kind === 'quarter');
  const periodId = search.periodId ?? current?.id;
  const [creating, setCreating] = useState(false);

  return (
    <Stack>
      <PageHeader
        title="Goals"
        description="Objectives and key results: yours, your team's and the company's, and how they align."
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
            New goal
          </Button>
        }
      />
      <Group wrap="wrap" align="flex-end">
        <TextInput
          label="Search goals"
          leftSection={<IconSearch size={16} aria-hidden />}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          style={{ flex: '1 1 220px' }}
        />
        <Select
          label="Period"
          data={[{ value: 'all', label: 'All periods' }, ...(periods.data?.data ?? []).map((p) => ({ value: p.id, label: p.closedAt ? `${p.name} (closed)` : p.name }))]}
          value={periodId ?? 'all'}
          onChange={(v) => set({ periodId: v ?? undefined })}
          allowDeselect={false}
          style={{ flex: '0 1 200px' }}
        />
      </Group>
      <Tabs value={tab} onChange={(v) => set({ tab: v ?? 'mine' })}>
        <Tabs.List>
          {tabs.map((t) => (
            <Tabs.Tab key={t.value} value={t.value}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {tabs.map((t) => (
          <Tabs.Panel key={t.value} value={t.value} pt="md">
            {tab === t.value &&
              (t.value === 'alignment' ? (
                <AlignmentTree periodId={periodId === 'all' ? undefined : periodId} q={q || undefined} empty={t.empty} />
              ) : (
                <GoalList scope={t.value} periodId={periodId === 'all' ? undefined : periodId} q={q || undefined} empty={t.empty} />
              ))}
          </Tabs.Panel>
        ))}
      </Tabs>
      <NewGoalModal opened={creating} onClose={() => setCreating(false)} />
    </Stack>
  );
}

function GoalList({ scope, periodId, q, empty }: { scope: 'mine' | 'team' | 'company'; periodId?: string; q?: string; empty: string }) {
  const filters = { scope, periodId, q };
  const list = useInfiniteQuery({
    queryKey: goalKeys.list(filters),
    queryFn: ({ pageParam }) => http.get('/goals', { query: { ...filters, limit: 50, cursor: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  if (list.isLoading) return <Loading label="Loading goals" />;
  if (list.isError) return <ErrorAlert error={list.error} />;
  const goals = list.data?.pages.flatMap((p) => p.data) ?? [];
  if (!goals.length) return <EmptyText>{q ? `No goals match “${q}”.` : empty}</EmptyText>;
  return (
    <Stack gap="sm">
      {goals.map((g) => (
        <GoalCard key={g.id} g={g} />
      ))}
      <LoadMore hasMore={!!list.hasNextPage} loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()} />
    </Stack>
  );
}

function GoalCard({ g }: { g: Goal }) {
  return (
    <Card withBorder padding="sm" component="article" aria-label={g.title}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Anchor component={Link} to="/goals/$id" params={{ id: g.id } as never} fw={600} style={{ overflowWrap: 'anywhere' }}>
            {g.title}
          </Anchor>
          <Text size="sm" c="dimmed">
            {g.ownerName}
            {g.periodName ? ` · ${g.periodName}` : ''}
          </Text>
        </Stack>
        <StatusBadge status={g.status} />
      </Group>
      <GoalProgress value={g.progress} label={`Progress of ${g.title}`} />
    </Card>
  );
}

function AlignmentTree({ periodId, q, empty }: { periodId?: string; q?: string; empty: string }) {
  const tree = useQuery(goalQueries.tree(periodId, q));
  if (tree.isLoading) return <Loading label="Loading the alignment" />;
  if (tree.isError) return <ErrorAlert error={tree.error} />;
  const nodes = tree.data?.data ?? [];
  if (!nodes.length) return <EmptyText>{q ? `No goals match “${q}”.` : empty}</EmptyText>;
  const children = new Map<string | null, TreeNode[]>();
  const ids = new Set(nodes.map((n) => n.id));
  for (const n of nodes) {
    const key = n.parentId && ids.has(n.parentId) ? n.parentId : null;
    children.set(key, [...(children.get(key) ?? []), n]);
  }
  const render = (parent: string | null) => (
    <ul style={{ listStyle: 'none', paddingLeft: parent ? 'var(--mantine-spacing-md)' : 0, margin: 0 }}>
      {(children.get(parent) ?? []).map((n) => (
        <li key={n.id} style={{ borderLeft: parent ? '2px solid var(--mantine-color-gray-3)' : undefined, paddingLeft: parent ? 8 : 0, marginTop: 8 }}>
          <Group justify="space-between" wrap="nowrap">
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Anchor component={Link} to="/goals/$id" params={{ id: n.id } as never} fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
                {n.title}
              </Anchor>
              <Text size="xs" c="dimmed">
                {n.ownerName}
                {n.hiddenChildren ? ` · ${n.hiddenChildren} more ${n.hiddenChildren === 1 ? 'goal' : 'goals'} you cannot see` : ''}
              </Text>
            </Stack>
            <StatusBadge status={n.status} />
          </Group>
          <GoalProgress value={n.progress} label={`Progress of ${n.title}`} />
          {children.has(n.id) && render(n.id)}
        </li>
      ))}
    </ul>
  );
  return (
    <Stack gap={4}>
      {tree.data?.truncated && <Text size="sm">Showing the first 1,000 goals. Search or choose a period to narrow it down.</Text>}
      {render(null)}
    </Stack>
  );
}

type KrDraft = { title: string; kind: 'number' | 'percentage' | 'currency' | 'binary'; startValue: number | string; targetValue: number | string; unit: string };
type Values = { title: string; description: string; visibility: 'public' | 'team' | 'private'; keyResults: KrDraft[] };

export function NewGoalModal({ opened, onClose, parentId }: { opened: boolean; onClose: () => void; parentId?: string }) {
  const qc = useQueryClient();
  const navigate = useNavigate();
  const form = useForm<Values>({
    initialValues: { title: '', description: '', visibility: 'public', keyResults: [] },
    validate: { title: (v) => (v.trim() ? null : 'Enter a title') },
  });
  const create = useMutation({
    mutationFn: (v: Values) => {
      const body: GoalBody = {
        title: v.title,
        description: v.description || null,
        visibility: v.visibility,
        ...(parentId && { parentId }),
        keyResults: v.keyResults.map((k) => ({
          title: k.title,
          kind: k.kind,
          unit: k.unit || null,
          ...(k.kind !== 'binary' && { startValue: Number(k.startValue) || 0, targetValue: Number(k.targetValue) }),
        })),
      };
      return goalApi.create(body);
    },
    onSuccess: (g) => {
      void qc.invalidateQueries({ queryKey: goalKeys.all });
      form.reset();
      onClose();
      void navigate({ to: '/goals/$id', params: { id: g.id } });
    },
    onError: (err) => (err instanceof ApiError ? form.setErrors(fieldErrors(err)) : notifications.show({ color: 'red', title: 'Could not create the goal', message: (err as Error).message })),
  });
  return (
    <Modal opened={opened} onClose={onClose} title="New goal" size="lg">
      <form onSubmit={form.onSubmit((v) => create.mutate(v))}>
        <Stack>
          <ErrorAlert error={create.error} />
          <TextInput label="Objective" required {...form.getInputProps('title')} />
          <TextInput label="Description" {...form.getInputProps('description')} />
          <Select
            label="Who sees it"
            data={[
              { value: 'public', label: 'Everyone in the organisation' },
              { value: 'team', label: 'My team and managers' },
              { value: 'private', label: 'Me and my managers' },
            ]}
            allowDeselect={false}
            {...form.getInputProps('visibility')}
          />
          <Text fw={600} size="sm">
            Key results
          </Text>
          {form.values.keyResults.length === 0 && <Text size="sm">No key results yet: progress then follows the goals that support this one.</Text>}
          {form.values.keyResults.map((k, i) => (
            <Group key={i} align="flex-end" wrap="wrap">
              <TextInput label="Key result" required style={{ flex: '1 1 200px' }} {...form.getInputProps(`keyResults.${i}.title`)} />
              <Select
                label="Kind"
                w={130}
                data={[
                  { value: 'number', label: 'Number' },
                  { value: 'percentage', label: 'Percentage' },
                  { value: 'currency', label: 'Currency' },
                  { value: 'binary', label: 'Done / not done' },
                ]}
                allowDeselect={false}
                {...form.getInputProps(`keyResults.${i}.kind`)}
              />
              {k.kind !== 'binary' && (
                <>
                  <NumberInput label="Start" w={100} {...form.getInputProps(`keyResults.${i}.startValue`)} />
                  <NumberInput label="Target" w={100} required {...form.getInputProps(`keyResults.${i}.targetValue`)} />
                </>
              )}
              <ActionIcon variant="subtle" color="red.8" aria-label={`Remove key result ${i + 1}`} onClick={() => form.removeListItem('keyResults', i)} mb={4}>
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Group>
          ))}
          <Button
            variant="light"
            size="xs"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => form.insertListItem('keyResults', { title: '', kind: 'number', startValue: 0, targetValue: '', unit: '' })}
            style={{ alignSelf: 'flex-start' }}
          >
            Add key result
          </Button>
          <FormActions onCancel={onClose} label="Create goal" loading={create.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
