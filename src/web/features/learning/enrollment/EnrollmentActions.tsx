import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouteContext } from '@tanstack/react-router';
import { useState } from 'react';
import { fieldErrors } from '../../../lib/api.ts';
import { hasRole, type Me } from '../../../lib/me.ts';
import { confirmDanger, drawerTitle, ErrorAlert, FormActions } from '../../../ui/common.tsx';
import { enrollmentApi, enrollmentKeys, type LearningItem } from './api.ts';

/**
 * What a manager or admin can do to someone's enrolment: change the due date (admins, or the
 * manager who assigned it), reset or unenrol (admins). Renders nothing when none applies.
 */
export function EnrollmentActions({ item }: { item: LearningItem }) {
  const { me } = useRouteContext({ from: '/app' }) as { me: Me };
  const admin = hasRole(me, 'learning_admin', 'hr_admin');
  const open = item.status === 'not_started' || item.status === 'in_progress' || item.status === 'failed';
  const canDue = open && (admin || item.assignedBy?.id === me.personId);
  const [dueOpen, setDueOpen] = useState(false);
  const qc = useQueryClient();
  const done = (message: string) => {
    for (const queryKey of enrollmentKeys.lists) void qc.invalidateQueries({ queryKey });
    notifications.show({ color: 'green', message });
  };
  const reset = useMutation({ mutationFn: () => enrollmentApi.reset(item.id), onSuccess: () => done(`${item.title} was reset`) });
  const remove = useMutation({ mutationFn: () => enrollmentApi.unenroll(item.id), onSuccess: () => done(`Unenrolled from ${item.title}`) });
  if (!canDue && !admin) return null;
  return (
    <>
      <ErrorAlert error={reset.error ?? remove.error} title="That did not work" />
      <Group gap="xs">
        {canDue && (
          <Button size="xs" variant="default" onClick={() => setDueOpen(true)} aria-label={`Change due date of ${item.title}`}>
            Change due date
          </Button>
        )}
        {admin && (
          <>
            <Button
              size="xs"
              variant="default"
              loading={reset.isPending}
              aria-label={`Reset ${item.title}`}
              onClick={() =>
                confirmDanger({
                  title: `Reset ${item.title}?`,
                  body: 'Progress, quiz attempts and any certificate are removed; the learner starts again.',
                  confirm: 'Reset',
                  onConfirm: () => reset.mutate(),
                })
              }
            >
              Reset
            </Button>
            <Button
              size="xs"
              variant="subtle"
              color="red"
              loading={remove.isPending}
              aria-label={`Unenrol from ${item.title}`}
              onClick={() =>
                confirmDanger({
                  title: `Unenrol from ${item.title}?`,
                  body: 'The enrolment and its progress are removed. The change is recorded in the audit log.',
                  confirm: 'Unenrol',
                  onConfirm: () => remove.mutate(),
                })
              }
            >
              Unenrol
            </Button>
          </>
        )}
      </Group>
      <Modal opened={dueOpen} onClose={() => setDueOpen(false)} title="Change due date" styles={drawerTitle}>
        {dueOpen && <DueForm item={item} onDone={() => { setDueOpen(false); done('Due date changed'); }} onCancel={() => setDueOpen(false)} />}
      </Modal>
    </>
  );
}

function DueForm({ item, onDone, onCancel }: { item: LearningItem; onDone: () => void; onCancel: () => void }) {
  const [due, setDue] = useState(item.dueAt ? toDateInput(item.dueAt) : '');
  const save = useMutation({
    mutationFn: () => enrollmentApi.changeDue(item.id, due ? new Date(`${due}T23:59:59`).toISOString() : null),
    onSuccess: onDone,
  });
  const errors = fieldErrors(save.error);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Stack>
        {!errors.dueAt && <ErrorAlert error={save.error} title="Could not change the due date" />}
        <TextInput type="date" label={`Due date for ${item.title}`} description="Leave empty for no due date" value={due} onChange={(e) => setDue(e.currentTarget.value)} error={errors.dueAt} data-autofocus />
        <FormActions onCancel={onCancel} loading={save.isPending} />
      </Stack>
    </form>
  );
}

/** yyyy-mm-dd in the browser's time zone, for a date input. */
function toDateInput(iso: string) {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
