import { Anchor, Badge, Button, Group, Modal, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { fieldErrors } from '../../../lib/api.ts';
import { EmptyText, ErrorAlert, LoadMore, Loading } from '../../../ui/common.tsx';
import { courseApi, courseQueries, type CourseFormat } from './api.ts';
import { formatLabel } from './format.ts';

const statusColor = { draft: 'gray', published: 'green', archived: 'orange' } as const;

export default function AdminCoursesPage() {
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 250);
  const [status, setStatus] = useState<string | null>(null);
  const [format, setFormat] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const courses = useInfiniteQuery(courseQueries.list({ q, status, format }));
  const list = courses.data?.pages.flatMap((p) => p.data) ?? [];
  return (
    <>
      <PageHeader
        title="Courses"
        description="Author courses, publish new versions and assign them."
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
            New course
          </Button>
        }
      />
      <Group gap="sm" align="flex-end" mb="md" wrap="wrap">
        <TextInput label="Search courses" leftSection={<IconSearch size={16} aria-hidden />} value={text} onChange={(e) => setText(e.currentTarget.value)} w={280} />
        <Select
          label="Status"
          placeholder="Any status"
          clearable
          data={[
            { value: 'draft', label: 'Draft' },
            { value: 'published', label: 'Published' },
            { value: 'archived', label: 'Archived' },
          ]}
          value={status}
          onChange={setStatus}
          w={160}
        />
        <Select
          label="Format"
          placeholder="Any format"
          clearable
          data={Object.entries(formatLabel).map(([value, label]) => ({ value, label }))}
          value={format}
          onChange={setFormat}
          w={160}
        />
      </Group>
      <ErrorAlert error={courses.error} />
      {courses.isLoading ? (
        <Loading label="Loading courses" />
      ) : courses.isError ? null : list.length === 0 ? (
        <EmptyText>{q || status || format ? 'No courses match.' : 'No courses yet. Create one to start writing lessons and quizzes.'}</EmptyText>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Course</Table.Th>
                <Table.Th>Format</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Version</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <Anchor component={Link} to="/admin/courses/$id" params={{ id: c.id } as never} fw={500}>
                      {c.title}
                    </Anchor>
                    {c.summary && (
                      <Text size="xs" c="dimmed" lineClamp={1}>
                        {c.summary}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{formatLabel[c.format]}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={statusColor[c.status]}>
                      {c.status}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {c.publishedVersionNumber ? `v${c.publishedVersionNumber}` : '—'}
                    {c.hasDraft && c.publishedVersionNumber ? (
                      <Text span size="xs" c="dimmed">
                        {' '}
                        + unpublished changes
                      </Text>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <LoadMore hasMore={!!courses.hasNextPage} loading={courses.isFetchingNextPage} onClick={() => void courses.fetchNextPage()} />
      {creating && <NewCourseModal onClose={() => setCreating(false)} />}
    </>
  );
}

function NewCourseModal({ onClose }: { onClose: () => void }) {
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [format, setFormat] = useState<CourseFormat>('self_paced');
  const [externalUrl, setExternalUrl] = useState('');
  const create = useMutation({
    mutationFn: () => courseApi.create({ title: title.trim(), format, ...(format === 'external' ? { externalUrl: externalUrl.trim() } : {}) }),
    onSuccess: (c) => void navigate({ to: '/admin/courses/$id', params: { id: c.id } }),
  });
  const errors = fieldErrors(create.error);
  return (
    <Modal opened onClose={onClose} title="New course">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <Stack>
          {create.error && !Object.keys(errors).length && <ErrorAlert error={create.error} />}
          <TextInput label="Title" required data-autofocus value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={errors.title} />
          <Select
            label="Format"
            data={Object.entries(formatLabel).map(([value, label]) => ({ value, label }))}
            value={format}
            onChange={(v) => v && setFormat(v as CourseFormat)}
            allowDeselect={false}
          />
          {format === 'external' && (
            <TextInput label="Link to the course" placeholder="https://" required value={externalUrl} onChange={(e) => setExternalUrl(e.currentTarget.value)} error={errors.externalUrl} />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending} disabled={!title.trim()}>
              Create
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
