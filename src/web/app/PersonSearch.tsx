import { Autocomplete } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { peopleQueries } from '../features/people/api.ts';

/** Header search: type a name, email or employee number; choosing a result opens the profile. */
export function PersonSearch() {
  const [value, setValue] = useState('');
  const [debounced] = useDebouncedValue(value.trim(), 200);
  const navigate = useNavigate();
  const { data } = useQuery({
    ...peopleQueries.search(debounced, 8),
    staleTime: 30_000,
  });
  const hits = data?.data ?? [];
  const options = hits.map((p) => ({ value: p.id, label: `${p.name}${p.jobTitle ? ` · ${p.jobTitle}` : ''}` }));
  return (
    <Autocomplete
      aria-label="Search people"
      placeholder="Search"
      leftSection={<IconSearch size={16} aria-hidden />}
      value={value}
      onChange={setValue}
      data={options.map((o) => ({ value: o.value, label: o.label }))}
      filter={({ options: opts }) => opts}
      onOptionSubmit={(id) => {
        // The input sets the chosen label after this handler; clear it once that has happened.
        setTimeout(() => setValue(''), 0);
        void navigate({ to: '/people/$id', params: { id } });
      }}
      w={{ base: 110, xs: 220, md: 300 }}
      limit={8}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
