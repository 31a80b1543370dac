import { MultiSelect } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { peopleQueries } from './api.ts';

/**
 * People by name or email (searched from two letters); the chosen ones keep their names while the
 * search moves on. The dialogs that assign learning or goals to people share it.
 */
export function PeopleMultiSelect({
  value,
  onChange,
  label = 'People',
  description,
  placeholder = 'Type a name or email',
  error,
  required,
}: {
  value: string[];
  onChange: (v: string[]) => void;
  label?: string;
  description?: string;
  placeholder?: string;
  error?: string;
  required?: boolean;
}) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 200);
  const [known, setKnown] = useState<Record<string, string>>({});
  const hits = useQuery(peopleQueries.search(q));
  useEffect(() => {
    const found = hits.data?.data;
    if (found?.length) setKnown((k) => ({ ...k, ...Object.fromEntries(found.map((p) => [p.id, p.name])) }));
  }, [hits.data]);
  const data = useMemo(() => {
    const ids = new Set([...value, ...(hits.data?.data ?? []).map((p) => p.id)]);
    return [...ids].map((id) => ({ value: id, label: known[id] ?? id }));
  }, [value, hits.data, known]);
  return (
    <MultiSelect
      label={label}
      description={description}
      placeholder={value.length ? undefined : placeholder}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      data={data}
      value={value}
      onChange={onChange}
      nothingFoundMessage={q.length < 2 ? 'Type at least 2 letters' : hits.isFetching ? 'Searching…' : 'Nobody matches'}
      error={error}
      required={required}
    />
  );
}
