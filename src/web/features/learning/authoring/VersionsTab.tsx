import { Alert, Badge, Button, Group, Modal, Radio, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { EmptyText, ErrorAlert, Loading } from '../../../ui/common.tsx';
import { courseApi, courseKeys, courseQueries, type Course } from './api.ts';

const statusColor = { draft: 'gray', published: 'green', retired: 'orange' } as const;

export function VersionsTab({ course, unsaved }: { course: Course; unsaved: boolean }) {
  const qc = useQueryClient();
  const [publishing, setPublishing] = useState(false);
  const versions = useQuery(courseQueries.versions(course.id));
  const list = versions.data?.data ?? [];
  return (
    <Stack>
      <Group justify="space-between" wrap="wrap">
        <Text c="dimmed" size="sm">
          Learners keep the version they started unless you move them to a new one when publishing.
        </Text>
        <Button onClick={() => setPublishing(true)} disabled={!course.hasDraft}>
          Publish draft
        </Button>
      </Group>
      {!course.hasDraft && course.publishedVersionId && (
        <Text size="sm">Everything is published. Edit the content to start a new version.</Text>
      )}
      <ErrorAlert error={versions.error} />
      {versions.isLoading ? (
        <Loading label="Loading versions" />
      ) : list.length === 0 ? (
        <EmptyText>No versions yet.</EmptyText>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Version</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Published</Table.Th>
                <Table.Th>Learners on it</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((v) => (
                <Table.Tr key={v.id}>
                  <Table.Td>v{v.number}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={statusColor[v.status]}>
                      {v.status}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {v.publishedAt ? `${new Date(v.publishedAt).toLocaleString()}${v.publishedByName ? ` by ${v.publishedByName}` : ''}` : `Last saved ${new Date(v.updatedAt).toLocaleString()}`}
                  </Table.Td>
                  <Table.Td>{v.enrollmentCount}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {publishing && (
        <PublishModal
          course={course}
          unsaved={unsaved}
          onClose={() => setPublishing(false)}
          onDone={() => {
            setPublishing(false);
            void qc.invalidateQueries({ queryKey: courseKeys.all });
          }}
        />
      )}
    </Stack>
  );
}

function PublishModal({ course, unsaved, onClose, onDone }: { course: Course; unsaved: boolean; onClose: () => void; onDone: () => void }) {
  const [push, setPush] = useState<'keep' | 'push'>('keep');
  const publish = useMutation({
    mutationFn: () => courseApi.publish(course.id, { pushToLearners: push === 'push' }),
    onSuccess: (r) => {
      notifications.show({
        color: 'green',
        message: `Version ${r.number} is published${r.movedEnrollments ? `; ${r.movedEnrollments} learners moved to it` : ''}`,
      });
      onDone();
    },
  });
  return (
    <Modal opened onClose={onClose} title="Publish the draft">
      <Stack>
        {unsaved && (
          <Alert color="orange" title="You have unsaved changes">
            Save them first: only the saved draft is published.
          </Alert>
        )}
        {publish.error && <ErrorAlert error={publish.error} title="Not published" />}
        {course.publishedVersionId ? (
          <Radio.Group label="Learners already enrolled" value={push} onChange={(v) => setPush(v as 'keep' | 'push')}>
            <Stack gap="xs" mt="xs">
              <Radio value="keep" label="Keep them on the version they started (new enrolments get this version)" />
              <Radio value="push" label="Move everyone who has not completed onto this version" />
            </Stack>
          </Radio.Group>
        ) : (
          <Text>The course appears in the catalog{course.selfEnrollment ? ' and people can enrol themselves' : ''}.</Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={() => publish.mutate()} loading={publish.isPending}>
            Publish
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
