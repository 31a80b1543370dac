import { Alert, Button, Group, Modal, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { fieldErrors } from '../../../lib/api.ts';
import { DoneStep, ErrorAlert, drawerTitle } from '../../../ui/common.tsx';
import { CatalogPicker } from '../../learning/enrollment/AssignDialog.tsx';
import { enrollmentKeys } from '../../learning/enrollment/api.ts';
import { hurdleApi, hurdleKeys, type Hurdle } from './api.ts';

/** Assign a course or program from a hurdle: the reason is the hurdle, linked, with its status as the baseline. */
export function AssignFromHurdleModal({ hurdle, onClose }: { hurdle: Hurdle | null; onClose: () => void }) {
  return (
    <Modal opened={hurdle !== null} onClose={onClose} title="Assign learning for this hurdle" styles={drawerTitle} size="lg">
      {hurdle && <AssignForm key={hurdle.id} hurdle={hurdle} onClose={onClose} />}
    </Modal>
  );
}

function AssignForm({ hurdle, onClose }: { hurdle: Hurdle; onClose: () => void }) {
  const qc = useQueryClient();
  const [item, setItem] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [due, setDue] = useState('');
  const [local, setLocal] = useState<string | undefined>();
  const submit = useMutation({
    mutationFn: () => {
      const [kind, id] = (item ?? '').split(':');
      return hurdleApi.assignLearning(hurdle.id, {
        ...(kind === 'program' ? { programId: id } : { courseId: id }),
        ...(note.trim() ? { note: note.trim() } : {}),
        // The end of the chosen day, in the assigner's time zone.
        ...(due ? { dueAt: new Date(`${due}T23:59:59`).toISOString() } : {}),
      });
    },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: hurdleKeys.all });
      for (const queryKey of enrollmentKeys.lists) void qc.invalidateQueries({ queryKey });
    },
  });
  const server = fieldErrors(submit.error);
  if (submit.data) {
    return (
      <DoneStep title="Assigned" onClose={onClose}>
        {hurdle.personName} is enrolled. My learning shows it with this hurdle as the reason.
      </DoneStep>
    );
  }
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
          For {hurdle.personName}: “{hurdle.title}”
        </Text>
        <ErrorAlert error={submit.error && !Object.keys(server).length ? submit.error : null} title="Could not assign" />
        <CatalogPicker value={item} onChange={setItem} error={local ?? server.courseId ?? server.programId} />
        <TextInput label="Due" type="date" value={due} onChange={(e) => setDue(e.currentTarget.value)} error={server.dueAt} />
        <Textarea label="Note" description="Why, in your words (shown with the reason)" maxLength={500} autosize minRows={2} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
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
