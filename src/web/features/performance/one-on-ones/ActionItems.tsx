import { ActionIcon, Badge, Button, Checkbox, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { fieldErrors } from '../../../lib/api.ts';
import { EmptyText, ErrorAlert, confirmDanger } from '../../../ui/common.tsx';
import { dayLabel, oneOnOneApi, oneOnOneKeys, type ActionItem, type Meeting } from './api.ts';
import type { Sides } from './SeriesPage.tsx';

/** The meeting's action items and the open ones carried forward from earlier meetings, until done. */
export function ActionItems({ m, sides, editable }: { m: Meeting; sides: Sides; editable: boolean }) {
  return (
    <Stack gap="sm">
      {m.actions.length === 0 ? (
        <EmptyText>{editable ? 'No action items. Add what each of you agreed to do; open ones follow you to the next meeting until they are done.' : 'No action items.'}</EmptyText>
      ) : (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Action items">
          {m.actions.map((a) => (
            <Action key={a.id} a={a} m={m} sides={sides} editable={editable} />
          ))}
        </Stack>
      )}
      {editable && <AddAction meetingId={m.id} sides={sides} />}
    </Stack>
  );
}

function Action({ a, m, sides, editable }: { a: ActionItem; m: Meeting; sides: Sides; editable: boolean }) {
  const qc = useQueryClient();
  const refresh = () => void qc.invalidateQueries({ queryKey: oneOnOneKeys.all });
  const done = useMutation({
    mutationFn: (d: boolean) => oneOnOneApi.patchAction(a.id, { done: d }),
    onSuccess: refresh,
    onError: (err) => notifications.show({ color: 'red', title: 'Could not change the action item', message: (err as Error).message }),
  });
  const remove = useMutation({
    mutationFn: () => oneOnOneApi.deleteAction(a.id),
    onSuccess: refresh,
    onError: (err) => notifications.show({ color: 'red', title: 'Could not remove the action item', message: (err as Error).message }),
  });
  const fromEarlier = a.meetingId !== m.id;
  const who = a.assigneeId === sides.me.id ? 'You' : (a.assigneeName ?? 'Nobody');
  const overdue = !a.doneAt && a.dueOn && a.dueOn < new Date().toISOString().slice(0, 10);
  return (
    <Group component="li" justify="space-between" wrap="nowrap" align="flex-start" data-testid="action-item">
      <Stack gap={2} style={{ minWidth: 0 }}>
        <Checkbox
          label={<span style={{ textDecoration: a.doneAt ? 'line-through' : undefined, overflowWrap: 'anywhere' }}>{a.title}</span>}
          checked={!!a.doneAt}
          disabled={!editable || done.isPending}
          onChange={(e) => done.mutate(e.currentTarget.checked)}
        />
        <Group gap={6} wrap="wrap" pl={30}>
          <Text size="xs" c="dimmed">
            {who}
            {a.dueOn ? ` · due ${dayLabel(`${a.dueOn}T12:00:00`)}` : ''}
            {fromEarlier && a.meetingAt ? ` · agreed ${dayLabel(a.meetingAt)}` : ''}
          </Text>
          {overdue && (
            <Badge size="sm" variant="light" color="red" tt="none">
              Overdue
            </Badge>
          )}
          {fromEarlier && !a.doneAt && (
            <Badge size="sm" variant="light" color="orange" tt="none" title={a.meetingAt ? `Agreed on ${dayLabel(a.meetingAt)}` : undefined}>
              Carried forward
            </Badge>
          )}
          {a.agendaItemBody && (
            <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              From: “{a.agendaItemBody}”
            </Text>
          )}
        </Group>
      </Stack>
      {editable && (
        <ActionIcon
          variant="subtle"
          color="red.8"
          aria-label={`Remove action item ${a.title}`}
          onClick={() => confirmDanger({ title: 'Remove this action item?', body: a.title, confirm: 'Remove', onConfirm: () => remove.mutate() })}
        >
          <IconTrash size={16} aria-hidden />
        </ActionIcon>
      )}
    </Group>
  );
}

/** Adds an action item, optionally from a talking point; used below the list and from a point's menu. */
export function AddAction({ meetingId, sides, agendaItemId, onDone }: { meetingId: string; sides: Sides; agendaItemId?: string; onDone?: () => void }) {
  const qc = useQueryClient();
  const [title, setTitle] = useState('');
  const [assignee, setAssignee] = useState<string | null>(sides.other.id);
  const [due, setDue] = useState('');
  const add = useMutation({
    mutationFn: () => oneOnOneApi.addAction(meetingId, { title, assigneeId: assignee, dueOn: due || null, ...(agendaItemId && { agendaItemId }) }),
    onSuccess: () => {
      setTitle('');
      setDue('');
      void qc.invalidateQueries({ queryKey: oneOnOneKeys.all });
      onDone?.();
    },
  });
  const server = fieldErrors(add.error);
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (title.trim()) add.mutate();
      }}
    >
      <Stack gap="xs">
        <ErrorAlert error={add.error && !Object.keys(server).length ? add.error : null} title="Could not add the action item" />
        <Group align="flex-end" wrap="wrap" gap="xs">
          <TextInput label="Add an action item" value={title} onChange={(e) => setTitle(e.currentTarget.value)} maxLength={500} error={server.title} style={{ flex: '1 1 220px' }} />
          <Select
            label="Who"
            data={[
              { value: sides.other.id, label: sides.other.name },
              { value: sides.me.id, label: 'Me' },
            ]}
            value={assignee}
            onChange={setAssignee}
            error={server.assigneeId}
            w={170}
          />
          <TextInput label="Due" type="date" value={due} onChange={(e) => setDue(e.currentTarget.value)} error={server.dueOn} w={160} />
          <Button type="submit" variant="light" leftSection={<IconPlus size={16} aria-hidden />} loading={add.isPending} disabled={!title.trim()}>
            Add action
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
