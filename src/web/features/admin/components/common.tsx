import { Alert, Button, Group, Select, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, type Page } from '../../../lib/api.ts';
import type { Person } from '../../people/types.ts';

export function ErrorAlert({ error, title = 'Something went wrong' }: { error: unknown; title?: string }) {
  if (!error) return null;
  return (
    <Alert color="red" role="alert" title={title} mb="md">
      {error instanceof Error ? error.message : String(error)}
    </Alert>
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
}: {
  label: string;
  value: string | null;
  onChange: (id: string | null, person?: Person) => void;
  initial?: { id: string; name: string } | null;
  error?: React.ReactNode;
  exclude?: string;
  placeholder?: string;
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
      onChange={(id) => onChange(id, people.find((p) => p.id === id))}
      error={error}
    />
  );
}
