import { Alert, Button, Card, Group, Select, SimpleGrid, Skeleton, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useRouteContext, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { hasRole, type Me } from '../../lib/me.ts';
import { useQueryParamSync } from '../../lib/search-param.ts';
import { PersonLine } from '../../ui/PersonAvatar.tsx';
import { peopleQueries } from './api.ts';
type Search = { q?: string; departmentId?: string; location?: string; status?: string };

export default function PeopleDirectoryPage() {
  const { me } = useRouteContext({ from: '/app' }) as { me: Me };
  const search = useSearch({ strict: false }) as Search;
  const navigate = useNavigate();
  const [text, setText] = useState(search.q ?? '');
  const [q] = useDebouncedValue(text.trim(), 250);
  const mobile = useMediaQuery('(max-width: 48em)');
  const setSearch = (patch: Partial<Search>) =>
    void navigate({ to: '/people', search: { ...search, ...patch } as never, replace: true });

  useQueryParamSync('/people', q, search.q, (value) => setSearch({ q: value }));

  const filters = useQuery({ ...peopleQueries.filters(), staleTime: 300_000 });
  const query = { q: search.q, departmentId: search.departmentId, location: search.location, status: search.status };
  const people = useInfiniteQuery(peopleQueries.directory(query));
  const list = people.data?.pages.flatMap((p) => p.data) ?? [];

  return (
    <>
      <PageHeader title="People" description={`Everyone at ${me.orgName}`} />
      <Group mb="md" align="flex-end" wrap="wrap">
        <TextInput
          label="Search"
          placeholder="Name, email, title or employee number"
          leftSection={<IconSearch size={16} aria-hidden />}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          style={{ flex: '1 1 260px' }}
        />
        <Select
          label="Department"
          placeholder="All departments"
          clearable
          searchable
          data={(filters.data?.departments ?? []).map((d) => ({ value: d.id, label: d.name }))}
          value={search.departmentId ?? null}
          onChange={(v) => setSearch({ departmentId: v ?? undefined })}
          w={{ base: '100%', xs: 220 }}
        />
        <Select
          label="Location"
          placeholder="All locations"
          clearable
          searchable
          data={filters.data?.locations ?? []}
          value={search.location ?? null}
          onChange={(v) => setSearch({ location: v ?? undefined })}
          w={{ base: '100%', xs: 180 }}
        />
        {hasRole(me, 'hr_admin') && (
          <Select
            label="Status"
            data={[
              { value: 'active', label: 'Active' },
              { value: 'inactive', label: 'Inactive' },
              { value: 'all', label: 'All' },
            ]}
            value={search.status ?? 'active'}
            onChange={(v) => setSearch({ status: v && v !== 'active' ? v : undefined })}
            allowDeselect={false}
            w={{ base: '100%', xs: 130 }}
          />
        )}
      </Group>

      {people.isError && (
        <Alert color="red" role="alert" title="Could not load people">
          {(people.error as Error).message}
        </Alert>
      )}
      {people.isLoading ? (
        <Stack>
          {Array.from({ length: 6 }, (_, i) => (
            <Skeleton key={i} height={44} />
          ))}
        </Stack>
      ) : list.length === 0 && !people.isError ? (
        <Card withBorder p="xl">
          <Text fw={600}>No one matches</Text>
          <Text c="dimmed" size="sm">
            Try a shorter search or remove a filter.
          </Text>
        </Card>
      ) : mobile ? (
        <SimpleGrid cols={1}>
          {list.map((p) => (
            <Card key={p.id} withBorder padding="sm">
              <PersonLine id={p.id} name={p.name} subtitle={[p.jobTitle, p.department?.name].filter(Boolean).join(' · ')} />
              {p.location && (
                <Text size="xs" c="dimmed" mt={4}>
                  {p.location}
                </Text>
              )}
            </Card>
          ))}
        </SimpleGrid>
      ) : (
        <Table.ScrollContainer minWidth={700}>
          <Table striped highlightOnHover verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Department</Table.Th>
                <Table.Th>Manager</Table.Th>
                <Table.Th>Location</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    <PersonLine id={p.id} name={p.name + (p.status === 'inactive' ? ' (inactive)' : '')} subtitle={p.jobTitle} />
                  </Table.Td>
                  <Table.Td>{p.department?.name ?? '—'}</Table.Td>
                  <Table.Td>{p.manager ? <Link to="/people/$id" params={{ id: p.manager.id }}>{p.manager.name}</Link> : '—'}</Table.Td>
                  <Table.Td>{p.location ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {people.hasNextPage && (
        <Group justify="center" mt="md">
          <Button variant="default" onClick={() => void people.fetchNextPage()} loading={people.isFetchingNextPage}>
            Load more
          </Button>
        </Group>
      )}
    </>
  );
}
