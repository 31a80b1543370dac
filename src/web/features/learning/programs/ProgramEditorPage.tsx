import { Anchor, Badge, Button, Card, Group, NumberInput, Stack, Switch, TagsInput, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { fieldErrors } from '../../../lib/api.ts';
import { ErrorAlert, Loading, confirmDanger } from '../../../ui/common.tsx';
import { AssignDialog, type AssignTarget } from '../enrollment/AssignDialog.tsx';
import { StepsEditor } from './StepsEditor.tsx';
import { programApi, programKeys, programQueries, type ProgramDetail } from './api.ts';
import { programStatusColor } from './AdminProgramsPage.tsx';

/** Edit a program: its details, its ordered steps, publishing, and assigning it. */
export default function ProgramEditorPage() {
  const { id } = useParams({ strict: false }) as { id: string };
  const qc = useQueryClient();
  const [assign, setAssign] = useState<AssignTarget | null>(null);
  const program = useQuery(programQueries.one(id));
  const status = useMutation({
    mutationFn: (to: 'publish' | 'archive') => (to === 'publish' ? programApi.publish(id) : programApi.archive(id)),
    onSuccess: (p) => {
      qc.setQueryData(programKeys.one(id), p);
      void qc.invalidateQueries({ queryKey: programKeys.admin });
      notifications.show({ color: 'green', message: p.status === 'published' ? 'Published: learners can find it in the catalog' : 'Archived' });
    },
  });
  if (program.isLoading) return <Loading label="Loading the program" />;
  if (program.isError || !program.data) return <ErrorAlert error={program.error} title="This program could not be opened" />;
  const p = program.data;
  return (
    <>
      <Anchor component={Link} to="/admin/programs" size="sm">
        ← Programs
      </Anchor>
      <PageHeader
        title={p.title}
        description={
          <Badge variant="light" color={programStatusColor[p.status]}>
            {p.status}
          </Badge>
        }
        actions={
          <Group gap="xs">
            {p.status === 'published' && (
              <Button variant="default" onClick={() => setAssign({ programId: p.id, title: p.title })}>
                Assign
              </Button>
            )}
            {p.status !== 'published' && (
              <Button onClick={() => status.mutate('publish')} loading={status.isPending && status.variables === 'publish'}>
                Publish
              </Button>
            )}
            {p.status === 'published' && (
              <Button
                variant="default"
                color="red"
                onClick={() =>
                  confirmDanger({
                    title: `Archive “${p.title}”?`,
                    body: 'It leaves the catalog and cannot be assigned. People already on it keep their progress.',
                    confirm: 'Archive',
                    onConfirm: () => status.mutate('archive'),
                  })
                }
              >
                Archive
              </Button>
            )}
          </Group>
        }
      />
      <ErrorAlert error={status.error} title="Could not change the status" />
      <Stack gap="lg">
        <Card withBorder padding="md">
          <Title order={2} size="h3" mb="sm">
            Details
          </Title>
          <DetailsForm key={p.updatedAt} program={p} />
        </Card>
        <Card withBorder padding="md">
          <Title order={2} size="h3" mb="sm">
            Steps
          </Title>
          <StepsEditor key={p.steps.map((s) => s.id).join()} program={p} />
        </Card>
      </Stack>
      <AssignDialog target={assign} onClose={() => setAssign(null)} />
    </>
  );
}

function DetailsForm({ program }: { program: ProgramDetail }) {
  const qc = useQueryClient();
  const [title, setTitle] = useState(program.title);
  const [summary, setSummary] = useState(program.summary ?? '');
  const [tags, setTags] = useState(program.tags);
  const [enforceOrder, setEnforceOrder] = useState(program.enforceOrder);
  const [selfEnrollment, setSelfEnrollment] = useState(program.selfEnrollment);
  const [dueDays, setDueDays] = useState<number | string>(program.dueDays ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: () =>
      programApi.update(program.id, { title: title.trim(), summary: summary.trim() || null, tags, enforceOrder, selfEnrollment, dueDays: dueDays === '' ? null : Number(dueDays) }),
    onSuccess: (p) => {
      setErrors({});
      qc.setQueryData(programKeys.one(program.id), p);
      void qc.invalidateQueries({ queryKey: programKeys.admin });
      notifications.show({ color: 'green', message: 'Details saved' });
    },
    onError: (err) => setErrors(fieldErrors(err)),
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Stack>
        {save.error && !Object.keys(errors).length && <ErrorAlert error={save.error} />}
        <TextInput label="Title" required value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={errors.title} />
        <Textarea label="Summary" autosize minRows={2} value={summary} onChange={(e) => setSummary(e.currentTarget.value)} error={errors.summary} />
        <TagsInput label="Tags" value={tags} onChange={setTags} error={errors.tags} />
        <NumberInput
          label="Due after enrolment (days)"
          description="Leave empty for no due date; an assignment can still set one."
          min={1}
          max={3650}
          value={dueDays}
          onChange={setDueDays}
          error={errors.dueDays}
          w={280}
          maw="100%"
        />
        <Switch label="Steps must be done in order" checked={enforceOrder} onChange={(e) => setEnforceOrder(e.currentTarget.checked)} />
        <Switch label="Open for self-enrolment in the catalog" checked={selfEnrollment} onChange={(e) => setSelfEnrollment(e.currentTarget.checked)} />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            Save details
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
