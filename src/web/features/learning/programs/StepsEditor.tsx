import { ActionIcon, Alert, Badge, Button, Card, Checkbox, Group, Radio, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, fieldErrors } from '../../../lib/api.ts';
import { PersonPicker } from '../../people/PersonPicker.tsx';
import { courseQueries } from '../authoring/api.ts';
import { programApi, programKeys, type EvidenceKind, type ProgramDetail, type ProgramStep } from './api.ts';
import { kindLabels } from './format.ts';

/** A step as edited: existing ones keep their id (submissions point at them). */
type Draft =
  | { key: string; id?: string; kind: 'course'; courseId: string; title: string }
  | {
      key: string;
      id?: string;
      kind: 'checkpoint';
      title: string;
      instructions: string;
      evidenceKinds: EvidenceKind[];
      approver: 'manager' | 'person';
      approverPersonId: string | null;
      approverName: string | null;
    };

let seq = 0;
const key = () => `new-${++seq}`;

function toDraft(s: ProgramStep): Draft {
  return s.kind === 'course'
    ? { key: s.id, id: s.id, kind: 'course', courseId: s.courseId!, title: s.course?.title ?? s.title ?? 'Course' }
    : {
        key: s.id,
        id: s.id,
        kind: 'checkpoint',
        title: s.title ?? '',
        instructions: s.instructions ?? '',
        evidenceKinds: s.evidenceKinds ?? ['text'],
        approver: s.approver ?? 'manager',
        approverPersonId: s.approverPerson?.id ?? null,
        approverName: s.approverPerson?.name ?? null,
      };
}

/** Add courses and checkpoints, reorder them with buttons, remove them, then save the list. */
export function StepsEditor({ program }: { program: ProgramDetail }) {
  const qc = useQueryClient();
  const [steps, setSteps] = useState<Draft[]>(() => program.steps.map(toDraft));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 200);
  const courses = useQuery(courseQueries.published(q));
  const save = useMutation({
    mutationFn: () =>
      programApi.saveSteps(program.id, {
        steps: steps.map((s) =>
          s.kind === 'course'
            ? { id: s.id, kind: 'course', courseId: s.courseId }
            : {
                id: s.id,
                kind: 'checkpoint',
                title: s.title.trim(),
                instructions: s.instructions.trim() || null,
                evidenceKinds: s.evidenceKinds,
                approver: s.approver,
                approverPersonId: s.approver === 'person' ? s.approverPersonId : null,
              },
        ),
      }),
    onSuccess: (p) => {
      setErrors({});
      setSteps(p.steps.map(toDraft));
      notifications.show({ color: 'green', message: 'Steps saved' });
      qc.setQueryData(programKeys.one(program.id), p);
      void qc.invalidateQueries({ queryKey: programKeys.admin });
    },
    onError: (err) => setErrors(fieldErrors(err)),
  });

  const update = (i: number, patch: Partial<Draft>) => setSteps((xs) => xs.map((x, j) => (j === i ? ({ ...x, ...patch } as Draft) : x)));
  const move = (i: number, by: number) =>
    setSteps((xs) => {
      const out = [...xs];
      const [x] = out.splice(i, 1);
      out.splice(i + by, 0, x!);
      return out;
    });
  const inProgram = new Set(steps.flatMap((s) => (s.kind === 'course' ? [s.courseId] : [])));
  const options = (courses.data?.data ?? []).filter((c) => !inProgram.has(c.id)).map((c) => ({ value: c.id, label: `${c.title}${c.format === 'live' ? ' (live)' : c.format === 'external' ? ' (external)' : ''}` }));
  const err = (i: number, f: string) => errors[`steps.${i}.${f}`];
  const conflictMsg = save.error && !Object.keys(errors).length ? save.error : null;

  return (
    <Stack>
      {conflictMsg && (
        <Alert color="red" role="alert" title="The steps could not be saved">
          {(conflictMsg as Error).message}
          {conflictMsg instanceof ApiError &&
            conflictMsg.details.map((d, i) => (
              <Text key={i} size="sm">
                {d.message}
              </Text>
            ))}
        </Alert>
      )}
      {steps.length === 0 && <Text c="dimmed">No steps yet. Add a course or a checkpoint below.</Text>}
      <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
        {steps.map((s, i) => (
          <li key={s.key}>
            <Card withBorder padding="sm">
              <Stack gap="xs">
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <Group gap="xs" wrap="wrap">
                    <Text fw={600}>{i + 1}.</Text>
                    <Badge variant="light" color={s.kind === 'course' ? 'blue' : 'violet'}>
                      {s.kind}
                    </Badge>
                    {s.kind === 'course' && <Text fw={500}>{s.title}</Text>}
                  </Group>
                  <Group gap={4} wrap="nowrap">
                    <ActionIcon variant="subtle" aria-label={`Move step ${i + 1} up`} disabled={i === 0} onClick={() => move(i, -1)}>
                      <IconArrowUp size={16} aria-hidden />
                    </ActionIcon>
                    <ActionIcon variant="subtle" aria-label={`Move step ${i + 1} down`} disabled={i === steps.length - 1} onClick={() => move(i, 1)}>
                      <IconArrowDown size={16} aria-hidden />
                    </ActionIcon>
                    <ActionIcon variant="subtle" color="red" aria-label={`Remove step ${i + 1}`} onClick={() => setSteps((xs) => xs.filter((_, j) => j !== i))}>
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  </Group>
                </Group>
                {s.kind === 'course' && err(i, 'courseId') && (
                  <Text c="red.9" size="sm">
                    {err(i, 'courseId')}
                  </Text>
                )}
                {s.kind === 'checkpoint' && <CheckpointFields s={s} i={i} err={(f) => err(i, f)} onChange={(p) => update(i, p)} />}
              </Stack>
            </Card>
          </li>
        ))}
      </Stack>
      <Card withBorder padding="sm">
        <Group align="flex-end" wrap="wrap">
          <Select
            label="Add a published course"
            placeholder="Search courses"
            searchable
            searchValue={search}
            onSearchChange={setSearch}
            filter={({ options: o }) => o}
            data={options}
            value={null}
            nothingFoundMessage={courses.isFetching ? 'Searching…' : 'No published course found'}
            onChange={(id) => {
              const c = courses.data?.data.find((x) => x.id === id);
              if (c) setSteps((xs) => [...xs, { key: key(), kind: 'course', courseId: c.id, title: c.title }]);
              setTimeout(() => setSearch(''), 0);
            }}
            w={360}
            maw="100%"
          />
          <Button
            variant="default"
            onClick={() =>
              setSteps((xs) => [
                ...xs,
                { key: key(), kind: 'checkpoint', title: '', instructions: '', evidenceKinds: ['text'], approver: 'manager', approverPersonId: null, approverName: null },
              ])
            }
          >
            Add a checkpoint
          </Button>
        </Group>
      </Card>
      {Object.keys(errors).length > 0 && (
        <Alert color="red" role="alert">
          Some steps need attention; see the messages above.
        </Alert>
      )}
      <Group justify="flex-end">
        <Button onClick={() => save.mutate()} loading={save.isPending}>
          Save steps
        </Button>
      </Group>
    </Stack>
  );
}

function CheckpointFields({
  s,
  i,
  err,
  onChange,
}: {
  s: Extract<Draft, { kind: 'checkpoint' }>;
  i: number;
  err: (f: string) => string | undefined;
  onChange: (p: Partial<Draft>) => void;
}) {
  return (
    <Stack gap="xs">
      <TextInput label="Checkpoint title" required value={s.title} onChange={(e) => onChange({ title: e.currentTarget.value })} error={err('title')} />
      <Textarea label="Instructions" autosize minRows={2} value={s.instructions} onChange={(e) => onChange({ instructions: e.currentTarget.value })} error={err('instructions')} />
      <Checkbox.Group
        label="Evidence the learner can give"
        value={s.evidenceKinds}
        onChange={(v) => onChange({ evidenceKinds: v as EvidenceKind[] })}
        error={err('evidenceKinds')}
      >
        <Group mt={4}>
          {(['text', 'link', 'file'] as const).map((k) => (
            <Checkbox key={k} value={k} label={kindLabels[k]} />
          ))}
        </Group>
      </Checkbox.Group>
      <Radio.Group label="Approved by" value={s.approver} onChange={(v) => onChange({ approver: v as 'manager' | 'person' })} name={`approver-${i}`}>
        <Group mt={4}>
          <Radio value="manager" label="The learner's manager" />
          <Radio value="person" label="A named person" />
        </Group>
      </Radio.Group>
      {s.approver === 'person' && (
        <PersonPicker
          label="Approver"
          value={s.approverPersonId}
          initial={s.approverPersonId && s.approverName ? { id: s.approverPersonId, name: s.approverName } : null}
          onChange={(id, p) => onChange({ approverPersonId: id, approverName: p?.name ?? null })}
          error={err('approverPersonId')}
        />
      )}
    </Stack>
  );
}
