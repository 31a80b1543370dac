import { Button, Group, Modal, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { fieldErrors } from '../../../lib/api.ts';
import { drawerTitle, ErrorAlert } from '../../../ui/common.tsx';
import { categoryLabels, hurdleApi, hurdleKeys, hurdleQueries, type Hurdle, type HurdleCategory } from './api.ts';

const categoryOptions = Object.entries(categoryLabels).map(([value, label]) => ({ value, label }));

/** Raise a hurdle: what is in the way, its category, the goal it blocks (optional), more words. */
export function RaiseHurdleModal({ opened, personId, onClose }: { opened: boolean; personId: string; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Raise a hurdle" styles={drawerTitle} size="lg">
      {opened && <RaiseForm personId={personId} onClose={onClose} />}
    </Modal>
  );
}

function RaiseForm({ personId, onClose }: { personId: string; onClose: () => void }) {
  const qc = useQueryClient();
  const [title, setTitle] = useState('');
  const [category, setCategory] = useState<string | null>(null);
  const [goalId, setGoalId] = useState<string | null>(null);
  const [description, setDescription] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 200);
  const goals = useQuery(hurdleQueries.goals(personId, q));
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);
  const goalOptions = useMemo(() => {
    const opts = (goals.data?.data ?? []).map((g) => ({ value: g.id, label: g.title }));
    return chosen && !opts.some((o) => o.value === chosen.value) ? [chosen, ...opts] : opts;
  }, [goals.data, chosen]);

  const save = useMutation({
    mutationFn: () =>
      hurdleApi.raise({
        personId,
        title: title.trim(),
        category: category as HurdleCategory,
        ...(goalId ? { goalId } : {}),
        ...(description.trim() ? { description: description.trim() } : {}),
      }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: hurdleKeys.all });
      onClose();
    },
  });
  const server = fieldErrors(save.error);
  const check = () => {
    const e: Record<string, string> = {};
    if (!title.trim()) e.title = 'Say what is in the way';
    if (title.trim().length > 200) e.title = 'At most 200 characters';
    if (!category) e.category = 'Choose a category';
    setLocal(e);
    return Object.keys(e).length === 0;
  };
  return (
    <form
      noValidate
      onSubmit={(ev) => {
        ev.preventDefault();
        if (check()) save.mutate();
      }}
    >
      <Stack>
        <ErrorAlert error={save.error && !Object.keys(server).length ? save.error : null} title="Could not raise the hurdle" />
        <TextInput label="What is in the way?" required value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={local.title ?? server.title} data-autofocus />
        <Select label="Category" required data={categoryOptions} value={category} onChange={setCategory} error={local.category ?? server.category} />
        <Select
          label="Linked goal"
          description="Optional: the goal this gets in the way of"
          placeholder={goals.isError ? 'Goals could not be loaded' : 'Type to search goals'}
          searchable
          clearable
          searchValue={search}
          onSearchChange={setSearch}
          filter={({ options }) => options}
          data={goalOptions}
          value={goalId}
          onChange={(v, opt) => {
            setGoalId(v);
            setChosen(opt ?? null);
          }}
          nothingFoundMessage={goals.isFetching ? 'Searching…' : 'No goals match'}
          error={server.goalId}
        />
        <Textarea label="Details" autosize minRows={3} maxLength={5000} value={description} onChange={(e) => setDescription(e.currentTarget.value)} error={server.description} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            Raise hurdle
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Resolve a hurdle, with a note on how. */
export function ResolveModal({ hurdle, onClose }: { hurdle: Hurdle | null; onClose: () => void }) {
  return (
    <Modal opened={hurdle !== null} onClose={onClose} title="Resolve hurdle" styles={drawerTitle}>
      {hurdle && <ResolveForm hurdle={hurdle} onClose={onClose} />}
    </Modal>
  );
}

function ResolveForm({ hurdle, onClose }: { hurdle: Hurdle; onClose: () => void }) {
  const qc = useQueryClient();
  const [resolution, setResolution] = useState('');
  const save = useMutation({
    mutationFn: () => hurdleApi.update(hurdle.id, { status: 'resolved', resolution: resolution.trim() || null }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: hurdleKeys.all });
      onClose();
    },
  });
  return (
    <form
      noValidate
      onSubmit={(ev) => {
        ev.preventDefault();
        save.mutate();
      }}
    >
      <Stack>
        <ErrorAlert error={save.error} title="Could not resolve the hurdle" />
        <Textarea
          label="How was it resolved?"
          description={hurdle.title}
          autosize
          minRows={3}
          maxLength={2000}
          value={resolution}
          onChange={(e) => setResolution(e.currentTarget.value)}
          data-autofocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            Resolve
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
