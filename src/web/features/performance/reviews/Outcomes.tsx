import { Button, Group, Modal, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { fieldErrors } from '../../../lib/api.ts';
import { DoneStep, ErrorAlert, drawerTitle } from '../../../ui/common.tsx';
import { CatalogPicker } from '../../learning/enrollment/AssignDialog.tsx';
import { enrollmentKeys } from '../../learning/enrollment/api.ts';
import { reviewApi, type PlanItemBody } from './api.ts';

/** What a rating is about: a question, and for a skills question the skill rated. */
export type RatingTarget = { reviewId: string; questionId: string; skillId?: string; label: string; subjectName: string; max?: number };

const actionTypeLabels: Record<PlanItemBody['actionType'], string> = {
  course: 'Course',
  program: 'Program',
  mentoring: 'Mentoring',
  project: 'Project',
  stretch_assignment: 'Stretch assignment',
  other: 'Other',
};

/** "Assign learning" and "Add to development plan" beside one rating of a released, submitted review. */
export function RatingActions({ target }: { target: RatingTarget }) {
  const [open, setOpen] = useState<'assign' | 'plan' | null>(null);
  return (
    <>
      <Group gap="xs">
        <Button size="compact-xs" variant="light" onClick={() => setOpen('assign')} aria-label={`Assign learning for ${target.label}`}>
          Assign learning
        </Button>
        <Button size="compact-xs" variant="light" onClick={() => setOpen('plan')} aria-label={`Add ${target.label} to the development plan`}>
          Add to development plan
        </Button>
      </Group>
      <Modal opened={open === 'assign'} onClose={() => setOpen(null)} title={`Assign learning: ${target.label}`} styles={drawerTitle} size="lg">
        {open === 'assign' && <AssignForm target={target} onClose={() => setOpen(null)} />}
      </Modal>
      <Modal opened={open === 'plan'} onClose={() => setOpen(null)} title={`Development plan: ${target.label}`} styles={drawerTitle} size="lg">
        {open === 'plan' && <PlanForm target={target} onClose={() => setOpen(null)} />}
      </Modal>
    </>
  );
}

function AssignForm({ target, onClose }: { target: RatingTarget; onClose: () => void }) {
  const qc = useQueryClient();
  const [item, setItem] = useState<string | null>(null);
  const [due, setDue] = useState('');
  const [local, setLocal] = useState<string | undefined>();
  const submit = useMutation({
    mutationFn: () => {
      const [kind, id] = (item ?? '').split(':');
      return reviewApi.assignLearning(target.reviewId, {
        ...(kind === 'program' ? { programId: id } : { courseId: id }),
        questionId: target.questionId,
        ...(target.skillId ? { skillId: target.skillId } : {}),
        // The end of the chosen day, in the assigner's time zone.
        ...(due ? { dueAt: new Date(`${due}T23:59:59`).toISOString() } : {}),
      });
    },
    onSuccess: (x) => {
      for (const queryKey of enrollmentKeys.lists) void qc.invalidateQueries({ queryKey });
      notifications.show({ color: 'teal', message: x.alreadyEnrolled ? `${target.subjectName} was already enrolled.` : `Assigned to ${target.subjectName}.` });
    },
  });
  const server = fieldErrors(submit.error);
  if (submit.data)
    return (
      <DoneStep title={submit.data.alreadyEnrolled ? 'Already enrolled' : 'Assigned'} onClose={onClose}>
        {submit.data.alreadyEnrolled
          ? `${target.subjectName} was already enrolled; nothing changed.`
          : `${target.subjectName} is enrolled. My learning shows the reason: ${submit.data.reasonNote}`}
      </DoneStep>
    );
  return (
    <form
      noValidate
      onSubmit={(ev) => {
        ev.preventDefault();
        if (!item) return setLocal('Choose a course or program');
        setLocal(undefined);
        submit.mutate();
      }}
    >
      <Stack>
        <Text size="sm">
          For {target.subjectName}, because of the rating of {target.label}. The review is the reason it shows.
        </Text>
        <ErrorAlert error={submit.error && !Object.keys(server).length ? submit.error : null} title="Could not assign" />
        <CatalogPicker value={item} onChange={setItem} error={local ?? server.courseId ?? server.programId ?? server.skillId ?? server.questionId} />
        <TextInput label="Due" type="date" value={due} onChange={(e) => setDue(e.currentTarget.value)} error={server.dueAt} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={submit.isPending}>
            Assign
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function PlanForm({ target, onClose }: { target: RatingTarget; onClose: () => void }) {
  const qc = useQueryClient();
  const [actionType, setActionType] = useState<PlanItemBody['actionType']>('other');
  const [title, setTitle] = useState('');
  const [level, setLevel] = useState<number | ''>('');
  const submit = useMutation({
    mutationFn: () =>
      reviewApi.addPlanItem(target.reviewId, {
        actionType,
        questionId: target.questionId,
        ...(title.trim() ? { title: title.trim() } : {}),
        ...(target.skillId ? { skillId: target.skillId } : {}),
        ...(level !== '' ? { targetLevel: level } : {}),
      }),
    onSuccess: (x) => {
      void qc.invalidateQueries({ queryKey: ['development-plan'] });
      notifications.show({ color: 'teal', message: `Added “${x.title}” to ${target.subjectName}'s development plan.` });
    },
  });
  const server = fieldErrors(submit.error);
  if (submit.data)
    return (
      <DoneStep title="Added to the plan" onClose={onClose}>
        “{submit.data.title}” is on {target.subjectName}'s development plan.
      </DoneStep>
    );
  return (
    <form
      noValidate
      onSubmit={(ev) => {
        ev.preventDefault();
        submit.mutate();
      }}
    >
      <Stack>
        <ErrorAlert error={submit.error && !Object.keys(server).length ? submit.error : null} title="Could not add it" />
        <Select
          label="Action type"
          data={Object.entries(actionTypeLabels).map(([value, label]) => ({ value, label }))}
          value={actionType}
          onChange={(v) => v && setActionType(v as PlanItemBody['actionType'])}
          allowDeselect={false}
          error={server.actionType}
        />
        <TextInput label="Title" value={title} maxLength={200} onChange={(e) => setTitle(e.currentTarget.value)} error={server.title} />
        {target.skillId && (
          <NumberInput label="Target level" min={1} max={target.max ?? 10} value={level} onChange={(v) => setLevel(typeof v === 'number' ? v : '')} error={server.targetLevel} />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={submit.isPending}>
            Add to plan
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
