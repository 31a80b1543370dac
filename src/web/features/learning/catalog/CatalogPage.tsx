import { Anchor, Badge, Card, Group, Image, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useQueryParamSync } from '../../../lib/search-param.ts';
import { EmptyText, ErrorAlert, LoadMore, Loading } from '../../../ui/common.tsx';
import { skillQueries } from '../../talent/skills/api.ts';
import { formatLabel } from '../authoring/format.ts';
import { catalogQueries, type CatalogFilters as Filters, type CatalogItem } from './api.ts';
import { duration } from './format.ts';
import { EnrollmentStatusBadge } from '../enrollment/EnrollmentStatusBadge.tsx';

export default function CatalogPage() {
  const search = useSearch({ strict: false }) as Filters;
  const navigate = useNavigate();
  const [text, setText] = useState(search.q ?? '');
  const [q] = useDebouncedValue(text.trim(), 300);
  const setFilter = (patch: Filters) =>
    void navigate({ to: '/learning/catalog', search: (prev: Filters) => ({ ...prev, ...patch }) as never, replace: true });
  useQueryParamSync('/learning/catalog', q, search.q, (value) => setFilter({ q: value }));

  const filters: Filters = { q: search.q, skillId: search.skillId, format: search.format, tag: search.tag, duration: search.duration, kind: search.kind };
  const items = useInfiniteQuery(catalogQueries.list(filters));
  const skills = useQuery(skillQueries.everything());
  const tags = useQuery(catalogQueries.tags());
  const list = items.data?.pages.flatMap((p) => p.data) ?? [];
  const filtered = Object.values(filters).some(Boolean);

  return (
    <>
      <PageHeader title="Catalog" description="Courses and learning paths you can take. Enrol yourself in anything marked open." />
      <Stack gap="sm" mb="lg">
        <TextInput label="Search the catalog" leftSection={<IconSearch size={16} aria-hidden />} value={text} onChange={(e) => setText(e.currentTarget.value)} maw={480} />
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Select
            label="Skill"
            placeholder="Any skill"
            clearable
            searchable
            data={(skills.data?.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
            value={search.skillId ?? null}
            onChange={(v) => setFilter({ skillId: v ?? undefined })}
            w={200}
          />
          <Select
            label="Format"
            placeholder="Any format"
            clearable
            data={Object.entries(formatLabel).map(([value, label]) => ({ value, label }))}
            value={search.format ?? null}
            onChange={(v) => setFilter({ format: v ?? undefined })}
            w={160}
          />
          <Select
            label="Duration"
            placeholder="Any length"
            clearable
            data={[
              { value: 'short', label: 'Up to 30 min' },
              { value: 'medium', label: '30 min to 2 h' },
              { value: 'long', label: 'Over 2 h' },
            ]}
            value={search.duration ?? null}
            onChange={(v) => setFilter({ duration: v ?? undefined })}
            w={160}
          />
          <Select
            label="Tag"
            placeholder="Any tag"
            clearable
            searchable
            data={(tags.data?.data ?? []).map((t) => ({ value: t.tag, label: `${t.tag} (${t.count})` }))}
            value={search.tag ?? null}
            onChange={(v) => setFilter({ tag: v ?? undefined })}
            w={180}
          />
          <SegmentedControl
            aria-label="Show"
            value={search.kind ?? 'all'}
            onChange={(v) => setFilter({ kind: v === 'all' ? undefined : v })}
            data={[
              { value: 'all', label: 'All' },
              { value: 'course', label: 'Courses' },
              { value: 'program', label: 'Paths' },
            ]}
          />
        </Group>
      </Stack>
      <ErrorAlert error={items.error} />
      {items.isLoading ? (
        <Loading label="Loading the catalog" />
      ) : items.isError ? null : list.length === 0 ? (
        <EmptyText>{filtered ? 'Nothing matches these filters. Try fewer of them.' : 'The catalog is empty for now: nothing has been published yet.'}</EmptyText>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
          {list.map((item) => (
            <CatalogCard key={`${item.kind}-${item.id}`} item={item} />
          ))}
        </SimpleGrid>
      )}
      <LoadMore hasMore={!!items.hasNextPage} loading={items.isFetchingNextPage} onClick={() => void items.fetchNextPage()} />
    </>
  );
}

function CatalogCard({ item }: { item: CatalogItem }) {
  const to = item.kind === 'course' ? '/learning/catalog/courses/$id' : '/learning/catalog/programs/$id';
  return (
    <Card withBorder padding="md" radius="md">
      {item.coverUrl && (
        <Card.Section mb="sm">
          <Image src={item.coverUrl} alt="" h={140} fit="cover" />
        </Card.Section>
      )}
      <Stack gap={6}>
        <Group gap={6}>
          <Badge variant="light" color={item.kind === 'program' ? 'violet' : 'blue'}>
            {item.kind === 'program' ? 'Learning path' : formatLabel[item.format ?? 'self_paced']}
          </Badge>
          {duration(item.estimatedMinutes) && <Badge variant="outline" color="gray">{duration(item.estimatedMinutes)}</Badge>}
          {item.myEnrollment && <EnrollmentStatusBadge status={item.myEnrollment.status} />}
        </Group>
        <Anchor component={Link} to={to} params={{ id: item.id } as never} fw={600} size="lg">
          {item.title}
        </Anchor>
        {item.summary && (
          <Text size="sm" c="dimmed" lineClamp={3}>
            {item.summary}
          </Text>
        )}
        {item.skills.length > 0 && (
          <Text size="xs">
            Builds: {item.skills.map((s) => `${s.name} (level ${s.level})`).join(', ')}
          </Text>
        )}
        {!item.selfEnrollment && !item.myEnrollment && (
          <Text size="xs" c="dimmed">
            By assignment only
          </Text>
        )}
      </Stack>
    </Card>
  );
}
