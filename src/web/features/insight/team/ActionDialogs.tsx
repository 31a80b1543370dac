import { Button, Group, Modal, Stack, Switch, Text, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { fieldErrors } from '../../../lib/api.ts';
import { DoneStep, ErrorAlert, drawerTitle } from '../../../ui/common.tsx';
import { oneOnOneApi } from '../../performance/one-on-ones/api.ts';
import { planApi } from '../../talent/development-plans/api.ts';
import { teamKeys, type SignalAction, type TeamMember } from './api.ts';

/*
 * The two actions no existing dialog answers from outside their pages: a talking point for the
 * next 1:1 (the agenda adds points inside a meeting page) and a development-plan item (the plan
 * section adds them on the person's page). Both post to the same endpoints those pages use.
 */

/** Whom an action is for: a card of My team, or a person's overview, gives what the dialogs read. */
export type ActingOn = {
  person: Pick<TeamMember['person'], 'id' | 'firstName'>;
  oneOnOne: Pick<TeamMember['oneOnOne'], 'nextMeetingId'>;
  gaps: ReadonlyArray<Pick<TeamMember['gaps'][number], 'skillId' | 'name' | 'expected'>>;
};
export type Acting = { member: ActingOn; action: Pick<SignalAction, 'text' | 'skillId' | 'targetLevel'> };

export function TalkingPointDialog({ acting, onClose }: { acting: Acting | null; onClose: () => void }) {
  return (
    <Modal opened={acting !== null} onClose={onClose} title="Add a 1:1 talking point" styles={drawerTitle}>
      {acting && <TalkingPointForm key={`${acting.member.person.id}:${acting.action.text}`} acting={acting} onClose={onClose} />}
    </Modal>
  );
}

function TalkingPointForm({ acting, onClose }: { acting: Acting; onClose: () => void }) {
  const qc = useQueryClient();
  const meetingId = acting.member.oneOnOne.nextMeetingId;
  const [body, setBody] = useState(acting.action.text ?? '');
  const [priv, setPriv] = useState(false);
  const submit = useMutation({
    mutationFn: () => oneOnOneApi.addPoint(meetingId!, { body: body.trim(), private: priv }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: teamKeys.all }),
  });
  if (!meetingId) return <Text>There is no upcoming 1:1 with {acting.member.person.firstName}. Start a 1:1 series first.</Text>;
  if (submit.data) return <DoneStep title="Added" onClose={onClose}>The point is on the agenda of your next 1:1 with {acting.member.person.firstName}.</DoneStep>;
  const err = fieldErrors(submit.error);
  return (
    <form noValidate onSubmit={(e) => (e.preventDefault(), body.trim() && submit.mutate())}>
      <Stack>
        <ErrorAlert error={submit.error && !err.body ? submit.error : null} title="Could not add the point" />
        <Textarea label="Talking point" value={body} onChange={(e) => setBody(e.currentTarget.value)} maxLength={2000} autosize minRows={2} required error={err.body} data-autofocus />
        <Switch label="Private (only you see it)" checked={priv} onChange={(e) => setPriv(e.currentTarget.checked)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button type="submit" loading={submit.isPending} disabled={!body.trim()}>Add to next 1:1</Button>
        </Group>
      </Stack>
    </form>
  );
}

export function PlanItemDialog({ acting, onClose }: { acting: Acting | null; onClose: () => void }) {
  return (
    <Modal opened={acting !== null} onClose={onClose} title="Add a development-plan item" styles={drawerTitle}>
      {acting && <PlanItemForm key={`${acting.member.person.id}:${acting.action.skillId}`} acting={acting} onClose={onClose} />}
    </Modal>
  );
}

function PlanItemForm({ acting, onClose }: { acting: Acting; onClose: () => void }) {
  const qc = useQueryClient();
  const gap = acting.member.gaps.find((g) => g.skillId === acting.action.skillId);
  const [title, setTitle] = useState(gap ? `Grow ${gap.name} to level ${gap.expected}` : '');
  const [due, setDue] = useState('');
  const submit = useMutation({
    mutationFn: () =>
      planApi.add(acting.member.person.id, {
        title: title.trim(),
        actionType: 'other',
        skillId: acting.action.skillId ?? null,
        targetLevel: acting.action.targetLevel ?? null,
        ...(due ? { dueDate: due } : {}),
      }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: teamKeys.all }),
  });
  if (submit.data) return <DoneStep title="Added" onClose={onClose}>The item is on {acting.member.person.firstName}’s development plan.</DoneStep>;
  const err = fieldErrors(submit.error);
  return (
    <form noValidate onSubmit={(e) => (e.preventDefault(), title.trim() && submit.mutate())}>
      <Stack>
        <ErrorAlert error={submit.error && !err.title ? submit.error : null} title="Could not add the item" />
        <TextInput label="What" value={title} onChange={(e) => setTitle(e.currentTarget.value)} required error={err.title} data-autofocus />
        <TextInput type="date" label="Due date" description="Optional" value={due} onChange={(e) => setDue(e.currentTarget.value)} error={err.dueDate} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button type="submit" loading={submit.isPending} disabled={!title.trim()}>Add to plan</Button>
        </Group>
      </Stack>
    </form>
  );
}
