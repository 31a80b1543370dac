import { Alert, Modal, MultiSelect, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useEffect } from 'react';
import { ApiError, fieldErrors } from '../../../lib/api.ts';
import { ErrorAlert, FormActions } from '../../../ui/common.tsx';
import { roundApi, roundKeys, roundQueries } from './api.ts';

type Values = { title: string; dueDate: string; personIds: string[] };

/** yyyy-mm-dd of today in the browser's time zone. */
function today() {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** Start a round: a title, an optional due date, and the people (direct reports who can rate, by default). */
export function StartRoundModal({ onClose }: { onClose: () => void }) {
  const qc = useQueryClient();
  const navigate = useNavigate();
  const candidates = useQuery(roundQueries.candidates());
  const form = useForm<Values>({
    initialValues: { title: '', dueDate: '', personIds: [] },
    validate: {
      title: (v) => (v.trim() ? (v.trim().length > 200 ? 'At most 200 characters' : null) : 'Enter a title'),
      dueDate: (v) => (v && v <= today() ? 'Choose a date after today' : null),
      personIds: (v) => (v.length ? null : 'Choose at least one person'),
    },
  });
  const list = candidates.data?.data ?? [];
  // Default: every direct report who can rate, once the candidates are known.
  useEffect(() => {
    if (candidates.data && !form.isTouched('personIds')) {
      form.setFieldValue(
        'personIds',
        candidates.data.data.filter((c) => c.directReport && c.eligible).map((c) => c.personId),
      );
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [candidates.data]);
  const start = useMutation({
    mutationFn: (v: Values) =>
      roundApi.create({
        title: v.title.trim(),
        // The end of the chosen day in the browser's time zone.
        dueAt: v.dueDate ? new Date(`${v.dueDate}T23:59:59`).toISOString() : null,
        personIds: v.personIds,
      }),
    onSuccess: (r) => {
      void qc.invalidateQueries({ queryKey: roundKeys.all });
      notifications.show({ color: 'green', message: `${r.progress.members} ${r.progress.members === 1 ? 'person was' : 'people were'} asked to rate their skills` });
      onClose();
      void navigate({ to: '/skill-rounds/$id', params: { id: r.id } });
    },
    onError: (err) => {
      const f = fieldErrors(err);
      form.setErrors({ title: f.title, dueDate: f.dueAt, personIds: f.personIds ?? Object.entries(f).find(([k]) => k.startsWith('personIds.'))?.[1] });
    },
  });
  const options = list.map((c) => ({
    value: c.personId,
    label: `${c.name}${c.profile ? ` · ${c.profile.name}` : ''}${c.directReport ? '' : ' (indirect)'}${c.eligible ? '' : ` — ${c.reason}`}`,
    disabled: !c.eligible,
  }));
  const cannot = list.filter((c) => c.directReport && !c.eligible);
  const refused = start.error instanceof ApiError && start.error.status === 422 ? start.error : null;
  return (
    <Modal opened onClose={onClose} title="Start a skill round">
      <form onSubmit={form.onSubmit((v) => start.mutate(v))}>
        <Stack>
          <Text size="sm" c="dimmed">
            Each person rates the skills of their job profile; then you add your rating. They are told in the app and by email.
          </Text>
          <TextInput label="Title" placeholder="e.g. Spring skills check" required maxLength={200} data-autofocus {...form.getInputProps('title')} />
          <TextInput label="Due date (optional)" type="date" min={today()} {...form.getInputProps('dueDate')} />
          <MultiSelect
            label="People"
            description="Your direct reports who hold a job profile with skills are chosen; people without one cannot rate yet."
            placeholder={candidates.isLoading ? 'Loading your team…' : list.length ? 'Choose people' : 'Nobody reports to you'}
            data={options}
            searchable
            clearable
            nothingFoundMessage="Nobody by that name in your team"
            {...form.getInputProps('personIds')}
          />
          {cannot.length > 0 && (
            <Alert color="yellow" variant="light">
              {cannot.map((c) => c.name).join(', ')} cannot rate yet: they hold no job profile with skills. An HR admin assigns profiles.
            </Alert>
          )}
          <ErrorAlert error={candidates.error} />
          <ErrorAlert error={refused ?? (start.error && !Object.keys(fieldErrors(start.error)).length ? start.error : null)} title="Could not start the round" />
          <FormActions onCancel={onClose} label="Start round" loading={start.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
