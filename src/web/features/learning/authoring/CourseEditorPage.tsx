import { Anchor, Badge, Button, Group, Tabs } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useBlocker, useParams } from '@tanstack/react-router';
import { useCallback, useState } from 'react';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { ApiError } from '../../../lib/api.ts';
import { EmptyText, ErrorAlert, Loading } from '../../../ui/common.tsx';
import { AssignDialog } from '../enrollment/AssignDialog.tsx';
import { ContentTab } from './ContentTab.tsx';
import { DetailsTab } from './DetailsTab.tsx';
import { courseApi, courseKeys, courseQueries } from './api.ts';
import { formatLabel } from './format.ts';
import { VersionsTab } from './VersionsTab.tsx';

const statusColor = { draft: 'gray', published: 'green', archived: 'orange' } as const;

export default function CourseEditorPage() {
  const { id } = useParams({ strict: false }) as { id: string };
  const qc = useQueryClient();
  const [tab, setTab] = useState<string>('details');
  const [dirty, setDirty] = useState({ details: false, content: false });
  const [assigning, setAssigning] = useState(false);
  const course = useQuery(courseQueries.one(id));
  const setDetailsDirty = useCallback((d: boolean) => setDirty((x) => (x.details === d ? x : { ...x, details: d })), []);
  const setContentDirty = useCallback((d: boolean) => setDirty((x) => (x.content === d ? x : { ...x, content: d })), []);
  const unsaved = dirty.details || dirty.content;
  useBlocker({
    shouldBlockFn: () => unsaved && !window.confirm('You have unsaved changes. Leave without saving?'),
    enableBeforeUnload: () => unsaved,
  });
  const archive = useMutation({
    mutationFn: () => courseApi.archive(id),
    onSuccess: (c) => {
      qc.setQueryData(courseKeys.one(id), c);
      void qc.invalidateQueries({ queryKey: courseKeys.all });
      notifications.show({ message: 'The course is archived: it left the catalog; enrolled learners keep it.' });
    },
    onError: (err) => notifications.show({ color: 'red', message: (err as Error).message }),
  });

  if (course.isLoading) return <Loading label="Loading the course" />;
  if (course.error || !course.data) {
    return (
      <>
        <PageHeader title="Course" />
        {course.error instanceof ApiError && course.error.status === 404 ? <EmptyText>This course does not exist.</EmptyText> : <ErrorAlert error={course.error} />}
        <Anchor component={Link} to="/admin/courses">
          All courses
        </Anchor>
      </>
    );
  }
  const c = course.data;
  return (
    <>
      <PageHeader
        title={c.title}
        description={
          <Group gap="xs" component="span">
            <Badge variant="light" color={statusColor[c.status]}>
              {c.status}
            </Badge>
            <Badge variant="outline" color="gray">
              {formatLabel[c.format]}
            </Badge>
            {c.publishedVersionNumber && <span>Published version {c.publishedVersionNumber}</span>}
            {unsaved && (
              <Badge color="orange" variant="light">
                Unsaved changes
              </Badge>
            )}
          </Group>
        }
        actions={
          <Group gap="xs">
            {c.status === 'published' && (
              <Button component={Link} to="/learning/catalog/courses/$id" params={{ id: c.id } as never} variant="default">
                View in catalog
              </Button>
            )}
            <Button variant="default" onClick={() => setAssigning(true)} disabled={c.status !== 'published'} title={c.status !== 'published' ? 'Publish the course first' : undefined}>
              Assign
            </Button>
            {c.status !== 'archived' && (
              <Button
                variant="subtle"
                color="red"
                onClick={() =>
                  modals.openConfirmModal({
                    title: `Archive “${c.title}”?`,
                    children: 'It leaves the catalog. People already enrolled keep access and their records.',
                    labels: { confirm: 'Archive', cancel: 'Cancel' },
                    confirmProps: { color: 'red' },
                    onConfirm: () => archive.mutate(),
                  })
                }
              >
                Archive
              </Button>
            )}
          </Group>
        }
      />
      <Tabs value={tab} onChange={(v) => v && setTab(v)} keepMounted>
        <Tabs.List mb="md">
          <Tabs.Tab value="details">Details{dirty.details ? ' •' : ''}</Tabs.Tab>
          <Tabs.Tab value="content">Content{dirty.content ? ' •' : ''}</Tabs.Tab>
          <Tabs.Tab value="versions">Versions</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="details">
          <DetailsTab course={c} onDirtyChange={setDetailsDirty} />
        </Tabs.Panel>
        <Tabs.Panel value="content">
          <ContentTab courseId={c.id} onDirtyChange={setContentDirty} />
        </Tabs.Panel>
        <Tabs.Panel value="versions">
          <VersionsTab course={c} unsaved={dirty.content} />
        </Tabs.Panel>
      </Tabs>
      <AssignDialog target={assigning ? { courseId: c.id, title: c.title } : null} onClose={() => setAssigning(false)} />
    </>
  );
}
