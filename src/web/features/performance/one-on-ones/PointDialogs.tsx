import { Alert, Button, Group, Modal, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { fieldErrors, http } from '../../../lib/api.ts';
import { DoneStep, ErrorAlert, drawerTitle } from '../../../ui/common.tsx';
import { CatalogPicker } from '../../learning/enrollment/AssignDialog.tsx';
import { enrollmentKeys } from '../../learning/enrollment/api.ts';
import { AddAction } from './ActionItems.tsx';
import { oneOnOneApi, oneOnOneKeys, type AgendaItem } from './api.ts';
import type { Sides } from './SeriesPage.tsx';

export type PointAction = 'action' | 'assign' | 'plan' | 'goal' | 'hurdle';

const titles: Record<PointAction, string> = {
  action: 'Add an action item',
  assign: 'Assign learning from this point',
  plan: 'Add to a development plan',
  goal: 'Link a goal',
  hurdle: 'Link a hurdle',
};

/** One step from a talking point: an action item, learning, a plan item, or a link to a goal or hurdle. */
export function PointDialogs({ acting, meetingId, sides, onClose }: { acting: { point: AgendaItem; action: PointAction } | null; meetingId: string; sides: Sides; onClose: () => void }) {
  return (
    <Modal opened={acting !== null} onClose={onClose} title={acting ? titles[acting.action] : ''} styles={drawerTitle} size="lg">
      {acting && (
        <Stack key={`${acting.point.id}-${acting.action}`}>
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            Talking point: “{acting.point.body}”
          </Text>
          {acting.action === 'action' && <AddAction meetingId={meetingId} sides={sides} agendaItemId={acting.point.id} onDone={onClose} />}
          {acting.action === 'assign' && <AssignForm point={acting.point} sides={sides} onClose={onClose} />}
          {acting.action === 'plan' && <PlanForm point={acting.point} sides={sides} onClose={onClose} />}
          {(acting.action === 'goal' || acting.action === 'hurdle') && <LinkForm kind={acting.action} point={acting.point} sides={sides} onClose={onClose} />}
        </Stack>
      )}
    </Modal>
  );
}

function WhoFor({ sides, value, onChange }: { sides: Sides; value: string; onChange: (v: string) => void }) {
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500} id="point-who">
        For
      </Text>
      <SegmentedControl
        aria-labelledby="point-who"
        value={value}
        onChange={onChange}
        data={[
          { value: sides.other.id, label: sides.other.name },
          { value: sides.me.id, label: 'Me' },
        ]}
        style={{ alignSelf: 'flex-start' }}
      />
    </Stack>
  );
}

function Footer({ onClose, label, loading }: { onClose: () => void; label: string; loading: boolean }) {
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onClose}>
        Cancel
      </Button>
      <Button type="submit" loading={loading}>
        {label}
      </Button>
    </Group>
  );
}

/** As the hurdles page's dialog: a course or program, due date; the reason is this 1:1 point (one_on_one). */
function AssignForm({ point, sides, onClose }: { point: AgendaItem; sides: Sides; onClose: () => void }) {
  const qc = useQueryClient();
  const [item, setItem] = useState<string | null>(null);
  const [due, setDue] = useState('');
  const [local, setLocal] = useState<string | undefined>();
  const submit = useMutation({
    mutationFn: () => {
      const [kind, id] = (item ?? '').split(':');
      return oneOnOneApi.assignFromPoint(point.id, {
        ...(kind === 'program' ? { programId: id } : { courseId: id }),
        personId: sides.other.id,
        ...(due ? { dueAt: new Date(`${due}T23:59:59`).toISOString() } : {}),
      });
    },
    onSuccess: () => {
      for (const queryKey of enrollmentKeys.lists) void qc.invalidateQueries({ queryKey });
    },
  });
  const server = fieldErrors(submit.error);
  if (submit.data) {
    return (
      <DoneStep title={submit.data.alreadyEnrolled ? 'Already enrolled' : 'Assigned'} onClose={onClose}>
        {submit.data.alreadyEnrolled
          ? `${sides.other.name} is already enrolled in it; nothing changed.`
          : `${sides.other.name} is enrolled. My learning shows it with the reason “Agreed in a 1:1”.`}
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
        <Text size="sm">For {sides.other.name}</Text>
        <ErrorAlert error={submit.error && !(server.courseId || server.programId) ? submit.error : null} title="Could not assign" />
        <CatalogPicker value={item} onChange={setItem} error={local ?? server.courseId ?? server.programId} />
        <TextInput label="Due" type="date" value={due} onChange={(e) => setDue(e.currentTarget.value)} error={server.dueAt} />
        <Footer onClose={onClose} label="Assign" loading={submit.isPending} />
      </Stack>
    </form>
  );
}

const actionTypes = [
  { value: 'course', label: 'Course' },
  { value: 'program', label: 'Program' },
  { value: 'mentoring', label: 'Mentoring' },
  { value: 'project', label: 'Project' },
  { value: 'stretch_assignment', label: 'Stretch assignment' },
  { value: 'other', label: 'Other' },
] as const;

function PlanForm({ point, sides, onClose }: { point: AgendaItem; sides: Sides; onClose: () => void }) {
  const qc = useQueryClient();
  const [person, setPerson] = useState(sides.other.id);
  const [title, setTitle] = useState(point.body.slice(0, 300));
  const [type, setType] = useState<(typeof actionTypes)[number]['value']>('other');
  const [due, setDue] = useState('');
  const submit = useMutation({
    mutationFn: () => oneOnOneApi.planFromPoint(point.id, { title, actionType: type, personId: person, ...(due && { dueDate: due }) }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['development-plan'] }),
  });
  const server = fieldErrors(submit.error);
  if (submit.data) {
    return (
      <DoneStep title="Added" onClose={onClose}>
        “{submit.data.title}” is on {person === sides.me.id ? 'your' : `${sides.other.name}’s`} development plan (My growth).
      </DoneStep>
    );
  }
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit.mutate();
      }}
    >
      <Stack>
        <ErrorAlert error={submit.error && !Object.keys(server).length ? submit.error : null} title="Could not add the plan item" />
        <WhoFor sides={sides} value={person} onChange={setPerson} />
        <TextInput label="Plan item" required maxLength={300} value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={server.title} />
        <Select label="Kind" data={actionTypes as never} value={type} onChange={(v) => setType((v as typeof type) ?? 'other')} allowDeselect={false} error={server.actionType} />
        <TextInput label="Due" type="date" value={due} onChange={(e) => setDue(e.currentTarget.value)} error={server.dueDate} />
        <Footer onClose={onClose} label="Add to plan" loading={submit.isPending} />
      </Stack>
    </form>
  );
}

/** Goals or unresolved hurdles of either participant that the viewer can see. */
function useRecords(kind: 'goal' | 'hurdle', sides: Sides) {
  return useQuery({
    queryKey: [...oneOnOneKeys.all, 'link-choices', kind, sides.me.id, sides.other.id],
    queryFn: async () => {
      const people = [sides.other, sides.me];
      const lists = await Promise.all(
        people.map(async (p) =>
          kind === 'goal'
            ? (await http.get('/goals', { query: { ownerType: 'person', ownerId: p.id, limit: 50 } })).data.map((g) => ({ value: g.id, label: g.title, group: p.name }))
            : (await http.get('/people/:id/hurdles', { params: { id: p.id }, query: { status: 'unresolved', limit: 50 } })).data.map((h) => ({ value: h.id, label: h.title, group: p.name })),
        ),
      );
      return people.map((p, i) => ({ group: p.id === sides.me.id ? 'Mine' : p.name, items: lists[i]!.map(({ value, label }) => ({ value, label })) })).filter((g) => g.items.length);
    },
  });
}

function LinkForm({ kind, point, sides, onClose }: { kind: 'goal' | 'hurdle'; point: AgendaItem; sides: Sides; onClose: () => void }) {
  const qc = useQueryClient();
  const current = kind === 'goal' ? point.goalId : point.hurdleId;
  const [value, setValue] = useState<string | null>(current);
  const choices = useRecords(kind, sides);
  const submit = useMutation({
    mutationFn: (v: string | null) => oneOnOneApi.linkPoint(point.id, kind === 'goal' ? { goalId: v } : { hurdleId: v }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: oneOnOneKeys.all });
      onClose();
    },
  });
  const server = fieldErrors(submit.error);
  const label = kind === 'goal' ? 'Goal' : 'Hurdle';
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (value) submit.mutate(value);
      }}
    >
      <Stack>
        <ErrorAlert error={choices.error ?? (submit.error && !Object.keys(server).length ? submit.error : null)} title={`Could not link the ${kind}`} />
        <Select
          label={label}
          placeholder={choices.isLoading ? 'Loading…' : `Choose a ${kind}`}
          data={choices.data ?? []}
          searchable
          value={value}
          onChange={setValue}
          nothingFoundMessage={kind === 'goal' ? 'No goals of either of you' : 'No open hurdles of either of you'}
          error={server.goalId ?? server.hurdleId}
        />
        <Group justify="space-between">
          {current ? (
            <Button variant="subtle" color="red.8" onClick={() => submit.mutate(null)} loading={submit.isPending && submit.variables === null}>
              Remove the link
            </Button>
          ) : (
            <span />
          )}
          <Group gap="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" disabled={!value || value === current} loading={submit.isPending && submit.variables !== null}>
              Link {kind}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
