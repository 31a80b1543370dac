import { Button, Group, Modal, NumberInput, Radio, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, fieldErrors } from '../../../lib/api.ts';
import { ErrorAlert, FormActions, drawerTitle } from '../../../ui/common.tsx';
import { calibrationApi, calibrationKeys, type EntryBody, type Grid, type GridSubject } from './api.ts';
import { differs, point, rating } from './format.ts';
import { readableErrors } from '../reviews/ReviewForm.tsx';

/** Sets one subject's final rating (a reason when it differs from the proposed score), potential and notes. */
export function AdjustDialog({ grid, subject, onClose }: { grid: Grid; subject: GridSubject | null; onClose: () => void }) {
  return (
    <Modal opened={subject !== null} onClose={onClose} title={subject ? `Calibrate ${subject.subject.name}` : 'Calibrate'} styles={drawerTitle} size="lg" closeButtonProps={{ 'aria-label': 'Close' }}>
      {subject && <AdjustForm key={subject.subject.id} grid={grid} s={subject} onClose={onClose} />}
    </Modal>
  );
}

function AdjustForm({ grid, s, onClose }: { grid: Grid; s: GridSubject; onClose: () => void }) {
  const qc = useQueryClient();
  const proposed = s.proposed.score;
  const [final, setFinal] = useState<number | string>(s.finalRating ?? proposed ?? '');
  const [reason, setReason] = useState(s.reason ?? '');
  const [potential, setPotential] = useState<string>(s.potential ? String(s.potential) : 'none');
  const [notes, setNotes] = useState(s.notes ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const finalNumber = typeof final === 'number' ? final : null;
  const needsReason = finalNumber !== null && differs(finalNumber, proposed);
  const { min, max } = grid.scale;

  const save = useMutation({
    mutationFn: (body: EntryBody) => calibrationApi.updateEntry(grid.session.id, s.subject.id, body),
    onSuccess: (row) => {
      void qc.invalidateQueries({ queryKey: calibrationKeys.grid(grid.session.id) });
      notifications.show({ color: 'teal', message: `${row.subject.name}: saved${row.boxName ? `, now in ${row.boxName}` : ''}.` });
      onClose();
    },
    onError: (err) => setErrors(fieldErrors(err)),
  });

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (needsReason && !reason.trim()) problems.reason = 'Say why the final rating differs from the proposed score';
    if (finalNumber !== null && min !== null && max !== null && (finalNumber < min || finalNumber > max)) problems.finalRating = `Use a rating from ${point(min)} to ${point(max)}`;
    setErrors(problems);
    if (Object.keys(problems).length) return;
    // A final equal to the proposed score is stored as none: it then follows the proposed score
    // while reviews still come in.
    save.mutate({
      finalRating: needsReason ? finalNumber : null,
      reason: needsReason ? reason.trim() : null,
      potential: potential === 'none' ? null : (Number(potential) as 1 | 2 | 3),
      notes: notes.trim() || null,
    });
  };

  return (
    <form onSubmit={submit} noValidate style={readableErrors}>
      <Stack>
        {save.error && !(save.error instanceof ApiError && save.error.code === 'validation_failed') && <ErrorAlert error={save.error} />}
        <Text size="sm">
          Proposed score: <strong>{rating(proposed)}</strong>
          {s.manager && ` · manager ${s.manager.name}`}
          {s.proposed.reweighted && ' · re-weighted: some parts have no answers'}
        </Text>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <NumberInput
            label="Final rating"
            description={min !== null && max !== null ? `From ${point(min)} to ${point(max)}, at most two decimals` : undefined}
            value={final}
            onChange={setFinal}
            decimalScale={2}
            step={0.5}
            min={min ?? undefined}
            max={max ?? undefined}
            clampBehavior="none"
            error={errors.finalRating}
            w={220}
            data-autofocus
          />
          {proposed !== null && (
            <Button variant="default" onClick={() => setFinal(proposed)} disabled={!needsReason}>
              Use the proposed score
            </Button>
          )}
        </Group>
        <Textarea
          label="Reason"
          description={needsReason ? 'Required: the final rating differs from the proposed score.' : 'Needed only when the final rating differs from the proposed score.'}
          required={needsReason}
          disabled={!needsReason}
          autosize
          minRows={2}
          maxLength={1000}
          value={needsReason ? reason : ''}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={errors.reason}
        />
        <Radio.Group label="Potential" description="With the final rating, it places the person on the 9-box." value={potential} onChange={setPotential}>
          <Group gap="md" mt={6}>
            <Radio value="none" label="Not set" />
            <Radio value="1" label="Low" />
            <Radio value="2" label="Moderate" />
            <Radio value="3" label="High" />
          </Group>
        </Radio.Group>
        <Textarea label="Notes" description="Seen by HR and the session’s calibrators, never by the person." autosize minRows={2} maxLength={2000} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} error={errors.notes} />
        <FormActions onCancel={onClose} loading={save.isPending} />
      </Stack>
    </form>
  );
}
