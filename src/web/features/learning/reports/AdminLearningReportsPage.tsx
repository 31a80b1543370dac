import { Anchor, Badge, Group, Progress, Select, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { EmptyText, ErrorAlert, LoadMore, Loading } from '../../../ui/common.tsx';
import { reportQueries } from './api.ts';
import { dash, formatLabels } from './format.ts';

export default function AdminLearningReportsPage() {
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 250);
  const [status, setStatus] = useState<string | null>(null);
  const courses = useInfiniteQuery(reportQueries.courses(q, status));
  const list = courses.data?.pages.flatMap((p) => p.data) ?? [];
  return (
    <>
      <PageHeader title="Learning reports" description="Per course: who enrolled, who finished, how long it took and what learners thought of it." />
      <Group align="flex-end" mb="md" wrap="wrap">
        <TextInput label="Search courses" leftSection={<IconSearch size={16} aria-hidden />} value={text} onChange={(e) => setText(e.currentTarget.value)} w={300} maw="100%" />
        <Select
          label="Status"
          data={[
            { value: '', label: 'Any status' },
            { value: 'published', label: 'Published' },
            { value: 'draft', label: 'Draft' },
            { value: 'archived', label: 'Archived' },
          ]}
          value={status ?? ''}
          onChange={(v) => setStatus(v || null)}
          allowDeselect={false}
          w={180}
        />
      </Group>
      <ErrorAlert error={courses.error} />
      {courses.isLoading ? (
        <Loading label="Loading course reports" />
      ) : courses.isError ? null : list.length === 0 ? (
        <EmptyText>{q || status ? 'No courses match.' : 'No courses yet. Reports appear here once courses are created.'}</EmptyText>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Course</Table.Th>
                <Table.Th>Enrolled</Table.Th>
                <Table.Th>Completed</Table.Th>
                <Table.Th>Overdue</Table.Th>
                <Table.Th>Mean time</Table.Th>
                <Table.Th>Reaction (1–5)</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((c) => (
                <Table.Tr key={c.courseId}>
                  <Table.Td>
                    <Anchor component={Link} to={`/admin/learning-reports/${c.courseId}`} fw={500}>
                      {c.title}
                    </Anchor>
                    <Group gap={4} mt={2}>
                      <Text size="xs" c="dimmed">
                        {formatLabels[c.format] ?? c.format}
                      </Text>
                      {c.status !== 'published' && (
                        <Badge size="xs" variant="light" color="gray">
                          {c.status}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>{c.enrolled}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Progress value={c.completionRate ?? 0} w={60} aria-hidden />
                      <Text size="sm">
                        {dash(c.completionRate, '%')} ({c.completed})
                      </Text>
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text span size="sm" c={c.overdue ? 'red.9' : undefined}>
                      {c.overdue}
                    </Text>
                  </Table.Td>
                  <Table.Td>{dash(c.meanTimeSpentMinutes, ' min')}</Table.Td>
                  <Table.Td>
                    {dash(c.meanReaction)}
                    {c.reactions > 0 && (
                      <Text span size="xs" c="dimmed">
                        {' '}
                        ({c.reactions})
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <LoadMore hasMore={!!courses.hasNextPage} loading={courses.isFetchingNextPage} onClick={() => void courses.fetchNextPage()} />
    </>
  );
}
