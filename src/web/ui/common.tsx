import { Alert, Button, Center, Group, Loader, Select, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, type Page } from '../lib/api.ts';
import type { Person } from '../features/people/types.ts';

/** Drawer titles are the drawer's h2: sized like a heading. */
export const drawerTitle = { title: { fontSize: 'var(--mantine-h3-font-size)', fontWeight: 700 } } as const;

export function ErrorAlert({ error, title = 'Something went wrong' }: { error: unknown; title?: string }) {
  if (!error) return null;
  return (
    <Alert color="red" role="alert" title={title} mb="md">
      {error instanceof Error ? error.message : String(error)}
    </Alert>
  );
}

/** Shown while a page's first request is in flight; announced to screen readers. */
export function Loading({ label = 'Loading' }: { label?: string }) {
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Loader size="sm" aria-hidden />
      <Text size="sm" c="dimmed" ml="sm">
        {label}…
      </Text>
    </Center>
  );
}

export function LoadMore({ hasMore, loading, onClick }: { hasMore: boolean; loading: boolean; onClick: () => void }) {
  if (!hasMore) return null;
  return (
    <Group justify="center" mt="md">
      <Button variant="default" onClick={onClick} loading={loading}>
        Load more
      </Button>
    </Group>
  );
}

export function EmptyText({ children }: { children: React.ReactNode }) {
  return (
    <Text c="dimmed" py="lg" ta="center">
      {children}
    </Text>
  );
}

/** Pick a person by typing part of their name; shows the chosen one even before searching. */
export function PersonPicker({
  label,
  value,
  onChange,
  initial,
  error,
  exclude,
  placeholder = 'Type a name',
  clearAfterPick = false,
}: {
  label: string;
  value: string | null;
  onChange: (id: string | null, person?: Person) => void;
  initial?: { id: string; name: string } | null;
  error?: React.ReactNode;
  exclude?: string;
  placeholder?: string;
  /** For "add someone" pickers: empty again once a person is chosen. */
  clearAfterPick?: boolean;
}) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 200);
  const hits = useQuery({
    queryKey: ['people-search', q],
    queryFn: () => api<Page<Person>>('people', { query: { q, limit: 10 } }),
    enabled: q.length >= 2,
  });
  const people = (hits.data?.data ?? []).filter((p) => p.id !== exclude);
  const data = people.map((p) => ({ value: p.id, label: p.name + (p.jobTitle ? ` · ${p.jobTitle}` : '') }));
  if (initial && value === initial.id && !data.some((d) => d.value === initial.id)) data.unshift({ value: initial.id, label: initial.name });
  return (
    <Select
      label={label}
      placeholder={placeholder}
      searchable
      clearable
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      data={data}
      filter={({ options }) => options}
      nothingFoundMessage={q.length >= 2 && !hits.isFetching ? 'No one found' : 'Type at least 2 letters'}
      onChange={(id) => {
        onChange(id, people.find((p) => p.id === id));
        if (clearAfterPick) setTimeout(() => setSearch(''), 0);
      }}
      error={error}
    />
  );
}

/** Asks before something destructive; the red button names the action. */
export function confirmDanger(o: { title: string; body: React.ReactNode; confirm: string; onConfirm: () => void }) {
  modals.openConfirmModal({
    title: o.title,
    children: o.body,
    labels: { confirm: o.confirm, cancel: 'Cancel' },
    confirmProps: { color: 'red' },
    closeButtonProps: { 'aria-label': 'Close' },
    onConfirm: o.onConfirm,
  });
}

/** Cancel and submit buttons at the foot of a modal or drawer form. */
export function FormActions({ onCancel, label = 'Save', loading }: { onCancel: () => void; label?: string; loading?: boolean }) {
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        Cancel
      </Button>
      <Button type="submit" loading={loading}>
        {label}
      </Button>
    </Group>
  );
}
