import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { peopleQueries, type Person } from './api.ts';

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
  const hits = useQuery(peopleQueries.search(q));
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
