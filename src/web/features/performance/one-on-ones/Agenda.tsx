import { ActionIcon, Badge, Button, Checkbox, Group, Menu, Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowDown, IconArrowUp, IconDots, IconLock, IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { fieldErrors } from '../../../lib/api.ts';
import { EmptyText, ErrorAlert, confirmDanger } from '../../../ui/common.tsx';
import { categoryLabels, oneOnOneApi, oneOnOneKeys, oneOnOneQueries, type AgendaItem, type Meeting, type TopicCategory } from './api.ts';
import { PointDialogs, type PointAction } from './PointDialogs.tsx';
import type { Sides } from './SeriesPage.tsx';

const fail = (title: string) => (err: unknown) => notifications.show({ color: 'red', title, message: (err as Error).message });

/** A meeting's talking points: the shared ones and my private ones, in the order I set. */
export function Agenda({ m, sides, editable }: { m: Meeting; sides: Sides; editable: boolean }) {
  const qc = useQueryClient();
  const [acting, setActing] = useState<{ point: AgendaItem; action: PointAction } | null>(null);
  const refresh = () => void qc.invalidateQueries({ queryKey: oneOnOneKeys.all });
  const order = useMutation({ mutationFn: (ids: string[]) => oneOnOneApi.order(m.id, ids), onSuccess: refresh, onError: fail('Could not reorder the points') });
  const move = (i: number, by: -1 | 1) => {
    const ids = m.agenda.map((a) => a.id);
    [ids[i], ids[i + by]] = [ids[i + by]!, ids[i]!];
    order.mutate(ids);
  };
  return (
    <Stack gap="sm">
      {m.agenda.length === 0 ? (
        <EmptyText>{editable ? 'No talking points yet. Add what you want to talk about; the other person sees shared points as soon as you add them.' : 'No talking points.'}</EmptyText>
      ) : (
        <Stack gap="xs" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Talking points">
          {m.agenda.map((a, i) => (
            <Point
              key={a.id}
              a={a}
              sides={sides}
              editable={editable}
              first={i === 0}
              last={i === m.agenda.length - 1}
              onMove={(by) => move(i, by)}
              moving={order.isPending}
              onAction={(action) => setActing({ point: a, action })}
            />
          ))}
        </Stack>
      )}
      {editable && <AddPoint meetingId={m.id} />}
      <PointDialogs acting={acting} meetingId={m.id} sides={sides} onClose={() => setActing(null)} />
    </Stack>
  );
}

function Point({
  a,
  sides,
  editable,
  first,
  last,
  onMove,
  moving,
  onAction,
}: {
  a: AgendaItem;
  sides: Sides;
  editable: boolean;
  first: boolean;
  last: boolean;
  onMove: (by: -1 | 1) => void;
  moving: boolean;
  onAction: (action: PointAction) => void;
}) {
  const qc = useQueryClient();
  const refresh = () => void qc.invalidateQueries({ queryKey: oneOnOneKeys.all });
  const mine = a.authorId === sides.me.id;
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(a.body);
  const patch = useMutation({
    mutationFn: (body: Parameters<typeof oneOnOneApi.patchPoint>[1]) => oneOnOneApi.patchPoint(a.id, body),
    // Pending until the meeting is read again, so the checkbox shows the new state without flicker.
    onSuccess: () => {
      setEditing(false);
      return qc.invalidateQueries({ queryKey: oneOnOneKeys.all });
    },
  });
  // Shown at once on a click, until the meeting is read again.
  const [ticked, setTicked] = useState<boolean | null>(null);
  const discussed = ticked ?? !!a.discussedAt;
  const remove = useMutation({ mutationFn: () => oneOnOneApi.deletePoint(a.id), onSuccess: refresh, onError: fail('Could not remove the point') });
  const short = a.body.length > 60 ? `${a.body.slice(0, 57)}…` : a.body;
  return (
    <Stack component="li" gap={4} p="xs" data-testid="talking-point" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 'var(--mantine-radius-sm)' }}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Group gap="xs" wrap="nowrap" align="flex-start" style={{ minWidth: 0, flex: 1 }}>
          {editable && (
            <Checkbox
              mt={3}
              checked={discussed}
              onChange={(e) => {
                const v = e.currentTarget.checked;
                setTicked(v);
                patch.mutate({ discussed: v }, { onSettled: () => setTicked(null) });
              }}
              aria-label={`Discussed: ${a.body}`}
              disabled={patch.isPending}
            />
          )}
          {editing ? (
            <form
              style={{ flex: 1 }}
              onSubmit={(e) => {
                e.preventDefault();
                patch.mutate({ body: text });
              }}
            >
              <Stack gap={4}>
                <TextInput label="Talking point" value={text} onChange={(e) => setText(e.currentTarget.value)} maxLength={2000} error={fieldErrors(patch.error).body ?? (patch.error as Error | null)?.message} data-autofocus autoFocus />
                <Group gap="xs">
                  <Button type="submit" size="xs" loading={patch.isPending}>
                    Save
                  </Button>
                  <Button size="xs" variant="default" onClick={() => (setEditing(false), setText(a.body))}>
                    Cancel
                  </Button>
                </Group>
              </Stack>
            </form>
          ) : (
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Text size="sm" fw={500} td={a.discussedAt ? 'line-through' : undefined} style={{ overflowWrap: 'anywhere' }}>
                {a.body}
              </Text>
              <Group gap={6} wrap="wrap">
                <Text size="xs" c="dimmed">
                  {mine ? 'You' : (a.authorName ?? 'Someone')}
                </Text>
                {a.private && (
                  <Badge size="sm" variant="light" color="violet" tt="none" leftSection={<IconLock size={12} aria-hidden />}>
                    Only you see this
                  </Badge>
                )}
                {a.carriedOverCount > 0 && (
                  <Badge size="sm" variant="light" color="orange" tt="none">
                    Carried over{a.carriedOverCount > 1 ? ` ×${a.carriedOverCount}` : ''}
                  </Badge>
                )}
                {a.discussedAt && (
                  <Badge size="sm" variant="light" color="teal" tt="none">
                    Discussed
                  </Badge>
                )}
                {a.goalId && (
                  <Badge size="sm" variant="outline" color="blue.9" component={Link} to="/goals/$id" params={{ id: a.goalId } as never} style={{ cursor: 'pointer', textTransform: 'none' }}>
                    Goal: {a.goalTitle ?? 'linked'}
                  </Badge>
                )}
                {a.hurdleId && (
                  <Badge size="sm" variant="outline" color="gray" component={Link} to="/hurdles" style={{ cursor: 'pointer', textTransform: 'none' }}>
                    Hurdle: {a.hurdleTitle ?? 'linked'}
                  </Badge>
                )}
              </Group>
            </Stack>
          )}
        </Group>
        {editable && !editing && (
          <Group gap={2} wrap="nowrap">
            <ActionIcon variant="subtle" aria-label={`Move up: ${short}`} disabled={first || moving} onClick={() => onMove(-1)}>
              <IconArrowUp size={16} aria-hidden />
            </ActionIcon>
            <ActionIcon variant="subtle" aria-label={`Move down: ${short}`} disabled={last || moving} onClick={() => onMove(1)}>
              <IconArrowDown size={16} aria-hidden />
            </ActionIcon>
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <ActionIcon variant="subtle" aria-label={`Actions for: ${short}`}>
                  <IconDots size={16} aria-hidden />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item onClick={() => onAction('action')}>Add an action item</Menu.Item>
                <Menu.Item onClick={() => onAction('assign')}>Assign learning</Menu.Item>
                <Menu.Item onClick={() => onAction('plan')}>Add to a development plan</Menu.Item>
                <Menu.Item onClick={() => onAction('goal')}>{a.goalId ? 'Change the linked goal' : 'Link a goal'}</Menu.Item>
                <Menu.Item onClick={() => onAction('hurdle')}>{a.hurdleId ? 'Change the linked hurdle' : 'Link a hurdle'}</Menu.Item>
                {mine && (
                  <>
                    <Menu.Divider />
                    <Menu.Item onClick={() => setEditing(true)}>Edit</Menu.Item>
                    <Menu.Item onClick={() => patch.mutate({ private: !a.private })}>{a.private ? 'Share with the other person' : 'Make private (only you see it)'}</Menu.Item>
                    <Menu.Item
                      color="red.8"
                      onClick={() => confirmDanger({ title: 'Remove this talking point?', body: a.body, confirm: 'Remove', onConfirm: () => remove.mutate() })}
                    >
                      Remove
                    </Menu.Item>
                  </>
                )}
              </Menu.Dropdown>
            </Menu>
          </Group>
        )}
      </Group>
      {!editing && patch.error && <ErrorAlert error={patch.error} title="Could not change the point" />}
    </Stack>
  );
}

function AddPoint({ meetingId }: { meetingId: string }) {
  const qc = useQueryClient();
  const topics = useQuery(oneOnOneQueries.topics());
  const [body, setBody] = useState('');
  const [priv, setPriv] = useState(false);
  const [topicId, setTopicId] = useState<string | null>(null);
  const add = useMutation({
    mutationFn: () => oneOnOneApi.addPoint(meetingId, { body, private: priv, ...(topicId && { topicId }) }),
    onSuccess: () => {
      setBody('');
      setTopicId(null);
      void qc.invalidateQueries({ queryKey: oneOnOneKeys.all });
    },
  });
  const byCategory = new Map<TopicCategory, { value: string; label: string }[]>();
  for (const t of topics.data?.data ?? []) byCategory.set(t.category, [...(byCategory.get(t.category) ?? []), { value: t.id, label: t.text }]);
  const suggestions = [...byCategory].map(([c, items]) => ({ group: categoryLabels[c], items }));
  const server = fieldErrors(add.error);
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (body.trim()) add.mutate();
      }}
    >
      <Stack gap="xs" mt="xs">
        <ErrorAlert error={add.error && !server.body ? add.error : null} title="Could not add the point" />
        <Group align="flex-end" wrap="wrap" gap="xs">
          <TextInput
            label="Add a talking point"
            value={body}
            onChange={(e) => {
              setBody(e.currentTarget.value);
              if (!e.currentTarget.value) setTopicId(null);
            }}
            maxLength={2000}
            error={server.body}
            style={{ flex: '1 1 240px' }}
          />
          <Button type="submit" leftSection={<IconPlus size={16} aria-hidden />} loading={add.isPending} disabled={!body.trim()}>
            Add point
          </Button>
        </Group>
        <Group wrap="wrap" gap="md" align="center">
          <Switch
            checked={priv}
            onChange={(e) => setPriv(e.currentTarget.checked)}
            label={
              <Group gap={4} component="span">
                <IconLock size={14} aria-hidden />
                Private: only you see this
              </Group>
            }
          />
          {suggestions.length > 0 && (
            <Select
              label="Suggested topics"
              placeholder="Pick a topic from the bank"
              data={suggestions}
              value={topicId}
              searchable
              clearable
              onChange={(v, opt) => {
                setTopicId(v);
                if (v && opt) setBody(opt.label);
              }}
              style={{ flex: '1 1 240px' }}
            />
          )}
        </Group>
      </Stack>
    </form>
  );
}
